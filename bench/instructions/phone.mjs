// Instruction counts of the phone check (docs/benchmarks.md, "Second round (issue 20)"):
//   valgrind --tool=callgrind node bench/instructions/phone.mjs <both|max> <count>
// analyses <count> distinct CN mobiles as src/facts/phone.ts does with the `mobile` metadata first
// then `max` (both), or with `max` alone. Per phone = the difference of two counts ÷ the difference.
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMobile } from 'libphonenumber-js/mobile';

const mode = process.argv[2];
const count = Number(process.argv[3] ?? 1000);
const analyse = (text, country) => {
  if (mode === 'both' && parseMobile(text, { defaultCountry: country })?.isValid() === true) return true;
  const parsed = parseMax(text, { defaultCountry: country });
  if (parsed === undefined) return false;
  const valid = parsed.isValid();
  if (valid) parsed.getType();
  return valid;
};
let valid = 0;
for (let i = 0; i < count; i++) if (analyse(`131${String(i).padStart(8, '0')}`, 'CN')) valid++;
console.log(`${valid} of ${count} valid`);

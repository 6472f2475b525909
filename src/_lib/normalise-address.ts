// Spellings that mean the same thing in a Chinese address, after NFKC has folded full-width
// characters to half-width: 號→号, 幢/座→栋 (a building), 单→单元 when bare, '#' after a number
// (3#楼 = 3号楼). 室 after a room number is dropped (1201室 = 1201).
const ZH_RULES: readonly (readonly [RegExp, string])[] = [
  [/號/g, '号'],
  [/(\d)\s*[幢座]/g, '$1栋'],
  [/(\d)\s*#/g, '$1号'],
  [/(\d)单(?!元)/g, '$1单元'],
  [/(\d)室/g, '$1'],
];

// English abbreviations, as whole words; '#' before a number is a unit (St #5 = St Unit 5).
const EN_RULES: readonly (readonly [RegExp, string])[] = [
  [/\bstreet\b/g, 'st'],
  [/\broad\b/g, 'rd'],
  [/\bavenue\b/g, 'ave'],
  [/\bboulevard\b/g, 'blvd'],
  [/\b(apartment|apt|unit|suite|ste)\b/g, 'unit'],
  [/\bbuilding\b/g, 'bldg'],
  [/\bfloor\b/g, 'fl'],
  [/\bnumber\b|\bno\b/g, ''],
  [/#\s*(?=\d)/g, ' unit '],
];

/**
 * Reduces an address to a canonical key: full-width to half-width, case folded, the usual
 * alternative spellings unified, then spaces and punctuation removed. Two spellings of one
 * address give one key; different rooms in one building do not.
 *
 * @example
 * normaliseAddress('深南大道 10000 号') === normaliseAddress('深南大道10000號') //=> true
 * normaliseAddress('1 Market Street, Apt 5') === normaliseAddress('1 market st unit 5') //=> true
 */
export function normaliseAddress(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [pattern, replacement] of ZH_RULES) s = s.replace(pattern, replacement);
  for (const [pattern, replacement] of EN_RULES) s = s.replace(pattern, replacement);
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

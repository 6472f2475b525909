import * as z from 'zod';
import { analysePhone, type PhoneAnalysis } from '../../facts/phone.js';
import { CountrySchema } from '../../schema/primitives.js';
import { defineDetector } from '../detector.js';

/**
 * PHONE_INVALID: the courier cannot reach the customer: the shipping phone is not a valid number
 * for the address's country (libphonenumber-js). A valid landline (0755-86013388) and a
 * marketplace privacy number with its extension (17012345678-1234, 17012345678转1234) work: a
 * landline is flagged only in a `requireMobileIn` country (none by default).
 */
export const phoneInvalid = defineDetector({
  code: 'PHONE_INVALID',
  category: 'customer',
  severity: 'high',
  owner: 'customer_service',
  signal: "The shipping phone is not a valid number for the address's country, or not a mobile in a requireMobileIn country.",
  thresholds: z.strictObject({
    requireMobileIn: z
      .array(CountrySchema)
      .default(() => [])
      .meta({ description: 'Countries where the shipping phone must be a mobile (a valid landline is usable by default).' }),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['delivered', 'cancelled', 'closed'] },
      {
        any: [
          { fact: 'phone.isValid', operator: 'equal', value: false },
          {
            all: [
              { fact: 'address.country', operator: 'in', value: t.requireMobileIn },
              { fact: 'phone.isMobile', operator: 'equal', value: false },
            ],
          },
        ],
      },
    ],
  }),
  evidenceFacts: ['address.country'],
  confidence: (facts) => (facts['phone.isValid'] ? 0.8 : 0.95),
  records: (snapshot) => {
    const { phone, country } = snapshot.shippingAddress;
    const analysis = analysePhone(phone, country);
    return { phone: [phoneRecord(phone, country, analysis)] };
  },
});

/** What the evidence says of a phone: valid, mobile, a landline, its E.164 form and extension. */
function phoneRecord(phone: string, country: string, analysis: PhoneAnalysis): Readonly<Record<string, unknown>> {
  return {
    phone,
    country,
    valid: analysis.valid,
    mobile: analysis.mobile,
    ...(analysis.mobile === false ? { landline: true } : {}),
    ...(analysis.e164 === undefined ? {} : { e164: analysis.e164 }),
    ...(analysis.extension === undefined ? {} : { extension: analysis.extension }),
  };
}

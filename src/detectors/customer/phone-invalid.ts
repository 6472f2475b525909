import { z } from 'zod';
import { analysePhone } from '../../facts/phone.js';
import { CountrySchema } from '../../schema/primitives.js';
import { defineDetector } from '../detector.js';

/**
 * PHONE_INVALID: the courier cannot reach the customer: the shipping phone is not a valid number
 * for the address's country (libphonenumber-js), or is a fixed line where couriers text mobiles.
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
      .default(() => ['CN'])
      .meta({ description: 'Countries where the shipping phone must be a mobile (couriers send SMS).' }),
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
    return { phone: [{ phone, country, valid: analysis.valid, mobile: analysis.mobile, ...(analysis.e164 === undefined ? {} : { e164: analysis.e164 }) }] };
  },
});

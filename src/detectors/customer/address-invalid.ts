import * as z from 'zod';
import { type AddressPart, missingAddressParts, placeholderAddressParts } from '../../facts/customer-facts.js';
import { quoteRecord } from '../../facts/quote-record.js';
import { CountrySchema } from '../../schema/primitives.js';
import { AddressSchema, ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { countThreshold } from '../threshold.js';

const AddressPartSchema = z.enum(['province', 'city', 'district', 'line1', 'postalCode']);

/**
 * ADDRESS_INVALID: the address cannot be delivered to as written: a part its country requires
 * is missing, a part is placeholder text, the street detail is too short, the carrier reported
 * an address issue, or an agent logged an address change.
 */
export const addressInvalid = defineDetector({
  code: 'ADDRESS_INVALID',
  category: 'customer',
  severity: 'high',
  owner: 'customer_service',
  signal:
    "Missing a part the country requires, placeholder text, line1+line2 shorter than minDetailLength, the carrier's address_issue as latest event, or an address_change report.",
  thresholds: z.strictObject({
    minDetailLength: countThreshold(5, 'Fewest characters (spaces aside) the street detail (line1 + line2) may have.'),
    requiredParts: z
      .record(CountrySchema, z.array(AddressPartSchema))
      .default(() => ({ CN: ['province', 'city', 'line1'] as AddressPart[], US: ['province', 'city', 'postalCode', 'line1'] as AddressPart[] }))
      .meta({ description: 'Parts each country requires (replaces the defaults when given).' }),
    defaultRequiredParts: z
      .array(AddressPartSchema)
      .default((): AddressPart[] => ['city', 'line1'])
      .meta({ description: 'Parts required for countries not in requiredParts.' }),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['delivered', 'cancelled', 'closed'] },
      {
        any: [
          { fact: 'address.missingPartCount', operator: 'greaterThan', value: 0 },
          { fact: 'address.hasPlaceholder', operator: 'equal', value: true },
          { fact: 'address.detailLength', operator: 'lessThan', value: t.minDetailLength },
          { fact: 'tracking.lastEventCode', operator: 'equal', value: 'address_issue' },
          { fact: 'reports.addressChangeCount', operator: 'greaterThan', value: 0 },
        ],
      },
    ],
  }),
  evidenceFacts: ['address.country', 'order.isShipped'],
  confidence: (facts) => (facts['address.missingPartCount'] > 0 || facts['tracking.lastEventCode'] === 'address_issue' ? 0.95 : 0.8),
  records: (snapshot, _facts, context) => ({
    address: [quoteRecord(snapshot.shippingAddress, AddressSchema)],
    problems: [
      ...missingAddressParts(snapshot, context.settings).map((part) => ({ problem: 'missing', part })),
      ...placeholderAddressParts(snapshot).map((part) => ({ problem: 'placeholder', part })),
    ],
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'address_change').map((r) => quoteRecord(r, ReportSchema)),
  }),
});

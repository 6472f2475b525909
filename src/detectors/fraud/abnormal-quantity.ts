import * as z from 'zod';
import { linesOverLimit } from '../../facts/fraud-facts.js';
import { defineDetector } from '../detector.js';
import { countThreshold } from '../threshold.js';

/** ABNORMAL_QUANTITY: a SKU ordered in more units than its limit (scalpers, brushing, typos). */
export const abnormalQuantity = defineDetector({
  code: 'ABNORMAL_QUANTITY',
  category: 'fraud',
  severity: 'medium',
  owner: 'risk',
  signal: 'A SKU ordered in more units than perSku[sku], else maxPerSku.',
  thresholds: z.strictObject({
    maxPerSku: countThreshold(20, 'Units of one SKU an order may hold, unless perSku says otherwise.', 1),
    perSku: z.record(z.string(), z.int().min(0)).default({}).meta({ description: 'Limits for particular SKUs, e.g. { "SKU-MASK": 5 }.' }),
  }),
  when: () => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
      { fact: 'items.linesOverQuantityLimit', operator: 'greaterThan', value: 0 },
    ],
  }),
  evidenceFacts: ['items.totalQuantity'],
  confidence: () => 0.8,
  records: (snapshot, _facts, context) => ({ lines: linesOverLimit(snapshot, context.settings.quantityLimits) }),
});

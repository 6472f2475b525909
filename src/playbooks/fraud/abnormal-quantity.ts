import { linesOverLimit } from '../../facts/fraud-facts.js';
import type { Playbook } from '../playbook.js';

/** ABNORMAL_QUANTITY: risk reviews the lines above their limit. */
export const abnormalQuantityPlaybook: Playbook<unknown> = ({ order, context }) => [
  {
    kind: 'manual_review',
    params: { reason: 'abnormal_quantity', details: linesOverLimit(order, context.settings.quantityLimits).map((l) => `${l.sku}: ${l.quantity} > ${l.limit}`) },
    owner: 'risk',
    key: ['abnormal_quantity'],
    automatable: false,
  },
];

import { defineDetector } from '../detector.js';
import { hoursThreshold, minutesThreshold, scopedThresholds } from '../threshold.js';

/**
 * NOT_SHIPPED_ON_TIME: paid (or cash on delivery) and still not shipped after the promised
 * ship-by time, or, without a promise, `shipWithinHours` after payment.
 */
export const notShippedOnTime = defineDetector({
  code: 'NOT_SHIPPED_ON_TIME',
  category: 'logistics',
  severity: 'medium',
  owner: 'warehouse',
  signal: 'Paid, nothing shipped, more than graceMinutes past promisedShipBy (without one: shipWithinHours after payment).',
  thresholds: scopedThresholds({
    graceMinutes: minutesThreshold(0, 'Minutes past promisedShipBy tolerated.'),
    shipWithinHours: hoursThreshold(48, 'Hours after payment to ship when the order has no promisedShipBy.'),
  }),
  scopedBy: ['country'],
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'in', value: ['paid', 'processing'] },
      { fact: 'order.isShipped', operator: 'equal', value: false },
      {
        any: [
          { fact: 'shipping.minutesPastShipBy', operator: 'greaterThan', value: t.graceMinutes },
          {
            all: [
              { fact: 'shipping.hasPromisedShipBy', operator: 'equal', value: false },
              { fact: 'payments.minutesSinceFirstPaid', operator: 'greaterThan', value: t.shipWithinHours * 60 },
            ],
          },
        ],
      },
    ],
  }),
  evidenceFacts: ['payments.minutesSinceFirstPaid'],
  confidence: () => 0.95,
});

import * as z from 'zod';
import { demandBySku } from '../../facts/inventory-facts.js';
import { quoteRecord } from '../../facts/quote-record.js';
import { ReservationSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { minutesThreshold } from '../threshold.js';

/**
 * RESERVATION_FAILED: a paid (or cash-on-delivery) order, not yet shipped, with a line that has
 * no `reserved` reservation covering it after the grace period: stock was never locked.
 */
export const reservationFailed = defineDetector({
  code: 'RESERVATION_FAILED',
  category: 'inventory',
  severity: 'high',
  owner: 'warehouse',
  signal: "Paid (or cash on delivery), not shipped, and a line's 'reserved' reservations cover less than its quantity after graceMinutes.",
  thresholds: z.strictObject({
    graceMinutes: minutesThreshold(10, 'Minutes after payment a reservation may take.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'in', value: ['paid', 'processing'] },
      { fact: 'order.isShipped', operator: 'equal', value: false },
      { fact: 'reservations.unreservedLineCount', operator: 'greaterThan', value: 0 },
      {
        any: [
          { fact: 'payments.minutesSinceFirstPaid', operator: 'greaterThan', value: t.graceMinutes },
          {
            all: [
              { fact: 'payments.isCashOnDelivery', operator: 'equal', value: true },
              { fact: 'order.minutesSinceCreated', operator: 'greaterThan', value: t.graceMinutes },
            ],
          },
        ],
      },
    ],
  }),
  evidenceFacts: ['reservations.failedCount'],
  confidence: (facts) => ((facts['reservations.failedCount'] ?? 0) > 0 ? 0.95 : 0.85),
  records: (snapshot) => ({
    lines: demandBySku(snapshot).map((d) => ({ ...d })),
    reservations: (snapshot.reservations ?? []).map((r) => quoteRecord(r, ReservationSchema)),
  }),
});

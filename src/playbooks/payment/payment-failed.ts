import { addHours } from '../../_lib/add-time.js';
import { parseTimestamp } from '../../_lib/timestamp.js';
import type { ThresholdsOf } from '../../detectors/registry.js';
import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

type Thresholds = ThresholdsOf<'PAYMENT_FAILED'>;

/**
 * PAYMENT_FAILED: unpaid past `autoCancelHours` → cancel (the shop's standard auto-cancel);
 * latest attempt failed → suggest a retry or another method, naming the reason; otherwise →
 * send a payment link. The customer is told how long the items are held.
 */
export const paymentFailedPlaybook: Playbook<Thresholds> = ({ order, facts, thresholds, policy, messages, kit }) => {
  const { sections } = messages.customer;
  const createdAt = parseTimestamp(order.createdAt);
  const holdUntil = addHours(createdAt, thresholds.autoCancelHours).getTime();
  const amount = kit.money(order.totals.payable);
  if (facts['order.minutesSinceCreated'] >= thresholds.autoCancelHours * 60) {
    return [
      { kind: 'cancel_order', params: { reason: 'unpaid_timeout' }, owner: 'customer_service', key: ['unpaid_timeout'], automatable: true },
      tell('unpaid_cancelled', sections.unpaidCancelled({ amount, within: messages.duration(thresholds.autoCancelHours * 60) }), { withRemedies: true }),
    ];
  }
  const latestFailed = facts['payments.latestAttemptStatus'] === 'failed' ? order.payments.find((p) => p.id === facts['payments.latestAttemptId']) : undefined;
  if (latestFailed !== undefined) {
    const otherMethods = policy.paymentMethods.offered.filter((m) => m !== latestFailed.method);
    const reason = latestFailed.failureReason;
    return [
      {
        kind: 'suggest_payment_retry',
        params: {
          paymentId: latestFailed.id,
          ...(reason === undefined ? {} : { failureReason: reason }),
          holdUntil: new Date(holdUntil).toISOString(),
          otherMethods,
        },
        owner: 'customer_service',
        key: [latestFailed.id],
        automatable: true,
      },
      tell(
        'payment_retry',
        sections.paymentRetry({
          amount,
          failedAt: kit.time(parseTimestamp(latestFailed.createdAt)),
          reason: reason === undefined ? undefined : messages.failureReason(reason),
          holdUntil: kit.time(holdUntil),
          otherMethods: messages.alternatives(otherMethods.map(messages.paymentMethod)),
        }),
        { withRemedies: true },
      ),
    ];
  }
  return [
    {
      kind: 'send_payment_link',
      params: { amount: order.totals.payable, currency: order.currency, purpose: 'order', expiresAt: new Date(holdUntil).toISOString() },
      owner: 'customer_service',
      key: ['order', order.totals.payable],
      automatable: true,
    },
    tell('payment_link', sections.paymentLink({ amount, holdUntil: kit.time(holdUntil) }), { withRemedies: true }),
  ];
};

// 05: the evaluation context and scoped thresholds.
// A parcel silent over Spring Festival is not stalled when the holiday calendar says couriers
// were off; thresholds can differ per carrier; a blacklist matches addresses written differently.
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';
import { buildOrder, buildShipment, minutesAfter, trackingEvent } from 'order-triage/testing';

const DAY = 24 * 60;
const triage = createTriage({
  locale: 'en',
  thresholds: { TRACKING_STALLED: { stalledDays: 3, byCarrier: { EMS: { stalledDays: 5 } } } },
});

const parcel = (carrier) =>
  buildOrder({
    status: 'shipped',
    shipments: [buildShipment({ carrier, estimatedDeliveryAt: minutesAfter(20 * DAY), events: [trackingEvent('in_transit', 300)] })],
  });
const now = minutesAfter(300 + 4 * DAY); // four days since the last scan

const plain = triage.evaluate(parcel('SF'), { now });
console.log(`SF, no calendar: ${plain.findings.map((f) => f.code).join(', ')}`);
assert.deepEqual(
  plain.findings.map((f) => f.code),
  ['TRACKING_STALLED'],
);

// Couriers off for three of those four days: one working day of silence is not a stall.
const calendar = { holidays: ['2026-03-02', '2026-03-03', '2026-03-04'] };
const holiday = triage.evaluate(parcel('SF'), { now, calendar });
console.log(`SF over a holiday: ${holiday.findings.length} finding(s)`);
assert.equal(holiday.findings.length, 0);

// EMS is allowed five days.
const ems = triage.evaluate(parcel('EMS'), { now });
console.log(`EMS after four days: ${ems.findings.length} finding(s)`);
assert.equal(ems.findings.length, 0);

// A blacklisted address, written with different spacing and a traditional 號, still matches.
const blacklist = { addresses: ['广东省 深圳市 南山区 深南大道 10000 號 腾讯大厦'] };
const listed = triage.evaluate(buildOrder(), { now: minutesAfter(30), blacklist });
console.log(`blacklist: ${listed.findings.map((f) => `${f.code} on ${JSON.stringify(f.evidence.records.matches)}`).join('; ')}`);
assert.deepEqual(
  listed.findings.map((f) => f.code),
  ['BLACKLISTED'],
);

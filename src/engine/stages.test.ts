import { createTriage } from 'order-triage';
import { allScenarios, buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { createDetection, detect } from './detect.js';
import { createInputState, prepareInput } from './prepare-input.js';
import { createReporting, keptHits, report } from './report.js';
import { resolveMessages, resolveOptions } from './resolve-options.js';

/** The stages of one triage, built as createTriage builds them. */
function stages(options: Parameters<typeof createTriage>[0]) {
  const { resolved, rules } = resolveOptions(options);
  const messages = resolveMessages(resolved);
  return { detection: createDetection(resolved, rules, messages), input: createInputState(resolved), reporting: createReporting(resolved, messages) };
}

describe('the engine stages', () => {
  it('run one after another give the report evaluate gives, on every scenario', () => {
    const { detection, input, reporting } = stages({ locale: 'en' });
    const triage = createTriage({ locale: 'en' });
    for (const scenario of allScenarios) {
      const { order, now } = scenario();
      const prepared = prepareInput(input, order, { now });
      if ('ok' in prepared) throw new Error(`scenario order ${order.id} was not prepared`);
      const { facts, hits } = detect(detection, prepared.order, prepared.context);
      expect(report(reporting, prepared.order, prepared.context, facts, hits)).toEqual(triage.evaluate(order, { now }));
    }
  });

  it('detect finds every code whose conditions hold; report leaves out those another one explains away', () => {
    const { detection, input } = stages({});
    // In transit for eight days without news: stalled, and lost, which explains the stall away.
    const order = buildOrder({
      status: 'shipped',
      shipments: [{ id: 'S', carrier: 'SF', trackingNumber: 'T', shippedAt: minutesAfter(0), events: [{ at: minutesAfter(0), code: 'in_transit' }] }],
    });
    const prepared = prepareInput(input, order, { now: minutesAfter(8 * 24 * 60) });
    if ('ok' in prepared) throw new Error('the order was not prepared');
    const { hits } = detect(detection, prepared.order, prepared.context);
    expect(hits.map((h) => h.entry.code)).toEqual(expect.arrayContaining(['TRACKING_STALLED', 'PACKAGE_LOST']));
    const kept = keptHits(hits).map((h) => h.entry.code);
    expect(kept).toContain('PACKAGE_LOST');
    expect(kept).not.toContain('TRACKING_STALLED');
  });
});

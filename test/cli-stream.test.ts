import { Writable } from 'node:stream';
import { runCli } from 'order-triage/cli';
import { buildOrder } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { captureIo } from './cli-io.js';

const ORDERS = 200_000;
const NOW = '2026-03-01T10:45:00+08:00';

/** 200,000 small orders as NDJSON lines, made one at a time: every 10th unpaid for 45 minutes (PAYMENT_FAILED), every 1,000th broken. */
function* ndjson(): Generator<string> {
  const paid = JSON.stringify(buildOrder());
  const unpaid = JSON.stringify(buildOrder({ status: 'pending_payment', payments: [] }));
  for (let i = 0; i < ORDERS; i++) {
    if (i % 1_000 === 999) yield '{"id": "cut off\n';
    else yield `${(i % 10 === 0 ? unpaid : paid).replace('"ORD-1001"', `"ORD-${i}"`)}\n`;
  }
}

/** A sink that counts output lines and the PAYMENT_FAILED records among them, keeping nothing, and asks the writer to wait now and then. */
function countingSink(): { sink: Writable; lines: () => number; failed: () => number; invalid: () => number } {
  let lines = 0;
  let failed = 0;
  let invalid = 0;
  let calls = 0;
  let rest = '';
  const sink = new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _encoding, done) {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        lines++;
        if (part.includes('"code":"PAYMENT_FAILED"')) failed++;
        if (part.includes('"code":"invalid_json"')) invalid++;
      }
      // Every so often answer later, so the command has to wait for 'drain'.
      if (++calls % 7 === 0) setImmediate(done);
      else done();
    },
  });
  return { sink, lines: () => lines, failed: () => failed, invalid: () => invalid };
}

describe('order-triage evaluate, streaming', () => {
  it('evaluates 200,000 NDJSON orders from a stream into a sink, one record per line, every broken line counted', async () => {
    const counted = countingSink();
    const io = { ...captureIo({ stdin: ndjson() }), stdout: counted.sink };
    expect(await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], io)).toBe(0);
    const broken = ORDERS / 1_000;
    const unpaid = ORDERS / 10; // i % 10 === 0 is never i % 1000 === 999
    expect(counted.lines()).toBe(ORDERS);
    expect(counted.invalid()).toBe(broken);
    expect(counted.failed()).toBe(unpaid);
    expect(io.err()).toContain(`${ORDERS} orders, ${unpaid} findings (PAYMENT_FAILED ${unpaid}), ${broken} invalid,`);
    // The first 20 broken lines are named, the rest only counted.
    expect(io.err().match(/^line \d+: invalid JSON/gm)).toHaveLength(20);
    expect(io.err()).toMatch(/^line 1000: invalid JSON/m);
  });
});

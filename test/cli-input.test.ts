import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from 'order-triage/cli';
import { buildOrder } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { captureIo } from './cli-io.js';

const NOW = '2026-03-01T10:45:00+08:00';
const BOM = '\uFEFF';
const order = (id: string) => JSON.stringify(buildOrder({ id }));
const dir = mkdtempSync(join(tmpdir(), 'order-triage-cli-input-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('order-triage reads files as editors write them', () => {
  it('drops a UTF-8 byte order mark at the start of NDJSON input, of a JSON orders file and of rule and context files', async () => {
    const ndjson = captureIo({ stdin: `${BOM}${order('A-1')}\n${order('A-2')}\n` });
    expect(await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], ndjson)).toBe(0);
    expect(
      ndjson
        .out()
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { ok: boolean }).ok),
    ).toEqual([true, true]);
    expect(ndjson.err()).toContain('2 orders,');
    expect(ndjson.err()).not.toContain('invalid JSON');

    const rules = file(
      'bom-rules.json',
      `${BOM}${JSON.stringify([{ conditions: { all: [{ fact: 'order', path: '$.status', operator: 'equal', value: 'paid' }] }, event: { type: 'PAID' } }])}`,
    );
    const context = file('bom-context.json', `${BOM}${JSON.stringify({ now: NOW })}`);
    const orders = file('bom-orders.json', `${BOM}[${order('B-1')}]`);
    const io = captureIo();
    expect(await runCli(['evaluate', orders, '--context', context, '--rules', rules, '--format', 'ndjson'], io)).toBe(0);
    expect(io.out()).toContain('"code":"PAID"');
    const lint = captureIo();
    expect(await runCli(['lint', rules], lint)).toBe(0);
  });
});

describe('order-triage evaluate, a line too long', () => {
  it('reports a line longer than 1 MiB invalid with its number and carries on with the next lines, the long one streamed in small chunks', async () => {
    function* input(): Generator<string> {
      yield `${order('C-1')}\n{"id":"`;
      const piece = 'x'.repeat(65_536);
      for (let i = 0; i < 40; i++) yield piece; // 2.5 MiB on line 2
      yield `"}\r\n${order('C-3')}\r\n`;
    }
    const io = captureIo({ stdin: input() });
    expect(await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], io)).toBe(0);
    const records = io
      .out()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; orderId?: string; error?: { code: string; message: string } });
    expect(records.map((r) => [r.line, r.ok, r.orderId ?? r.error?.code])).toEqual([
      [1, true, 'C-1'],
      [2, false, 'invalid_json'],
      [3, true, 'C-3'],
    ]);
    expect(io.err()).toMatch(/^line 2: line longer than 1048576 bytes \(2621449\), skipped$/m);
    expect(io.err()).toContain('3 orders,');
  });
});

describe('order-triage exit codes and error lines', () => {
  it('exits 2 on a --locale no catalogue has, naming it', async () => {
    const io = captureIo({ stdin: `${order('D-1')}\n` });
    expect(await runCli(['evaluate', '-', '--now', NOW, '--locale', 'fr'], io)).toBe(2);
    expect(io.err()).toMatch(/^order-triage: --locale fr: unknown locale "fr"/);
  });

  it('exits 1 with --fail-on-invalid when any order could not be read or evaluated, 0 without it', async () => {
    const input = `${order('E-1')}\n{ not json\n`;
    expect(await runCli(['evaluate', '-', '--now', NOW], captureIo({ stdin: input }))).toBe(0);
    expect(await runCli(['evaluate', '-', '--now', NOW, '--fail-on-invalid'], captureIo({ stdin: input }))).toBe(1);
    expect(await runCli(['evaluate', '-', '--now', NOW, '--fail-on-invalid'], captureIo({ stdin: `${order('E-2')}\n` }))).toBe(0);
  });

  it('writes every problem with a missing, malformed or directory --rules or --context as an order-triage: line', async () => {
    const cases = [
      ['--rules', join(dir, 'missing.json')],
      ['--rules', file('malformed.json', '{ "rules": [')],
      ['--rules', dir],
      ['--context', dir],
    ];
    for (const [flag, path] of cases) {
      const io = captureIo({ stdin: `${order('F-1')}\n` });
      expect(await runCli(['evaluate', '-', '--now', NOW, flag as string, path as string], io)).toBe(1);
      expect(io.err()).toMatch(/^order-triage: .+\n$/);
    }
    const backtest = captureIo({ stdin: `${order('F-2')}\n` });
    expect(await runCli(['backtest', '-', '--now', NOW, '--against', join(dir, 'missing.json')], backtest)).toBe(1);
    expect(backtest.err()).toMatch(/^order-triage: cannot read .*missing\.json: ENOENT\n$/);
  });
});

describe('order-triage backtest --format json', () => {
  it('writes changed orders while it reads the input, not all at the end, and the whole still parses as the result', async () => {
    const against = file('paid.json', JSON.stringify([{ conditions: { all: [{ fact: 'order', path: '$.status', operator: 'equal', value: 'paid' }] }, event: { type: 'PAID' } }]));
    const ORDERS = 3_000;
    let writtenBeforeEnd = 0;
    let out = '';
    const io = captureIo();
    function* input(): Generator<string> {
      for (let i = 1; i <= ORDERS; i++) yield `${order(`G-${i}`)}\n`;
      writtenBeforeEnd = out.length;
    }
    const streaming = { ...captureIo({ stdin: input() }), stdout: { write: (s: string) => ((out += s), true), once: () => undefined } };
    expect(await runCli(['backtest', '-', '--now', NOW, '--against', against, '--format', 'json'], streaming)).toBe(0);
    // Changed orders were on stdout before the last line was read (in chunks of 64 KiB).
    expect(writtenBeforeEnd).toBeGreaterThan(65_536);
    const result = JSON.parse(out) as { changed: { orderId: string; line: number; added: string[] }[]; changedCount: number; orders: number; invalid: number[]; unit: string };
    expect(result.changed).toHaveLength(ORDERS);
    expect(result.changed[0]).toEqual({ orderId: 'G-1', added: ['PAID'], removed: [], line: 1 });
    expect(result).toMatchObject({ changedCount: ORDERS, orders: ORDERS, invalid: [], unit: 'line' });
    expect(io.err()).toBe('');
  }, 120_000);
});

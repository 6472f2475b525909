import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTriage, getRuleJsonSchema, getSnapshotJsonSchema } from 'order-triage';
import { runCli } from 'order-triage/cli';
import { backtest, buildOrder } from 'order-triage/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from './cli-io.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SAMPLE = 'examples/data/sample-orders.json';
const RULES = 'examples/rules/my-rules.json';
const sample = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { now: string; orders: unknown[] };
const NOW = sample.now;
let dir = '';

const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'order-triage-cli-'));
});

const params = { category: 'fraud', severity: 'low', owner: 'risk' } as const;
const misspeltPath = [{ name: 'big', conditions: { all: [{ fact: 'order', path: '$.totals.payabel', operator: 'greaterThan', value: 1 }] }, event: { type: 'BIG', params } }];
const unknownFact = [{ name: 'big', conditions: { all: [{ fact: 'totals.payabel', operator: 'greaterThan', value: 1 }] }, event: { type: 'BIG', params } }];

describe('order-triage lint', () => {
  it('exits 0 on a good rule file and says so', async () => {
    const io = captureIo();
    expect(await runCli(['lint', RULES], io)).toBe(0);
    expect(io.out()).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('exits 1 on a rule file createTriage refuses, naming the path and the fact it probably meant', async () => {
    const io = captureIo();
    expect(await runCli(['lint', write('unknown-fact.json', unknownFact)], io)).toBe(1);
    expect(io.out()).toContain('error rules[0].conditions.all[0].fact: rule "big": unknown fact "totals.payabel"');
    expect(io.out()).toContain('1 error, 0 warnings in 1 file');
  });

  it('exits 0 on warnings alone, and 1 with --strict, which makes them errors', async () => {
    const file = write('misspelt-path.json', misspeltPath);
    const lenient = captureIo();
    expect(await runCli(['lint', file], lenient)).toBe(0);
    expect(lenient.out()).toContain('warning rules[0].conditions.all[0].path: rule "big": the snapshot has no field "payabel" under $.totals');
    expect(lenient.out()).toContain('did you mean "$.totals.payable"?');
    const strict = captureIo();
    expect(await runCli(['lint', file, '--strict'], strict)).toBe(1);
    expect(strict.out()).toContain('error rules[0].conditions.all[0].path');
  });

  it('prints errors and warnings as JSON with --format json', async () => {
    const io = captureIo();
    expect(await runCli(['lint', write('misspelt-path.json', misspeltPath), '--format', 'json'], io)).toBe(0);
    const lint = JSON.parse(io.out()) as { errors: unknown[]; warnings: { path: unknown[] }[] };
    expect(lint.errors).toEqual([]);
    expect(lint.warnings.map((w) => w.path)).toEqual([['rules', 0, 'conditions', 'all', 0, 'path']]);
  });

  it('exits 1 on a file it cannot read or parse, and 2 without a file', async () => {
    const missing = captureIo();
    expect(await runCli(['lint', join(dir, 'nowhere.json')], missing)).toBe(1);
    expect(missing.out()).toContain('cannot read');
    const broken = captureIo();
    expect(await runCli(['lint', write('broken.json', '{ "rules": [')], broken)).toBe(1);
    expect(broken.out()).toContain('is not JSON');
    const none = captureIo();
    expect(await runCli(['lint'], none)).toBe(2);
    expect(none.err()).toContain('lint needs a rule file');
  });
});

describe('order-triage usage', () => {
  it('exits 2 on an unknown command or flag, 0 on --help and --version', async () => {
    const unknown = captureIo();
    expect(await runCli(['lnit'], unknown)).toBe(2);
    expect(unknown.err()).toContain('unknown command "lnit"');
    const flag = captureIo();
    expect(await runCli(['lint', RULES, '--strcit'], flag)).toBe(2);
    expect(flag.err()).toContain('--strcit');
    const help = captureIo();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toContain('order-triage evaluate');
    const version = captureIo();
    expect(await runCli(['--version'], version)).toBe(0);
    expect(version.out()).toBe('9.9.9-test\n');
  });
});

describe('order-triage evaluate', () => {
  it('prints one table line per finding, the same findings evaluate returns, and names the order it could not evaluate', async () => {
    const io = captureIo();
    expect(await runCli(['evaluate', SAMPLE, '--now', NOW, '--locale', 'en'], io)).toBe(0);
    const triage = createTriage({ locale: 'en' });
    const expected = sample.orders.flatMap((order, i) => {
      const result = triage.evaluate(order, { now: NOW });
      return result.ok ? result.findings.map((f) => `position ${i + 1}\t${f.orderId}\t${f.code}\t${f.severity}\t${f.owner}\t${f.summary}`) : [];
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(io.out().trimEnd().split('\n')).toEqual(expected);
    expect(io.err()).toMatch(/^position 10: invalid_snapshot: totals\.payable: /m);
    expect(io.err()).toMatch(new RegExp(`${sample.orders.length} orders, ${expected.length} findings \\(.*\\), 1 invalid, \\d+\\.\\d s\\n$`));
  });

  it('reads NDJSON from stdin, writes one record per line with its line number, and carries on past a broken line', async () => {
    const lines = [JSON.stringify(sample.orders[1]), '', '{ not json', JSON.stringify(sample.orders[3])];
    const io = captureIo({ stdin: `${lines.join('\n')}\n` });
    expect(await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], io)).toBe(0);
    const records = io
      .out()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; error?: { code: string } });
    expect(records.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
    ]);
    expect(records[1]?.error?.code).toBe('invalid_json');
    const { line: _, ...first } = records[0] as Record<string, unknown>;
    expect(first).toEqual(JSON.parse(JSON.stringify(createTriage().evaluate(sample.orders[1], { now: NOW }))));
    expect(io.err()).toMatch(/^line 3: invalid JSON: /m);
    expect(io.err()).toContain('3 orders,');
  });

  it('writes the same records as one JSON list with --format json', async () => {
    const ndjson = captureIo();
    await runCli(['evaluate', SAMPLE, '--now', NOW, '--format', 'ndjson'], ndjson);
    const json = captureIo();
    await runCli(['evaluate', SAMPLE, '--now', NOW, '--format', 'json'], json);
    const list = JSON.parse(json.out()) as unknown[];
    expect(list).toHaveLength(sample.orders.length);
    expect(list).toEqual(
      ndjson
        .out()
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    );
  });

  it('runs the rules of --rules, and exits 1 naming every problem when createTriage refuses them', async () => {
    const rules = [{ name: 'paid', conditions: { all: [{ fact: 'order', path: '$.status', operator: 'equal', value: 'paid' }] }, event: { type: 'PAID_ORDER', params } }];
    const io = captureIo({ stdin: `${JSON.stringify(buildOrder())}\n` });
    expect(await runCli(['evaluate', '-', '--now', NOW, '--rules', write('paid.json', rules)], io)).toBe(0);
    expect(io.out()).toContain('\tPAID_ORDER\tlow\trisk\t');
    const refused = captureIo();
    expect(await runCli(['evaluate', SAMPLE, '--now', NOW, '--rules', write('unknown-fact.json', unknownFact)], refused)).toBe(1);
    expect(refused.err()).toContain('rules[0].conditions.all[0].fact: rule "big": unknown fact "totals.payabel"');
    expect(refused.out()).toBe('');
  });

  it('evaluates with the blacklist and calendar of --context, --now over its now, and exits 1 on a context evaluate refuses', async () => {
    const { orders: _, ...context } = sample as unknown as Record<string, unknown>;
    const file = write('context.json', { ...context, now: '2020-01-01T00:00:00Z' });
    const io = captureIo();
    expect(await runCli(['evaluate', SAMPLE, '--now', NOW, '--context', file, '--format', 'ndjson'], io)).toBe(0);
    const triage = createTriage();
    const expected = sample.orders.map((order) => JSON.parse(JSON.stringify(triage.evaluate(order, { ...context, now: NOW } as never))));
    const records = io
      .out()
      .trimEnd()
      .split('\n')
      .map((l) => {
        const { position: __, ...result } = JSON.parse(l) as Record<string, unknown>;
        return result;
      });
    expect(records).toEqual(expected);
    expect(io.out()).toContain('"code":"BLACKLISTED"');
    const refused = captureIo();
    expect(await runCli(['evaluate', SAMPLE, '--now', NOW, '--context', write('bad-context.json', { blacklist: { phones: 'all' } })], refused)).toBe(1);
    expect(refused.err()).toContain('blacklist.phones');
  });

  it('exits 1 naming the file when the orders cannot be opened', async () => {
    for (const name of ['nowhere.ndjson', 'nowhere.json']) {
      const io = captureIo();
      expect(await runCli(['evaluate', join(dir, name), '--now', NOW], io)).toBe(1);
      expect(io.err()).toContain(`ENOENT`);
      expect(io.err()).toContain(name);
    }
  });

  it('exits 2 without --now or with a --now that is no timestamp', async () => {
    expect(await runCli(['evaluate', SAMPLE], captureIo())).toBe(2);
    const io = captureIo();
    expect(await runCli(['evaluate', SAMPLE, '--now', 'yesterday'], io)).toBe(2);
    expect(io.err()).toContain('--now "yesterday"');
  });

  it('draws a progress line on stderr only when stderr is a terminal', async () => {
    const orders = Array.from({ length: 1_000 }, (_, i) => JSON.stringify(buildOrder({ id: `ORD-${i}` }))).join('\n');
    const tty = captureIo({ stdin: orders, tty: true, tick: 1_000 });
    await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], tty);
    expect(tty.err()).toMatch(/\r500 orders, 0 findings, 0 invalid/);
    const pipe = captureIo({ stdin: orders, tty: false, tick: 1_000 });
    await runCli(['evaluate', '-', '--now', NOW, '--format', 'ndjson'], pipe);
    expect(pipe.err()).not.toContain('\r');
    expect(pipe.err()).toMatch(/^1000 orders, 0 findings, 0 invalid, \d+\.\d s\n$/);
  });
});

describe('order-triage backtest', () => {
  const stricter = { thresholds: { PAYMENT_FAILED: { unpaidMinutes: 600 } } };

  it('prints hits per code under each rule set, the difference, and the orders that change', async () => {
    const io = captureIo();
    expect(await runCli(['backtest', '--against', write('stricter.json', stricter), SAMPLE, '--now', NOW], io)).toBe(0);
    const expected = backtest({}, stricter, sample.orders, { now: NOW });
    expect(expected.changed.length).toBeGreaterThan(0);
    const a = expected.hits.a.PAYMENT_FAILED ?? 0;
    const b = expected.hits.b.PAYMENT_FAILED ?? 0;
    expect(io.out()).toMatch(new RegExp(`^PAYMENT_FAILED +${a} +${b} +${b - a}$`, 'm'));
    expect(io.out()).toContain(`${expected.changed.length} of ${sample.orders.length} orders change`);
    for (const change of expected.changed) expect(io.out()).toContain(`\t${change.orderId}\t-PAYMENT_FAILED`);
  });

  it('gives the library backtest result in JSON, every changed order with its position, and caps the text list with --limit', async () => {
    const against = write('stricter.json', stricter);
    const io = captureIo();
    expect(await runCli(['backtest', '--against', against, SAMPLE, '--now', NOW, '--format', 'json'], io)).toBe(0);
    const result = JSON.parse(io.out()) as { hits: unknown; orders: number; changed: { orderId: string; position: number }[]; invalid: number[] };
    const expected = backtest({}, stricter, sample.orders, { now: NOW });
    expect(result.hits).toEqual(expected.hits);
    expect(result.orders).toBe(expected.orders);
    expect(result.changed.map((c) => c.orderId)).toEqual(expected.changed.map((c) => c.orderId));
    const positions = new Map(sample.orders.map((o, i) => [(o as { id: string }).id, i + 1]));
    expect(result.changed.map((c) => c.position)).toEqual(expected.changed.map((c) => positions.get(c.orderId)));
    expect(result.invalid).toEqual(expected.invalid.map((i) => i + 1));
    const capped = captureIo();
    await runCli(['backtest', '--against', against, SAMPLE, '--now', NOW, '--limit', '1'], capped);
    expect(capped.out()).toContain(`(first 1 listed; --format json lists all)`);
    expect(
      capped
        .out()
        .split('\n')
        .filter((l) => l.startsWith('position ')),
    ).toHaveLength(1);
  });

  it('exits 2 without --against', async () => {
    const io = captureIo();
    expect(await runCli(['backtest', SAMPLE, '--now', NOW], io)).toBe(2);
    expect(io.err()).toContain('--against');
  });
});

describe('order-triage schema', () => {
  it("prints the snapshot JSON Schema the library builds, and the schema of a rule file: a list of the library's rules or an options object holding them", async () => {
    const snapshot = captureIo();
    expect(await runCli(['schema', 'snapshot'], snapshot)).toBe(0);
    expect(JSON.parse(snapshot.out())).toEqual(getSnapshotJsonSchema());
    const rules = captureIo();
    expect(await runCli(['schema', 'rules'], rules)).toBe(0);
    const { $schema, $defs, ...rule } = getRuleJsonSchema() as { $schema: string; $defs: Record<string, unknown> };
    const file = JSON.parse(rules.out()) as { $schema: string; oneOf: unknown[]; $defs: Record<string, unknown> };
    expect(file.$schema).toBe($schema);
    expect(file.$defs).toEqual({ ...$defs, OrderTriageRule: rule });
    expect(file.oneOf).toEqual([
      { type: 'array', items: { $ref: '#/$defs/OrderTriageRule' } },
      { type: 'object', properties: { rules: { type: 'array', items: { $ref: '#/$defs/OrderTriageRule' } }, conditions: { type: 'object' } } },
    ]);
    expect(await runCli(['schema', 'order'], captureIo())).toBe(2);
  });
});

describe('the built executable', () => {
  const bin = join(ROOT, 'dist/cli.js');
  // CI builds before it tests (.ci/run); a local run without dist/ checks the commands in-process only.
  it.skipIf(!existsSync(bin))('runs as node dist/cli.js with the exit codes of the in-process commands', () => {
    expect(spawnSync(process.execPath, [bin, 'lint', RULES], { cwd: ROOT }).status).toBe(0);
    expect(spawnSync(process.execPath, [bin, 'lint', write('unknown-fact.json', unknownFact)], { cwd: ROOT }).status).toBe(1);
    expect(spawnSync(process.execPath, [bin, 'lnit'], { cwd: ROOT }).status).toBe(2);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(execFileSync(process.execPath, [bin, '--version'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe(`${version}\n`);
    const table = execFileSync(process.execPath, [bin, 'evaluate', SAMPLE, '--now', NOW], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(table).toContain('DUPLICATE_PAYMENT');
  });
});

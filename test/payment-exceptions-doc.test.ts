import { readFileSync } from 'node:fs';
import { createTriage } from 'order-triage';
import { expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// docs/payment-exceptions.md writes each playbook step as `kind { key: 'literal', key, … }`: the
// keys the action's params carry, with the values that are fixed. Those must be what is emitted.
const page = readFileSync(new URL('../docs/payment-exceptions.md', import.meta.url), 'utf8');

/** The Markdown section under `## <heading>` up to the next `## `. */
function section(heading: string): string {
  const start = page.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`docs/payment-exceptions.md has no section ${heading}`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

/** The documented params of each `- \`kind { … }\`` step: key -> fixed literal, or undefined when the value varies. */
function documentedSteps(text: string): Map<string, Map<string, string | undefined>> {
  const steps = new Map<string, Map<string, string | undefined>>();
  for (const [, kind, body] of text.matchAll(/^- `([a-z_]+) \{ ([^}`]*) \}`/gm)) {
    const params = new Map<string, string | undefined>();
    for (const entry of (body ?? '').split(',').map((e) => e.trim())) {
      const [key, literal] = entry.split(':').map((part) => part.trim());
      params.set(key ?? '', literal === undefined ? undefined : literal.replace(/^'(.*)'$/, '$1'));
    }
    steps.set(kind ?? '', params);
  }
  return steps;
}

describe('docs/payment-exceptions.md', () => {
  it('documents the params PAID_NOT_UPDATED’s update_order_status and tech_incident carry, key for key and literal for literal', () => {
    const { order } = paymentScenarios.paidNotUpdated();
    // An hour after the payment: past incidentAfterMinutes (30), so the incident is opened too.
    const report = expectReport(createTriage().evaluate(order, { now: minutesAfter(60) }));
    const steps = documentedSteps(section('PAID_NOT_UPDATED'));
    expect([...steps.keys()]).toEqual(['update_order_status', 'tech_incident']);
    for (const [kind, documented] of steps) {
      const action = report.actions.find((a) => a.kind === kind);
      expect(action, `${kind} is planned`).toBeDefined();
      const emitted = action?.params as Record<string, unknown>;
      expect(Object.keys(emitted).sort(), `${kind}'s keys`).toEqual([...documented.keys()].sort());
      for (const [key, literal] of documented) if (literal !== undefined) expect(String(emitted[key]), `${kind}.${key}`).toBe(literal);
    }
  });
});

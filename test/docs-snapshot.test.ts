import { readFileSync } from 'node:fs';
import { OrderSnapshotSchema, TrackingEventCodeSchema } from 'order-triage';
import { describe, expect, it } from 'vitest';
import { withSnapshotFields } from '../scripts/docs/render-snapshot.js';

const page = readFileSync(new URL('../docs/snapshot.md', import.meta.url), 'utf8');

describe('docs/snapshot.md field reference', () => {
  it('is the table generated from the schema and its descriptions (run `npm run docs` if this fails)', () => {
    expect(page).toBe(withSnapshotFields(page));
  });

  it('lists every field, nested ones included, with the event codes, report kinds, open finding states and decision choices allowed', () => {
    for (const path of [
      'promisedShipBy',
      'payments[].amount',
      'shipments[].events[].code',
      'reports[].kind',
      'openFindings[].state',
      'decisions[].choice',
      'shippingAddress.line2',
    ]) {
      expect(page, path).toContain(`| \`${path}\` |`);
    }
    const row = (path: string) => page.split('\n').find((line) => line.startsWith(`| \`${path}\` |`)) ?? '';
    for (const code of TrackingEventCodeSchema.options) expect(row('shipments[].events[].code')).toContain(`\`${code}\``);
    for (const kind of OrderSnapshotSchema.shape.reports.unwrap().element.shape.kind.options) expect(row('reports[].kind')).toContain(`\`${kind}\``);
    expect(row('openFindings[].state')).toContain('`waiting_customer`');
    expect(row('decisions[].choice')).toContain('`exchange`');
    expect(row('payments[].amount')).toMatch(/\| yes \| integer \| .*minor units/);
  });
});

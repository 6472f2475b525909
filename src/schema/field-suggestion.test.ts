import { describe, expect, it } from 'vitest';
import { createFieldSuggester } from './field-suggestion.js';
import { withColonOffset } from './tolerance.js';

const root = createFieldSuggester(['id', 'status', 'createdAt', 'promisedShipBy', 'promisedDeliveryBy', 'shippingAddress', 'remark', 'tax']);

describe('createFieldSuggester', () => {
  it('suggests the field a snake_case, case-changed or misspelt key means', () => {
    expect(root('promised_ship_by')).toBe('promisedShipBy');
    expect(root('promisedShipby')).toBe('promisedShipBy');
    expect(root('PROMISED-SHIP-BY')).toBe('promisedShipBy');
    expect(root('shipping_adress')).toBe('shippingAddress');
    expect(root('promisedShpiBy')).toBe('promisedShipBy');
    expect(root('remakr')).toBe('remark');
  });

  it('suggests nothing for unrelated keys, and needs an exact fold for short field names', () => {
    for (const key of ['erpInternalFlag', 'warehouseNote', 'ip', 'tag', 'x'.repeat(10_000), '__proto__', 'constructor']) expect(root(key), key).toBeUndefined();
    expect(root('ID')).toBe('id');
    expect(root('TAX')).toBe('tax');
  });

  it('answers the same for a key asked again', () => {
    expect(root('promisedShipby')).toBe(root('promisedShipby'));
    expect(root('erpInternalFlag')).toBe(root('erpInternalFlag'));
  });
});

describe('withColonOffset', () => {
  it('writes +hhmm and -hhmm offsets as +hh:mm and leaves everything else alone', () => {
    expect(withColonOffset('2026-03-01T10:00:00+0800')).toBe('2026-03-01T10:00:00+08:00');
    expect(withColonOffset('2026-03-01T10:00:00.5-0530')).toBe('2026-03-01T10:00:00.5-05:30');
    for (const text of ['2026-03-01T10:00:00+08:00', '2026-03-01T10:00:00Z', '2026-03-01', '+0800', '2026-03-01 10:00:00+0800']) expect(withColonOffset(text)).toBe(text);
  });
});

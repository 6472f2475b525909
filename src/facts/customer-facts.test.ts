import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrder } from '../testing/index.js';
import { type AddressFacts, isPlaceholderText, isPlaceholderTextPlain, writeAddressFacts } from './customer-facts.js';

// Characters around the placeholder patterns: ASCII, their fullwidth and other compatibility
// forms, the ideographs placeholders use, ideographs they do not, and whitespace of every kind.
const alphabet = [...'testingxXnN/aA0123.-?asdfqwer 测试无暂没有不详未知待定道深南大道号室\u3000\u00a0\t\nｔｅｓｔｘ１２３．－？ⓧⅩ\uf900\u2460'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }).map((chars) => chars.join(''));
const known = ['test', ' TEST ', 'ｔｅｓｔ', '测试', '无', '暂 无', '不知道', 'xxx', 'Ⅹ', 'n/a', '1111', '深南大道10000号', '测试路1号', '...', '？？'];

describe('isPlaceholderText', () => {
  it('answers as normalising every text would, skipping the work where it cannot matter (10,000 generated)', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 12 }), fc.constantFrom(...known)), (value) => {
        expect(isPlaceholderText(value)).toBe(isPlaceholderTextPlain(value));
      }),
      { numRuns: 10_000, seed: 41 },
    );
  });

  it('finds placeholders in every script they are written in, and not in real addresses', () => {
    for (const value of ['test', 'ｔｅｓｔ', '测试', '暂 无', '不知道', 'xxx', 'n/a', '...']) expect(isPlaceholderText(value)).toBe(true);
    for (const value of ['深南大道10000号', '测试路1号', '1 Main St']) expect(isPlaceholderText(value)).toBe(false);
  });
});

describe('writeAddressFacts', () => {
  it('counts the detailed address without whitespace of any kind, as stripping it from line1 + line2 would (5,000 generated)', () => {
    const settings = { requiredAddressParts: {}, defaultRequiredAddressParts: [], remarkKeywords: {} };
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 12 })), fc.option(fc.oneof(text, fc.string({ maxLength: 12 })), { nil: undefined }), (line1, line2) => {
        const order = buildOrder();
        const address = { ...order.shippingAddress, line1, ...(line2 === undefined ? {} : { line2 }) };
        if (line2 === undefined) delete (address as { line2?: string }).line2;
        const facts = {} as AddressFacts;
        writeAddressFacts(facts as never, { ...order, shippingAddress: address } as never, settings);
        expect(facts['address.detailLength']).toBe(`${line1}${line2 ?? ''}`.replace(/\s+/g, '').length);
      }),
      { numRuns: 5_000, seed: 43 },
    );
  });
});

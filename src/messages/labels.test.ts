import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectorCodes } from '../detectors/registry.js';
import { BATCH_CODES } from '../vocabulary/batch-code.js';
import { carrierNameFrom, EN_CARRIERS, withCarrierNames, ZH_CN_CARRIERS } from './carrier-names.js';
import type { LabelTable, LabelTables } from './labels.js';
import { EN_LABELS } from './labels-en.js';
import { ZH_CN_LABELS } from './labels-zh-cn.js';
import { messageCatalogues } from './locales.js';
import { quotingCatalogue } from './quoting-catalogue.js';

const CATALOGUES = Object.entries(messageCatalogues);

describe('label tables', () => {
  it.each(CATALOGUES)('%s names every value of every vocabulary, each differently from the raw value where it is snake_case', (_locale, catalogue) => {
    const tables = catalogue.locale === 'en' ? EN_LABELS : ZH_CN_LABELS;
    for (const [vocabulary, table] of Object.entries(tables) as [keyof LabelTables, Readonly<Record<string, string>>][]) {
      for (const [value, name] of Object.entries(table)) {
        expect(catalogue.label(vocabulary, value)).toBe(name);
        expect(name.length, `${vocabulary}.${value}`).toBeGreaterThan(0);
        if (value.includes('_')) expect(name).not.toContain(value);
      }
    }
    // The zh-CN and en tables cover the same values.
    for (const vocabulary of Object.keys(EN_LABELS) as (keyof LabelTables)[]) expect(Object.keys(ZH_CN_LABELS[vocabulary])).toEqual(Object.keys(EN_LABELS[vocabulary]));
  });

  it('names holds, reviews, roles and systems as the issue asks', () => {
    const [zh, en] = [messageCatalogues['zh-CN'], messageCatalogues.en];
    expect(zh.label('holdReason', 'address_unverified')).toBe('收货地址待核实');
    expect(zh.label('escalationRole', 'manager')).toBe('经理');
    expect(zh.label('system', 'WMS')).toBe('仓储系统（WMS）');
    expect(zh.label('reviewReason', 'refund_ledger_unclear')).toBe('退款记录对不上');
    expect(en.label('techReason', 'payment_callback')).toBe('payment callback not handled');
    expect(en.label('holdReason', 'address_unverified')).toBe('the address is not verified');
  });

  it('shows an unknown value as given, even a name Object.prototype holds', () => {
    for (const [, catalogue] of CATALOGUES) {
      for (const value of ['my_erp', 'constructor', '__proto__', 'toString']) {
        expect(catalogue.label('system', value)).toBe(value);
        expect(catalogue.label('holdReason', value)).toBe(value);
        expect(catalogue.codeName(value)).toBe(value);
        expect(catalogue.carrierName(value)).toBe(value);
      }
    }
  });

  it('cannot miss a value of a vocabulary, nor name one that does not exist (a type error)', () => {
    const { fraud_review: _dropped, ...withoutOne } = EN_LABELS.holdReason;
    // @ts-expect-error `fraud_review` is missing: a table must name every hold reason
    const incomplete: LabelTables['holdReason'] = withoutOne;
    // @ts-expect-error `gift_wrap` is not a hold reason
    const stray: LabelTable<'balance_due'> = { balance_due: 'x', gift_wrap: 'y' };
    expect(Object.keys(incomplete)).not.toContain('fraud_review');
    expect(stray.balance_due).toBe('x');
  });
});

describe('code names', () => {
  it.each(CATALOGUES)('%s names every per-order and cross-order code, each by a name of its own', (_locale, catalogue) => {
    const names = [...detectorCodes, ...BATCH_CODES].map((code) => catalogue.codeName(code));
    for (const [i, code] of [...detectorCodes, ...BATCH_CODES].entries()) expect(names[i], code).not.toBe(code);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names DUPLICATE_PAYMENT as people say it, and a user rule code as given', () => {
    expect(messageCatalogues['zh-CN'].codeName('DUPLICATE_PAYMENT')).toBe('重复扣款');
    expect(messageCatalogues.en.codeName('DUPLICATE_PAYMENT')).toBe('duplicate payment');
    expect(messageCatalogues.en.codeName('MY_RULE')).toBe('MY_RULE');
  });
});

describe('carrier names', () => {
  const table: [string, string, string][] = [
    ['SF', '顺丰速运', 'SF Express'],
    ['ZTO', '中通快递', 'ZTO Express'],
    ['YTO', '圆通速递', 'YTO Express'],
    ['STO', '申通快递', 'STO Express'],
    ['YUNDA', '韵达快递', 'Yunda Express'],
    ['JD', '京东物流', 'JD Logistics'],
    ['JDL', '京东物流', 'JD Logistics'],
    ['EMS', '中国邮政EMS', 'China Post EMS'],
    ['JT', '极兔速递', 'J&T Express'],
    ['JTEXPRESS', '极兔速递', 'J&T Express'],
    ['DBL', '德邦快递', 'Deppon Express'],
    ['DEPPON', '德邦快递', 'Deppon Express'],
    ['CAINIAO', '菜鸟', 'Cainiao'],
  ];

  it.each(table)('names %s in both locales, whatever its case', (code, zh, en) => {
    for (const written of [code, code.toLowerCase(), ` ${code[0]}${code.slice(1).toLowerCase()} `]) {
      expect(messageCatalogues['zh-CN'].carrierName(written)).toBe(zh);
      expect(messageCatalogues.en.carrierName(written)).toBe(en);
    }
  });

  it('looks extra names up first, case-insensitively, and keeps the built-in ones for the rest', () => {
    const zh = withCarrierNames(
      messageCatalogues['zh-CN'],
      new Map([
        ['xyz', 'XYZ 快运'],
        ['SF', '顺丰'],
      ]),
    );
    expect(zh.carrierName('XYZ')).toBe('XYZ 快运');
    expect(zh.carrierName('sf')).toBe('顺丰');
    expect(zh.carrierName('ZTO')).toBe('中通快递');
    expect(zh.carrierName('ACME')).toBe('ACME');
    expect(withCarrierNames(messageCatalogues.en, new Map())).toBe(messageCatalogues.en);
  });

  it('has one name per code in each table', () => {
    expect([...ZH_CN_CARRIERS.keys()]).toEqual([...EN_CARRIERS.keys()]);
    expect(carrierNameFrom(EN_CARRIERS)('__proto__')).toBe('__proto__');
  });
});

describe('product names', () => {
  it('are set off as each locale does', () => {
    expect(messageCatalogues['zh-CN'].productName('纯棉T恤 M')).toBe('「纯棉T恤 M」');
    expect(messageCatalogues.en.productName('Cotton T-shirt M')).toBe('“Cotton T-shirt M”');
  });

  it('quote at most 200 characters of a name, a carrier or a code in the catalogue a triage writes with', () => {
    const quoting = quotingCatalogue(messageCatalogues['zh-CN']);
    expect(quoting.productName('衫'.repeat(10_000))).toBe(`「${'衫'.repeat(200)}…」`);
    expect(quoting.carrierName('X'.repeat(10_000))).toBe(`${'X'.repeat(200)}…`);
    expect(quoting.codeName('C'.repeat(10_000))).toBe(`${'C'.repeat(200)}…`);
    expect(quoting.label('system', 's'.repeat(10_000))).toBe(`${'s'.repeat(200)}…`);
  });
});

describe('texts in Chinese', () => {
  it('never write 您订单, only 您的订单, in the zh-CN catalogue outside customer texts', () => {
    for (const file of ['zh-cn.ts', 'labels-zh-cn.ts', 'units.ts']) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8'), file).not.toContain('您订单');
    }
  });
});

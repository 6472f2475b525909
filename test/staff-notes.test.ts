import {
  BATCH_CODES,
  createTriage,
  detectorCodes,
  type EvaluateResult,
  formatPath,
  type InvalidOptionsError,
  isInvalidOptionsError,
  messageCatalogues,
  type OrderSnapshotInput,
} from 'order-triage';
import { allScenarios, buildOrder, expectReport, GENERATED_NOW, generateOrders, logisticsScenarios, minutesAfter, type Scenario } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Staff notes and finding summaries read naturally in their locale (docs/messages.md, "Names,
// not raw values"): no raw enum value, durations in days and hours, English plurals right,
// carriers by the names people know.

const LOCALES = ['zh-CN', 'en'] as const;
const triages = { 'zh-CN': createTriage({ locale: 'zh-CN' }), en: createTriage({ locale: 'en' }) };

// Parameters that carry data (ids, SKUs, amounts, addresses), not a vocabulary value.
const DATA_KEYS = new Set([
  'paymentId',
  'paymentIds',
  'trackingNumber',
  'shipmentId',
  'sku',
  'skus',
  'items',
  'fromWarehouse',
  'currency',
  'customerIds',
  'phones',
  'addresses',
  'devices',
  'surveyAt',
  'expiresAt',
  'holdUntil',
  'describes',
  'details',
  'carrier',
]);

/** Every vocabulary-like string in an action's parameters: a lowercase word or snake_case value, or an UPPER_CASE code. */
function vocabularyValues(params: Readonly<Record<string, unknown>>): { key: string; value: string }[] {
  const found: { key: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (DATA_KEYS.has(key)) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value === 'string' && (/^[a-z]+(?:_[a-z]+)*$/.test(value) || /^[A-Z]+(?:_[A-Z]+)+$/.test(value))) found.push({ key, value });
    }
  }
  return found;
}

const word = (value: string) => new RegExp(`(?<![A-Za-z0-9_])${value}(?![A-Za-z0-9_])`);
const CODES = [...detectorCodes, ...BATCH_CODES];
const RAW_FROM_THE_ISSUE = ['duplicate_payment', 'address_unverified', 'refund_ledger_unclear', 'payment_callback', 'wechat_pay', 'not_shipped_on_time', ...CODES];

/**
 * What is wrong with one text: a raw value (in Chinese, any vocabulary word; in English, a
 * snake_case value, a code, a payment method or a system id), "(s)", a duration in minutes past
 * an hour or hours past a day, or a plural that disagrees with its number.
 */
function problems(locale: (typeof LOCALES)[number], text: string, params: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  const raw = vocabularyValues(params).filter(({ key, value }) => locale === 'zh-CN' || value.includes('_') || /^[A-Z]/.test(value) || key === 'method' || key === 'system');
  for (const value of [...RAW_FROM_THE_ISSUE, ...raw.map((r) => r.value)]) if (word(value).test(text)) found.push(`raw value ${value}`);
  if (text.includes('(s)')) found.push('(s)');
  for (const [, n, unit] of text.matchAll(/(\d+) ?(minutes?|hours?|分钟|小时)/g)) {
    if (((unit as string).startsWith('minute') || unit === '分钟') && Number(n) >= 60) found.push(`${n} ${unit}`);
    if (((unit as string).startsWith('hour') || unit === '小时') && Number(n) >= 24) found.push(`${n} ${unit}`);
  }
  if (locale === 'en') {
    for (const [phrase, n, unit] of text.matchAll(/\b(\d+) (items?|units?|hours?|days?|minutes?|systems?|points?|failures?|orders?|accounts?|times?)\b/g)) {
      if ((Number(n) === 1) !== !(unit as string).endsWith('s')) found.push(`plural: ${phrase}`);
    }
  }
  return found;
}

/** Every staff note and summary of a result that breaks a rule above, with where it came from. */
function badTexts(locale: (typeof LOCALES)[number], result: EvaluateResult): string[] {
  const report = expectReport(result);
  const bad: string[] = [];
  for (const f of report.findings) for (const p of problems(locale, f.summary, {})) bad.push(`${report.orderId} ${f.code} summary "${f.summary}": ${p}`);
  for (const a of report.actions) for (const p of problems(locale, a.note, a.params as Record<string, unknown>)) bad.push(`${report.orderId} ${a.kind} note "${a.note}": ${p}`);
  return bad;
}

/** The scenario, and the same order as a case open for two days on every code it shows plus one since resolved (escalations and a survey). */
function withCase(locale: (typeof LOCALES)[number], s: Scenario): { order: OrderSnapshotInput; context: Scenario['context'] & { now: string } }[] {
  const first = expectReport(triages[locale].evaluate(s.order, { now: s.now, ...s.context }));
  const since = new Date(Date.parse(s.now) - 2 * 24 * 3_600_000 - 95 * 60_000).toISOString();
  const open = [...first.findings.map((f) => f.code), 'PHONE_INVALID'].map((code) => ({ code, since }));
  return [
    { order: s.order, context: { now: s.now, ...s.context } },
    { order: { ...s.order, openFindings: open }, context: { now: s.now, ...s.context } },
  ];
}

describe('staff notes and summaries', () => {
  it.each(LOCALES)('show no raw enum value, no "(s)", no minutes past an hour and no wrong plural in %s, over every scenario and its open case', (locale) => {
    const bad: string[] = [];
    let notes = 0;
    for (const make of allScenarios) {
      for (const { order, context } of withCase(locale, make())) {
        const result = triages[locale].evaluate(order, context);
        notes += expectReport(result).actions.length;
        bad.push(...badTexts(locale, result));
      }
    }
    expect(notes).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)(
    'show no raw enum value, no "(s)", no minutes past an hour and no wrong plural in %s, over 1,500 generated exception orders',
    (locale) => {
      const bad: string[] = [];
      for (const seed of [1, 2, 3]) {
        for (const order of generateOrders({ count: 500, seed, exceptionRate: 1, ordersPerDay: 200 })) {
          bad.push(...badTexts(locale, triages[locale].evaluate(order, { now: GENERATED_NOW })));
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    },
    120_000,
  );

  it('name each vocabulary value in words: hold and review reasons, escalation roles, systems, methods and codes', () => {
    const zhTexts: string[] = [];
    const enTexts: string[] = [];
    for (const make of allScenarios) {
      const s = make();
      for (const locale of LOCALES) {
        for (const { order, context } of withCase(locale, s)) {
          const report = expectReport(triages[locale].evaluate(order, context));
          (locale === 'en' ? enTexts : zhTexts).push(...report.actions.map((a) => a.note), ...report.findings.map((f) => f.summary));
        }
      }
    }
    const zh = zhTexts.join('\n');
    const en = enTexts.join('\n');
    for (const name of ['重复扣款', '收货地址待核实', '升级至经理', '仓储系统（WMS）', '微信支付', '技术故障单，订单服务：订单创建失败']) expect(zh).toContain(name);
    for (const name of [
      'duplicate payment',
      'the address is not verified',
      'escalated to a manager',
      'the warehouse system (WMS)',
      'WeChat Pay',
      'tech incident in the order service: order creation failed',
    ]) {
      expect(en).toContain(name);
    }
  });
});

describe('durations and plurals', () => {
  it('write how long a finding has been open in days and hours, in both locales', () => {
    const s = logisticsScenarios.deliveryDelayed();
    const since = new Date(Date.parse(s.now) - (2 * 24 * 60 + 65) * 60_000).toISOString();
    const order = { ...s.order, openFindings: [{ code: 'DELIVERY_DELAYED', since }] };
    const en = expectReport(triages.en.evaluate(order, { now: s.now }));
    const zh = expectReport(triages['zh-CN'].evaluate(order, { now: s.now }));
    expect(en.actions.find((a) => a.kind === 'escalate')?.note).toBe(`Order ${en.orderId}: “delivery delayed” has been open for 2 days 1 hour; escalated to a manager.`);
    expect(zh.actions.find((a) => a.kind === 'escalate')?.note).toBe(`订单 ${zh.orderId} 的「派送延误」已处理2天1小时仍未解决，升级至经理。`);
  });

  it('say "1 item" and "2 units" in English, never "item(s)"', () => {
    const s = allScenarios.map((make) => make()).find((x) => expectReport(triages.en.evaluate(x.order, { now: x.now, ...x.context })).findings.some((f) => f.code === 'OVERSOLD'));
    expect(s).toBeDefined();
    const { order, now, context } = s as Scenario;
    const summary = expectReport(triages.en.evaluate(order, { now, ...context })).findings.find((f) => f.code === 'OVERSOLD')?.summary ?? '';
    expect(summary).toMatch(/: 1 item short of stock, by up to \d+ units?\./);
    expect(summary).not.toContain('(s)');
  });
});

describe('carrier names', () => {
  const stalled = (carrier: string) => {
    const s = logisticsScenarios.trackingStalled();
    return { order: { ...s.order, shipments: (s.order.shipments ?? []).map((sh) => ({ ...sh, carrier })) }, now: s.now };
  };
  const textsOf = (triage: ReturnType<typeof createTriage>, carrier: string) => {
    const { order, now } = stalled(carrier);
    const report = expectReport(triage.evaluate(order, { now }));
    return {
      note: report.actions.find((a) => a.kind === 'urge_carrier')?.note ?? '',
      summary: report.findings.find((f) => f.code === 'TRACKING_STALLED')?.summary ?? '',
    };
  };

  it('shows carriers by the names people know, looked up whatever the case, in staff notes and summaries', () => {
    expect(textsOf(triages['zh-CN'], 'SF').note).toContain('催促顺丰速运处理运单');
    expect(textsOf(triages['zh-CN'], 'zto').summary).toContain('的包裹（中通快递）');
    expect(textsOf(triages.en, 'JDL').note).toContain('chase JD Logistics about');
    expect(textsOf(triages.en, 'jtexpress').summary).toContain('the parcel (J&T Express)');
    expect(textsOf(triages.en, 'ACME').note).toContain('chase ACME about');
  });

  it('takes carrier names of the shop from the carrierNames option, over the built-in ones, even a carrier coded "__proto__"', () => {
    const zh = createTriage({ locale: 'zh-CN', carrierNames: JSON.parse('{"XYZ":"XYZ 快运","sf":"顺丰","__proto__":"原型快递"}') as Record<string, string> });
    expect(textsOf(zh, 'xyz').note).toContain('催促XYZ 快运处理运单');
    expect(textsOf(zh, 'xyz').summary).toContain('（XYZ 快运）');
    expect(textsOf(zh, 'SF').note).toContain('催促顺丰处理运单');
    expect(textsOf(zh, '__proto__').note).toContain('催促原型快递处理运单');
    expect(textsOf(zh, 'ZTO').note).toContain('催促中通快递处理运单');
    expect(textsOf(zh, 'constructor').note).toContain('催促constructor处理运单');
  });

  it('refuses carrierNames that are not non-empty strings at createTriage, naming each path', () => {
    const problems = (carrierNames: unknown): string[] => {
      try {
        createTriage({ carrierNames } as never);
      } catch (error) {
        expect(isInvalidOptionsError(error)).toBe(true);
        return (error as InvalidOptionsError).issues.map((i) => formatPath(i.path));
      }
      throw new Error('createTriage did not throw');
    };
    expect(problems({ XYZ: '', ABC: 5, OK: 'fine', SP: '  ' })).toEqual(['carrierNames.XYZ', 'carrierNames.ABC', 'carrierNames.SP']);
    expect(problems('SF Express')).toEqual(['carrierNames']);
    expect(problems(['SF'])).toEqual(['carrierNames']);
  });

  it('names the other carriers of the generated stream in both locales', () => {
    expect(textsOf(triages['zh-CN'], 'YTO').note).toContain('催促圆通速递处理运单');
    expect(textsOf(triages.en, 'EMS').note).toContain('chase China Post EMS about');
  });
});

describe('custom catalogues', () => {
  const problems = (options: unknown): string[] => {
    try {
      createTriage(options as never);
    } catch (error) {
      expect(isInvalidOptionsError(error)).toBe(true);
      return (error as InvalidOptionsError).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    }
    throw new Error('createTriage did not throw');
  };

  it('must provide carrierName, productName, duration, count, codeName and label: each one missing is refused with its path', () => {
    const { carrierName: _c, productName: _p, duration: _d, count: _n, codeName: _k, label: _l, ...old } = messageCatalogues.en;
    expect(problems({ locale: 'en-GB', messages: { 'en-GB': { ...old, locale: 'en-GB' } } })).toEqual(
      ['carrierName', 'productName', 'duration', 'count', 'codeName', 'label'].map((name) => `messages["en-GB"].${name}: must be a function returning the text`),
    );
  });

  it('refuses one of them that does not return a string on a sample input, and names carriers by the option over its own', () => {
    const en = messageCatalogues.en;
    expect(problems({ locale: 'en-GB', messages: { 'en-GB': { ...en, locale: 'en-GB', duration: () => 5 } } })).toEqual([
      'messages["en-GB"].duration: must return a string, but returned number on a sample input',
    ]);
    const gb = createTriage({
      locale: 'en-GB',
      carrierNames: { XYZ: 'XYZ Freight' },
      messages: { 'en-GB': { ...en, locale: 'en-GB', carrierName: (c: string) => (c === 'SF' ? 'SF (GB)' : c) } },
    });
    const s = logisticsScenarios.trackingStalled();
    const noteFor = (carrier: string) =>
      expectReport(gb.evaluate({ ...s.order, shipments: (s.order.shipments ?? []).map((sh) => ({ ...sh, carrier })) }, { now: s.now })).actions.find(
        (a) => a.kind === 'urge_carrier',
      )?.note;
    expect(noteFor('SF')).toContain('chase SF (GB) about');
    expect(noteFor('xyz')).toContain('chase XYZ Freight about');
  });
});

describe('cross-order texts', () => {
  it.each(LOCALES)('name the cluster codes and review reasons in %s batch summaries and notes, with plurals right', async (locale) => {
    const ring = Array.from({ length: 5 }, (_, i) =>
      buildOrder({
        id: `RING-${i}`,
        customer: { id: `R-${i}` },
        device: { fingerprint: 'fp-shared' },
        shippingAddress: { name: '王五', phone: `1370000000${i}`, country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '人民路1号' },
      }),
    );
    const batch = await triages[locale].evaluateBatch(ring, { now: minutesAfter(120) });
    expect(batch.findings.map((f) => f.code)).toEqual(['SHARED_ADDRESS_CLUSTER', 'SHARED_CONTACT_CLUSTER']);
    const bad = [
      ...batch.findings.flatMap((f) => problems(locale, f.summary, {}).map((p) => `${f.code} summary "${f.summary}": ${p}`)),
      ...batch.actions.flatMap((a) => problems(locale, a.note, a.params as Record<string, unknown>).map((p) => `${a.kind} note "${a.note}": ${p}`)),
    ];
    expect(bad).toEqual([]);
    const review = batch.actions.find((a) => a.kind === 'manual_review')?.note;
    expect(review).toContain(locale === 'en' ? 'review (accounts sharing one address)' : '人工审核（多个账号共用同一地址）');
  });
});

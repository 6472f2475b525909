import { createTriage, type EvaluateContext, type OrderSnapshotInput } from 'order-triage';
import { allScenarios, GENERATED_NOW, generateIncidents, generateOrders, paymentScenarios, type Scenario } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Chinese texts use full-width punctuation (GB/T 15834, docs/messages.md): ，：；！？（） next
// to Chinese characters, "……" for an ellipsis; ASCII stays only between Latin letters and
// digits (10:03, ¥1,234.00, ORD-1, PAYMENT_FAILED).

const zh = createTriage({ locale: 'zh-CN', policy: { shopName: '小满生活馆' } });

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const ZH = `${CJK}\\u3000-\\u303f\\uff00-\\uffef`;
/** ASCII , : ; ! ? ( ) with a Chinese character or full-width mark beside it (spaces between allowed). */
const ASCII_BESIDE_CHINESE = new RegExp(`[${ZH}] *[,:;!?()]|[,:;!?()] *[${ZH}]`, 'u');
/** A lone "…" in a text that holds Chinese: Chinese writes the ellipsis "……". */
const LONE_ELLIPSIS = /(?<!…)…(?!…)/u;
/** Stands for a snapshot value: a customer's or a carrier's own words are theirs to punctuate. */
const VALUE = '〇';

/** Every string in a value, depth first. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** The snapshot's own Chinese strings (remarks, report texts, tracking descriptions), longest first. */
function chineseValuesOf(order: OrderSnapshotInput): string[] {
  const chinese = new RegExp(`[${CJK}]`, 'u');
  return [...new Set(stringsIn(order).filter((s) => chinese.test(s)))].sort((a, b) => b.length - a.length);
}

/** The texts that break the rule, the snapshot's own Chinese values set aside. */
function offending(texts: readonly string[], values: readonly string[], id: string): string[] {
  const bad: string[] = [];
  for (const text of texts) {
    const ours = values.reduce((t, v) => t.split(v).join(VALUE), text);
    if (!new RegExp(`[${CJK}]`, 'u').test(ours)) continue;
    if (ASCII_BESIDE_CHINESE.test(ours) || LONE_ELLIPSIS.test(ours)) bad.push(`${id}: ${text}`);
  }
  return bad;
}

/** The texts of one evaluation that break the rule. */
function offendersOf({ order, now, context }: Scenario): string[] {
  const result = zh.evaluate(order, { now, ...context } as EvaluateContext);
  const texts = result.ok
    ? [
        ...result.findings.flatMap((f) => [f.summary, ...f.checklist]),
        ...result.actions.flatMap((a) => [a.note, ...(a.customerMessage === undefined ? [] : [a.customerMessage.text])]),
        ...stringsIn(result.case),
        ...stringsIn(result.warnings),
      ]
    : stringsIn(result);
  return offending(texts, chineseValuesOf(order), String(order.id));
}

describe('Chinese punctuation in zh-CN texts', () => {
  it('uses full-width punctuation next to Chinese in every text of every scenario', () => {
    const bad = allScenarios.flatMap((make) => offendersOf(make()));
    expect(bad).toEqual([]);
  });

  it('uses full-width punctuation next to Chinese in every text of 500 generated incidents', { timeout: 120_000 }, () => {
    const bad = [...generateIncidents({ count: 500, seed: 17 })].flatMap(offendersOf);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('uses full-width punctuation next to Chinese in the cross-order findings and notes of a batch with fraud rings', async () => {
    const orders = [...generateOrders({ count: 300, seed: 17, rings: 3, exceptionRate: 0.3 })];
    const batch = await zh.evaluateBatch(orders, { now: GENERATED_NOW });
    expect(batch.findings.length).toBeGreaterThan(0);
    const texts = [...batch.findings.flatMap((f) => [f.summary, ...f.checklist]), ...batch.actions.map((a) => a.note)];
    expect(offending(texts, orders.flatMap(chineseValuesOf), 'batch')).toEqual([]);
  });

  it('greets the customer with a full-width exclamation mark and keeps the time of day in ASCII', () => {
    const { order, now } = paymentScenarios.paymentFailed();
    const result = zh.evaluate(order, { now });
    const message = result.ok ? result.actions.find((a) => a.customerMessage !== undefined)?.customerMessage?.text : undefined;
    expect(message).toMatch(/^【小满生活馆】您好！关于您的订单 \S+：/u);
    expect(message).toMatch(/\d{1,2}:\d{2}/u);
  });
});

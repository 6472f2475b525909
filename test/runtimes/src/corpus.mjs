// The corpus every runtime evaluates: the testing kit's scenarios in both locales, orders in
// several currencies, a batch of generated orders, user rules with explain, and money text.
// It imports nothing: each runtime's entry passes in the library and the testing kit as loaded
// there, so the same code runs under Node (ESM and CJS), Chromium, Bun, Deno and workerd.

const RULES = {
  conditions: { newAccount: { all: [{ fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 }] } },
  rules: [
    {
      name: 'big-first-order',
      conditions: {
        all: [{ condition: 'newAccount' }, { fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 50_000 }],
      },
      event: {
        type: 'BIG_FIRST_ORDER',
        params: {
          category: 'fraud',
          severity: 'medium',
          owner: 'risk',
          playbook: 'SUSPICIOUS_NEW_ACCOUNT',
          summary: { en: 'Order {orderId} is a big first order from a new account.', 'zh-CN': '订单 {orderId} 是新账号的大额首单。' },
        },
      },
    },
  ],
};

const CURRENCIES = [
  { currency: 'CNY', country: 'CN' },
  { currency: 'USD', country: 'US' },
  { currency: 'EUR', country: 'DE' },
  { currency: 'JPY', country: 'JP' },
  { currency: 'KWD', country: 'KW' },
];

/** Keys sorted at every level, so the dump depends only on the values. */
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical(value[key]);
    return out;
  }
  return value;
}

function scenarioReports(lib, kit) {
  const out = {};
  for (const locale of ['zh-CN', 'en']) {
    const triage = lib.createTriage({ locale });
    out[locale] = kit.allScenarios.map((make) => {
      const { order, now, context } = make();
      return triage.evaluate(order, { ...context, now });
    });
  }
  return out;
}

function currencyReports(lib, kit) {
  const out = {};
  for (const locale of ['zh-CN', 'en']) out[locale] = currencyReportsIn(lib, kit, locale);
  return out;
}

function currencyReportsIn(lib, kit, locale) {
  const triage = lib.createTriage({ locale });
  return CURRENCIES.map(({ currency, country }) => {
    const order = kit.buildOrder({
      id: `ORD-${currency}`,
      currency,
      items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 18_900 }],
      payments: [kit.buildPayment({ id: 'pay_1', amount: 19_900 }), kit.buildPayment({ id: 'pay_2', amount: 19_900, createdAt: kit.minutesAfter(2) })],
      shippingAddress: { name: 'Ann Lee', phone: '+86 138 0013 8000', country, province: 'X', city: 'Y', line1: '1 Main St' },
    });
    return triage.evaluate(order, { now: kit.minutesAfter(30) });
  });
}

function moneyTexts(lib) {
  const out = [];
  for (const { currency } of CURRENCIES) {
    for (const locale of ['zh-CN', 'en']) out.push([currency, locale, lib.formatMoney(123_456, currency, locale)]);
  }
  return out;
}

function userRules(lib, kit) {
  const out = {};
  for (const locale of ['zh-CN', 'en']) out[locale] = userRulesIn(lib, kit, locale);
  return out;
}

function userRulesIn(lib, kit, locale) {
  const triage = lib.createTriage({ locale, ...RULES });
  const order = kit.buildOrder({
    items: [{ sku: 'TV', quantity: 1, unitPrice: 79_000 }],
    customer: { id: 'C-NEW', accountCreatedAt: kit.minutesAfter(-120) },
  });
  const now = kit.minutesAfter(30);
  const { order: failed, now: failedNow } = kit.paymentScenarios.paymentFailed();
  return {
    report: triage.evaluate(order, { now }),
    explainRule: triage.explain(order, { now }, 'BIG_FIRST_ORDER'),
    explainBuiltIn: triage.explain(failed, { now: failedNow }, 'PAYMENT_FAILED'),
    invalid: triage.evaluate({ id: 42, items: 'none' }, { now }),
    badOptions: badOptions(lib),
  };
}

function badOptions(lib) {
  try {
    lib.createTriage({ locale: 'xx-??', thresholds: { PAYMENT_FAILED: { unpaidMinutes: -1 } } });
    return 'accepted';
  } catch (error) {
    return { name: error.name, invalid: lib.isInvalidOptionsError(error), issues: error.issues };
  }
}

/**
 * Two orders from different accounts sharing one address and one phone: with the generator's
 * planted ring (one address, several accounts), the batch has findings across orders.
 */
function sharedPair(kit) {
  const address = { name: 'Wei Zhang', phone: '+86 139 1234 5678', country: 'CN', province: '广东省', city: '深圳市', line1: '南山区科技园 1 号' };
  return ['C-PAIR-1', 'C-PAIR-2'].map((customer, i) =>
    kit.buildOrder({
      id: `ORD-PAIR-${i + 1}`,
      createdAt: kit.minutesAfter(60 * (i + 7)),
      items: [{ sku: 'PHONE', quantity: 1, unitPrice: 499_900 }],
      customer: { id: customer, accountCreatedAt: kit.minutesAfter(-24 * 60) },
      shippingAddress: address,
    }),
  );
}

async function batchIn(lib, kit, locale, orders) {
  const triage = lib.createTriage({ locale });
  return triage.evaluateBatch(orders, { now: kit.GENERATED_NOW });
}

async function batch(lib, kit) {
  const orders = [...kit.generateOrders({ count: 120, seed: 21, exceptionRate: 0.3, rings: 1 }), ...sharedPair(kit)];
  const reports = { 'zh-CN': await batchIn(lib, kit, 'zh-CN', orders), en: await batchIn(lib, kit, 'en', orders) };
  const lower = structuredClone(RULES);
  lower.rules[0].conditions = { all: [{ fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 20_000 }] };
  // B: a lower amount (findings added) and a longer wait before an unpaid order fails (findings removed).
  const looser = { ...lower, thresholds: { PAYMENT_FAILED: { unpaidMinutes: 24 * 60 } } };
  const diff = kit.backtest(RULES, looser, orders, { now: kit.GENERATED_NOW });
  return { reports, diff };
}

/**
 * Evaluates the whole corpus with `lib` (order-triage) and `kit` (order-triage/testing) and
 * returns its canonical JSON text: the same bytes in every runtime, or a runtime differs.
 */
export async function runCorpus(lib, kit) {
  const result = {
    scenarios: scenarioReports(lib, kit),
    currencies: currencyReports(lib, kit),
    money: moneyTexts(lib),
    userRules: userRules(lib, kit),
    batch: await batch(lib, kit),
  };
  return JSON.stringify(canonical(result));
}

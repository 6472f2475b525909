// The rule sets the page starts with: a user rule (a big first order from a new account), and the
// same with a lower amount and two days (not one hour) before a captured payment on a cancelled
// order counts as not refunded: over the generated orders, B removes CAPTURED_NOT_REFUNDED hits.

const newAccount = { all: [{ fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 }] };

const bigFirstOrder = (payable: number) => ({
  name: 'big-first-order',
  conditions: { all: [{ condition: 'newAccount' }, { fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: payable }] },
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
});

/** Rule set A: options for createTriage. */
export const DEFAULT_RULES = { conditions: { newAccount }, rules: [bigFirstOrder(50_000)] };

/** Rule set B: a lower amount, and refunds given two days. */
export const DEFAULT_RULES_B = { conditions: { newAccount }, rules: [bigFirstOrder(20_000)], thresholds: { CAPTURED_NOT_REFUNDED: { afterHours: 48 } } };

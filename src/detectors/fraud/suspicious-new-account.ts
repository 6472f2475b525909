import * as z from 'zod';
import { readOwn } from '../../_lib/own-key.js';
import { CurrencySchema, MoneySchema } from '../../schema/primitives.js';
import { defineDetector } from '../detector.js';
import { countThreshold, hoursThreshold } from '../threshold.js';

/**
 * SUSPICIOUS_NEW_ACCOUNT: an account younger than `maxAccountAgeHours` ordering more units or
 * more money than a new customer usually does (新注册账号大量下单).
 */
export const suspiciousNewAccount = defineDetector({
  code: 'SUSPICIOUS_NEW_ACCOUNT',
  category: 'fraud',
  severity: 'medium',
  owner: 'risk',
  signal: 'Account younger than maxAccountAgeHours at order time, with more than maxQuantity units or a payable above maxPayable for its currency.',
  thresholds: z.strictObject({
    maxAccountAgeHours: hoursThreshold(24, 'Accounts younger than this (at order time) count as new.'),
    maxQuantity: countThreshold(10, 'Units a new account may order before it is suspicious.'),
    maxPayable: z
      .record(CurrencySchema, MoneySchema)
      .default(() => ({ CNY: 200_000, USD: 30_000 }))
      .meta({ description: 'Payable (minor units, per currency) a new account may order; replaces the defaults when given.' }),
  }),
  scopedBy: ['currency'],
  when: (t, scope) => {
    const maxPayable = readOwn(t.maxPayable, scope.currency);
    return {
      all: [
        { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
        { fact: 'customer.accountAgeHours', operator: 'lessThan', value: t.maxAccountAgeHours },
        {
          any: [
            { fact: 'items.totalQuantity', operator: 'greaterThan', value: t.maxQuantity },
            ...(maxPayable === undefined ? [] : [{ fact: 'order.payable' as const, operator: 'greaterThan' as const, value: maxPayable }]),
          ],
        },
      ],
    };
  },
  evidenceFacts: ['order.currency'],
  confidence: () => 0.7,
});

import { abnormalQuantity } from './abnormal-quantity.js';
import { blacklisted } from './blacklisted.js';
import { suspiciousNewAccount } from './suspicious-new-account.js';

/** The fraud category's per-order detectors, in report order. */
export const fraudDetectors = [blacklisted, suspiciousNewAccount, abnormalQuantity] as const;

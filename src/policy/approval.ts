import { readOwn } from '../_lib/own-key.js';
import type { ApprovalRole } from '../vocabulary/approval-role.js';
import type { Policy } from './policy.js';

export type { ApprovalRole } from '../vocabulary/approval-role.js';

/**
 * The lowest role whose authority covers moving `amount` minor units of `currency`.
 *
 * @example
 * requiredApproval(15_000, 'CNY', policy) //=> 'none' (an agent may move ¥150 alone)
 * requiredApproval(80_000, 'CNY', policy) //=> 'supervisor'
 */
export function requiredApproval(amount: number, currency: string, policy: Policy): ApprovalRole {
  const limits = readOwn(policy.authority, currency);
  if (limits === undefined) return 'executive';
  if (amount <= limits.agent) return 'none';
  if (amount <= limits.supervisor) return 'supervisor';
  if (amount <= limits.manager) return 'manager';
  return 'executive';
}

import * as z from 'zod';

/** The roles above an agent, from the lowest authority to the highest: whom an action may need, whom an open finding escalates to. */
export const ESCALATION_ROLES = ['supervisor', 'manager', 'executive'] as const;

/** Every answer to "whose approval does this action need": `none` (the agent alone) and then {@link ESCALATION_ROLES} in rank order. */
export const APPROVAL_ROLES = ['none', ...ESCALATION_ROLES] as const;

/**
 * A role open findings escalate to (`policy.escalation[].to`).
 *
 * @example
 * EscalationRoleSchema.parse('manager') //=> 'manager'
 */
export const EscalationRoleSchema = z.enum(ESCALATION_ROLES);

/** A role above an agent. */
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** The role whose approval an action needs, or `none` when the agent handling it may act alone. */
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

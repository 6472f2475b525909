import * as z from 'zod';

/** Every team that may own an exception or an action (docs/policy.md, `owners`). The one list: the type, the schemas and `policy.owners` derive from it. */
export const OWNERS = ['customer_service', 'warehouse', 'logistics', 'finance', 'tech', 'risk'] as const;

/**
 * The team names an owner may be.
 *
 * @example
 * OwnerSchema.parse('finance') //=> 'finance'
 */
export const OwnerSchema = z.enum(OWNERS);

/** The team that owns an exception or an action. */
export type Owner = (typeof OWNERS)[number];

import * as z from 'zod';

/** Every severity, from the least to the most severe (the order escalation bumps along). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * A severity, as rules and policies write it.
 *
 * @example
 * SeveritySchema.parse('high') //=> 'high'
 */
export const SeveritySchema = z.enum(SEVERITIES);

/** How bad an exception is; decides the SLA (`respondBy`). */
export type Severity = (typeof SEVERITIES)[number];

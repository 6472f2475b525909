import { z } from 'zod';
import { TimestampSchema } from './primitives.js';

/**
 * Lists the business keeps of buyers it will not serve. Addresses are compared after
 * normalisation (case, width, spaces and punctuation do not matter).
 */
export const BlacklistSchema = z.strictObject({
  customerIds: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional(),
  addresses: z.array(z.string()).optional(),
  devices: z.array(z.string()).optional(),
});

/**
 * What `evaluate` needs beside the snapshot. `now` is required: order-triage never reads the
 * clock, so the same input and `now` always give the same output.
 */
export const EvaluateContextSchema = z.strictObject({
  now: z.union([TimestampSchema, z.date().refine((d) => !Number.isNaN(d.getTime()), { error: 'now is an invalid Date' })], {
    error: 'now is required: an ISO 8601 timestamp with offset or a Date',
  }),
  blacklist: BlacklistSchema.optional(),
});

/** The context passed to `evaluate`. */
export type EvaluateContext = z.input<typeof EvaluateContextSchema>;
/** A blacklist. */
export type Blacklist = z.output<typeof BlacklistSchema>;

import * as z from 'zod';

/** Every part of the business an exception may belong to (docs/detectors.md). */
export const CATEGORIES = ['payment', 'inventory', 'logistics', 'customer', 'system', 'fraud'] as const;

/**
 * A category, as rules write it.
 *
 * @example
 * CategorySchema.parse('fraud') //=> 'fraud'
 */
export const CategorySchema = z.enum(CATEGORIES);

/** The part of the business an exception belongs to (docs/detectors.md). */
export type Category = (typeof CATEGORIES)[number];

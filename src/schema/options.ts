import { z } from 'zod';
import { detectorCodes, detectors, type DetectorCode } from '../detectors/registry.js';
import { LOCALES } from '../messages/locales.js';
import { PolicySchema, type PolicyInput } from '../policy/policy.js';
import { isTimeZone } from './primitives.js';

const thresholdShape = Object.fromEntries(
  (detectors as readonly { code: string; thresholds: z.ZodObject }[]).map((d) => [d.code, d.thresholds.prefault({})]),
);

/**
 * The options of `createTriage`, validated once. Strict at every level: an unknown key is an
 * error, because a misspelt threshold that silently does nothing is worse than a loud one.
 */
export const TriageOptionsSchema = z.strictObject({
  /** Language of summaries, checklists and customer messages. @default 'zh-CN' */
  locale: z.enum(LOCALES).default('zh-CN'),
  /** IANA time zone in which customer messages show times. @default 'Asia/Shanghai' */
  timeZone: z
    .string()
    .refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
    .default('Asia/Shanghai'),
  /** Thresholds per exception code; each code's defaults are documented in docs/detectors.md. */
  thresholds: z.strictObject(thresholdShape).prefault({}),
  /** Codes whose detectors do not run. @default [] */
  disabled: z.array(z.enum(detectorCodes as [DetectorCode, ...DetectorCode[]])).default([]),
  /** What the business allows: SLAs, owners, authority, refund ETAs, payment methods. */
  policy: PolicySchema.prefault({}),
});

type Detector = (typeof detectors)[number];

/** Thresholds per code, each field optional. */
export type ThresholdOptions = { readonly [D in Detector as D['code']]?: z.input<D['thresholds']> };

/** Resolved thresholds per code. */
export type ResolvedThresholds = { readonly [D in Detector as D['code']]: z.output<D['thresholds']> };

/** The options of `createTriage`. Every field is optional. */
export interface TriageOptions {
  /** Language of summaries, checklists and customer messages. @default 'zh-CN' */
  readonly locale?: (typeof LOCALES)[number];
  /** IANA time zone in which customer messages show times. @default 'Asia/Shanghai' */
  readonly timeZone?: string;
  /** Thresholds per exception code (see docs/detectors.md for each default). */
  readonly thresholds?: ThresholdOptions;
  /** Codes whose detectors do not run. @default [] */
  readonly disabled?: readonly DetectorCode[];
  /** What the business allows (see docs/policy.md). */
  readonly policy?: PolicyInput;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly locale: (typeof LOCALES)[number];
  readonly timeZone: string;
  readonly thresholds: ResolvedThresholds;
  readonly disabled: readonly DetectorCode[];
  readonly policy: z.output<typeof PolicySchema>;
}

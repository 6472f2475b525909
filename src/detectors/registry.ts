import type { z } from 'zod';
import { customerDetectors } from './customer/index.js';
import { fraudDetectors } from './fraud/index.js';
import { inventoryDetectors } from './inventory/index.js';
import { logisticsDetectors } from './logistics/index.js';
import { paymentDetectors } from './payment/index.js';
import { systemDetectors } from './system/index.js';

/** Every built-in detector, in the order findings are reported. */
export const detectors = [...paymentDetectors, ...inventoryDetectors, ...logisticsDetectors, ...customerDetectors, ...systemDetectors, ...fraudDetectors] as const;

/** A built-in exception code, derived from the registry so it cannot drift from it. */
export type DetectorCode = (typeof detectors)[number]['code'];

/** Every built-in exception code, in report order. */
export const detectorCodes: readonly DetectorCode[] = detectors.map((d) => d.code);

/**
 * The thresholds a built-in detector's playbook receives (its thresholds schema's output), named
 * by code, so a playbook need not import the detector's file.
 */
export type ThresholdsOf<C extends DetectorCode> = z.output<Extract<(typeof detectors)[number], { readonly code: C }>['thresholds']>;

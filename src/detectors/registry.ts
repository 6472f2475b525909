import { paymentDetectors } from './payment/index.js';

/** Every built-in detector, in the order findings are reported. */
export const detectors = [...paymentDetectors] as const;

/** A built-in exception code, derived from the registry so it cannot drift from it. */
export type DetectorCode = (typeof detectors)[number]['code'];

/** Every built-in exception code, in report order. */
export const detectorCodes: readonly DetectorCode[] = detectors.map((d) => d.code);

import { addressInvalid } from './address-invalid.js';
import { phoneInvalid } from './phone-invalid.js';
import { remarkNeedsAttention } from './remark-needs-attention.js';

/** The customer category's detectors, in report order. */
export const customerDetectors = [addressInvalid, phoneInvalid, remarkNeedsAttention] as const;

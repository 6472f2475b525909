import type { FactSettings } from '../facts/derive-facts.js';
import type { ResolvedOptions } from '../schema/options.js';

/**
 * The fact settings implied by resolved options: payment methods, address rules, quantity limits, remark keywords.
 *
 * @example
 * const settings = buildFactSettings(createTriage().options);
 */
export function buildFactSettings(options: ResolvedOptions): FactSettings {
  const { ADDRESS_INVALID: address, ABNORMAL_QUANTITY: quantity, REMARK_NEEDS_ATTENTION: remark } = options.thresholds;
  return {
    cashOnDeliveryMethods: new Set(options.policy.paymentMethods.cashOnDelivery),
    requiredAddressParts: address.requiredParts,
    defaultRequiredAddressParts: address.defaultRequiredParts,
    quantityLimits: { maxPerSku: quantity.maxPerSku, perSku: quantity.perSku },
    remarkKeywords: remark.extraKeywords,
  };
}

// Fixtures shared by the customer detector tests beside this file (one test file per detector).
import { buildOrder } from 'order-triage/testing';

/** The shipping address of the default built order, the base the address tests change one part of. */
export const address = buildOrder().shippingAddress;
/** A built order whose shipping address is the default one with `changes` applied (and `extra` order fields). */
export const withAddress = (changes: Record<string, unknown>, extra = {}) => buildOrder({ shippingAddress: { ...address, ...changes } as typeof address, ...extra });

import type { OrderSnapshot } from '../schema/snapshot.js';
import type { EvidenceRecords } from './detector.js';

/** The payment attempts and refunds of an order, quoted in payment findings' evidence. */
export function paymentRecords(snapshot: OrderSnapshot): EvidenceRecords {
  return {
    payments: snapshot.payments.map((p) => ({
      id: p.id,
      method: p.method,
      status: p.status,
      amount: p.amount,
      currency: p.currency ?? snapshot.currency,
      createdAt: p.createdAt,
      ...(p.paidAt === undefined ? {} : { paidAt: p.paidAt }),
      ...(p.gatewayTxnId === undefined ? {} : { gatewayTxnId: p.gatewayTxnId }),
      ...(p.failureReason === undefined ? {} : { failureReason: p.failureReason }),
    })),
    refunds: (snapshot.refunds ?? []).map((r) => ({
      id: r.id,
      ...(r.paymentId === undefined ? {} : { paymentId: r.paymentId }),
      amount: r.amount,
      status: r.status,
      createdAt: r.createdAt,
    })),
  };
}

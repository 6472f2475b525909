/** Every status an order may have (docs/snapshot.md). */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'closed', 'failed'] as const;

/** An order's status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

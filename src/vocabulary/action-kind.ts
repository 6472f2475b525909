/** Every kind of action a playbook may recommend (docs/playbooks.md). */
export const ACTION_KINDS = [
  'send_payment_link',
  'suggest_payment_retry',
  'refund',
  'update_order_status',
  'hold_shipment',
  'reship',
  'request_return',
  'coupon',
  'points',
  'contact_customer',
  'correct_address',
  'intercept_shipment',
  'urge_carrier',
  'carrier_claim',
  'urgent_restock',
  'transfer_stock',
  'release_or_retry_reservation',
  'resync_inventory',
  'retry_sync',
  'recreate_order',
  'cancel_order',
  'manual_review',
  'add_to_blacklist',
  'report_to_authorities',
  'escalate',
  'tech_incident',
  'follow_up_survey',
] as const;

/** A kind of action. */
export type ActionKind = (typeof ACTION_KINDS)[number];

import type { DetectorCode } from '../detectors/registry.js';
import type { FindingCode } from '../findings/finding.js';
import type { ActionKind } from '../vocabulary/action-kind.js';
import type { ActionDraft } from './playbook.js';

/** The codes of fraud review: no compensation and no release to fulfilment while one is open. */
export const FRAUD_CODES: readonly DetectorCode[] = ['BLACKLISTED', 'SUSPICIOUS_NEW_ACCOUNT', 'ABNORMAL_QUANTITY'];

/** What a row of the table looks at: the codes found, whether money was captured, what is planned. */
export type PrecedenceCondition =
  | { readonly found: readonly DetectorCode[] }
  | { readonly planned: ActionKind }
  | { readonly plannedRefundFor: readonly string[] }
  | { readonly plannedCancelFor: readonly string[] }
  | { readonly nothingCaptured: true };

/** What a row drops or changes when its condition holds. */
export interface PrecedenceEffect {
  /** These codes' playbooks contribute nothing (the findings are still reported). */
  readonly playbooksOf?: readonly DetectorCode[];
  /** Actions of these kinds are dropped, from every code (or from `from` only). */
  readonly kinds?: readonly ActionKind[];
  readonly from?: readonly DetectorCode[];
  /** The first code (in the order of the findings) whose own drafts include this kind keeps the dropped kinds: one cancellation, with its own message. */
  readonly keepWith?: ActionKind;
  /** A status update marks the order paid without releasing it to fulfilment. */
  readonly noRelease?: true;
}

/** One row: when `when` holds, `then` applies, for the reason `why`. */
export interface PrecedenceRule {
  readonly when: PrecedenceCondition;
  readonly then: PrecedenceEffect;
  readonly why: string;
}

/**
 * What one finding's playbook gives way to when other findings or actions share the order: the
 * precedence table (docs/playbooks.md, "Precedence"). Read top to bottom; every row whose
 * condition holds applies. The findings themselves are always reported.
 */
export const PRECEDENCE: readonly PrecedenceRule[] = [
  {
    when: { found: ['PACKAGE_LOST', 'PACKAGE_DAMAGED', 'DELIVERY_REFUSED'] },
    then: { playbooksOf: ['TRACKING_STALLED', 'DELIVERY_DELAYED'] },
    why: 'A parcel lost, damaged, refused or returned is not chased for delivery and earns no delay compensation.',
  },
  {
    when: { found: ['AWAITING_PICKUP'] },
    then: { playbooksOf: ['TRACKING_STALLED', 'DELIVERY_DELAYED'] },
    why: 'A parcel waiting at a pickup point has arrived: the customer is reminded where and until when, the courier is not chased and no delay coupon is given.',
  },
  {
    when: { found: ['DELIVERY_ATTEMPT_FAILED'] },
    then: { playbooksOf: ['DELIVERY_DELAYED'] },
    why: 'A parcel the courier tried to deliver is re-delivered as the customer agrees: no chase for delivery and no delay coupon.',
  },
  {
    when: { found: ['NOT_SHIPPED_ON_TIME'] },
    then: { kinds: ['contact_customer', 'escalate'], from: ['NOT_PICKED_UP'] },
    why: "A late order whose label waits for pickup gets one escalation to the warehouse and one message: the late shipment's. The carrier is still chased.",
  },
  {
    when: { found: ['OVERSOLD'] },
    then: { playbooksOf: ['NOT_SHIPPED_ON_TIME'] },
    why: 'Stock that does not exist is not "shipping soon": the restock and the customer\'s choice replace the push to ship.',
  },
  {
    when: { found: ['DELIVERY_DELAYED'] },
    then: { kinds: ['contact_customer'], from: ['TRACKING_STALLED'] },
    why: 'A parcel both stalled and late gets one progress update: the delay says it all.',
  },
  {
    when: { found: ['OVERSOLD'] },
    then: { kinds: ['send_payment_link', 'suggest_payment_retry'], from: ['PAYMENT_FAILED'] },
    why: 'A checkout draft whose stock sold out is not asked to pay for it: the customer first chooses to wait or cancel.',
  },
  {
    when: { found: ['DELIVERY_REFUSED'] },
    then: { kinds: ['contact_customer', 'manual_review'], from: ['PACKAGE_DAMAGED'] },
    why: 'A refused parcel is settled by the refusal flow: the returned goods are inspected, then refunded; the customer is not also asked for photos or to choose a reshipment. The carrier claim stays.',
  },
  {
    when: { found: ['ORDER_CREATE_FAILED'] },
    then: { playbooksOf: ['CAPTURED_NOT_REFUNDED'] },
    why: 'A failed order the customer paid for is recreated with its payment: the money is not left behind, so it is not also refunded.',
  },
  {
    when: { found: ['CAPTURED_NOT_REFUNDED'] },
    then: { playbooksOf: ['DUPLICATE_PAYMENT', 'AMOUNT_MISMATCH'] },
    why: 'An order that will not ship gets everything it captured back: a double charge or overpayment is part of that one refund, told once.',
  },
  {
    when: { found: ['PAYMENT_CLAIMED'] },
    then: { kinds: ['cancel_order', 'send_payment_link', 'suggest_payment_retry', 'contact_customer'], from: ['PAYMENT_FAILED'] },
    why: 'A customer who says they paid is neither cancelled for not paying nor asked to pay again until finance has checked the gateway with their voucher.',
  },
  {
    when: { nothingCaptured: true },
    then: { kinds: ['refund', 'coupon', 'points'] },
    why: 'An order with no captured payment has nothing to refund and earns no compensation.',
  },
  {
    when: { found: FRAUD_CODES },
    then: { kinds: ['coupon', 'points', 'reship'], noRelease: true },
    why: 'An order under fraud review gets no compensation and nothing is shipped (again) or released to fulfilment.',
  },
  {
    when: { found: ['OVERSOLD'] },
    then: { noRelease: true },
    why: 'A payment confirmed late does not release an order whose stock is short.',
  },
  {
    when: { planned: 'hold_shipment' },
    then: { noRelease: true },
    why: 'A payment confirmed late does not release an order another finding holds.',
  },
  {
    when: { planned: 'cancel_order' },
    then: {
      kinds: [
        'send_payment_link',
        'suggest_payment_retry',
        'update_order_status',
        'hold_shipment',
        'reship',
        'correct_address',
        'urgent_restock',
        'transfer_stock',
        'release_or_retry_reservation',
        'urge_carrier',
        'follow_up_survey',
      ],
    },
    why: 'A cancelled order is not chased for payment, shipped or restocked; money still goes back and staff work still happens.',
  },
  {
    when: { plannedCancelFor: ['unpaid_timeout', 'blacklisted', 'coupon_abuse'] },
    then: { kinds: ['coupon', 'points'] },
    why: 'An order cancelled for not paying or for fraud earns no compensation (one the customer cancels because we could not deliver still does).',
  },
  {
    when: { planned: 'cancel_order' },
    then: { kinds: ['contact_customer', 'cancel_order'], keepWith: 'cancel_order' },
    why: "The customer of a cancelled order hears about one cancellation (the first finding's in the order findings are reported, with any refund), not about fixing an order that will not ship.",
  },
  {
    when: { plannedRefundFor: ['package_lost', 'package_damaged', 'oversold', 'refused_not_quality', 'refused_quality_issue'] },
    then: { kinds: ['reship'] },
    why: 'A refund of the whole order is not also sent again.',
  },
  {
    when: { plannedRefundFor: ['package_lost', 'refused_not_quality', 'refused_quality_issue'] },
    then: { kinds: ['send_payment_link', 'hold_shipment', 'contact_customer'], from: ['AMOUNT_MISMATCH'] },
    why: 'An order refunded in full is not asked for a balance.',
  },
  {
    when: { found: ['DELIVERY_REFUSED'] },
    then: { kinds: ['send_payment_link', 'hold_shipment', 'contact_customer'], from: ['AMOUNT_MISMATCH'] },
    why: 'A refused order is settled by its refund, not by a balance.',
  },
];

/** One finding's drafts, as the plan carries them. */
export interface CodeDrafts {
  readonly code: FindingCode;
  readonly drafts: readonly ActionDraft[];
}

/** What the rows are judged on. */
export interface PrecedenceSituation {
  readonly found: ReadonlySet<string>;
  readonly captured: boolean;
}

function holds(when: PrecedenceCondition, situation: PrecedenceSituation, planned: readonly CodeDrafts[]): boolean {
  if ('found' in when) {
    for (const code of when.found) if (situation.found.has(code)) return true;
    return false;
  }
  if ('nothingCaptured' in when) return !situation.captured;
  // Read in place, not flattened into a new list: the table asks this of every plan up to five times.
  for (const p of planned) for (const d of p.drafts) if (plannedHolds(when, d)) return true;
  return false;
}

function plannedHolds(when: Exclude<PrecedenceCondition, { found: unknown } | { nothingCaptured: true }>, d: ActionDraft): boolean {
  if ('planned' in when) return d.kind === when.planned;
  if ('plannedCancelFor' in when) return d.kind === 'cancel_order' && when.plannedCancelFor.includes(d.params.reason);
  return d.kind === 'refund' && when.plannedRefundFor.includes(d.params.reason);
}

/**
 * The codes whose playbooks give way entirely (the table's `playbooksOf`), judged on the codes found.
 *
 * @example
 * silencedCodes({ found: new Set(['PACKAGE_LOST', 'DELIVERY_DELAYED']), captured: true }) //=> Set { 'TRACKING_STALLED', 'DELIVERY_DELAYED' }
 */
export function silencedCodes(situation: PrecedenceSituation): Set<string> {
  const silenced = new Set<string>();
  for (const rule of PRECEDENCE) {
    if (rule.then.playbooksOf !== undefined && holds(rule.when, situation, [])) for (const code of rule.then.playbooksOf) silenced.add(code);
  }
  return silenced;
}

/**
 * Applies the table to every finding's drafts: silenced playbooks contribute nothing, dropped
 * kinds are removed, and a status update keeps the order held when a row says so.
 *
 * @example
 * applyPrecedence([{ code: 'PACKAGE_LOST', drafts }, { code: 'DELIVERY_DELAYED', drafts: [urge] }], situation)
 * //=> [{ code: 'PACKAGE_LOST', drafts }, { code: 'DELIVERY_DELAYED', drafts: [] }]
 */
export function applyPrecedence(planned: readonly CodeDrafts[], situation: PrecedenceSituation): CodeDrafts[] {
  const silenced = silencedCodes(situation);
  let result: CodeDrafts[] = planned.map((p) => (silenced.has(p.code) ? { code: p.code, drafts: [] } : p));
  for (const rule of PRECEDENCE) {
    const { kinds, from, keepWith, noRelease } = rule.then;
    if ((kinds === undefined && noRelease === undefined) || !holds(rule.when, situation, result)) continue;
    const keeper = keepWith === undefined ? undefined : result.find((p) => p.drafts.some((d) => d.kind === keepWith));
    // A finding whose drafts the row leaves as they are keeps its entry, and a row that changes nothing copies nothing.
    let changed: CodeDrafts[] | undefined;
    result.forEach((planned, i) => {
      const dropped = (from === undefined || from.includes(planned.code as DetectorCode)) && planned !== keeper ? kinds : undefined;
      if (!planned.drafts.some((draft) => changes(draft, dropped, noRelease))) return;
      changed ??= [...result];
      changed[i] = { code: planned.code, drafts: applyRow(planned.drafts, dropped, noRelease) };
    });
    if (changed !== undefined) result = changed;
  }
  return result;
}

/** One finding's drafts after a row: the `dropped` kinds removed, a status update held when the row says so. */
function applyRow(drafts: readonly ActionDraft[], dropped: readonly ActionKind[] | undefined, noRelease: true | undefined): ActionDraft[] {
  return drafts.flatMap((draft): ActionDraft[] => {
    if (dropped?.includes(draft.kind)) return [];
    // Marked paid but still held: the kind's own note says so, not the playbook's "release it".
    if (noRelease && draft.kind === 'update_order_status' && draft.params.release) {
      const { note: _note, ...held } = draft;
      return [{ ...held, params: { ...draft.params, release: false } }];
    }
    return [draft];
  });
}

/** True when a row dropping `kinds` (undefined: none from this finding) or holding the release changes `draft`. */
function changes(draft: ActionDraft, kinds: readonly ActionKind[] | undefined, noRelease: true | undefined): boolean {
  if (kinds?.includes(draft.kind)) return true;
  return noRelease === true && draft.kind === 'update_order_status' && Boolean(draft.params.release);
}

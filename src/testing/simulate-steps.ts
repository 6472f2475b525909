import type { TriageReport } from '../engine/types.js';
import type { Action } from '../playbooks/action.js';
import type { OrderSnapshotInput } from '../schema/snapshot.js';
import type { CarryOut, CaseMoment, CaseStep, RecordedAction, SimDecision, SimEvent } from './simulate-types.js';

/** The simulator's working state: the order as the backend holds it now, and what is pending. */
export interface SimState {
  order: OrderSnapshotInput;
  atMs: number;
  /** Kinds whose next carried-out action fails (`fail` steps), in order. */
  pendingFailures: string[];
  /** Each refund recorded done, by key: the payment and amount it moves (for `refundsSettle`). */
  refundParams: Map<string, { paymentId: string; amount: number }>;
  /** Refund keys already settled into `refunds[]`. */
  settled: Set<string>;
  serial: number;
}

type Changes = { recorded: RecordedAction[]; events: SimEvent[] };
type Shipment = NonNullable<OrderSnapshotInput['shipments']>[number];

const MONEY_KINDS = new Set(['refund', 'coupon', 'points']);
const iso = (state: SimState): string => new Date(state.atMs).toISOString();
const event = (type: SimEvent['type'], summary: string): SimEvent => ({ type, summary });

/** Whether the backend may carry out `action` now: automatable ones always, others only for `carry_out_all`; never one awaiting approval. */
function mayCarryOut(action: Action, how: CarryOut): boolean {
  if (action.requiresApproval !== 'none') return false;
  return how === 'carry_out_all' || action.automatable;
}

/**
 * Records the latest report's actions in `actionsTaken[]` (money with its amount; a failure
 * queued by a `fail` step as `status: 'failed'`) and applies what carrying them out changes in
 * the order (docs/lifecycle.md, "The simulator").
 */
export function carryOut(state: SimState, report: TriageReport, how: CarryOut): Changes {
  const changes: Changes = { recorded: [], events: [] };
  const done = new Set((state.order.actionsTaken ?? []).filter((a) => a.status !== 'failed').map((a) => a.idempotencyKey));
  for (const action of report.actions) {
    if (!mayCarryOut(action, how) || done.has(action.idempotencyKey)) continue;
    const failing = state.pendingFailures.indexOf(action.kind);
    if (failing >= 0) state.pendingFailures.splice(failing, 1);
    const amount = MONEY_KINDS.has(action.kind) ? (action.params as { amount?: number }).amount : undefined;
    const recorded: RecordedAction = {
      kind: action.kind,
      idempotencyKey: action.idempotencyKey,
      at: iso(state),
      ...(amount === undefined ? {} : { amount }),
      ...(failing >= 0 ? { status: 'failed' as const, error: 'simulated failure' } : {}),
    };
    changes.recorded.push(recorded);
    if (failing < 0) applyEffect(state, action, changes.events);
  }
  state.order = { ...state.order, actionsTaken: [...(state.order.actionsTaken ?? []), ...changes.recorded.map((r) => ({ ...r }))] };
  return changes;
}

/** What carrying out an action changes in the order, where the snapshot can say it. */
function applyEffect(state: SimState, action: Action, events: SimEvent[]): void {
  const order = state.order;
  switch (action.kind) {
    case 'refund':
      state.refundParams.set(action.idempotencyKey, { paymentId: action.params.paymentId, amount: action.params.amount });
      return;
    case 'update_order_status':
      state.order = { ...order, status: action.params.to as OrderSnapshotInput['status'] };
      events.push(event('effect', `order status ${order.status} → ${action.params.to}`));
      return;
    case 'cancel_order':
      state.order = { ...order, status: 'cancelled' };
      events.push(event('effect', `order status ${order.status} → cancelled`));
      return;
    case 'recreate_order':
      state.order = { ...order, status: 'paid' };
      events.push(event('effect', `order recreated: status ${order.status} → paid`));
      return;
    case 'retry_sync':
      state.order = {
        ...order,
        sync: (order.sync ?? []).map((s) => (s.system === action.params.system ? syncedOk(s, iso(state)) : s)),
      };
      events.push(event('effect', `sync to ${action.params.system} succeeded`));
      return;
    case 'resync_inventory': {
      const skus = new Set(action.params.skus);
      const inventory = (order.inventory ?? []).map((r) => (skus.has(r.sku) ? { ...r, channelAvailable: r.onHand - r.reserved, syncedAt: iso(state) } : r));
      state.order = { ...order, inventory };
      events.push(event('effect', `stock figures re-synced for ${action.params.skus.join(', ')}`));
      return;
    }
    case 'reship': {
      const shipment: Shipment = {
        id: `SHP-SIM-${++state.serial}`,
        carrier: order.shipments?.at(-1)?.carrier ?? 'SF',
        trackingNumber: `SIM${state.serial}`,
        shippedAt: iso(state),
        events: [{ at: iso(state), code: 'picked_up' }],
      };
      state.order = { ...order, shipments: [...(order.shipments ?? []), shipment] };
      events.push(event('effect', `reshipped as ${shipment.id}`));
      return;
    }
    default:
      return;
  }
}

type Sync = NonNullable<OrderSnapshotInput['sync']>[number];

/** A sync record after a retry that succeeded at `at`. */
function syncedOk(record: Sync, at: string): Sync {
  const { error: _error, failedAttempts: _failed, ...rest } = record;
  return { ...rest, status: 'ok', lastAttemptAt: at, lastSuccessAt: at };
}

/** Applies one script step at the state's moment: what the backend records and what the world does. */
export function applyStep(state: SimState, step: CaseStep, timeline: readonly CaseMoment[]): Changes {
  const report = timeline[timeline.length - 1]?.report;
  if ('do' in step) return report === undefined ? { recorded: [], events: [] } : carryOut(state, report, step.do);
  if ('customerChooses' in step) return decide(state, customerChoices(step.customerChooses, timeline));
  if ('approve' in step) return decide(state, approvals(report, step.approve, 'approve'));
  if ('reject' in step) return decide(state, approvals(report, step.reject, 'reject'));
  if ('decide' in step) return decide(state, [step.decide]);
  if ('fail' in step) {
    state.pendingFailures.push(step.fail);
    return { recorded: [], events: [] };
  }
  return { recorded: [], events: applyWorld(state, step) };
}

function applyWorld(state: SimState, step: CaseStep): SimEvent[] {
  if ('carrier' in step) return step.carrier === 'deliver' ? deliver(state) : returnReceived(state);
  if ('refundsSettle' in step) return settleRefunds(state);
  if ('customerPays' in step) return customerPays(state);
  if ('customerReports' in step) {
    const report = {
      id: `RPT-SIM-${++state.serial}`,
      source: 'customer' as const,
      kind: step.customerReports,
      at: iso(state),
      ...(step.text === undefined ? {} : { text: step.text }),
    };
    state.order = { ...state.order, reports: [...(state.order.reports ?? []), report] };
    return [event('report', `the customer reports ${step.customerReports}${step.text === undefined ? '' : `: ${step.text}`}`)];
  }
  if ('customerRates' in step) {
    state.order = { ...state.order, feedback: { score: step.customerRates, at: iso(state) } };
    return [event('feedback', `the customer rates the case ${step.customerRates}/5`)];
  }
  if ('update' in step) {
    const fields = typeof step.update === 'function' ? step.update(state.order) : step.update;
    state.order = { ...state.order, ...structuredClone(fields) };
    return [event('update', `order updated: ${Object.keys(fields).join(', ')}`)];
  }
  return [];
}

function decide(state: SimState, decisions: readonly SimDecision[]): Changes {
  const at = iso(state);
  const recorded = decisions.map((d) => ({ at, ...d }));
  state.order = { ...state.order, decisions: [...(state.order.decisions ?? []), ...recorded] };
  return { recorded: [], events: decisions.map((d) => event('decision', `${d.by} ${d.choice}: ${d.about}`)) };
}

/** The customer's choice about each still-open code whose message offered it (`wait` answers `wait_for_restock` too). */
function customerChoices(choice: SimDecision['choice'], timeline: readonly CaseMoment[]): SimDecision[] {
  const last = timeline[timeline.length - 1]?.report;
  if (last === undefined) return [];
  const open = new Set(last.case.openFindings.filter((f) => (f as { state?: string }).state !== 'resolved').map((f) => f.code));
  const answered = new Set<string>();
  for (const moment of timeline) {
    for (const action of moment.report.actions) {
      if (action.kind !== 'contact_customer') continue;
      const offered = (action.params.options ?? []).some((o) => o === choice || o.startsWith(`${choice}_`));
      if (offered) for (const code of action.because) if (open.has(code)) answered.add(code);
    }
  }
  return [...answered].sort().map((about) => ({ by: 'customer', about, choice }));
}

/** Approvals (or rejections) of the latest report's actions awaiting one: all of them, or the one with `key`. */
function approvals(report: TriageReport | undefined, which: string, choice: 'approve' | 'reject'): SimDecision[] {
  const awaiting = (report?.actions ?? []).filter((a) => a.requiresApproval !== 'none' && (which === 'all' || a.idempotencyKey === which));
  return awaiting.map((a) => ({ by: a.requiresApproval === 'executive' ? 'manager' : (a.requiresApproval as 'supervisor' | 'manager'), about: a.idempotencyKey, choice }));
}

function deliver(state: SimState): SimEvent[] {
  const shipments = state.order.shipments ?? [];
  const newest = shipments.at(-1);
  if (newest === undefined) return [];
  const delivered: Shipment = { ...newest, events: [...newest.events, { at: iso(state), code: 'delivered' }] };
  state.order = { ...state.order, shipments: [...shipments.slice(0, -1), delivered], ...(state.order.status === 'shipped' ? { status: 'delivered' as const } : {}) };
  return [event('tracking', `${newest.id} delivered`)];
}

function returnReceived(state: SimState): SimEvent[] {
  const newest = state.order.shipments?.at(-1);
  const id = `RET-SIM-${++state.serial}`;
  const entry = { id, ...(newest === undefined ? {} : { shipmentId: newest.id }), status: 'received' as const, at: iso(state) };
  state.order = { ...state.order, returns: [...(state.order.returns ?? []), entry] };
  return [event('return', `return ${id} received${newest === undefined ? '' : ` (${newest.id})`}`)];
}

function settleRefunds(state: SimState): SimEvent[] {
  const events: SimEvent[] = [];
  const refunds = [...(state.order.refunds ?? [])];
  for (const [key, { paymentId, amount }] of state.refundParams) {
    if (state.settled.has(key)) continue;
    state.settled.add(key);
    refunds.push({ id: `RFD-SIM-${++state.serial}`, paymentId, amount, status: 'succeeded', createdAt: iso(state) });
    events.push(event('refund', `refund of ${amount} to ${paymentId} succeeded`));
  }
  state.order = { ...state.order, refunds };
  return events;
}

function customerPays(state: SimState): SimEvent[] {
  const order = state.order;
  const captured = order.payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amount, 0);
  const owed = order.totals.payable - captured;
  if (owed <= 0) return [];
  const payment = { id: `pay_sim_${++state.serial}`, method: 'alipay', status: 'succeeded' as const, amount: owed, createdAt: iso(state), paidAt: iso(state) };
  state.order = { ...order, payments: [...order.payments, payment], ...(order.status === 'pending_payment' ? { status: 'paid' as const } : {}) };
  return [event('payment', `the customer pays ${owed} (${payment.id})`)];
}

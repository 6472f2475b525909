import * as z from 'zod';
import type { ReadonlyFields } from '../_lib/readonly-fields.js';
import { duration } from '../schema/durations.js';
import type { ActionKind } from '../vocabulary/action-kind.js';
import type { ActionParams } from '../vocabulary/action-params.js';
import type { EscalationRole } from '../vocabulary/approval-role.js';
import type { Severity } from '../vocabulary/severity.js';

/**
 * Thresholds of the cross-order detectors (part of `options.batch`), with the documented defaults.
 *
 * @example
 * ClusterThresholdsSchema.parse({}).minAccounts //=> 3
 */
export const ClusterThresholdsSchema = z.strictObject({
  windowHours: duration('hours', 1).default(24).meta({ description: 'Hours before now in which orders are compared with each other.' }),
  minAccounts: z.int().min(2).default(3).meta({ description: 'Accounts sharing an address, phone or device that make a cluster.' }),
  minCouponRedemptions: z.int().min(2).default(2).meta({ description: 'New-user coupon redemptions by one address, phone or device that make coupon abuse.' }),
  newUserCouponKinds: z
    .array(z.string().min(1))
    .default(() => ['new_user'])
    .meta({ description: 'coupons[].kind values that mean a new-user coupon.' }),
  rapidRepeatOrders: z.int().min(2).default(5).meta({ description: 'Orders by one account within rapidRepeatMinutes that are rapid repeats.' }),
  rapidRepeatMinutes: duration('minutes', 1).default(60).meta({ description: 'Minutes in which rapidRepeatOrders orders by one account are suspicious.' }),
});

/** Thresholds of the cross-order detectors. */
export type ClusterThresholds = ReadonlyFields<z.output<typeof ClusterThresholdsSchema>>;

/** What a batch detector reads: the cluster thresholds and `options.batch.blacklistAtAccounts`. */
export type BatchThresholds = ClusterThresholds & { readonly blacklistAtAccounts: number };

/** One order as the cross-order detectors see it. */
export interface ClusterEntry {
  readonly orderId: string;
  readonly customerId: string;
  readonly at: number;
  readonly unshipped: boolean;
  readonly newUserCoupon: boolean;
  /** The order's currency: money a batch action moves is in it, and its staff note is written in it. */
  readonly currency: string;
  /** The `batch/…` idempotency keys in the order's `actionsTaken` (the batch actions already done). */
  readonly batchKeysTaken: readonly string[];
}

/** What a group of orders shares. */
export type SharedOn = 'address' | 'phone' | 'device' | 'customer';

/** A group of orders that share one value. */
export interface ClusterGroup {
  readonly on: SharedOn;
  /** The shared value as the orders wrote it (first seen). */
  readonly value: string;
  /** The normalised key it was grouped by. */
  readonly key: string;
  /** An address many buyers share honestly: a business's reception, a parcel station or locker (src/_lib/shared-drop-off.ts). */
  readonly sharedDropOff: boolean;
}

/** A group's orders a batch detector found, with the group. */
export interface DetectedCluster extends ClusterGroup {
  /** The orders involved, in order of creation. */
  readonly entries: readonly ClusterEntry[];
  /** The accounts among them, sorted. */
  readonly accounts: readonly string[];
}

interface BatchDraftFields<K extends ActionKind> {
  readonly kind: K;
  readonly params: ActionParams<K>;
  /** The orders it acts on (every order of the cluster, or one of them). */
  readonly orderIds: string[];
  /** What tells this action apart from the cluster's other actions of its kind (an order id). */
  readonly key: readonly (string | number)[];
  /** Whether it may run without a person, before authority limits are applied. */
  readonly automatable: boolean;
  /** Money it moves, in the currency of its first order: decides `requiresApproval` from `policy.authority`. */
  readonly amount?: number;
  /** A role whose approval the action needs whatever its amount. */
  readonly approval?: EscalationRole;
}

/** A batch action before its key, due time, approval and note are filled in. */
export type BatchActionDraft = { [K in ActionKind]: BatchDraftFields<K> }[ActionKind];

/**
 * One cross-order detector (docs/scaling.md): which groups it reads, when a group is a finding,
 * the thresholds its evidence quotes, and the actions that resolve it. Its summary and checklist
 * are `messages.batch.summaries[code]` and `messages.batch.checklists[code]`, demanded by type
 * in every catalogue once the detector is in the registry (src/batch/detectors/index.ts).
 */
export interface BatchDetector<Code extends string = string> {
  /** The cross-order code (docs/scaling.md). */
  readonly code: Code;
  readonly severity: Severity;
  /** The severity of one finding, when it depends on the group (a business address is lower); `severity` when absent. */
  readonly severityOf?: (cluster: DetectedCluster) => Severity;
  /** The groups it reads: orders sharing an address, a phone, a device or an account. */
  readonly groupBy: readonly SharedOn[];
  /** The thresholds quoted in the finding's evidence, after `windowHours`. */
  readonly thresholds: (thresholds: BatchThresholds) => Readonly<Record<string, unknown>>;
  /**
   * The orders of one group (those that count, in order of creation) that make a finding, or
   * `undefined` when the group is not one.
   */
  readonly detect: (entries: readonly ClusterEntry[], thresholds: BatchThresholds) => readonly ClusterEntry[] | undefined;
  /** What to do about a finding. */
  readonly actions: (cluster: DetectedCluster, thresholds: BatchThresholds) => BatchActionDraft[];
}

/**
 * Declares a cross-order detector. The identity function keeps the code a literal type, so
 * `BatchCode` is derived from the registry and a new detector's messages are demanded by type.
 *
 * @example
 * export const myBatchDetector = defineBatchDetector({ code: 'MY_CLUSTER', severity: 'medium', groupBy: ['phone'], thresholds: () => ({}), detect: (entries) => (entries.length > 9 ? entries : undefined), actions: () => [] });
 */
export function defineBatchDetector<const Code extends string>(detector: BatchDetector<Code>): BatchDetector<Code> {
  return detector;
}

/** The `add_to_blacklist` parameter each shared value goes into (an account goes in as a customer id). */
const BLACKLIST_FIELD: { readonly [S in SharedOn]: keyof ActionParams<'add_to_blacklist'> } = {
  address: 'addresses',
  phone: 'phones',
  device: 'devices',
  customer: 'customerIds',
};

/**
 * The draft that proposes a cluster's shared value for the blacklist, for every order of it; a
 * supervisor approves it (a wrong entry turns honest buyers away). None for a business or
 * pickup address, which honest buyers share.
 *
 * @example
 * blacklistDraft({ on: 'phone', value: '13600000000', ... }) //=> [{ kind: 'add_to_blacklist', params: { phones: ['13600000000'] }, approval: 'supervisor', ... }]
 */
export function blacklistDraft(cluster: DetectedCluster, orderIds: string[]): BatchActionDraft[] {
  if (cluster.sharedDropOff) return [];
  return [{ kind: 'add_to_blacklist', params: { [BLACKLIST_FIELD[cluster.on]]: [cluster.value] }, automatable: false, orderIds, key: [cluster.on], approval: 'supervisor' }];
}

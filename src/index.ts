/**
 * order-triage: identify, analyse and resolve e-commerce order exceptions. Pure: no I/O, no
 * clock, no randomness; the caller passes `now`.
 *
 * @packageDocumentation
 */

export { normaliseAddress } from './_lib/normalise-address.js';
export { BATCH_CODES, type BatchCode } from './batch/clusters.js';
export type { CrossOrderKey } from './batch/cross-order-keys.js';
export { type CrossOrderResult, mergeCrossOrder } from './batch/detect-cross-order.js';
export type { BatchAction, BatchFinding, BatchReport } from './batch/evaluate-batch.js';
export { computeKpis, type Kpi, type KpiBaseline, KpiBaselineSchema, type KpiThresholds } from './batch/kpis.js';
export {
  type CodeReview,
  type CodeReviewFigures,
  emptyReview,
  type MinutesFigures,
  type MinutesTally,
  mergeReviews,
  type ReviewFigures,
  type ReviewSummary,
  reviewFigures,
  type SatisfactionFigures,
  type ScoreTally,
} from './batch/review.js';
export { type BatchSummary, type CarrierRecord, type Counts, emptySummary, hotspots, mergeSummaries } from './batch/summary.js';
export {
  type Condition,
  type ConditionValue,
  type DecoratedOperator,
  type EvaluatedCondition,
  type ExplainedCondition,
  type FactCondition,
  type FactReference,
  OPERATORS,
  type Operator,
  type TopLevelCondition,
} from './conditions/condition.js';
export type { Category, Detector, EvidenceRecords, Owner, Severity } from './detectors/detector.js';
export { type DetectorCode, detectorCodes, detectors } from './detectors/registry.js';
export {
  formatPath,
  InvalidOptionsError,
  type Issue,
  isInvalidOptionsError,
  isOrderTriageError,
  OrderTriageError,
} from './errors.js';
export { type FactName, factCatalogue } from './facts/derive-facts.js';
export type { FactSpec, FactType } from './facts/fact-spec.js';
export { USER_FACT_TYPES, type UserFact, type UserFactType } from './facts/user-facts.js';
export type { Evidence, Finding } from './findings/finding.js';
export { lintRules, type RuleLint } from './lint/lint-rules.js';
export { orderFieldPaths } from './lint/order-field-paths.js';
export type { MessageCatalogue, SummaryInput } from './messages/catalogue.js';
export type { CustomerTexts } from './messages/customer-texts.js';
export { LOCALES, type Locale, messageCatalogues } from './messages/locales.js';
export type { MessageKit } from './messages/message-kit.js';
export { type CurrencyOverrides, createCurrencyDigits, currencyDigits, toDecimalString } from './money/currency-digits.js';
export { formatMoney } from './money/format-money.js';
export { computeRefundableBalances, type PaymentBalance, type RefundableBalances } from './money/refundable-balance.js';
export { splitByLargestRemainder } from './money/split-largest-remainder.js';
export {
  ACTION_KINDS,
  type Action,
  type ActionKind,
  type ActionParams,
  type ActionParamsByKind,
  type ContactReason,
  type CustomerMessage,
  type FindingCode,
  type HoldReason,
  type ParcelRef,
  type RefundReason,
  type ReviewReason,
} from './playbooks/action.js';
export type { CaseFinding, CaseFindingState } from './playbooks/case-state.js';
export { type ActionOutcome, type RecordedAction, toActionTaken } from './playbooks/to-action-taken.js';
export type { ApprovalRole } from './policy/approval.js';
export {
  DEFAULT_AUTHORITY,
  DEFAULT_REFUND_ETA_BY_METHOD,
  type Policy,
  type PolicyInput,
  PolicySchema,
} from './policy/policy.js';
export type { CustomOperator } from './rules/rule-engine.js';
export { defineRules, getRuleJsonSchema, type JsonRule, type RuleCondition, type RuleFactReference, RuleSchema, type UserRule } from './rules/rule-schema.js';
export { RULE_LIMITS, type RuleValidationOptions, type ValidRule, validateRules } from './rules/validate-rules.js';
export { type Allowlist, AllowlistSchema, type Blacklist, BlacklistSchema, type EvaluateContext, EvaluateContextSchema } from './schema/context.js';
export { type CountryCode, ISO_COUNTRY_CODES, isCountryCode } from './schema/countries.js';
export { getSnapshotJsonSchema } from './schema/json-schema.js';
export {
  type ResolvedOptions,
  type ResolvedThresholds,
  type ThresholdOptions,
  type TriageOptions,
  TriageOptionsSchema,
} from './schema/options.js';
export { CountrySchema, CurrencySchema, IdSchema, MoneySchema, QuantitySchema, TimestampSchema } from './schema/primitives.js';
export { checkSize, type SizeLimits, SNAPSHOT_LIMITS } from './schema/size-guard.js';
export {
  type ActionTaken,
  ActionTakenSchema,
  type Address,
  AddressSchema,
  CouponSchema,
  type Customer,
  CustomerSchema,
  type Decision,
  DecisionSchema,
  DeviceSchema,
  FeedbackSchema,
  InventoryRecordSchema,
  OpenFindingSchema,
  type OrderItem,
  OrderItemSchema,
  type OrderSnapshot,
  type OrderSnapshotInput,
  OrderSnapshotSchema,
  type OrderStatus,
  OrderStatusSchema,
  type Payment,
  PaymentSchema,
  PaymentStatusSchema,
  type Refund,
  RefundSchema,
  ReportSchema,
  ReservationSchema,
  type Return,
  ReturnSchema,
  type Shipment,
  ShipmentSchema,
  SyncRecordSchema,
  TotalsSchema,
  type TrackingEvent,
  TrackingEventCodeSchema,
  TrackingEventSchema,
} from './schema/snapshot.js';
export type {
  ExactInput,
  OrderSnapshotStrict,
  SnapshotActionTaken,
  SnapshotAddress,
  SnapshotCoupon,
  SnapshotCustomer,
  SnapshotDecision,
  SnapshotDevice,
  SnapshotFeedback,
  SnapshotFlavour,
  SnapshotInventoryRecord,
  SnapshotOpenFinding,
  SnapshotOrder,
  SnapshotOrderItem,
  SnapshotPayment,
  SnapshotRefund,
  SnapshotReport,
  SnapshotReservation,
  SnapshotReturn,
  SnapshotShipment,
  SnapshotSyncRecord,
  SnapshotTotals,
  SnapshotTrackingEvent,
  StoredInput,
  StoredOrderSnapshot,
} from './schema/snapshot-types.js';
export {
  type AsyncFor,
  type BatchContext,
  type CaseState,
  type CrossOrderContext,
  type CrossOrderKeysContext,
  createTriage,
  type EvaluateResult,
  type EvaluationErrorCode,
  type Explanation,
  type Triage,
  type TriageFailure,
  type TriageReport,
} from './triage.js';
export { ISO_4217_MINOR_UNITS, isIsoCurrency } from './vocabulary/iso-4217.js';

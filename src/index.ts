/**
 * order-triage: identify, analyse and resolve e-commerce order exceptions. Pure: no I/O, no
 * clock, no randomness; the caller passes `now`.
 *
 * @packageDocumentation
 */
export {
  createTriage,
  type BatchContext,
  type CaseState,
  type EvaluateResult,
  type EvaluationErrorCode,
  type Explanation,
  type Triage,
  type TriageFailure,
  type TriageReport,
} from './triage.js';
export {
  InvalidOptionsError,
  OrderTriageError,
  formatPath,
  isInvalidOptionsError,
  isOrderTriageError,
  type Issue,
} from './errors.js';
export {
  ActionTakenSchema,
  AddressSchema,
  CouponSchema,
  CustomerSchema,
  DeviceSchema,
  InventoryRecordSchema,
  OrderItemSchema,
  OrderSnapshotSchema,
  OrderStatusSchema,
  PaymentSchema,
  PaymentStatusSchema,
  RefundSchema,
  ReportSchema,
  ReservationSchema,
  ShipmentSchema,
  SyncRecordSchema,
  TotalsSchema,
  TrackingEventCodeSchema,
  TrackingEventSchema,
  OpenFindingSchema,
  type ActionTaken,
  type Address,
  type Customer,
  type OrderItem,
  type OrderSnapshot,
  type OrderSnapshotInput,
  type OrderStatus,
  type Payment,
  type Refund,
  type Shipment,
  type TrackingEvent,
} from './schema/snapshot.js';
export { CountrySchema, CurrencySchema, IdSchema, MoneySchema, QuantitySchema, TimestampSchema } from './schema/primitives.js';
export { ISO_COUNTRY_CODES, isCountryCode, type CountryCode } from './schema/countries.js';
export { getSnapshotJsonSchema } from './schema/json-schema.js';
export { checkSize, SNAPSHOT_LIMITS, type SizeLimits } from './schema/size-guard.js';
export { BlacklistSchema, EvaluateContextSchema, type Blacklist, type EvaluateContext } from './schema/context.js';
export {
  TriageOptionsSchema,
  type ResolvedOptions,
  type ResolvedThresholds,
  type ThresholdOptions,
  type TriageOptions,
} from './schema/options.js';
export {
  DEFAULT_AUTHORITY,
  DEFAULT_REFUND_ETA_BY_METHOD,
  PolicySchema,
  type Policy,
  type PolicyInput,
} from './policy/policy.js';
export type { ApprovalRole } from './policy/approval.js';
export { detectorCodes, detectors, type DetectorCode } from './detectors/registry.js';
export type { Category, Detector, EvidenceRecords, Owner, Severity } from './detectors/detector.js';
export type { Evidence, Finding } from './findings/finding.js';
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
export { factCatalogue, type FactName } from './facts/derive-facts.js';
export type { FactSpec, FactType } from './facts/fact-spec.js';
export {
  OPERATORS,
  type Condition,
  type ConditionValue,
  type EvaluatedCondition,
  type ExplainedCondition,
  type FactCondition,
  type Operator,
  type TopLevelCondition,
} from './conditions/condition.js';
export { BATCH_CODES, type BatchCode } from './batch/clusters.js';
export type { BatchAction, BatchFinding, BatchReport } from './batch/evaluate-batch.js';
export { computeKpis, KpiBaselineSchema, type Kpi, type KpiBaseline, type KpiThresholds } from './batch/kpis.js';
export { emptySummary, hotspots, mergeSummaries, type BatchSummary, type CarrierRecord, type Counts } from './batch/summary.js';
export { normaliseAddress } from './_lib/normalise-address.js';
export { getRuleJsonSchema, RuleSchema, type RuleCondition, type UserRule } from './rules/rule-schema.js';
export { RULE_LIMITS, validateRules, type RuleValidationOptions, type ValidRule } from './rules/validate-rules.js';
export type { CustomOperator } from './rules/rule-engine.js';
export { computeRefundableBalances, type PaymentBalance, type RefundableBalances } from './money/refundable-balance.js';
export { formatMoney } from './money/format-money.js';
export { createCurrencyDigits, currencyDigits, toDecimalString, type CurrencyOverrides } from './money/currency-digits.js';
export { ISO_4217_MINOR_UNITS, isIsoCurrency } from './vocabulary/iso-4217.js';
export { splitByLargestRemainder } from './money/split-largest-remainder.js';
export { LOCALES, messageCatalogues, type Locale } from './messages/locales.js';
export type { MessageCatalogue, RefundMessageInput, SummaryInput } from './messages/catalogue.js';
export type { MessageKit } from './messages/message-kit.js';

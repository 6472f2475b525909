/**
 * order-triage/testing: fixture builders and scenarios for testing code that uses order-triage,
 * the same ones order-triage's own tests use.
 *
 * @packageDocumentation
 */

export { expectFailure, expectFinding, expectNoFinding, expectReport, TriageAssertionError } from './assertions.js';
export { type Backtest, type BacktestOptions, type BacktestResult, backtest, type ChangedOrder, createBacktest, type RuleSet, type StreamedBacktestResult } from './backtest.js';
export { buildOrder, buildPayment, buildRefund, type OrderOverrides } from './build-order.js';
export { buildInventory, buildReport, buildReservation, buildShipment, buildSync, trackingEvent } from './build-records.js';
export { type CustomerMessageAction, customerMessageOf, customerTextOf } from './customer-message.js';
export { type GenerateIncidentsOptions, generateIncidents } from './generate-incidents.js';
export { GENERATED_NOW, type GenerateOrdersOptions, generateOrders, RING_SIZE } from './generate-orders.js';
export {
  allScenarios,
  customerScenarios,
  fraudScenarios,
  inventoryScenarios,
  logisticsScenarios,
  paymentScenarios,
  type Scenario,
  systemScenarios,
} from './scenarios.js';
export {
  type CarryOut,
  type CaseMoment,
  type CaseOutcome,
  type CaseSimulation,
  type CaseStep,
  type CaseStepAction,
  type CustomerChoice,
  isCaseEscalation,
  type RecordedAction,
  type SettleOptions,
  type SimDecision,
  type SimDuration,
  type SimEvent,
  type SimulateCaseOptions,
  type SimulationStart,
  simulateCase,
} from './simulate-case.js';
export { FIXTURE_TIME, minutesAfter } from './time.js';

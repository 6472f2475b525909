/**
 * order-triage/testing: fixture builders and scenarios for testing code that uses order-triage,
 * the same ones order-triage's own tests use.
 *
 * @packageDocumentation
 */
export { buildOrder, buildPayment, buildRefund, type OrderOverrides } from './build-order.js';
export { buildInventory, buildReport, buildReservation, buildShipment, buildSync, trackingEvent } from './build-records.js';
export {
  allScenarios,
  customerScenarios,
  fraudScenarios,
  inventoryScenarios,
  logisticsScenarios,
  paymentScenarios,
  systemScenarios,
  type Scenario,
} from './scenarios.js';
export { FIXTURE_TIME, minutesAfter } from './time.js';
export { generateOrders, GENERATED_NOW, type GenerateOrdersOptions } from './generate-orders.js';
export { expectFinding, expectNoFinding, TriageAssertionError } from './assertions.js';
export { backtest, type BacktestResult, type ChangedOrder, type RuleSet } from './backtest.js';

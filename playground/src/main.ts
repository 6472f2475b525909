// The playground: wires the page's inputs to createTriage, evaluate, explain and backtest.
import './jitless.js';
import { createTriage, detectorCodes, type EvaluateContext, type Issue, isInvalidOptionsError, type Triage, type TriageOptions, type TriageReport } from 'order-triage';
import {
  backtest,
  customerScenarios,
  fraudScenarios,
  GENERATED_NOW,
  generateOrders,
  inventoryScenarios,
  logisticsScenarios,
  paymentScenarios,
  type Scenario,
  systemScenarios,
} from 'order-triage/testing';
import { byId, el } from './dom.js';
import { actionItem, backtestChart, changedItems, conditionTree, findingItem, showProblems } from './render.js';
import { DEFAULT_RULES, DEFAULT_RULES_B } from './rules.js';

const GROUPS: Record<string, Record<string, () => Scenario>> = {
  payment: paymentScenarios,
  inventory: inventoryScenarios,
  logistics: logisticsScenarios,
  customer: customerScenarios,
  system: systemScenarios,
  fraud: fraudScenarios,
};

const ui = {
  scenario: byId<HTMLSelectElement>('scenario'),
  locale: byId<HTMLSelectElement>('locale'),
  now: byId<HTMLInputElement>('now'),
  snapshot: byId<HTMLTextAreaElement>('snapshot'),
  snapshotProblems: byId('snapshot-problems'),
  rules: byId<HTMLTextAreaElement>('rules'),
  rulesProblems: byId('rules-problems'),
  findings: byId('findings'),
  plan: byId('plan'),
  explainCode: byId<HTMLSelectElement>('explain-code'),
  explain: byId('explain'),
  rulesB: byId<HTMLTextAreaElement>('rules-b'),
  btCount: byId<HTMLInputElement>('bt-count'),
  btSeed: byId<HTMLInputElement>('bt-seed'),
  btRun: byId<HTMLButtonElement>('bt-run'),
  btProblems: byId('backtest-problems'),
  btChart: byId('bt-chart'),
  btChanged: byId('bt-changed'),
};

/** The scenario's context beside `now` (blacklist, calendar), kept while the snapshot is edited. */
let scenarioContext: Omit<EvaluateContext, 'now'> = {};

function fillScenarios(): void {
  for (const [group, scenarios] of Object.entries(GROUPS)) {
    const optgroup = el('optgroup', { label: group });
    for (const name of Object.keys(scenarios)) optgroup.append(el('option', { value: `${group}.${name}` }, name));
    ui.scenario.append(optgroup);
  }
  ui.scenario.append(el('option', { value: '' }, '(pasted snapshot)'));
}

function loadScenario(key: string): void {
  const [group, name] = key.split('.');
  const make = group && name ? GROUPS[group]?.[name] : undefined;
  if (!make) return;
  const { order, now, context } = make();
  scenarioContext = context ?? {};
  ui.snapshot.value = JSON.stringify(order, null, 2);
  ui.now.value = now;
}

/** Parses JSON text, or reports where it is not JSON. */
function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: `${what} is not JSON: ${(error as Error).message}` }] };
  }
}

/** createTriage with the rules text, or the problems createTriage's validation lists. */
function triageFrom(text: string, box: HTMLElement): Triage | undefined {
  const parsed = parseJson(text, 'The rules');
  if (!parsed.ok) return void showProblems(box, 'Rules', parsed.issues);
  try {
    const triage = createTriage({ ...(parsed.value as TriageOptions), locale: ui.locale.value });
    showProblems(box, '', []);
    return triage as Triage;
  } catch (error) {
    if (!isInvalidOptionsError(error)) throw error;
    showProblems(box, 'createTriage refused these options:', error.issues);
    return undefined;
  }
}

function evaluate(): void {
  const triage = triageFrom(ui.rules.value, ui.rulesProblems);
  const parsed = parseJson(ui.snapshot.value, 'The snapshot');
  if (!parsed.ok) return showResult(undefined, parsed.issues);
  if (!triage) {
    showResult(undefined, []);
    ui.findings.append(el('li', {}, 'The user rules have problems (listed under them): fix them to see findings.'));
    return;
  }
  const context = { ...scenarioContext, now: ui.now.value };
  const result = triage.evaluate(parsed.value, context);
  if (!result.ok) return showResult(undefined, result.error.issues.length > 0 ? result.error.issues : [{ path: [], message: result.error.message }]);
  showResult(result, []);
  showExplain(triage, parsed.value, context, result);
}

function showResult(report: TriageReport | undefined, issues: readonly Issue[]): void {
  showProblems(ui.snapshotProblems, 'The snapshot cannot be evaluated:', issues);
  ui.findings.replaceChildren(...(report?.findings.map(findingItem) ?? []));
  if (report && report.findings.length === 0) ui.findings.append(el('li', { 'data-code': '' }, 'No findings: nothing to do on this order.'));
  ui.plan.replaceChildren(...(report?.actions.map(actionItem) ?? []));
  if (!report) ui.explain.replaceChildren();
}

/** Fills the explain picker (found codes first, then rules' and built-in codes) and shows the tree. */
function showExplain(triage: Triage, snapshot: unknown, context: EvaluateContext, report: TriageReport): void {
  const chosen = ui.explainCode.value;
  const ruleCodes = triage.options.rules.flatMap((r) => {
    const type = (r as { event?: { type?: unknown } }).event?.type;
    return typeof type === 'string' ? [type] : [];
  });
  const codes = [...new Set([...report.findings.map((f) => f.code as string), ...ruleCodes, ...detectorCodes])];
  ui.explainCode.replaceChildren(...codes.map((c) => el('option', { value: c }, c)));
  ui.explainCode.value = codes.includes(chosen) && chosen !== '' ? chosen : (codes[0] ?? '');
  const why = triage.explain(snapshot, context, ui.explainCode.value);
  if (!why.ok) return void ui.explain.replaceChildren(el('p', {}, why.error.message));
  const head = el(
    'p',
    {},
    el('span', { class: 'code' }, why.code),
    why.fired ? ' fired' : ' did not fire',
    why.supersededBy.length > 0 ? ` (explained away by ${why.supersededBy.join(', ')})` : '',
  );
  ui.explain.replaceChildren(head, el('ul', { class: 'tree', 'aria-label': `Conditions of ${why.code}` }, conditionTree(why.conditions)));
}

function runBacktest(): void {
  const a = parseJson(ui.rules.value, 'Rule set A');
  const b = parseJson(ui.rulesB.value, 'Rule set B');
  const bad = [...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)];
  if (!a.ok || !b.ok) return showProblems(ui.btProblems, 'Backtest', bad);
  const count = Math.min(20_000, Math.max(1, Number(ui.btCount.value) || 1));
  const orders = [...generateOrders({ count, seed: Number(ui.btSeed.value) || 1, exceptionRate: 0.2 })];
  try {
    const locale = ui.locale.value;
    const result = backtest({ ...(a.value as TriageOptions), locale }, { ...(b.value as TriageOptions), locale }, orders, { now: GENERATED_NOW });
    showProblems(ui.btProblems, '', []);
    ui.btChart.replaceChildren(...backtestChart(result), el('figcaption', {}, `${result.orders} orders, ${result.changed.length} change, ${result.invalid.length} invalid.`));
    ui.btChanged.replaceChildren(...changedItems(result));
  } catch (error) {
    if (!isInvalidOptionsError(error)) throw error;
    showProblems(ui.btProblems, 'createTriage refused a rule set:', error.issues);
  }
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function start(): void {
  fillScenarios();
  ui.rules.value = JSON.stringify(DEFAULT_RULES, null, 2);
  ui.rulesB.value = JSON.stringify(DEFAULT_RULES_B, null, 2);
  ui.scenario.value = 'payment.duplicatePayment';
  loadScenario(ui.scenario.value);
  const live = debounce(evaluate, 150);
  ui.scenario.addEventListener('change', () => {
    loadScenario(ui.scenario.value);
    ui.explainCode.value = '';
    evaluate();
  });
  ui.snapshot.addEventListener('input', () => {
    ui.scenario.value = '';
    live();
  });
  for (const input of [ui.rules, ui.now]) input.addEventListener('input', live);
  ui.locale.addEventListener('change', evaluate);
  ui.explainCode.addEventListener('change', evaluate);
  ui.btRun.addEventListener('click', runBacktest);
  evaluate();
  document.body.dataset.ready = 'true';
}

start();

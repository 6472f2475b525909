// The playground: wires the page's inputs to createTriage, evaluate, explain and backtest.
import './jitless.js';
import { createTriage, detectorCodes, type EvaluateContext, type Issue, isInvalidOptionsError, lintRules, type Triage, type TriageOptions, type TriageReport } from 'order-triage';
import {
  type BacktestResult,
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
import { actionItem, backtestChart, changedItems, conditionTree, findingItem, showProblems, warningItems } from './render.js';
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
  nowProblems: byId('now-problems'),
  context: byId<HTMLTextAreaElement>('context'),
  contextProblems: byId('context-problems'),
  warnings: byId('warnings'),
  status: byId('result-status'),
  rulesWarnings: byId('rules-warnings'),
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
  ui.context.value = JSON.stringify(context ?? {}, null, 2);
  ui.snapshot.value = JSON.stringify(order, null, 2);
  ui.now.value = now;
}

type Parsed = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/** Parses JSON text, or reports where it is not JSON (`what` names it: "The rules are"). */
function parseJson(text: string, what: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: `${what} not valid JSON: ${(error as Error).message}` }] };
  }
}

/** Rules text as createTriage options: an object of options, or an array taken as `{ rules }`. */
function parseOptions(text: string, what: string): Parsed {
  const parsed = parseJson(text, `${what} are`);
  if (!parsed.ok) return parsed;
  if (Array.isArray(parsed.value)) return { ok: true, value: { rules: parsed.value } };
  if (typeof parsed.value === 'object' && parsed.value !== null) return parsed;
  const got = parsed.value === null ? 'null' : typeof parsed.value;
  return { ok: false, issues: [{ path: [], message: `${what} must be an array of rules or an object of createTriage options ({ "rules": [...] }), not ${got}` }] };
}

/** The options with the page's locale, which overrides a `locale` in the rules. */
const withLocale = (options: unknown): TriageOptions => ({ ...(options as TriageOptions), locale: ui.locale.value });

/** createTriage with the rules text, or the problems createTriage's validation lists; lint warnings beside. */
function triageFrom(text: string, box: HTMLElement): Triage | undefined {
  const parsed = parseOptions(text, 'The rules');
  ui.rulesWarnings.replaceChildren();
  if (!parsed.ok) return void showProblems(box, 'The rules cannot be used:', parsed.issues, ui.rules);
  // The library's rule lint (the CLI's `order-triage lint`): an `order` path no snapshot field matches, and more.
  const { warnings } = lintRules(parsed.value);
  if (warnings.length > 0) showProblems(ui.rulesWarnings, 'Warnings (these rules probably do not mean what they say):', warnings);
  try {
    const triage = createTriage(withLocale(parsed.value));
    showProblems(box, '', [], ui.rules);
    return triage as Triage;
  } catch (error) {
    if (!isInvalidOptionsError(error)) throw error;
    showProblems(box, 'createTriage refused these options:', error.issues, ui.rules);
    return undefined;
  }
}

/** The context box (blacklist, calendar, …) as an object, or its problems. */
function contextFrom(): Parsed {
  const parsed = parseJson(ui.context.value.trim() === '' ? '{}' : ui.context.value, 'The context is');
  if (parsed.ok && (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))) {
    return { ok: false, issues: [{ path: [], message: 'The context must be a JSON object, e.g. { "blacklist": { ... } } or {}' }] };
  }
  return parsed;
}

/** Is this problem about `now` (the context's, or the evaluate call's)? */
const aboutNow = (issue: Issue): boolean => issue.path[0] === 'now' || (issue.path[0] === 'context' && issue.path[1] === 'now');

function evaluate(): void {
  const triage = triageFrom(ui.rules.value, ui.rulesProblems);
  const parsed = parseJson(ui.snapshot.value, 'The snapshot is');
  const context = contextFrom();
  showProblems(ui.contextProblems, 'The context cannot be used:', context.ok ? [] : context.issues, ui.context);
  if (!parsed.ok || !context.ok) return showResult(undefined, parsed.ok ? [] : parsed.issues);
  if (!triage) {
    showResult(undefined, []);
    ui.findings.append(el('li', {}, 'The user rules have problems (listed under them): fix them to see findings.'));
    return;
  }
  const full = { ...(context.value as Omit<EvaluateContext, 'now'>), now: ui.now.value };
  const result = triage.evaluate(parsed.value, full);
  if (!result.ok) return showResult(undefined, result.error.issues.length > 0 ? result.error.issues : [{ path: [], message: result.error.message }]);
  showResult(result, [], triage);
  showExplain(triage, parsed.value, full, result);
}

function showResult(report: TriageReport | undefined, issues: readonly Issue[], triage?: Triage): void {
  const nowIssues = issues.filter(aboutNow);
  showProblems(ui.nowProblems, '', nowIssues, ui.now);
  showProblems(
    ui.snapshotProblems,
    'The snapshot cannot be evaluated:',
    issues.filter((i) => !aboutNow(i)),
    ui.snapshot,
  );
  const lang = triage?.options.locale ?? ui.locale.value;
  const zone = triage?.options.policy.timeZone ?? 'UTC';
  ui.findings.replaceChildren(...(report?.findings.map((f) => findingItem(f, lang)) ?? []));
  if (report && report.findings.length === 0) ui.findings.append(el('li', { 'data-code': '' }, 'No findings: nothing to do on this order.'));
  ui.plan.replaceChildren(...(report?.actions.map((a) => actionItem(a, lang, zone)) ?? []));
  ui.warnings.replaceChildren(...warningItems(report?.warnings ?? []));
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  ui.status.textContent = report
    ? `${count(report.findings.length, 'finding', 'findings')}, ${count(report.actions.length, 'action', 'actions')}, ${count(report.warnings.length, 'warning', 'warnings')}.`
    : 'Not evaluated: see the problems above.';
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

/** Orders per slice of a backtest: between slices the page yields, so it stays responsive. */
const CHUNK = 250;

/** Adds one slice's result into the running total (`offset`: the slice's first order's index). */
function mergeInto(total: BacktestResult, part: BacktestResult, offset: number): BacktestResult {
  const hits = { a: { ...total.hits.a }, b: { ...total.hits.b } };
  for (const side of ['a', 'b'] as const) {
    for (const [code, n] of Object.entries(part.hits[side])) hits[side][code] = (Object.hasOwn(hits[side], code) ? (hits[side][code] ?? 0) : 0) + n;
  }
  return { orders: total.orders + part.orders, invalid: [...total.invalid, ...part.invalid.map((i) => i + offset)], hits, changed: [...total.changed, ...part.changed] };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function setBusy(busy: boolean): void {
  ui.btRun.disabled = busy;
  ui.btRun.setAttribute('aria-busy', String(busy));
  ui.btRun.textContent = busy ? 'Running…' : 'Run backtest';
  ui.btChart.setAttribute('aria-busy', String(busy));
}

/** A backtest failed: its problems shown, and no chart or list of an earlier run left beside them. */
function backtestFailed(title: string, issues: readonly Issue[]): void {
  showProblems(ui.btProblems, title, issues);
  ui.btChart.replaceChildren();
  ui.btChanged.replaceChildren();
}

/** Runs the backtest in slices of {@link CHUNK} orders, yielding to the page between them. */
async function runBacktest(): Promise<void> {
  const a = parseOptions(ui.rules.value, 'Rule set A');
  const b = parseOptions(ui.rulesB.value, 'Rule set B');
  if (!a.ok || !b.ok) return backtestFailed('The backtest cannot run:', [...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)]);
  let triages: [Triage, Triage];
  try {
    triages = [createTriage(withLocale(a.value)) as Triage, createTriage(withLocale(b.value)) as Triage];
  } catch (error) {
    if (!isInvalidOptionsError(error)) throw error;
    return backtestFailed('createTriage refused a rule set:', error.issues);
  }
  const count = Math.min(20_000, Math.max(1, Number(ui.btCount.value) || 1));
  const orders = [...generateOrders({ count, seed: Number(ui.btSeed.value) || 1, exceptionRate: 0.2 })];
  setBusy(true);
  showProblems(ui.btProblems, '', []);
  try {
    let result: BacktestResult = { orders: 0, invalid: [], hits: { a: {}, b: {} }, changed: [] };
    for (let start = 0; start < orders.length; start += CHUNK) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      result = mergeInto(result, backtest(triages[0], triages[1], orders.slice(start, start + CHUNK), { now: GENERATED_NOW }), start);
    }
    const caption = `${plural(result.orders, 'order', 'orders')}: ${plural(result.changed.length, 'order changes', 'orders change')}, ${result.invalid.length} invalid.`;
    ui.btChart.replaceChildren(...backtestChart(result), el('figcaption', {}, caption));
    ui.btChanged.replaceChildren(...changedItems(result));
  } catch (error) {
    backtestFailed('The backtest failed:', [{ path: [], message: (error as Error).message }]);
  } finally {
    setBusy(false);
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
  for (const input of [ui.rules, ui.now, ui.context]) input.addEventListener('input', live);
  ui.locale.addEventListener('change', evaluate);
  ui.explainCode.addEventListener('change', evaluate);
  ui.btRun.addEventListener('click', () => void runBacktest());
  evaluate();
  document.body.dataset.ready = 'true';
}

start();

// What the page shows: problems with their paths, findings with evidence, the plan, explain as a
// tree, and the backtest's chart and changed orders. Public API types only.
import { type Action, type ExplainedCondition, type Finding, formatPath, type Issue } from 'order-triage';
import type { BacktestResult } from 'order-triage/testing';
import { el, jsonDetails, svg } from './dom.js';

/**
 * Lists problems, each with its path, into `box` (empty list: box emptied), and marks `input`
 * (if given) aria-invalid while there are any.
 */
export function showProblems(box: HTMLElement, title: string, issues: readonly Issue[], input?: HTMLElement): void {
  box.replaceChildren();
  if (input) input.setAttribute('aria-invalid', String(issues.length > 0));
  if (issues.length === 0) return;
  const list = el('ul');
  for (const issue of issues) list.append(el('li', {}, el('code', {}, issue.path.length > 0 ? formatPath(issue.path) : '(root)'), `: ${issue.message}`));
  box.append(el('strong', {}, title), list);
}

/** Operators in words, for explain and evidence lines. */
const OPERATOR_WORDS: Record<string, string> = {
  equal: 'equals',
  notEqual: 'does not equal',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is greater than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

/** "fact path: value operator threshold" in words, e.g. `order $.totals.payable: 79000 is greater than 50000`. */
export function conditionText(c: { fact: string; path?: string; value: unknown; operator: string; threshold: unknown }): string {
  const words = Object.hasOwn(OPERATOR_WORDS, c.operator) ? OPERATOR_WORDS[c.operator] : c.operator;
  const value = c.value === undefined ? 'missing' : JSON.stringify(c.value);
  return `${c.fact}${c.path ? ` ${c.path}` : ''}: ${value} ${words} ${JSON.stringify(c.threshold)}`;
}

/** The held/not-held mark: a visible symbol hidden from screen readers, and words only they read. */
function mark(passed: boolean): Node[] {
  return [
    el('span', { class: passed ? 'mark pass' : 'mark fail', 'aria-hidden': 'true' }, passed ? '✔ ' : '✘ '),
    el('span', { class: 'sr' }, passed ? 'held: ' : 'did not hold: '),
  ];
}

/** The report's warnings (what reading the snapshot tolerated, and the plan's), each with its path. */
export function warningItems(warnings: readonly Issue[]): HTMLLIElement[] {
  return warnings.map((w) => el('li', {}, el('code', {}, w.path.length > 0 ? formatPath(w.path) : '(root)'), `: ${w.message}`));
}

/** One finding: code, severity, summary (in `lang`), owner, and its evidence. */
export function findingItem(finding: Finding, lang: string): HTMLLIElement {
  return el(
    'li',
    { 'data-code': finding.code },
    el('span', { class: 'code' }, finding.code),
    ' ',
    el('span', { class: `sev-${finding.severity}` }, `(${finding.severity}, ${finding.category}, owner: ${finding.owner})`),
    el('div', { lang }, finding.summary),
    evidenceList(finding),
    jsonDetails('Evidence records and facts', { facts: finding.evidence.facts, records: finding.evidence.records, thresholds: finding.evidence.thresholds }),
  );
}

function evidenceList(finding: Finding): HTMLUListElement {
  const list = el('ul', { 'aria-label': `Evidence for ${finding.code}` });
  for (const c of finding.evidence.conditions) list.append(el('li', {}, ...mark(c.passed), conditionText(c)));
  return list;
}

/** `2026-03-01 14:30 (Asia/Shanghai)`: an instant in the shop's time zone. */
export function localTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

const approvalText = (role: string): string => (role === 'none' ? 'no approval needed' : `needs ${role} approval`);

/** One planned action: kind, params, approval, due time in the shop's `timeZone`, the customer message and the staff note (in `lang`). */
export function actionItem(action: Action, lang: string, timeZone: string): HTMLLIElement {
  return el(
    'li',
    { 'data-kind': action.kind },
    el('span', { class: 'code' }, action.kind),
    ` for ${action.because.join(', ')} — owner ${action.owner}, ${approvalText(action.requiresApproval)}, due ${localTime(action.dueBy, timeZone)}`,
    action.customerMessage &&
      el('div', {}, el('strong', {}, `To the customer (${action.customerMessage.locale}): `), el('span', { lang: action.customerMessage.locale }, action.customerMessage.text)),
    el('div', {}, el('strong', {}, 'Staff note: '), el('span', { lang }, action.note)),
    jsonDetails('Parameters', action.params),
  );
}

/** Explain's condition tree as nested lists, each node marked held or not. */
export function conditionTree(node: ExplainedCondition): HTMLLIElement {
  if (node.kind === 'fact') return el('li', {}, ...mark(node.passed), conditionText(node));
  const children = node.kind === 'not' ? [node.condition] : node.conditions;
  const list = el('ul');
  for (const child of children) list.append(conditionTree(child));
  const words = node.kind === 'all' ? 'all of' : node.kind === 'any' ? 'any of' : 'not';
  return el('li', {}, ...mark(node.passed), el('strong', {}, words), list);
}

/** Longest code shown whole in the chart; longer ones end in … with the whole code as a tooltip. */
const CODE_CHARS = 30;
const BAR = 14;
const LABEL = 230;
const WIDTH = 760;

/** A horizontal bar chart of hits per code under A and B, as inline SVG, with its numbers in a table. */
export function backtestChart(result: BacktestResult): HTMLElement[] {
  const codes = [...new Set([...Object.keys(result.hits.a), ...Object.keys(result.hits.b)])].sort();
  const max = Math.max(1, ...codes.map((c) => Math.max(result.hits.a[c] ?? 0, result.hits.b[c] ?? 0)));
  const scale = (n: number) => Math.round(((WIDTH - LABEL - 60) * n) / max);
  const height = codes.length * (2 * BAR + 8) + 30;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, preserveAspectRatio: 'xMinYMin meet', role: 'img', 'aria-labelledby': 'bt-chart-title', id: 'bt-svg' });
  chart.append(svg('title', { id: 'bt-chart-title' }, `Hits per code over ${result.orders} orders: A before, B after`));
  chart.append(legend(WIDTH - 200, 4));
  codes.forEach((code, i) => {
    const y = 24 + i * (2 * BAR + 8);
    const a = result.hits.a[code] ?? 0;
    const b = result.hits.b[code] ?? 0;
    const label = code.length > CODE_CHARS ? `${code.slice(0, CODE_CHARS - 1)}…` : code;
    chart.append(svg('text', { x: LABEL - 6, y: y + BAR + 4, 'text-anchor': 'end', 'font-size': 12, 'data-label': code }, svg('title', {}, code), label));
    chart.append(svg('rect', { x: LABEL, y, width: scale(a), height: BAR, fill: '#9e9e9e', 'data-code': code, 'data-set': 'a' }));
    chart.append(svg('text', { x: LABEL + scale(a) + 4, y: y + BAR - 3, 'font-size': 11 }, String(a)));
    chart.append(svg('rect', { x: LABEL, y: y + BAR, width: scale(b), height: BAR, fill: '#1f6feb', 'data-code': code, 'data-set': 'b' }));
    chart.append(svg('text', { x: LABEL + scale(b) + 4, y: y + 2 * BAR - 3, 'font-size': 11 }, String(b)));
  });
  return [chart as unknown as HTMLElement, hitsTable(codes, result)];
}

function legend(x: number, y: number): SVGElement {
  return svg(
    'g',
    {},
    svg('rect', { x, y, width: 12, height: 12, fill: '#9e9e9e' }),
    svg('text', { x: x + 16, y: y + 11, 'font-size': 12 }, 'A (before)'),
    svg('rect', { x: x + 100, y, width: 12, height: 12, fill: '#1f6feb' }),
    svg('text', { x: x + 116, y: y + 11, 'font-size': 12 }, 'B (after)'),
  );
}

function hitsTable(codes: string[], result: BacktestResult): HTMLDetailsElement {
  const body = el('tbody');
  for (const code of codes) {
    const a = result.hits.a[code] ?? 0;
    const b = result.hits.b[code] ?? 0;
    body.append(el('tr', {}, el('td', {}, code), el('td', {}, String(a)), el('td', {}, String(b)), el('td', {}, String(b - a))));
  }
  const head = el('thead', {}, el('tr', {}, el('th', {}, 'Code'), el('th', {}, 'A'), el('th', {}, 'B'), el('th', {}, 'B − A')));
  return el('details', {}, el('summary', {}, 'The chart as a table'), el('table', {}, head, body));
}

/** The orders whose findings change, with what B adds and removes. */
export function changedItems(result: BacktestResult, limit = 200): HTMLLIElement[] {
  const items = result.changed
    .slice(0, limit)
    .map((c) => el('li', {}, el('code', {}, c.orderId), c.added.length > 0 && ` +${c.added.join(', +')}`, c.removed.length > 0 && ` −${c.removed.join(', −')}`));
  if (result.changed.length > limit) items.push(el('li', {}, `… and ${result.changed.length - limit} more`));
  if (result.changed.length === 0) items.push(el('li', {}, 'No order changes.'));
  return items;
}

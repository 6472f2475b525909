// Renders the demo: every sample order in examples/data, evaluated, as text. `npm run demo`
// prints it against the built package; test/demo-golden.test.ts renders it against the source
// and compares it byte for byte with test/fixtures/demo.<locale>.txt.
import { readFileSync } from 'node:fs';

/** The demo shop's name per locale: the signature of its customer messages (`policy.shopName`). */
export const SHOP_NAMES = { 'zh-CN': '小满生活馆', en: 'Xiaoman Living' };

/** The sample orders and the context (`now`, blacklist, calendar) they are evaluated in. */
export function loadSampleOrders() {
  return JSON.parse(readFileSync(new URL('./data/sample-orders.json', import.meta.url), 'utf8'));
}

/**
 * The demo triage's options. `policy.shopName` signs customer messages; it is passed only when
 * the library's policy knows it, so the demo runs on builds from before it existed too.
 */
export function demoOptions(orderTriage, locale) {
  const shopName = SHOP_NAMES[locale] ?? SHOP_NAMES.en;
  const knowsShopName = orderTriage.PolicySchema?.shape?.shopName !== undefined;
  return { locale, ...(knowsShopName ? { policy: { shopName } } : {}) };
}

/**
 * Formats an ISO instant for a person in the shop's time zone, with the zone's name:
 * `Mar 1, 2026, 13:30 China Standard Time`, `2026年3月1日 13:30 中国标准时间`.
 */
function localTimeFormat(locale, timeZone) {
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
  return (iso) => {
    const at = Date.parse(iso);
    const zoneName = zone.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
    return `${dateTime.format(at)} ${zoneName}`;
  };
}

/** A short local time (`Mar 1, 16:30`, `3月1日 16:30`) for compact lines, under a header naming the zone. */
function shortTimeFormat(locale, timeZone) {
  const format = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (iso) => format.format(Date.parse(iso));
}

const ZH_SEVERITY = { low: '低', medium: '中', high: '高', critical: '紧急' };

/** The demo's own words (compact and --verbose), in the demo's locale. */
const LABELS = {
  en: {
    header: (count, at, timeZone) => `order-triage demo: ${count} sample orders at ${at} (times in ${timeZone})`,
    verboseHeader: (count, at, locale, timeZone) => `order-triage demo: ${count} sample orders, evaluated at ${at} (locale ${locale}, shop time zone ${timeZone})`,
    severity: (severity) => severity,
    owner: (owner) => owner,
    by: 'respond by',
    due: 'due',
    confidence: 'confidence',
    firstChecks: 'first checks',
    approval: (role) => `needs ${role} approval`,
    noApproval: 'no approval needed',
    key: 'key',
    note: 'note',
    tell: 'tell the customer',
    // Punctuation around the demo's own words: ASCII in English, full-width in Chinese.
    open: ' (',
    close: ')',
    facets: [' [', ']'],
    comma: ', ',
    colon: ': ',
    semicolon: '; ',
    quote: ['“', '”'],
    auto: 'automatable',
    person: 'a person decides',
    none: 'no exceptions',
    totals: (findings, actions) => `${findings} findings, ${actions} actions.`,
    verbose: 'npm run demo -- --verbose: the full plans, with evidence and staff notes',
  },
  'zh-CN': {
    header: (count, at, timeZone) => `order-triage 演示：${count} 个样例订单，${at}（时间均为 ${timeZone}）`,
    verboseHeader: (count, at, locale, timeZone) => `order-triage 演示：${count} 个样例订单，评估时间 ${at}（语言 ${locale}，店铺时区 ${timeZone}）`,
    severity: (severity) => ZH_SEVERITY[severity] ?? severity,
    owner: (owner, catalogue) => catalogue.label('owner', owner),
    by: '响应时限',
    due: '截止',
    confidence: '置信度',
    firstChecks: '先查',
    approval: (role, catalogue) => `需${catalogue.label('escalationRole', role)}审批`,
    noApproval: '无需审批',
    key: '幂等键',
    note: '备注',
    tell: '告知客户',
    open: '（',
    close: '）',
    facets: ['（', '）'],
    comma: '，',
    colon: '：',
    semicolon: '；',
    quote: ['「', '」'],
    auto: '可自动执行',
    person: '需人工决定',
    none: '无异常',
    totals: (findings, actions) => `共 ${findings} 项异常，${actions} 个动作。`,
    verbose: 'npm run demo -- --verbose --locale zh-CN：完整处理方案，含依据与员工备注',
  },
};

/** The labels of `locale`, English for any other. */
export const demoLabels = (locale) => LABELS[locale] ?? LABELS.en;

const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

// Wrapping for a terminal: CJK characters take two columns, and a line may break between two of
// them (a Chinese text has no spaces), never before closing punctuation nor after an opening one,
// and never inside a run of Latin letters and digits (2026年3月1日, ¥178.00, ORD-240301-0004).
const WIDTH = 100;
const wide = (ch) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);
const NO_BREAK_BEFORE = new Set([...'，。！？、；：）」』》】…—,.!?;:)']);
const NO_BREAK_AFTER = new Set([...'（「『《【(']);

/** Pieces of text between break opportunities: after a space, or between CJK characters. */
function pieces(text) {
  const out = [];
  let piece = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    piece += ch;
    const next = chars[i + 1];
    if (next === undefined) return;
    const breakable = ch === ' ' || (wide(ch) && wide(next) && !NO_BREAK_BEFORE.has(next) && !NO_BREAK_AFTER.has(ch));
    if (breakable) {
      out.push(piece);
      piece = '';
    }
  });
  if (piece !== '') out.push(piece);
  return out;
}

const columns = (text) => [...text].reduce((n, ch) => n + (wide(ch) ? 2 : 1), 0);

/** `text` wrapped to WIDTH columns after a label of `start` columns, continuation lines indented by `indent`. */
function wrap(text, indent, start = indent.length) {
  const lines = [];
  let line = '';
  let used = start;
  for (const piece of pieces(text)) {
    const size = columns(piece.trimEnd());
    if (line !== '' && used + size > WIDTH) {
      lines.push(line.trimEnd());
      line = '';
      used = indent.length;
    }
    line += piece;
    used += columns(piece);
  }
  lines.push(line.trimEnd());
  return lines.join(`\n${indent}`);
}

function renderFailure(report, out, { emphasis, formatPath }) {
  out.push(emphasis(`✗ ${report.orderId ?? '(no id)'}: ${report.error.message}`));
  for (const issue of report.error.issues) out.push(`    ${formatPath(issue.path)}: ${issue.message}`);
}

function renderFinding(f, out, { emphasis, local, labels: l, catalogue }) {
  const facets = [l.severity(f.severity), l.owner(f.owner, catalogue), `${l.by} ${local(f.respondBy)}`, `${l.confidence} ${f.confidence}`];
  out.push(`  ${emphasis(f.code)}${l.facets[0]}${facets.join(l.comma)}${l.facets[1]}`);
  out.push(`    ${f.summary}`);
  for (const c of f.evidence.conditions) out.push(`    · ${c.fact} = ${show(c.value)}  (${c.operator} ${show(c.threshold)})`);
  out.push(`    ${l.firstChecks}${l.colon}${f.checklist.slice(0, 2).join(l.semicolon)}`);
}

function renderAction(a, out, { emphasis, local, labels: l, catalogue }) {
  const approval = a.requiresApproval === 'none' ? l.noApproval : l.approval(a.requiresApproval, catalogue);
  const facets = [l.owner(a.owner, catalogue), `${l.due} ${local(a.dueBy)}`, approval, a.automatable ? l.auto : l.person];
  out.push(`  → ${emphasis(a.kind)} ${JSON.stringify(a.params)}`);
  out.push(`      ${facets.join(l.comma)}`);
  out.push(`      ${l.key} ${a.idempotencyKey}`);
  const noteLead = `      ${l.note}${l.colon}`;
  if (a.note) out.push(`${noteLead}${wrap(a.note, '            ', columns(noteLead))}`);
  const tellLead = `      ${l.tell}${l.colon}`;
  if (a.customerMessage) out.push(`${tellLead}${wrap(a.customerMessage.text, '        ', columns(tellLead))}`);
}

/** One line per finding: code, severity, owner and respond-by (the order's id leads its first). */
function compactFinding(f, lead, out, { emphasis, short, labels, catalogue }) {
  const { open, close, comma } = labels;
  out.push(`${lead}${emphasis(f.code)}${open}${labels.severity(f.severity)}${comma}${labels.owner(f.owner, catalogue)}${comma}${labels.by} ${short(f.respondBy)}${close}`);
}

/** One line per action: kind, the money it moves, owner, due time, approval; a message's line gives what it says, cut to the line. */
function compactAction(a, out, { emphasis, short, labels, money, catalogue }, orderId) {
  const amount = typeof a.params.amount === 'number' && typeof a.params.currency === 'string' ? ` ${money(a.params.amount, a.params.currency)}` : '';
  const approval = a.requiresApproval === 'none' ? (a.automatable ? labels.auto : labels.person) : labels.approval(a.requiresApproval, catalogue);
  // Two holds or two refunds on one order differ by their reason: it is shown, the topic of a message is not.
  const reason = typeof a.params.reason === 'string' && a.kind !== 'contact_customer' ? `${labels.open}${a.params.reason}${labels.close}` : '';
  const owner = labels.owner(a.owner, catalogue);
  if (a.customerMessage) {
    // A message is sent with the findings: its line gives what it says, cut to the line (--verbose: whole).
    const gist = messageGist(a.customerMessage.text, orderId);
    // A message that opens with a quotation of its own is not quoted again (no ““ or 「「).
    const [left, right] = /^[“‘「『"']/u.test(gist) ? ['', ''] : labels.quote;
    const lead = `    → ${a.kind} · ${owner}${labels.colon}${left}`;
    out.push(`${lead.replace(a.kind, emphasis(a.kind))}${clip(gist, WIDTH - columns(lead) - columns(right))}${right}`);
    return;
  }
  const line = `    → ${a.kind}${amount}${reason} · ${owner} · ${labels.due} ${short(a.dueBy)} · ${approval}`;
  out.push(line.replace(a.kind, emphasis(a.kind)));
}

/**
 * What a customer message says, without its greeting: the text after the order's id (the
 * greeting names the order, "… your order ORD-1. " or "…您的订单 ORD-1："), else the whole text.
 */
export function messageGist(text, orderId) {
  const at = orderId === '' ? -1 : text.indexOf(orderId);
  if (at < 0 || at > 80) return text;
  return text.slice(at + orderId.length).replace(/^[\s.:,;!?。：，；！？]+/u, '');
}

/** `text` cut to `width` terminal columns, ending in "…" when cut. */
function clip(text, width) {
  if (columns(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (columns(out) + columns(ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * The compact demo, two screens: per sample order its findings (one line each), one line per
 * action, and the gist of the customer message on one line; times short, in the shop's time zone
 * the header names. `--verbose` prints the whole plans and messages.
 */
function renderCompact(orderTriage, { locale, emphasis }) {
  const { now, blacklist, calendar, orders } = loadSampleOrders();
  const triage = orderTriage.createTriage(demoOptions(orderTriage, locale));
  const timeZone = triage.options.policy.timeZone ?? triage.options.timeZone;
  const local = localTimeFormat(locale, timeZone);
  const labels = demoLabels(locale);
  const catalogue = orderTriage.messageCatalogues[locale] ?? orderTriage.messageCatalogues.en;
  const style = { emphasis, short: shortTimeFormat(locale, timeZone), labels, catalogue, money: (m, c) => orderTriage.formatMoney(m, c, locale) };
  // The time names its zone ("China Standard Time"); the parenthesis gives the zone's id once.
  const out = [labels.header(orders.length, local(now), timeZone), ''];
  const clean = [];
  for (const order of orders) {
    const report = triage.evaluate(order, { now, blacklist, calendar });
    if (!report.ok) renderFailure(report, out, { emphasis, formatPath: orderTriage.formatPath });
    else if (report.findings.length === 0) clean.push(report.orderId);
    else {
      const lead = `! ${report.orderId} `;
      report.findings.forEach((f, i) => compactFinding(f, i === 0 ? emphasis(lead) : ' '.repeat(lead.length), out, style));
      for (const a of report.actions) compactAction(a, out, style, report.orderId);
    }
  }
  out.push(`✓ ${clean.join(labels.comma)}${labels.colon}${labels.none}`, '', labels.verbose);
  return `${out.join('\n')}\n`;
}

/**
 * The demo's text: each sample order's findings (what is wrong, with evidence) and plan (what
 * to do, who, by when, what to say), times in the shop's time zone (`policy.timeZone`).
 *
 * @param orderTriage the order-triage module (the built package, or the source under test)
 * @param options `locale` ('en' or 'zh-CN'); `emphasis` marks codes and kinds (say, bold on a
 *   terminal); `verbose` (default true) the full plans, false the compact summary `npm run demo` prints
 * @example
 * renderDemo(await import('order-triage'), { locale: 'zh-CN' }) //=> 'order-triage 演示：26 个样例订单，评估时间 …'
 */
export function renderDemo(orderTriage, { locale = 'en', emphasis = (s) => s, verbose = true } = {}) {
  if (!verbose) return renderCompact(orderTriage, { locale, emphasis });
  const { now, blacklist, calendar, orders } = loadSampleOrders();
  const triage = orderTriage.createTriage(demoOptions(orderTriage, locale));
  const timeZone = triage.options.policy.timeZone ?? triage.options.timeZone;
  const labels = demoLabels(locale);
  const catalogue = orderTriage.messageCatalogues[locale] ?? orderTriage.messageCatalogues.en;
  const style = { emphasis, formatPath: orderTriage.formatPath, local: localTimeFormat(locale, timeZone), labels, catalogue };
  const out = [labels.verboseHeader(orders.length, style.local(now), locale, timeZone), ''];
  let findingCount = 0;
  let actionCount = 0;
  for (const order of orders) {
    const report = triage.evaluate(order, { now, blacklist, calendar });
    if (!report.ok) {
      renderFailure(report, out, style);
    } else if (report.findings.length === 0) {
      out.push(`✓ ${report.orderId}${labels.colon}${labels.none}`);
    } else {
      out.push(emphasis(`! ${report.orderId}`));
      for (const f of report.findings) renderFinding(f, out, style);
      for (const a of report.actions) renderAction(a, out, style);
      findingCount += report.findings.length;
      actionCount += report.actions.length;
    }
    out.push('');
  }
  out.push(labels.totals(findingCount, actionCount));
  return `${out.join('\n')}\n`;
}

// Warnings for rule conditions that read a path of the `order` fact no snapshot has (a typo such
// as `$.totals.payabel` makes a rule silently never fire). The known paths come from the published
// JSON Schema of the snapshot (getSnapshotJsonSchema). One function, so it can give way to a
// library-side rule lint when there is one.
import { getSnapshotJsonSchema, type Issue } from 'order-triage';

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; type?: unknown };

/** The variants of a schema node (anyOf/oneOf), or the node itself. */
function variants(node: Schema): Schema[] {
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  return alternatives.length > 0 ? alternatives.flatMap(variants) : [node];
}

/** Splits `$.payments[0].amount` into ['payments', 0, 'amount'] (`[*]` as 0). */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.replace(/^\$\.?/, '').matchAll(/([^.[\]]+)|\[(\d+|\*|'[^']*'|"[^"]*")\]/g)) {
    if (part[1] !== undefined) out.push(part[1]);
    else if (part[2] === '*' || /^\d+$/.test(part[2] ?? '')) out.push(0);
    else out.push((part[2] ?? '').slice(1, -1));
  }
  return out;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j] ?? 0;
      row[j] = Math.min(here + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length] ?? 0;
}

/** Why `path` matches no snapshot field, or undefined when it may (or the schema does not say). */
function unknownStep(root: Schema, path: string): string | undefined {
  let nodes = [root];
  const walked: string[] = [];
  for (const step of segments(path)) {
    const here = nodes.flatMap(variants);
    if (typeof step === 'number' || step === 'length') {
      if (here.some((n) => n.items)) nodes = here.flatMap((n) => (n.items ? [n.items] : []));
      else if (step === 'length' && here.some((n) => n.type === 'string')) return undefined;
      else return typeof step === 'number' ? `${walked.join('.') || 'the order'} is not a list` : undefined;
      if (step === 'length') return undefined;
      continue;
    }
    const objects = here.filter((n) => n.properties);
    if (objects.length === 0) return undefined;
    const next = objects.flatMap((n) => (n.properties && Object.hasOwn(n.properties, step) ? [n.properties[step] as Schema] : []));
    if (next.length === 0) {
      const names = [...new Set(objects.flatMap((n) => Object.keys(n.properties ?? {})))];
      const best = names.map((name) => ({ name, d: distance(step, name) })).sort((x, y) => x.d - y.d)[0];
      const hint = best && best.d <= Math.max(2, Math.floor(step.length / 3)) ? `: did you mean "${best.name}"?` : '';
      return `the order has no field "${step}"${walked.length > 0 ? ` under ${walked.join('.')}` : ''}${hint}`;
    }
    walked.push(step);
    nodes = next;
  }
  return undefined;
}

function conditionWarnings(root: Schema, node: unknown, at: (string | number)[], out: Issue[]): void {
  if (typeof node !== 'object' || node === null) return;
  const c = node as { fact?: unknown; path?: unknown; all?: unknown; any?: unknown; not?: unknown };
  if (c.fact === 'order' && typeof c.path === 'string') {
    const why = unknownStep(root, c.path);
    if (why !== undefined) out.push({ path: [...at, 'path'], message: `${c.path} never matches: ${why}` });
  }
  for (const key of ['all', 'any'] as const) {
    const list = c[key];
    if (Array.isArray(list)) list.forEach((child, i) => conditionWarnings(root, child, [...at, key, i], out));
  }
  if (c.not !== undefined) conditionWarnings(root, c.not, [...at, 'not'], out);
}

/**
 * Warnings for conditions on the `order` fact whose path no snapshot field matches, in rules and
 * in named conditions, each with its path in the options and a did-you-mean where one is close.
 * @example
 * lintOrderPaths({ rules: [{ conditions: { all: [{ fact: 'order', path: '$.totals.payabel', operator: 'greaterThan', value: 1 }] } }] })
 * //=> [{ path: ['rules', 0, 'conditions', 'all', 0, 'path'], message: '$.totals.payabel never matches: … did you mean "payable"?' }]
 */
export function lintOrderPaths(options: unknown): Issue[] {
  if (typeof options !== 'object' || options === null) return [];
  const root = getSnapshotJsonSchema() as Schema;
  const out: Issue[] = [];
  const { rules, conditions } = options as { rules?: unknown; conditions?: unknown };
  if (Array.isArray(rules)) rules.forEach((rule, i) => conditionWarnings(root, (rule as { conditions?: unknown } | null)?.conditions, ['rules', i, 'conditions'], out));
  if (typeof conditions === 'object' && conditions !== null) {
    for (const [name, condition] of Object.entries(conditions)) conditionWarnings(root, condition, ['conditions', name], out);
  }
  return out;
}

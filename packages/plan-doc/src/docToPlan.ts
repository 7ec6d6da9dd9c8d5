import { type Assumptions, fail, type Issue, type Plan, parsePlan, type Result } from '@samplan/engine';
import * as Y from 'yjs';
import { DOC_LIMITS, docLimitIssues, tooLargeIssue, unsafeKeyIssue } from './docLimitIssues.ts';
import { isPlainObject } from './plainJson.ts';
import { type DocCollection, ORDER_KEY, planRoot, UNSAFE_KEYS } from './planRoot.ts';
import { COST_AMOUNT_FIELDS, type FieldKind, KEYED_BY_ID, RECORD_FIELDS } from './recordFields.ts';

/** Collections added after the first documents were written: a document without them has none. */
const LATER_COLLECTIONS: ReadonlySet<DocCollection> = new Set(['goals', 'indicators', 'activities']);

type Path = (string | number)[];

const ASSUMPTION_KEYS = Object.keys({
  utilization: 0,
  indexation: 0,
  employerAddOn: 0,
} satisfies Record<keyof Assumptions, 0>);

const issueAt = (code: string, message: string, path: Path): Issue => ({
  code,
  message,
  path,
  field: String(path.at(-1) ?? ''),
});

/**
 * Reads the document's Yjs structure into plain data, checking each Yjs type on the way; the plan
 * schema then checks the values. Collects issues instead of throwing.
 */
function createReader() {
  const issues: Issue[] = [];
  const wrong = (path: Path, expected: string) => {
    issues.push(issueAt('doc-wrong-type', `Fel typ i plandokumentet: ${expected} väntades`, path));
    return undefined;
  };
  const tooMany = (size: number, path: Path) => {
    if (size <= DOC_LIMITS.maxEntries) return false;
    issues.push(tooLargeIssue(`Listan (${size} poster)`, path));
    return true;
  };

  /** A plain value (string, number, boolean, null, or plain JSON): never a Yjs type or binary. */
  const value = (v: unknown, path: Path, depth = 0): unknown => {
    if (v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v)) return v;
    if (depth > DOC_LIMITS.maxDepth) return void issues.push(tooLargeIssue('Nästlingen', path));
    if (Array.isArray(v))
      return tooMany(v.length, path) ? undefined : v.map((x, i) => value(x, [...path, i], depth + 1));
    // An object whose prototype was replaced (a "__proto__" key decoded from an update) is not plain.
    if (!isPlainObject(v)) return wrong(path, 'ett enkelt värde');
    const keys = Object.keys(v);
    if (tooMany(keys.length, path)) return undefined;
    const entries: [string, unknown][] = [];
    for (const key of keys) {
      if (UNSAFE_KEYS.has(key)) issues.push(unsafeKeyIssue(key, [...path, key]));
      else entries.push([key, value(v[key], [...path, key], depth + 1)]);
    }
    return Object.fromEntries(entries);
  };

  const text = (v: unknown, path: Path) => (v instanceof Y.Text ? v.toString() : wrong(path, 'text (Y.Text)'));

  const amounts = (v: unknown, path: Path) => {
    if (!(v instanceof Y.Map)) return wrong(path, 'belopp per år (Y.Map)');
    if (tooMany(v.size, path)) return undefined;
    const entries: [string, unknown][] = [];
    for (const [year, amount] of (v as Y.Map<unknown>).entries()) {
      if (UNSAFE_KEYS.has(year)) issues.push(unsafeKeyIssue(year, [...path, year]));
      else entries.push([year, value(amount, [...path, year])]);
    }
    return Object.fromEntries(entries);
  };

  const costAmount = (v: unknown, path: Path) => {
    if (!(v instanceof Y.Map)) return wrong(path, 'kostnadens belopp (Y.Map)');
    const out: Record<string, unknown> = {};
    for (const [field, kind] of Object.entries(COST_AMOUNT_FIELDS)) {
      if (!v.has(field)) continue;
      const fieldPath = [...path, field];
      out[field] = kind === 'amounts' ? amounts(v.get(field), fieldPath) : value(v.get(field), fieldPath);
    }
    return out;
  };

  const changes = (v: unknown, path: Path) => {
    if (!(v instanceof Y.Array)) return wrong(path, 'en lista av ändringar (Y.Array)');
    if (tooMany(v.length, path)) return undefined;
    return v.toArray().map((c, i) => value(c, [...path, i]));
  };

  const field = (kind: FieldKind, v: unknown, path: Path): unknown => {
    switch (kind) {
      case 'text':
        return text(v, path);
      case 'amounts':
        return amounts(v, path);
      case 'cost-amount':
        return costAmount(v, path);
      case 'changes':
        return changes(v, path);
      case 'value':
        return value(v, path);
    }
  };

  const record = (collection: DocCollection, key: string, map: Y.Map<unknown>) => {
    const out: Record<string, unknown> = KEYED_BY_ID[collection] ? { id: key } : {};
    for (const [name, kind] of Object.entries(RECORD_FIELDS[collection] as Record<string, FieldKind>)) {
      if (!map.has(name)) continue;
      const v = field(kind, map.get(name), [collection, key, name]);
      if (v !== undefined) out[name] = v;
    }
    return out;
  };

  /** The records in `order`; every id in the order must have a record and every record an order entry. */
  const collection = (root: Y.Map<unknown>, order: Y.Map<unknown>, name: DocCollection) => {
    const records = root.get(name);
    const ids = order.get(name);
    if (!(records instanceof Y.Map)) return wrong([name], `samlingen ${name} (Y.Map)`);
    if (!(ids instanceof Y.Array)) return wrong([ORDER_KEY, name], `ordningen för ${name} (Y.Array)`);
    if (tooMany(records.size, [name]) || tooMany(ids.length, [ORDER_KEY, name])) return undefined;
    const seen = new Set<string>();
    const out: Record<string, unknown>[] = [];
    ids.toArray().forEach((id: unknown, i) => {
      if (typeof id !== 'string') {
        wrong([ORDER_KEY, name, i], 'ett id (text)');
        return;
      }
      // Two clients adding the same id at once leave it twice in the order: the first place wins.
      if (seen.has(id)) return;
      seen.add(id);
      const map = records.get(id);
      if (UNSAFE_KEYS.has(id)) issues.push(unsafeKeyIssue(id, [ORDER_KEY, name, i]));
      else if (map instanceof Y.Map) out.push(record(name, id, map as Y.Map<unknown>));
      else if (map !== undefined) wrong([name, id], 'en post (Y.Map)');
      // A record removed on one client while another added the same id leaves the second client's
      // order entry behind. The map still holds the key's deleted entry, so skip it; an id the map
      // never had is an error. (`_map` holds each key's last entry, deleted or not.)
      else if (!records._map.has(id))
        issues.push(
          issueAt('doc-order-unknown-id', `Ordningen för ${name} nämner "${id}", som saknas`, [ORDER_KEY, name, i]),
        );
    });
    for (const key of records.keys()) {
      if (seen.has(key)) continue;
      if (UNSAFE_KEYS.has(key)) issues.push(unsafeKeyIssue(key, [name, key]));
      else issues.push(issueAt('doc-unordered-record', `Posten "${key}" i ${name} saknas i ordningen`, [name, key]));
    }
    return out;
  };

  const plainMap = (
    v: unknown,
    keys: readonly string[],
    path: Path,
    nested: Record<string, readonly string[]> = {},
  ) => {
    if (!(v instanceof Y.Map)) return wrong(path, 'en Y.Map');
    const out: Record<string, unknown> = {};
    for (const key of keys) if (v.has(key)) out[key] = value(v.get(key), [...path, key]);
    for (const [key, inner] of Object.entries(nested))
      if (v.has(key)) out[key] = plainMap(v.get(key), inner, [...path, key]);
    return out;
  };

  const plan = (root: Y.Map<unknown>): Record<keyof Plan, unknown> => {
    const years = root.get('years');
    const order = root.get(ORDER_KEY);
    const orderMap = order instanceof Y.Map ? (order as Y.Map<unknown>) : wrong([ORDER_KEY], 'ordningen (Y.Map)');
    const of = (name: DocCollection) => {
      // Documents written before goals existed have neither the collection nor its order: none yet.
      if (LATER_COLLECTIONS.has(name) && !root.has(name) && !orderMap?.has(name)) return undefined;
      return orderMap ? collection(root, orderMap, name) : undefined;
    };
    return {
      version: root.has('version') ? value(root.get('version'), ['version']) : undefined,
      name: text(root.get('name'), ['name']),
      // Two clients adding the same year at once (or moving the plan by the same years) leave it
      // twice: the first place wins, as for an id in an order.
      years:
        years instanceof Y.Array && !tooMany(years.length, ['years'])
          ? years
              .toArray()
              .map((y, i) => value(y, ['years', i]))
              .filter((y, i, all) => all.indexOf(y) === i)
          : wrong(['years'], 'åren (Y.Array)'),
      openingEquity: value(root.get('openingEquity'), ['openingEquity']),
      assumptions: plainMap(root.get('assumptions'), ASSUMPTION_KEYS, ['assumptions']),
      thresholds: plainMap(root.get('thresholds'), ['equityCap'], ['thresholds'], { adminShare: ['min', 'max'] }),
      members: of('members'),
      esfProjects: of('esfProjects'),
      revenues: of('revenues'),
      costs: of('costs'),
      stated: of('stated'),
      scenarios: of('scenarios'),
      goals: of('goals'),
      indicators: of('indicators'),
      activities: of('activities'),
    };
  };

  return { issues, plan };
}

/**
 * Reads the plan back from a document and validates it with the engine's `parsePlan`. A malformed
 * or hostile document (wrong Yjs types, numbers for amounts, missing fields, `order` and records
 * that disagree, oversized strings, `__proto__` keys) gives issues; this never throws.
 */
export function docToPlan(doc: Y.Doc): Result<Plan> {
  try {
    const root = planRoot(doc);
    if (root.size === 0) return fail(issueAt('doc-empty', 'Plandokumentet är tomt', []));
    const reader = createReader();
    const candidate = reader.plan(root);
    if (reader.issues.length) return fail(...reader.issues);
    const limits = docLimitIssues(candidate);
    if (limits.length) return fail(...limits);
    return parsePlan(candidate);
  } catch (e) {
    return fail(
      issueAt(
        'doc-unreadable',
        `Plandokumentet kunde inte läsas: ${e instanceof Error ? e.message.slice(0, 200) : 'okänt fel'}`,
        [],
      ),
    );
  }
}

import type {
  Activity,
  CostAmount,
  CostLine,
  EsfProject,
  Goal,
  Indicator,
  Member,
  RevenueLine,
  Scenario,
  Stated,
} from '@samplan/engine';
import * as Y from 'yjs';
import { cloneJson, isPlainObject, jsonEqual } from './plainJson.ts';
import type { DocCollection } from './planRoot.ts';
import { replaceText } from './replaceText.ts';

/**
 * How a record field is stored: `text` a `Y.Text` (names: several people can type in one), `amounts`
 * a `Y.Map` year → decimal string (one cell per key), `cost-amount` a `Y.Map` with its `type` and
 * fields (`amounts` nested), `changes` a `Y.Array` of plain JSON objects, `value` a plain value.
 */
export type FieldKind = 'text' | 'amounts' | 'cost-amount' | 'changes' | 'value';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
/** Every field of a record but its id (the id is the record's key): adding a field to the engine fails here. */
type Fields<T> = { readonly [K in Exclude<KeysOfUnion<T>, 'id'>]-?: FieldKind };

/** The fields of each collection's records and how each is stored. */
export const RECORD_FIELDS = {
  members: { name: 'text', group: 'value', population: 'value', amounts: 'amounts' } satisfies Fields<Member>,
  esfProjects: { name: 'text', status: 'value' } satisfies Fields<EsfProject>,
  revenues: { kind: 'value', name: 'text', project: 'value', amounts: 'amounts' } satisfies Fields<RevenueLine>,
  costs: {
    name: 'text',
    category: 'value',
    member: 'value',
    project: 'value',
    utilization: 'value',
    amount: 'cost-amount',
    goals: 'value',
    targets: 'value',
  } satisfies Fields<CostLine>,
  stated: {
    year: 'value',
    figure: 'value',
    value: 'value',
    precision: 'value',
    label: 'value',
    when: 'value',
    lines: 'value',
    sign: 'value',
    source: 'value',
  } satisfies Fields<Stated>,
  scenarios: { name: 'text', basedOn: 'value', changes: 'changes' } satisfies Fields<Scenario>,
  goals: { title: 'text', area: 'value', responsible: 'value' } satisfies Fields<Goal>,
  indicators: { goal: 'value', name: 'text', outcomes: 'amounts', target: 'value' } satisfies Fields<Indicator>,
  activities: { goal: 'value', description: 'text', responsible: 'value', end: 'value' } satisfies Fields<Activity>,
} as const satisfies Record<DocCollection, Record<string, FieldKind>>;

/** The fields of a cost line's `amount` map, whatever its type (`amounts` is a nested year map). */
export const COST_AMOUNT_FIELDS = {
  type: 'value',
  amounts: 'amounts',
  start: 'value',
  end: 'value',
  total: 'value',
  fte: 'value',
  monthlySalary: 'value',
  salaryYear: 'value',
  employerAddOn: 'value',
  indexed: 'value',
} as const satisfies { readonly [K in KeysOfUnion<CostAmount>]-?: 'value' | 'amounts' };

/** Stated figures have no id: they are keyed by their position when written, and read in `order`. */
export const KEYED_BY_ID: Readonly<Record<DocCollection, boolean>> = {
  members: true,
  esfProjects: true,
  revenues: true,
  costs: true,
  stated: false,
  scenarios: true,
  goals: true,
  indicators: true,
  activities: true,
};

const amountsMap = (value: Record<string, unknown>) =>
  new Y.Map<unknown>(Object.entries(value).filter(([, v]) => v !== undefined));

const costAmountMap = (value: Record<string, unknown>) =>
  new Y.Map<unknown>(
    Object.entries(value)
      .filter(([k, v]) => v !== undefined && Object.hasOwn(COST_AMOUNT_FIELDS, k))
      .map(([k, v]) => [k, k === 'amounts' && isPlainObject(v) ? amountsMap(v) : cloneJson(v)]),
  );

/**
 * The Yjs content for a fresh field. A value of the wrong shape (only from an unchecked edit) is
 * stored as it is, and reading the document reports it.
 */
export function toYField(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? new Y.Text(value) : value;
    case 'amounts':
      return isPlainObject(value) ? amountsMap(value) : value;
    case 'cost-amount':
      return isPlainObject(value) ? costAmountMap(value) : value;
    case 'changes':
      return Array.isArray(value) ? Y.Array.from(value.map(cloneJson)) : value;
    case 'value':
      return cloneJson(value);
  }
}

/** A fresh record `Y.Map` for a plain record (its `id` is the key, not a field). */
export function writeRecord(fields: Readonly<Record<string, FieldKind>>, record: object): Y.Map<unknown> {
  const entries = Object.entries(record).filter(([k, v]) => v !== undefined && Object.hasOwn(fields, k));
  return new Y.Map<unknown>(entries.map(([k, v]) => [k, toYField(fields[k] as FieldKind, v)]));
}

/** An own property's value: never one inherited from `Object.prototype` (a key like "constructor"). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Sets or deletes one key of a map, only when it changes (an unchanged cell makes no operation). */
function setValue(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (!map.has(key) || !jsonEqual(map.get(key), value)) {
    map.set(key, cloneJson(value));
  }
}

/** Makes a year map hold exactly `value`, touching only the years that change. */
function syncAmounts(map: Y.Map<unknown>, value: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (own(value, key) === undefined) map.delete(key);
  for (const [key, v] of Object.entries(value)) setValue(map, key, v);
}

/**
 * Patches a cost line's amount of the same type field by field. A new type replaces the whole map
 * instead, so two people choosing different types at once end with one consistent amount, never
 * a mix of both.
 */
function patchCostAmount(amount: Y.Map<unknown>, value: Record<string, unknown>): void {
  for (const k of [...amount.keys()]) if (own(value, k) === undefined) amount.delete(k);
  for (const [k, v] of Object.entries(value)) {
    if (!Object.hasOwn(COST_AMOUNT_FIELDS, k)) continue;
    const sub = amount.get(k);
    if (k !== 'amounts') setValue(amount, k, v);
    else if (sub instanceof Y.Map && isPlainObject(v)) syncAmounts(sub as Y.Map<unknown>, v);
    else patchField(amount, k, 'amounts', v);
  }
}

/** Patches one field in place: a name is a text replace, amounts change cell by cell. */
function patchField(map: Y.Map<unknown>, key: string, kind: FieldKind, value: unknown): void {
  const current = map.get(key);
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (kind === 'text' && current instanceof Y.Text && typeof value === 'string') {
    replaceText(current, value);
  } else if (kind === 'amounts' && current instanceof Y.Map && isPlainObject(value)) {
    syncAmounts(current as Y.Map<unknown>, value);
  } else if (
    kind === 'cost-amount' &&
    current instanceof Y.Map &&
    isPlainObject(value) &&
    current.get('type') === value.type
  ) {
    patchCostAmount(current as Y.Map<unknown>, value);
  } else if (kind === 'changes' && current instanceof Y.Array && jsonEqual(current.toArray(), value)) {
    // A change list is edited as a whole: an unchanged one stays as it is.
  } else if (kind === 'value') {
    setValue(map, key, value);
  } else {
    map.set(key, toYField(kind, value));
  }
}

/**
 * Applies the fields present in `patch` (own keys; `undefined` deletes) to a record map. With
 * `complete`, every field the patch lacks is deleted too: the record becomes exactly `patch`.
 */
export function patchRecord(
  fields: Readonly<Record<string, FieldKind>>,
  map: Y.Map<unknown>,
  patch: object,
  complete = false,
): void {
  const values = patch as Record<string, unknown>;
  for (const [key, kind] of Object.entries(fields)) {
    if (complete || Object.hasOwn(values, key)) patchField(map, key, kind, own(values, key));
  }
}

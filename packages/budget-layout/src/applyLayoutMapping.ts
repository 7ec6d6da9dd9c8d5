import { slugify } from '@samplan/budget-table';
import { allocate, type Ore, type Plan, type PlanInput, parsePlan, type Result } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { findMappedHeader } from './findMappedHeader.ts';
import {
  cellText,
  displayLabel,
  type Grid,
  type GridCell,
  type LayoutRow,
  labelKeys,
  layoutRows,
} from './layoutGrid.ts';
import type { LayoutMapping, MappingRow } from './layoutMapping.ts';
import { UNIT_SCALE } from './layoutMapping.ts';
import { readYearCell } from './readLayoutCell.ts';
import { readRowValues, toKronor, type YearValue } from './readRowValues.ts';
import type { LayoutIssue, Reason } from './reason.ts';
import { reasonSv } from './reasonSv.ts';
import { statedEntries } from './statedEntries.ts';

/** Where the sheet came from; `name` overrides the plan's name (otherwise the title row, else the file). */
export interface ApplyLayoutOptions {
  file: string;
  sheet?: string;
  name?: string;
}

/** A row of the sheet the mapping does not know: next year's new insats, a moved note. */
export interface UnmappedRow {
  key: string;
  label: string;
  line: number;
  /** It has amounts in the plan years: leaving it out changes the plan. */
  hasAmounts: boolean;
}

/** The plan built from the sheet, what was noticed on the way and the rows the mapping lacks. */
export interface AppliedLayout {
  plan: Plan;
  /** What was noticed, in Swedish: `noteReasons` said with `reasonSv`. */
  notes: string[];
  noteReasons: Reason[];
  unmapped: UnmappedRow[];
}

type Amounts = Record<string, string>;

/**
 * Builds the plan from a sheet and a (reviewed) mapping: members, ESF and other income, cost lines,
 * the opening equity, and every stated figure with its source (file, sheet, row, column, label)
 * for the audit. Refusals name the file, line, column and the cell's text; the plan is checked
 * by the engine's `parsePlan`.
 */
export function applyLayoutMapping(
  grid: Grid,
  mapping: LayoutMapping,
  options: ApplyLayoutOptions,
): Result<AppliedLayout, LayoutIssue> {
  const { file, sheet } = options;
  const errors: LayoutIssue[] = [];
  const notes: Reason[] = [];
  const at = (
    cell: Pick<GridCell, 'line' | 'column'> | undefined,
    line: number,
    code: string,
    reason: Reason,
    field?: string,
  ) =>
    errors.push({
      code,
      message: reasonSv(reason),
      reason,
      file,
      line: cell?.line ?? line,
      column: cell?.column ?? mapping.labelColumn,
      ...(field ? { field } : {}),
    });

  const rows = layoutRows(grid);
  const header = findMappedHeader(rows, mapping);
  if (!header) {
    const row = rows.find((r) => r.line === mapping.headerRow);
    const cell = mapping.yearColumns.map((c) => row?.cells.get(c)).find((c) => c && !readYearCell(c.text));
    at(cell, mapping.headerRow, 'no-year-header', {
      code: 'no-mapped-year-header',
      columns: mapping.yearColumns,
      ...(cell ? { text: cell.text.trim() } : {}),
    });
    return { ok: false, errors };
  }
  if (header.row.line !== mapping.headerRow)
    notes.push({ code: 'header-moved', line: header.row.line, mapped: mapping.headerRow });
  if (mapping.unit === null) {
    at(undefined, 1, 'unknown-unit', { code: 'unknown-unit' });
    return { ok: false, errors };
  }
  const unitScale = UNIT_SCALE[mapping.unit];
  const years = header.years;
  const columns = { years, yearColumns: mapping.yearColumns, labelColumn: mapping.labelColumn };
  const present = rows.filter((r) => r.cells.size > 0);
  const keys = labelKeys(present.map((r) => cellText(r, mapping.labelColumn)));
  const byKey = new Map(mapping.rows.map((r) => [r.key, r]));
  const unmapped: UnmappedRow[] = [];
  const mapped: { row: LayoutRow; m: MappingRow; values: YearValue[] }[] = [];
  present.forEach((row, i) => {
    const key = keys[i] as string;
    const m = byKey.get(key);
    const label = cellText(row, mapping.labelColumn);
    if (!m) {
      const values = readRowValues(row, columns);
      unmapped.push({ key, label, line: row.line, hasAmounts: values.some((v) => v.plain || v.text !== undefined) });
      return;
    }
    byKey.delete(key);
    const share = m.role.kind === 'stated' && m.role.figure.startsWith('share-');
    mapped.push({ row, m, values: readRowValues(row, columns, { alternative: m.alternative !== undefined, share }) });
  });
  for (const m of byKey.values()) notes.push({ code: 'mapped-row-missing', label: m.label });

  const used = new Set<string>();
  const newId = (name: string) => {
    const base = slugify(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const kronor = (v: YearValue, sign = 1): string | null => {
    if (!v.plain) return null;
    const { value } = toKronor(v.plain, unitScale);
    if (value.decimalPlaces() > 2) {
      at(v.cell, 1, 'amount-precision', { code: 'amount-precision', text: v.cell?.text.trim() ?? '' }, String(v.year));
      return null;
    }
    return value.times(sign).toFixed();
  };
  const altKronor = (v: YearValue): Decimal | null => (v.alt ? toKronor(v.alt, unitScale).value : null);
  const yearly = (values: YearValue[], sign = 1): Amounts =>
    Object.fromEntries(values.map((v) => [String(v.year), kronor(v, sign) ?? '0']));

  const title = mapped.find((x) => x.m.role.kind === 'title');
  const plan: PlanInput & Required<Pick<PlanInput, 'members' | 'esfProjects' | 'revenues' | 'costs' | 'stated'>> = {
    name:
      options.name ?? (title ? displayLabel(cellText(title.row, mapping.labelColumn)) : file.replace(/^.*[\\/]/, '')),
    years,
    members: [],
    esfProjects: [],
    revenues: [],
    costs: [],
    stated: [],
  };
  /** Ids of the plan lines each row became (for `lines` figures), and the row behind each record. */
  const lineIds = new Map<string, string[]>();
  const origin = new Map<string, { row: LayoutRow; values: YearValue[] }>();
  const projectIds = new Map<string, string>();
  const memberIds = new Map<string, string>();
  const pending: (() => void)[] = [];

  for (const { row, m, values } of mapped) {
    const role = m.role;
    const labelCell = row.cells.get(mapping.labelColumn);
    const label = displayLabel(cellText(row, mapping.labelColumn));
    const core = m.alternative ? label.replace(/\s*\([^()]*\bom\b[^()]*\)\s*/iu, ' ').trim() : label;
    const name = m.name ?? (core || m.key);
    const reads = !['title', 'heading', 'ignore', 'unknown'].includes(role.kind);
    if (reads)
      for (const v of values)
        if (v.text !== undefined)
          at(
            v.cell,
            row.line,
            'invalid-amount',
            {
              code: 'invalid-amount',
              text: v.text.trim(),
              label,
              year: v.year,
              ...(v.ambiguity ? { ambiguity: v.ambiguity } : {}),
            },
            String(v.year),
          );
    const record = (list: keyof typeof plan, id: string) => {
      origin.set(`${list}:${id}`, { row, values });
      lineIds.set(m.key, [...(lineIds.get(m.key) ?? []), id]);
    };
    switch (role.kind) {
      case 'title':
      case 'heading':
      case 'ignore':
        break;
      case 'unknown':
        at(labelCell, row.line, 'unclassified-row', { code: 'unclassified-row', label });
        break;
      case 'member': {
        const id = newId(name);
        const empty = values.every((v) => !v.plain);
        if (empty && role.group === 'state')
          at(labelCell, row.line, 'member-without-amounts', { code: 'state-without-amounts', label });
        plan.members.push({ id, name, group: role.group, ...(empty ? {} : { amounts: yearly(values) }) });
        memberIds.set(m.key, id);
        record('members', id);
        break;
      }
      case 'member-total': {
        const parts = values.map((v) => {
          const kr = kronor(v);
          return allocate(new Decimal(kr ?? '0').times(100).toNumber() as Ore, [2, 1, 1]);
        });
        const groups = [
          ['state', 'Staten'],
          ['region', 'Regionen'],
          ['kommun', 'Kommunerna'],
        ] as const;
        groups.forEach(([group, who], k) => {
          const id = newId(`${who} ${name}`);
          const amounts = Object.fromEntries(
            values.map((v, i) => [String(v.year), new Decimal(parts[i]?.[k] ?? 0).dividedBy(100).toFixed()]),
          );
          plan.members.push({ id, name: `${who} (${name})`, group, amounts });
          record('members', id);
        });
        notes.push({ code: 'member-total-split', label });
        break;
      }
      case 'esf': {
        let project = projectIds.get(role.project);
        if (!project) {
          project = newId(role.project);
          projectIds.set(role.project, project);
          plan.esfProjects.push({ id: project, name: role.project, status: role.status });
        }
        const own = m.alternative?.project === role.project;
        const amounts = Object.fromEntries(
          values.map((v) => [String(v.year), (own && altKronor(v)?.toFixed()) || (kronor(v) ?? '0')]),
        );
        const id = newId(name);
        plan.revenues.push({ id, kind: 'esf', name, project, amounts });
        record('revenues', id);
        break;
      }
      case 'income': {
        const id = newId(name);
        plan.revenues.push({ id, kind: 'income', name, amounts: yearly(values) });
        record('revenues', id);
        break;
      }
      case 'cost': {
        const sign = mapping.costSign === 'negative' ? -1 : 1;
        const id = newId(name);
        const line: Plan['costs'][number] = {
          id,
          name,
          category: role.category,
          amount: { type: 'yearly', amounts: yearly(values, sign) },
        };
        plan.costs.push(line);
        record('costs', id);
        pending.push(() => {
          if (role.member) {
            const member = memberIds.get(role.member);
            if (member) line.member = member;
            else at(labelCell, row.line, 'unknown-member', { code: 'unknown-member', label, member: role.member });
          }
          if (role.project) {
            const project = projectIds.get(role.project);
            if (project) line.project = project;
            else at(labelCell, row.line, 'unknown-project', { code: 'unknown-project', label, project: role.project });
          }
        });
        const alt = m.alternative;
        if (alt && values.some((v) => v.alt)) {
          const extraId = newId(`${name} tillägg ${alt.project}`);
          const amounts = Object.fromEntries(
            values.map((v) => {
              const a = altKronor(v);
              const p = new Decimal(kronor(v) ?? '0').times(sign);
              return [String(v.year), a ? a.times(sign).minus(p).toFixed() : '0'];
            }),
          );
          const extra: Plan['costs'][number] = {
            id: extraId,
            name: `${name} (tillägg om ${alt.project})`,
            category: role.category,
            amount: { type: 'yearly', amounts },
          };
          plan.costs.push(extra);
          record('costs', extraId);
          pending.push(() => {
            const project = projectIds.get(alt.project);
            if (project) extra.project = project;
            else at(labelCell, row.line, 'unknown-project', { code: 'unknown-project', label, project: alt.project });
          });
        }
        break;
      }
      case 'opening-equity':
      case 'stated': {
        const figure = role.kind === 'stated' ? role.figure : 'opening-equity';
        if (role.kind === 'opening-equity' && plan.openingEquity === undefined) {
          const first = values[0];
          const value = first ? kronor(first) : null;
          if (value !== null) plan.openingEquity = value;
        }
        pending.push(() => {
          const lines =
            role.kind === 'stated' && role.lines ? role.lines.flatMap((k) => lineIds.get(k) ?? [`?${k}`]) : undefined;
          const missing = lines?.filter((id) => id.startsWith('?'));
          if (missing?.length)
            at(labelCell, row.line, 'unknown-line', {
              code: 'unknown-line',
              label,
              keys: missing.map((k) => k.slice(1)),
            });
          const project = m.alternative ? projectIds.get(m.alternative.project) : undefined;
          if (m.alternative && !project) {
            at(labelCell, row.line, 'unknown-project', {
              code: 'unknown-project',
              label,
              project: m.alternative.project,
            });
            return;
          }
          plan.stated.push(
            ...statedEntries(values, {
              figure,
              label: core,
              unitScale,
              source: {
                file,
                ...(sheet ? { sheet } : {}),
                line: row.line,
                column: labelCell?.column ?? mapping.labelColumn,
              },
              ...(project ? { when: { project } } : {}),
              ...(lines ? { lines } : {}),
              ...(role.kind === 'stated' && role.sign ? { sign: role.sign } : {}),
            }),
          );
        });
        break;
      }
    }
  }
  for (const run of pending) run();
  if (errors.length) return { ok: false, errors };

  const parsed = parsePlan(plan);
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors.map((e) => {
        const [list, index] = e.path ?? [];
        const year = e.path?.find((p) => /^\d{4}$/.test(String(p)));
        const record =
          typeof index === 'number' ? (plan[list as 'costs'] as { id: string }[] | undefined)?.[index] : undefined;
        const source = record ? origin.get(`${list}:${record.id}`) : undefined;
        const cell =
          source?.values.find((v) => String(v.year) === String(year))?.cell ??
          source?.row.cells.get(mapping.labelColumn);
        return { ...e, file, line: cell?.line ?? source?.row.line ?? 1, column: cell?.column ?? mapping.labelColumn };
      }),
    };
  return { ok: true, value: { plan: parsed.value, notes: notes.map(reasonSv), noteReasons: notes, unmapped } };
}

import {
  COST_CATEGORIES,
  type CostAmount,
  type CostCategory,
  type CostLine,
  type EsfProject,
  type Issue,
  type Plan,
} from '@samplan/engine';
import type { LineCollection, PlanEdit } from '@samplan/plan-store';
import { type FormEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePlan, useProjections, useSettings, useT } from '../../app/hooks.ts';
import { useSession } from '../../app/SessionContext.ts';
import type { Workspace } from '../../app/Workspace.tsx';
import { AMOUNT_TYPES, type AmountField, type AmountType } from '../../core/budget/costAmountForm.ts';
import { type GridPosition, newLineId, sameProps, sumColumns, sumKronor } from '../../core/budget/gridNavigation.ts';
import { percentText, readPercent, showAmount, type Unit } from '../../format/amounts.ts';
import { AmountCell, type GridController, refusal, useAmountGrid, useDraft } from '../../ui/AmountGrid.tsx';
import { CommitField } from '../../ui/CommitField.tsx';
import {
  CostAmountFields,
  CostLineEditor,
  type FieldErrors,
  focusFirstInvalid,
  ProjectSelect,
  refusalByField,
  useAmountDraft,
} from './CostLineForms.tsx';
import { OpeningEquity } from './opening-equity/OpeningEquity.tsx';
import { PlanYears } from './plan-years/PlanYears.tsx';
import '../../ui/budget.css';

type Translate = Workspace['t'];
type Apply = Workspace['apply'];
type Values = readonly (string | undefined)[];

/** The grid row of a line: collections may reuse an id, so the collection is part of the key. */
const rowKey = (collection: LineCollection, id: string) => `${collection}/${id}`;

/** `Medlemsbidrag` → `medlemsbidrag` for "Summa medlemsbidrag"; `ESF-medel` stays. */
const lowerFirst = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** A line as the tables show it. */
interface RowModel {
  collection: LineCollection;
  id: string;
  name: string;
  /** Group, project, period or staff terms: a short text under the name. */
  note: string;
  /** Yearly amounts typed in the plan; otherwise computed and shown read-only. */
  editable: boolean;
  /** Kronor per plan year: stored (editable) or from the latest projection. */
  values: Values;
  removable: boolean;
  /** A cost line's amount and ESF project, for its edit form (the store keeps untouched objects). */
  amount: CostAmount | undefined;
  project: string | undefined;
}

/** Each line's yearly amounts in the latest projection of the base plan, by row key. */
function projectedAmounts(workspace: Pick<Workspace, 'projections'>, years: readonly number[]): Map<string, Values> {
  const out = new Map<string, Values>();
  const base = workspace.projections?.results[0];
  if (!base?.ok) return out;
  const projectedYears = base.projection.years.map((y) => y.year);
  const index = years.map((year) => projectedYears.indexOf(year));
  for (const line of base.projection.lines) {
    const collection: LineCollection = line.kind === 'member' ? 'members' : line.kind === 'cost' ? 'costs' : 'revenues';
    out.set(
      rowKey(collection, line.id),
      index.map((i) => (i < 0 ? undefined : line.amounts[i])),
    );
  }
  return out;
}

function renameEdit(collection: LineCollection, id: string, name: string): PlanEdit {
  switch (collection) {
    case 'members':
      return { type: 'set-line', collection, id, patch: { name } };
    case 'revenues':
      return { type: 'set-line', collection, id, patch: { name } };
    case 'costs':
      return { type: 'set-line', collection, id, patch: { name } };
  }
}

const lineIds = (plan: Plan): string[] => [
  ...plan.members.map((l) => l.id),
  ...plan.revenues.map((l) => l.id),
  ...plan.costs.map((l) => l.id),
  ...plan.esfProjects.map((p) => p.id),
];

/** The budget editor: revenue, costs by category, opening equity, assumptions and limits. */
export function BudgetView() {
  const session = useSession();
  const plan = usePlan();
  const projections = useProjections();
  const { unit, language } = useSettings();
  const t = useT();
  const announce = session.status.set;
  const apply = session.apply;
  const years = plan.years;
  const yearsKey = years.join(',');
  const helpId = useId();
  const revenueHeadingId = useId();
  const costHeadingId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: yearsKey stands for years (a new array after every edit).
  const projected = useMemo(() => projectedAmounts({ projections }, years), [projections, yearsKey]);
  const computed = (collection: LineCollection, id: string): Values =>
    projected.get(rowKey(collection, id)) ?? years.map(() => undefined);
  const stored = (amounts: Record<string, string> | undefined): Values => years.map((y) => amounts?.[String(y)]);
  const projectName = (id: string) => {
    const project = plan.esfProjects.find((p) => p.id === id);
    return t(project?.status === 'applied' ? 'budget.esfApplied' : 'budget.esfProject', { name: project?.name ?? id });
  };
  const decimal = (text: string) => (language === 'sv' ? text.replace('.', ',') : text);

  const memberRows: RowModel[] = plan.members.map((m) => {
    const derived = m.amounts === undefined;
    const group = t(`budget.group.${m.group}`);
    return {
      collection: 'members',
      id: m.id,
      name: m.name,
      note: derived ? `${group} · ${t('budget.derived')}` : group,
      editable: !derived,
      values: derived ? computed('members', m.id) : stored(m.amounts),
      removable: false,
      amount: undefined,
      project: undefined,
    };
  });
  const revenueRow = (kind: 'esf' | 'income'): RowModel[] =>
    plan.revenues
      .filter((r) => r.kind === kind)
      .map((r) => ({
        collection: 'revenues',
        id: r.id,
        name: r.name,
        note: r.project ? projectName(r.project) : '',
        editable: true,
        values: stored(r.amounts),
        removable: true,
        amount: undefined,
        project: undefined,
      }));
  const esfRows = revenueRow('esf');
  const incomeRows = revenueRow('income');

  const costNote = (line: CostLine): string => {
    const a = line.amount;
    const notes: string[] = [];
    if (a.type === 'period') {
      notes.push(t('budget.period', { start: a.start, end: a.end, total: `${showAmount(a.total, unit)} ${unit}` }));
    } else if (a.type === 'staff') {
      notes.push(t('budget.staff', { fte: decimal(a.fte), salary: showAmount(a.monthlySalary, 'kr') }));
      if (a.start || a.end) notes.push(t('budget.dates', { start: a.start ?? '…', end: a.end ?? '…' }));
    }
    if (line.project) notes.push(projectName(line.project));
    return notes.join(' · ');
  };
  const costRows = (category: CostCategory): RowModel[] =>
    plan.costs
      .filter((c) => c.category === category)
      .map((c) => ({
        collection: 'costs',
        id: c.id,
        name: c.name,
        note: costNote(c),
        editable: c.amount.type === 'yearly',
        values: c.amount.type === 'yearly' ? stored(c.amount.amounts) : computed('costs', c.id),
        removable: true,
        amount: c.amount,
        project: c.project,
      }));
  const costGroups = COST_CATEGORIES.map((category) => ({ category, rows: costRows(category) }));

  const revenueGroups = [
    { key: 'members', title: t('budget.members'), rows: memberRows },
    ...(esfRows.length > 0 ? [{ key: 'esf', title: t('budget.esf'), rows: esfRows }] : []),
    { key: 'income', title: t('budget.income'), rows: incomeRows },
  ];
  const allRows = [...revenueGroups.flatMap((g) => g.rows), ...costGroups.flatMap((g) => g.rows)];
  const grid = useAmountGrid(
    allRows.filter((r) => r.editable).map((r) => rowKey(r.collection, r.id)),
    years,
  );

  // Focus after an add (the new line's first cell) or a remove (the next remove button).
  // A new period or staff line has no cell to type in: focus goes to its edit button.
  const pendingFocus = useRef<
    { cell: GridPosition } | { testId: string } | { table: HTMLTableElement; index: number } | null
  >(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    if ('cell' in pending) {
      grid.focus(pending.cell);
      return;
    }
    if ('testId' in pending) {
      document.querySelector<HTMLElement>(`[data-testid="${pending.testId}"]`)?.focus();
      return;
    }
    const buttons = pending.table.querySelectorAll<HTMLButtonElement>('button[data-remove]');
    const target =
      buttons.item(pending.index) ??
      buttons.item(buttons.length - 1) ??
      pending.table.closest('section')?.querySelector<HTMLInputElement>('form input');
    target?.focus();
  });

  const removeLine = useCallback(
    (collection: LineCollection, id: string, name: string, button: HTMLButtonElement) => {
      const table = button.closest('table');
      const index = table ? [...table.querySelectorAll('button[data-remove]')].indexOf(button) : -1;
      const result = apply({ type: 'remove-line', collection, id });
      if (!result.ok) {
        announce(result.errors[0]?.message ?? t('budget.removeLine', { name }));
        return;
      }
      if (table) pendingFocus.current = { table, index };
      announce(t('budget.removed', { name }));
    },
    [apply, announce, t],
  );

  /** Adds a line; null, or the store's issues. */
  const addLine = (collection: 'revenues' | 'costs', line: NewLine): readonly Issue[] | null => {
    const { name } = line;
    const id = newLineId(name, lineIds(plan));
    const amount = line.amount ?? { type: 'yearly', amounts: {} };
    const edit: PlanEdit =
      collection === 'costs'
        ? {
            type: 'add-line',
            collection,
            line: { id, name, category: line.category, amount, ...(line.project && { project: line.project }) },
          }
        : { type: 'add-line', collection, line: { id, kind: 'income', name, amounts: {} } };
    const result = apply(edit);
    if (!result.ok) return result.errors;
    const first = years[0];
    if (amount.type !== 'yearly') pendingFocus.current = { testId: `edit-${id}` };
    else if (first !== undefined) pendingFocus.current = { cell: { row: rowKey(collection, id), year: first } };
    announce(t('budget.added', { name }));
    return null;
  };

  /** Adds an ESF project and its revenue line (one batch edit); null, or why it could not be added. */
  const addEsfProject = (name: string, status: EsfProject['status']): string | null => {
    const ids = lineIds(plan);
    const projectId = newLineId(name, ids);
    const lineName = t('budget.esfLineName', { name });
    const lineId = newLineId(lineName, [...ids, projectId]);
    // One transaction: the project and its line are added together, or neither is.
    const added = session.budget.addEsfProject(
      { id: projectId, name, status },
      { id: lineId, kind: 'esf', name: lineName, project: projectId, amounts: {} },
    );
    if (!added.ok) return added.errors[0]?.message ?? t('budget.nameRequired');
    const first = years[0];
    if (first !== undefined) pendingFocus.current = { cell: { row: rowKey('revenues', lineId), year: first } };
    announce(t('budget.esfAdded', { name }));
    return null;
  };

  const common: RowCommon = {
    grid,
    apply,
    announce,
    t,
    unit,
    years,
    projects: plan.esfProjects,
    defaultAddOn: plan.assumptions.employerAddOn,
    onRemove: removeLine,
  };
  const header = (
    <thead>
      <tr>
        <th scope="col">{t('budget.line')}</th>
        {years.map((year) => (
          <th scope="col" key={year} className="budget-number">
            {year}
          </th>
        ))}
        <th scope="col" className="budget-number">
          {t('budget.total')}
        </th>
        <th scope="col">
          <span className="budget-visually-hidden">{t('budget.actions')}</span>
        </th>
      </tr>
    </thead>
  );
  const revenueTotals = sumColumns(
    revenueGroups.flatMap((g) => g.rows.map((r) => r.values)),
    years.length,
  );
  const costTotals = sumColumns(
    costGroups.flatMap((g) => g.rows.map((r) => r.values)),
    years.length,
  );

  return (
    <div className="budget">
      <h2>{t('budget.heading')}</h2>
      <p id={helpId} className="budget-help">
        {t('budget.amountsIn', { unit })} {t('budget.gridKeys')}
      </p>
      <PlanYears />

      <section className="budget-section" aria-labelledby={revenueHeadingId}>
        <h3 id={revenueHeadingId}>{t('budget.revenue')}</h3>
        <div className="budget-scroll">
          <table className="budget-table" aria-labelledby={revenueHeadingId} aria-describedby={helpId}>
            {header}
            {revenueGroups.map((g) => (
              <LineGroup
                key={g.key}
                title={g.title}
                subtotal={t('budget.subtotal', { name: lowerFirst(g.title) })}
                rows={g.rows}
                common={common}
              />
            ))}
            <tfoot>
              <SumRow
                label={t('budget.totalRevenue')}
                values={revenueTotals}
                unit={unit}
                years={years}
                testId="sum-revenue"
              />
            </tfoot>
          </table>
        </div>
        <AddLineForm kind="income" t={t} unit={unit} onAdd={(line) => addLine('revenues', line)} />
        <EsfProjects plan={plan} apply={apply} announce={announce} t={t} onAdd={addEsfProject} />
      </section>

      <section className="budget-section" aria-labelledby={costHeadingId}>
        <h3 id={costHeadingId}>{t('budget.costs')}</h3>
        {/* One table per category, each skipped by layout and paint while off screen (content-visibility). */}
        {costGroups
          .filter((g) => g.rows.length > 0)
          .map((g) => {
            const title = t(`budget.category.${g.category}`);
            return (
              <div
                key={g.category}
                className="budget-scroll budget-category"
                style={{ containIntrinsicSize: `auto ${5 + g.rows.length * 2.6}rem` }}
              >
                <table className="budget-table" aria-label={`${t('budget.costs')}: ${title}`} aria-describedby={helpId}>
                  {header}
                  <LineGroup
                    title={title}
                    subtotal={t('budget.subtotal', { name: lowerFirst(title) })}
                    rows={g.rows}
                    common={common}
                  />
                </table>
              </div>
            );
          })}
        <div className="budget-scroll">
          <table className="budget-table" aria-labelledby={costHeadingId}>
            <tfoot>
              <SumRow label={t('budget.totalCosts')} values={costTotals} unit={unit} years={years} testId="sum-costs" />
            </tfoot>
          </table>
        </div>
        <AddLineForm
          kind="cost"
          t={t}
          unit={unit}
          projects={plan.esfProjects}
          defaultAddOn={plan.assumptions.employerAddOn}
          onAdd={(line) => addLine('costs', line)}
        />
      </section>

      <OpeningEquity />
      <SettingsSection plan={plan} apply={apply} t={t} />
    </div>
  );
}

/** What every line row shares; all stable between edits except `unit` and (by value) `years`. */
interface RowCommon {
  grid: GridController;
  apply: Apply;
  announce(message: string): void;
  t: Translate;
  unit: Unit;
  years: readonly number[];
  /** The plan's ESF projects, for a cost line's project choice (shared while untouched). */
  projects: readonly EsfProject[];
  /** The plan's PO-påslag, shown as a staff line's default. */
  defaultAddOn: string;
  onRemove(collection: LineCollection, id: string, name: string, button: HTMLButtonElement): void;
}

/** A category or revenue kind: a heading row, its lines and their subtotal. */
function LineGroup({
  title,
  subtotal,
  rows,
  common,
}: {
  title: string;
  subtotal: string;
  rows: readonly RowModel[];
  common: RowCommon;
}) {
  const totals = sumColumns(
    rows.map((r) => r.values),
    common.years.length,
  );
  return (
    <tbody>
      <tr className="budget-group">
        <th scope="rowgroup" colSpan={common.years.length + 3}>
          {title}
        </th>
      </tr>
      {rows.map((r) => (
        <LineRow key={rowKey(r.collection, r.id)} {...common} {...r} />
      ))}
      <SumRow label={subtotal} values={totals} unit={common.unit} years={common.years} />
    </tbody>
  );
}

/** A subtotal or total: read-only amounts per year and their sum. */
function SumRow({
  label,
  values,
  unit,
  years,
  testId,
}: {
  label: string;
  values: readonly string[];
  unit: Unit;
  years: readonly number[];
  /** Each year's cell gets the test id `${testId}-${year}` and its kronor as `data-value`. */
  testId?: string;
}) {
  return (
    <tr className="budget-sum">
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per plan year, in year order.
          key={i}
          className="budget-number"
          data-testid={testId ? `${testId}-${years[i]}` : undefined}
          data-value={testId ? v : undefined}
        >
          {showAmount(v, unit)}
        </td>
      ))}
      <td className="budget-number">{showAmount(sumKronor(values), unit)}</td>
      <td />
    </tr>
  );
}

type LineRowProps = RowCommon & RowModel;

/**
 * One line: its editable name, a cell per year (editable or computed), the total, edit and remove.
 * A cost line's edit button opens its form in a row of its own below; the form keeps what is typed
 * in its own state, so typing there re-renders the form only.
 */
const LineRow = memo(function LineRow({
  grid,
  apply,
  announce,
  t,
  unit,
  years,
  projects,
  defaultAddOn,
  onRemove,
  collection,
  id,
  name,
  note,
  editable,
  values,
  removable,
  amount,
  project,
}: LineRowProps) {
  const row = rowKey(collection, id);
  const invalidText = t('budget.invalid');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const closeEditor = useCallback(() => {
    setEditing(false);
    editButton.current?.focus();
  }, []);
  return (
    <>
      <tr data-testid={`line-${id}`}>
        <th scope="row" className="budget-name">
          <NameInput apply={apply} t={t} collection={collection} id={id} name={name} />
          {note && <span className="budget-note">{note}</span>}
        </th>
        {years.map((year, i) =>
          editable ? (
            <AmountCell
              key={year}
              grid={grid}
              row={row}
              collection={collection}
              lineId={id}
              lineName={name}
              year={year}
              value={values[i]}
              unit={unit}
              apply={apply}
              invalidText={invalidText}
            />
          ) : (
            <td
              key={year}
              className="budget-number budget-computed"
              data-testid={`computed-${id}-${year}`}
              data-value={values[i]}
            >
              {showAmount(values[i], unit)}
            </td>
          ),
        )}
        <td className="budget-number budget-row-total">{showAmount(sumKronor(values), unit)}</td>
        <td className="budget-actions">
          {amount && (
            <button
              ref={editButton}
              type="button"
              className="budget-button budget-secondary"
              aria-expanded={editing}
              aria-controls={editing ? formId : undefined}
              aria-label={t('budget.editLine', { name })}
              data-testid={`edit-${id}`}
              onClick={() => setEditing((open) => !open)}
            >
              {t('budget.edit')}
            </button>
          )}
          {removable && (
            <button
              type="button"
              className="budget-button budget-remove"
              data-remove=""
              aria-label={t('budget.removeLine', { name })}
              onClick={(e) => onRemove(collection, id, name, e.currentTarget)}
            >
              {t('budget.remove')}
            </button>
          )}
        </td>
      </tr>
      {editing && amount && (
        <tr className="budget-editor-row">
          <td colSpan={years.length + 3}>
            <CostLineEditor
              formId={formId}
              id={id}
              name={name}
              amount={amount}
              project={project}
              projects={projects}
              defaultAddOn={defaultAddOn}
              unit={unit}
              t={t}
              apply={apply}
              announce={announce}
              onClose={closeEditor}
            />
          </td>
        </tr>
      )}
    </>
  );
}, sameProps);

/** A line's name, saved on Enter or when focus leaves. */
function NameInput({
  apply,
  t,
  collection,
  id,
  name,
}: {
  apply: Apply;
  t: Translate;
  collection: LineCollection;
  id: string;
  name: string;
}) {
  const errorId = useId();
  const draft = useDraft(name, (text) => {
    const next = text.trim();
    if (next === '') return t('budget.nameRequired');
    if (next === name) return null;
    return refusal(apply(renameEdit(collection, id, next)), t('budget.nameRequired'));
  });
  const invalid = draft.error !== null;
  return (
    <>
      <input
        type="text"
        className="budget-name-input"
        autoComplete="off"
        aria-label={t('budget.lineName', { name })}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        {...draft.inputProps}
      />
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {draft.error}
        </span>
      )}
    </>
  );
}

/** Utilization, indexation, PO-påslag, the equity cap and the administration ceiling, in percent. */
function SettingsSection({ plan, apply, t }: { plan: Plan; apply: Apply; t: Translate }) {
  const headingId = useId();
  const fields: { key: string; label: string; value: string; edit(value: string): PlanEdit }[] = [
    {
      key: 'utilization',
      label: t('budget.utilization'),
      value: plan.assumptions.utilization,
      edit: (value) => ({ type: 'set-assumption', key: 'utilization', value }),
    },
    {
      key: 'indexation',
      label: t('budget.indexation'),
      value: plan.assumptions.indexation,
      edit: (value) => ({ type: 'set-assumption', key: 'indexation', value }),
    },
    {
      key: 'employer-add-on',
      label: t('budget.employerAddOn'),
      value: plan.assumptions.employerAddOn,
      edit: (value) => ({ type: 'set-assumption', key: 'employerAddOn', value }),
    },
    {
      key: 'equity-cap',
      label: t('budget.equityCap'),
      value: plan.thresholds.equityCap,
      edit: (value) => ({ type: 'set-threshold', key: 'equityCap', value }),
    },
    {
      key: 'admin-max',
      label: t('budget.adminMax'),
      value: plan.thresholds.adminShare.max,
      edit: (value) => ({ type: 'set-threshold', key: 'adminMax', value }),
    },
  ];
  return (
    <section className="budget-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('budget.settings')}</h3>
      <div className="budget-settings">
        {fields.map((f) => (
          <CommitField
            key={f.key}
            label={f.label}
            shown={percentText(f.value)}
            testId={`setting-${f.key}`}
            save={(text) => {
              const value = readPercent(text);
              if (value === null) return t('budget.invalidPercent');
              if (value === f.value) return null;
              return refusal(apply(f.edit(value)), t('budget.invalidPercent'));
            }}
          />
        ))}
      </div>
    </section>
  );
}

/** A line the add form asks for: an income line has only a name. */
interface NewLine {
  name: string;
  category: CostCategory;
  /** Yearly (typed in the grid afterwards) when not given. */
  amount?: CostAmount;
  project?: string;
}

const NO_PROJECTS: readonly EsfProject[] = [];

/**
 * Adds an income line (name) or a cost line: name, category and the kind of amount (per year,
 * typed in the grid afterwards; a period with its total; or staff terms), optionally its ESF project.
 */
function AddLineForm({
  kind,
  t,
  unit,
  projects = NO_PROJECTS,
  defaultAddOn = '0',
  onAdd,
}: {
  kind: 'income' | 'cost';
  t: Translate;
  unit: Unit;
  projects?: readonly EsfProject[];
  defaultAddOn?: string;
  /** Adds the line; returns null, or the store's issues. */
  onAdd(line: NewLine): readonly Issue[] | null;
}) {
  const nameId = useId();
  const categoryId = useId();
  const typeId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<CostCategory>('individual');
  const [type, setType] = useState<AmountType>('yearly');
  const [project, setProject] = useState('');
  const draft = useAmountDraft(undefined, unit);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checkFocus, setCheckFocus] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (checkFocus > 0) focusFirstInvalid(form.current);
  }, [checkFocus]);
  const refuse = (nameMessage: string | null, fieldMessages: FieldErrors) => {
    setError(nameMessage);
    setErrors(fieldMessages);
    setCheckFocus((n) => n + 1);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = name.trim();
    const read = kind === 'cost' ? draft.read(type) : null;
    const fieldMessages: FieldErrors = {};
    if (read && !read.ok) {
      for (const [field, key] of Object.entries(read.errors)) fieldMessages[field as AmountField] = t(key);
    }
    if (trimmed === '' || (read && !read.ok)) {
      refuse(trimmed === '' ? t('budget.nameRequired') : null, fieldMessages);
      return;
    }
    const issues = onAdd({
      name: trimmed,
      category,
      ...(read?.ok && { amount: read.amount }),
      ...(project !== '' && { project }),
    });
    if (issues) {
      const { fields, other } = refusalByField(issues);
      refuse(other ?? (Object.keys(fields).length > 0 ? null : t('budget.nameRequired')), fields);
      return;
    }
    setError(null);
    setErrors({});
    setName('');
    draft.reset();
  };
  const testId = `add-${kind}`;
  return (
    <form ref={form} className="budget-add" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className="budget-field">
        <label htmlFor={nameId}>{t(kind === 'cost' ? 'budget.newLineName' : 'budget.newIncomeName')}</label>
        <input
          id={nameId}
          type="text"
          autoComplete="off"
          value={name}
          data-testid={`${testId}-name`}
          aria-invalid={error !== null ? 'true' : undefined}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error !== null && (
          <span id={errorId} role="alert" className="budget-error">
            {error}
          </span>
        )}
      </div>
      {kind === 'cost' && (
        <>
          <div className="budget-field">
            <label htmlFor={categoryId}>{t('budget.category')}</label>
            <select
              id={categoryId}
              value={category}
              data-testid={`${testId}-category`}
              onChange={(e) => setCategory(e.target.value as CostCategory)}
            >
              {COST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`budget.category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="budget-field">
            <label htmlFor={typeId}>{t('budget.amountType')}</label>
            <select
              id={typeId}
              value={type}
              data-testid={`${testId}-type`}
              onChange={(e) => setType(e.target.value as AmountType)}
            >
              {AMOUNT_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`budget.type.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <CostAmountFields
            type={type}
            draft={draft}
            errors={errors}
            unit={unit}
            t={t}
            defaultAddOn={defaultAddOn}
            testId={testId}
          />
          {projects.length > 0 && (
            <ProjectSelect
              value={project}
              onChange={setProject}
              projects={projects}
              error={errors.project}
              t={t}
              testId={`${testId}-project`}
            />
          )}
        </>
      )}
      <button type="submit" className="budget-button" data-testid={`${testId}-submit`}>
        {t(kind === 'cost' ? 'budget.addLine' : 'budget.addIncome')}
      </button>
    </form>
  );
}

/**
 * The plan's ESF projects: each one's status (approved, or applied for and left out of the base
 * plan) and removal, and a form that adds a project with its revenue line.
 */
function EsfProjects({
  plan,
  apply,
  announce,
  t,
  onAdd,
}: {
  plan: Plan;
  apply: Apply;
  announce(message: string): void;
  t: Translate;
  /** Adds the project and its revenue line; returns null, or why it could not be added. */
  onAdd(name: string, status: EsfProject['status']): string | null;
}) {
  const headingId = useId();
  const nameId = useId();
  const statusId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<EsfProject['status']>('approved');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = name.trim();
    const message = trimmed === '' ? t('budget.nameRequired') : onAdd(trimmed, status);
    setError(message);
    if (message === null) setName('');
    else nameInput.current?.focus();
  };
  const changeStatus = (project: EsfProject, next: EsfProject['status']) => {
    const result = apply({ type: 'put-esf-project', project: { ...project, status: next } });
    announce(result.ok ? t('budget.esfChanged', { name: project.name }) : (result.errors[0]?.message ?? ''));
  };
  const remove = (project: EsfProject) => {
    const result = apply({ type: 'remove-esf-project', id: project.id });
    if (!result.ok) {
      announce(result.errors[0]?.message ?? t('budget.removeProject', { name: project.name }));
      return;
    }
    announce(t('budget.projectRemoved', { name: project.name }));
    nameInput.current?.focus();
  };
  return (
    <div className="budget-projects">
      <h4 id={headingId}>{t('budget.esfProjects')}</h4>
      {plan.esfProjects.length === 0 ? (
        <p className="budget-help">{t('budget.noProjects')}</p>
      ) : (
        <div className="budget-scroll">
          <table className="budget-table budget-project-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('budget.projectName')}</th>
                <th scope="col">{t('budget.esfStatus')}</th>
                <th scope="col">
                  <span className="budget-visually-hidden">{t('budget.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.esfProjects.map((p) => (
                <tr key={p.id} data-testid={`esf-project-${p.id}`}>
                  <th scope="row" className="budget-name">
                    {p.name}
                  </th>
                  <td>
                    <select
                      aria-label={t('budget.esfStatusFor', { name: p.name })}
                      value={p.status}
                      data-testid={`esf-status-${p.id}`}
                      onChange={(e) => changeStatus(p, e.target.value as EsfProject['status'])}
                    >
                      <option value="approved">{t('budget.status.approved')}</option>
                      <option value="applied">{t('budget.status.applied')}</option>
                    </select>
                  </td>
                  <td className="budget-actions">
                    <button
                      type="button"
                      className="budget-button budget-remove"
                      aria-label={t('budget.removeProject', { name: p.name })}
                      data-testid={`esf-remove-${p.id}`}
                      onClick={() => remove(p)}
                    >
                      {t('budget.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="budget-add" onSubmit={submit} noValidate data-testid="add-esf-form">
        <div className="budget-field">
          <label htmlFor={nameId}>{t('budget.newEsfName')}</label>
          <input
            ref={nameInput}
            id={nameId}
            type="text"
            autoComplete="off"
            value={name}
            data-testid="add-esf-name"
            aria-invalid={error !== null ? 'true' : undefined}
            aria-describedby={error !== null ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error !== null && (
            <span id={errorId} role="alert" className="budget-error">
              {error}
            </span>
          )}
        </div>
        <div className="budget-field">
          <label htmlFor={statusId}>{t('budget.esfStatus')}</label>
          <select
            id={statusId}
            value={status}
            data-testid="add-esf-status"
            onChange={(e) => setStatus(e.target.value as EsfProject['status'])}
          >
            <option value="approved">{t('budget.status.approved')}</option>
            <option value="applied">{t('budget.status.applied')}</option>
          </select>
        </div>
        <button type="submit" className="budget-button" data-testid="add-esf-submit">
          {t('budget.addEsf')}
        </button>
      </form>
    </div>
  );
}

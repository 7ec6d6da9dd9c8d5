import { COST_CATEGORIES, type CostCategory, type CostLine, type EsfProject, type Issue } from '@samplan/engine';
import type { LineCollection, PlanEdit } from '@samplan/plan-store';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { usePlan, useProjections, useSettings, useT } from '../../app/hooks.ts';
import { useSession } from '../../app/SessionContext.ts';
import { type GridPosition, newLineId, sumColumns } from '../../core/budget/gridNavigation.ts';
import { showAmount } from '../../format/amounts.ts';
import { useAmountGrid } from '../../ui/AmountGrid.tsx';
import { AddLineForm, type NewLine } from './AddLineForm.tsx';
import { EsfProjects } from './EsfProjects.tsx';
import { LineGroup } from './LineGroup.tsx';
import type { RowCommon } from './LineRow.tsx';
import { OpeningEquity } from './opening-equity/OpeningEquity.tsx';
import { PlanYears } from './plan-years/PlanYears.tsx';
import { lineIds, lowerFirst, projectedAmounts, type RowModel, rowKey, type Values } from './rowModel.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { SumRow } from './SumRow.tsx';
import '../../ui/budget.css';

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

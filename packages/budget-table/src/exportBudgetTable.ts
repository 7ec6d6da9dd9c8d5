import { compilePlan, formatKronor, type Plan } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { FIXED_COLUMNS } from './readHeader.ts';
import { isCostFigure } from './readStated.ts';
import { createIdMaker } from './slugify.ts';

/**
 * A cell of an exported budget table: text, an amount (a canonical decimal string in kronor), or
 * a share (a decimal fraction) printed as a percentage with `decimals` decimals.
 */
export type TableCell = string | { amount: string } | { share: string; decimals: number };

/** A line of an exported budget table: a `#` comment (its text without the `#`) or a row of cells. */
export type TableLine = { type: 'comment'; text: string } | { type: 'row'; cells: TableCell[] };

/**
 * How `# @lines:` names a line: by its name when that name finds it again (no other line has that
 * name or that id, no `;` in it), else by its id.
 */
function lineNamer(plan: Plan): (id: string) => string {
  const all = [...plan.members, ...plan.revenues, ...plan.costs];
  const ids = new Set(all.map((l) => l.id));
  const count = new Map<string, number>();
  for (const l of all) count.set(l.name, (count.get(l.name) ?? 0) + 1);
  const names = new Map(all.map((l) => [l.id, l.name]));
  return (id) => {
    const name = names.get(id);
    if (name === undefined || /[;\r\n]/.test(name) || name !== name.trim() || count.get(name) !== 1) return id;
    return ids.has(name) && name !== id ? id : name;
  };
}

const percent = (fraction: string): string => `${new Decimal(fraction).times(100).toFixed()} %`;

/**
 * A plan as the lines of a budget table, amounts in kr: what both the CSV (`exportBudgetTable`)
 * and a workbook's budget sheet are written from. Settings and what the table has no column for
 * (stable ids, requisitioning members, populations, per-line utilization, staff terms) are `#`
 * directive comments, which other readers skip. Scenarios are not part of a budget table.
 */
export function budgetTableLines(plan: Plan): TableLine[] {
  const out: TableLine[] = [];
  const years = plan.years;
  const nextId = createIdMaker();
  const comment = (text: string): TableLine => ({ type: 'comment', text });
  const directives = (id: string, name: string, extra: string[] = []) => {
    const lines = [...extra];
    const wouldBe = nextId(name, undefined);
    if (wouldBe !== id) lines.unshift(`@id: ${id}`);
    return lines.map(comment);
  };
  const row = (cells: TableCell[]) => out.push({ type: 'row', cells });
  const amount = (value: string | undefined): TableCell => (value === undefined ? '' : { amount: value });
  const yearCells = (amounts: Record<string, string> | undefined) => years.map((y) => amount(amounts?.[String(y)]));

  out.push(
    ...[
      `plan: ${plan.name}`,
      'unit: kr',
      `utilization: ${percent(plan.assumptions.utilization)}`,
      `indexation: ${percent(plan.assumptions.indexation)}`,
      `employer-add-on: ${percent(plan.assumptions.employerAddOn)}`,
      `equity-cap: ${percent(plan.thresholds.equityCap)}`,
      `admin-share: ${percent(plan.thresholds.adminShare.min)} – ${percent(plan.thresholds.adminShare.max)}`,
    ].map(comment),
  );
  row([...FIXED_COLUMNS, ...years.map(String)]);

  for (const m of plan.members) {
    out.push(...directives(m.id, m.name, m.population !== undefined ? [`@population: ${m.population}`] : []));
    // Amounts given but none filled in: a 0 keeps the row from being read as a derived member.
    const amounts = m.amounts && Object.keys(m.amounts).length === 0 ? { [String(years[0])]: '0' } : m.amounts;
    row(['member', m.name, m.group, '', '', '', '', ...yearCells(amounts)]);
  }
  const projectName = new Map(plan.esfProjects.map((p) => [p.id, p]));
  const projectsSeen = new Set<string>();
  // A project without revenue lines is declared by an esf row without a name or amounts.
  for (const p of plan.esfProjects) {
    if (plan.revenues.some((r) => r.project === p.id)) continue;
    projectsSeen.add(p.id);
    if (nextId(p.name) !== p.id) out.push(comment(`@project-id: ${p.id}`));
    row(['esf', '', p.status === 'applied' ? 'applied' : '', p.name, '', '', '', ...years.map(() => '')]);
  }
  for (const r of plan.revenues) {
    const p = r.project === undefined ? undefined : projectName.get(r.project);
    if (p && !projectsSeen.has(p.id)) {
      projectsSeen.add(p.id);
      if (nextId(p.name) !== p.id) out.push(comment(`@project-id: ${p.id}`));
    }
    out.push(...directives(r.id, r.name));
    row([
      r.kind,
      r.name,
      r.kind === 'esf' && p?.status === 'applied' ? 'applied' : '',
      p?.name ?? '',
      '',
      '',
      '',
      ...yearCells(r.amounts),
    ]);
  }
  // No equity row when the document states no opening equity (the plan has none).
  if (plan.openingEquity !== undefined)
    row([
      'equity',
      'Ingående eget kapital',
      '',
      '',
      '',
      '',
      '',
      amount(plan.openingEquity),
      ...years.slice(1).map(() => ''),
    ]);

  const compiled = compilePlan(plan);
  // A requisitioning member by its name when that finds it again (unique, not another member's id), else its id.
  const memberRef = (id: string): string => {
    const name = plan.members.find((m) => m.id === id)?.name;
    const unique = name !== undefined && plan.members.filter((m) => m.name === name).length === 1;
    return unique && !plan.members.some((m) => m.id === name && m.id !== id) ? (name as string) : id;
  };
  plan.costs.forEach((c, i) => {
    const extra: string[] = [];
    if (c.member !== undefined) extra.push(`@member: ${memberRef(c.member)}`);
    if (c.utilization !== undefined) extra.push(`@utilization: ${percent(c.utilization)}`);
    const a = c.amount;
    let start = '';
    let end = '';
    let total: TableCell = '';
    let amounts: TableCell[] = years.map(() => '');
    if (a.type === 'yearly') {
      start = a.start ?? '';
      end = a.end ?? '';
      amounts = yearCells(a.amounts);
    } else if (a.type === 'period') {
      ({ start, end } = a);
      total = amount(a.total);
    } else {
      start = a.start ?? '';
      end = a.end ?? '';
      const terms = [`fte=${a.fte}`, `salary=${a.monthlySalary}`];
      if (a.salaryYear !== undefined) terms.push(`year=${a.salaryYear}`);
      if (a.employerAddOn !== undefined) terms.push(`add-on=${a.employerAddOn}`);
      terms.push(`indexed=${a.indexed ? 'yes' : 'no'}`);
      extra.push(`@staff: ${terms.join(' ')}`);
      amounts = (compiled.costs[i]?.amounts ?? []).map((x) => amount(formatKronor(x)));
    }
    out.push(...directives(c.id, c.name, extra));
    const project = c.project === undefined ? '' : (projectName.get(c.project)?.name ?? '');
    row(['cost', c.name, c.category, project, start, end, total, ...amounts]);
  });

  // One row per stated figure series: same label, figure, ESF assumption, precision, lines, sign and quote.
  const lineNames = lineNamer(plan);
  const series = new Map<string, Plan['stated']>();
  for (const s of plan.stated) {
    const key = JSON.stringify([
      s.label,
      s.figure,
      s.when ?? null,
      s.precision ?? null,
      s.lines ?? null,
      s.sign ?? null,
      s.source?.quote ?? null,
    ]);
    const list = series.get(key) ?? [];
    if (list.some((x) => x.year === s.year)) series.set(`${key}#${s.year}`, [s]);
    else series.set(key, [...list, s]);
  }
  const costIds = new Set(plan.costs.map((c) => c.id));
  for (const list of series.values()) {
    const first = list[0] as Plan['stated'][number];
    const share = first.figure.startsWith('share-');
    const cells = years.map((y): TableCell => {
      const s = list.find((x) => x.year === y);
      if (!s) return '';
      if (!share) return { amount: s.value };
      const decimals = s.precision ? Math.max(0, new Decimal(s.precision).times(100).decimalPlaces()) : 4;
      return { share: s.value, decimals };
    });
    if (first.source?.quote) out.push(comment(`quote: ${first.source.quote.replace(/\s+/g, ' ').trim()}`));
    if (first.lines) out.push(comment(`@lines: ${first.lines.map(lineNames).join('; ')}`));
    if (first.precision && !share) out.push(comment(`@precision: ${first.precision}`));
    // The importer gives a cost figure printed negative the sign 'negative' by itself; say so only otherwise.
    const costFigure =
      isCostFigure(first.figure) ||
      (first.figure === 'lines' && (first.lines?.length ?? 0) > 0 && first.lines?.every((id) => costIds.has(id)));
    const derived = (v: string) =>
      costFigure && new Decimal(v).isNegative() && !new Decimal(v).isZero() ? 'negative' : undefined;
    if (!share && list.some((s) => derived(s.value) !== s.sign)) out.push(comment(`@sign: ${first.sign ?? 'normal'}`));
    const project = first.when
      ? `${first.when.runs ? '' : '!'}${projectName.get(first.when.project)?.name ?? first.when.project}`
      : '';
    row(['stated', first.label || first.figure, first.figure, project, '', '', '', ...cells]);
  }
  return out;
}

/** A cell's text as a budget table prints it: amounts as they are, shares as `9.20 %`. */
export function tableCellText(cell: TableCell): string {
  if (typeof cell === 'string') return cell;
  if ('amount' in cell) return cell.amount;
  return `${new Decimal(cell.share).times(100).toFixed(cell.decimals)} %`;
}

const quote = (text: string): string => (/[",;\n\r#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Writes a plan as a budget table (`,`-separated, amounts in kr) that `importBudgetTable` reads
 * back to the same projection (see `budgetTableLines`).
 */
export function exportBudgetTable(plan: Plan): string {
  const text = budgetTableLines(plan).map((line) => {
    if (line.type === 'row') return line.cells.map((c) => quote(tableCellText(c))).join(',');
    // A `#` line that ends with the separator is quoted, or the importer would take it for padding.
    const comment = `# ${line.text}`;
    return /,\s*$/.test(comment) ? `"${comment.replace(/"/g, '""')}"` : comment;
  });
  return `${text.join('\n')}\n`;
}

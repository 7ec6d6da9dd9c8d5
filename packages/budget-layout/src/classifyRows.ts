import type { CostCategory } from '@samplan/engine';
import type { LayoutHeader } from './findHeader.ts';
import {
  CLOSING_EQUITY,
  categoryClue,
  conditionClue,
  ESF,
  INCOME,
  MEMBER_TOTAL,
  memberClue,
  OPENING_EQUITY,
  PROJECT_MONEY,
  projectNameOf,
  RESULT,
  SECTION_COSTS,
  SECTION_REVENUE,
  TOTAL,
  totalFigureClue,
  wholeWords,
} from './labelClues.ts';
import { cellText, displayLabel, type LayoutRow, labelKeys } from './layoutGrid.ts';
import { readGridCell, readYearCell } from './readLayoutCell.ts';
import { looksLikeShare, readRowValues, toKronor } from './readRowValues.ts';
import type { Reason } from './reason.ts';
import type { Section, WorkRow } from './workRow.ts';

const sectionOf = (label: string): 'revenue' | 'costs' | null =>
  SECTION_COSTS.test(label) ? 'costs' : SECTION_REVENUE.test(label) ? 'revenue' : null;

const isNote = (label: string) =>
  label.length > 70 || /^(?:[\u00b9\u00b2\u00b3\u2070-\u2079*]|[a-zåäö]\)\s|\d+\.?$)/u.test(label);

/** A heading's name without the share printed after it: "Individinriktade insatser 88,2 % av …" → "Individinriktade insatser". */
const headingName = (label: string) =>
  displayLabel(label)
    .replace(/\s*-?\d+(?:[.,]\d+)?\s*%.*$/u, '')
    .trim();

/** A heading repeating the header's years ("Kostnader tkr 2023 2024 2025"). */
function repeatsYears(row: LayoutRow, header: LayoutHeader): boolean {
  let same = 0;
  header.yearColumns.forEach((column, i) => {
    if (readYearCell(cellText(row, column))?.year === header.years[i]) same++;
  });
  return same > 0 && same * 2 >= header.years.length;
}

/**
 * First pass: each non-blank row's kind from its place (above the header, in the revenue or the
 * cost section, under which heading) and its label; lines get their role, totals and results
 * are settled by `classifyTotals` from the arithmetic.
 */
export function classifyRows(rows: readonly LayoutRow[], header: LayoutHeader, unitScale: number): WorkRow[] {
  const present = rows.filter((r) => r.cells.size > 0);
  const keys = labelKeys(present.map((r) => cellText(r, header.labelColumn)));
  const out: WorkRow[] = [];
  let section: Section = 'before';
  let implicit = false;
  // Why the costs are assumed to start where they do, when no heading says so.
  let implicitWhy: Reason = { code: 'costs-after-revenue-total' };
  let group = 0;
  let heading: WorkRow['heading'];
  let titled = false;
  let seenMembers = false;

  const step = (row: LayoutRow, i: number) => {
    const label = cellText(row, header.labelColumn);
    const condition = conditionClue(label) ?? undefined;
    // The label without its ESF condition: "TOTALT (Totalt om ESF MIA)" is a total, not ESF money.
    const core = condition ? label.replace(condition.words, ' ').trim() : label;
    const labelOnly = [...row.cells.keys()].every((c) => c === header.labelColumn);
    const share = row.index > header.index && looksLikeShare(row, header) && !(labelOnly && isNote(label));
    const values = readRowValues(row, header, {
      alternative: condition !== undefined && condition.project !== '',
      share,
    });
    const amounts = values.map((v) => (v.plain ? toKronor(v.plain, unitScale).value : null));
    const precisions = values.map((v) => (v.plain ? toKronor(v.plain, unitScale).precision : null));
    const w: WorkRow = {
      row,
      key: keys[i] as string,
      label,
      section,
      group,
      values,
      amounts,
      precisions,
      kind: 'unknown',
      role: { kind: 'unknown' },
      confidence: 'unknown',
      why: [],
      ...(condition ? { condition } : {}),
    };
    out.push(w);
    const set = (kind: WorkRow['kind'], role: WorkRow['role'], confidence: WorkRow['confidence'], ...why: Reason[]) => {
      w.kind = kind;
      w.role = role;
      w.confidence = confidence;
      w.why.push(...why);
    };
    const hasNumbers = values.some((v) => v.plain || v.alt);
    const text = values.find((v) => v.text !== undefined);

    if (row.index < header.index) {
      if (!titled && label !== '' && !isNote(label)) {
        titled = true;
        return set('title', { kind: 'title' }, 'sure', { code: 'title-above-header' });
      }
      return set('ignore', { kind: 'ignore' }, 'sure', { code: 'note-above-header' });
    }
    if (row.index === header.index || repeatsYears(row, header)) {
      const s = sectionOf(label);
      if (s) {
        section = s;
        implicit = false;
      } else if (section === 'before') {
        section = 'revenue';
        implicit = true;
      }
      group++;
      heading = undefined;
      w.section = section;
      return set(
        'heading',
        { kind: 'heading', ...(s ? { section: s } : {}) },
        'sure',
        { code: 'header-row', first: header.years[0] as number, last: header.years[header.years.length - 1] as number },
        ...(s ? [{ code: 'section-in-header' as const, label, section: s }] : []),
      );
    }
    const s = hasNumbers ? null : sectionOf(label);
    if (s) {
      section = s;
      implicit = false;
      group++;
      heading = undefined;
      w.section = section;
      return set('heading', { kind: 'heading', section: s }, 'sure', { code: 'section-heading', label, section: s });
    }

    if (share) {
      const category = categoryClue(label);
      if (section === 'costs' && category?.strong) {
        group++;
        heading = { label: headingName(label), category: category.value };
      }
      return shareRow(w, section, set);
    }
    if (text && !hasNumbers) {
      return set('unknown', { kind: 'unknown' }, 'unknown', {
        code: 'not-an-amount',
        text: text.text as string,
        year: text.year,
      });
    }
    if (!hasNumbers) {
      const outside = [...row.cells.entries()].some(
        ([c, cell]) =>
          c !== header.labelColumn && !header.yearColumns.includes(c) && readGridCell(cell).type === 'number',
      );
      if (outside) return set('ignore', { kind: 'ignore' }, 'sure', { code: 'amounts-outside-years' });
      if (label === '') return set('ignore', { kind: 'ignore' }, 'sure', { code: 'empty-row' });
      if (isNote(label)) return set('ignore', { kind: 'ignore' }, 'sure', { code: 'note-without-amounts' });
      if (section === 'costs') {
        const category = categoryClue(label);
        group++;
        heading = { label: headingName(label), ...(category ? { category: category.value } : {}) };
        if (category)
          return set('heading', { kind: 'heading', category: category.value }, category.strong ? 'sure' : 'guess', {
            code: 'category-heading',
            label,
            category: category.value,
          });
        return set('heading', { kind: 'heading' }, 'guess', { code: 'heading-without-amounts' });
      }
      const member = section === 'revenue' ? memberClue(label) : null;
      if (member && member.value !== 'state')
        return set(
          'line',
          { kind: 'member', group: member.value },
          'guess',
          { code: 'label-clue', clue: member.words, role: { kind: 'member', group: member.value } },
          { code: 'derived-by-matching' },
        );
      group++;
      return set('heading', { kind: 'heading' }, 'guess', { code: 'heading-without-amounts' });
    }
    if (text) {
      return set('unknown', { kind: 'unknown' }, 'unknown', {
        code: 'not-an-amount',
        text: text.text as string,
        year: text.year,
      });
    }
    if (label === '') return set('unknown', { kind: 'unknown' }, 'unknown', { code: 'amounts-without-label' });

    if (TOTAL.test(core)) {
      w.kind = 'total';
      w.confidence = 'guess';
      const clue = section === 'revenue' ? totalFigureClue(core, 'revenue') : null;
      group++;
      if (section === 'revenue' && (clue?.value === 'revenue' || clue?.value === 'revenue-with-equity')) {
        section = 'costs';
        implicit = true;
        implicitWhy = { code: 'costs-after-revenue-total' };
      }
      return;
    }
    if (section === 'revenue' && implicit) {
      // No "Intäkter" heading: a row that names a cost category (Kansli, Utrymme…) and no revenue starts the costs.
      const cost = categoryClue(core);
      const revenueClue =
        OPENING_EQUITY.test(core) ||
        memberClue(core) ||
        MEMBER_TOTAL.test(core) ||
        ESF.test(label) ||
        INCOME.test(core);
      if (cost?.strong && !revenueClue) {
        section = 'costs';
        implicitWhy = { code: 'costs-start-at', label: displayLabel(label) };
      }
      w.section = section;
    }
    if (section === 'revenue') {
      if (OPENING_EQUITY.test(core)) {
        const m = OPENING_EQUITY.exec(core);
        return set('line', { kind: 'opening-equity' }, 'sure', {
          code: 'equity-among-revenue',
          clue: m ? wholeWords(core, m.index, m.index + m[0].length) : core,
        });
      }
      const member = memberClue(core);
      if (member) {
        seenMembers = true;
        return set('line', { kind: 'member', group: member.value }, 'sure', {
          code: 'label-clue',
          clue: member.words,
          role: { kind: 'member', group: member.value },
        });
      }
      const total = MEMBER_TOTAL.exec(core);
      if (total && seenMembers) {
        w.kind = 'total';
        w.confidence = 'guess';
        group++;
        return;
      }
      if (total)
        return set('line', { kind: 'member-total' }, 'guess', {
          code: 'member-total',
          clue: wholeWords(core, total.index, total.index + total[0].length),
        });
      const esf = ESF.exec(label) ?? PROJECT_MONEY.exec(core);
      if (esf) {
        const project = projectNameOf(label);
        const applied = condition?.applied ?? false;
        return set(
          'line',
          { kind: 'esf', project, status: applied ? 'applied' : 'approved' },
          ESF.test(label) ? 'sure' : 'guess',
          {
            code: 'label-clue',
            clue: wholeWords(esf.input, esf.index, esf.index + esf[0].length),
            role: { kind: 'esf', project },
          },
          ...(applied && condition ? [{ code: 'esf-applied' as const, condition: condition.words }] : []),
        );
      }
      const income = INCOME.exec(core);
      if (income) {
        const words = wholeWords(core, income.index, income.index + income[0].length);
        return set('line', { kind: 'income' }, /övrig|intäkt/i.test(words) ? 'sure' : 'guess', {
          code: 'label-clue',
          clue: words,
          role: { kind: 'income' },
        });
      }
      return set('line', { kind: 'income' }, 'guess', { code: 'income-by-section' });
    }
    if (/ingående (eget kapital|balans)/i.test(core))
      return set('line', { kind: 'opening-equity' }, 'sure', { code: 'opening-equity-label', clue: core });
    if (RESULT.test(core) || CLOSING_EQUITY.test(core)) {
      w.kind = 'result';
      w.confidence = 'guess';
      return;
    }
    // A cost line.
    const category = categoryClue(core);
    const where: Reason = implicit ? implicitWhy : { code: 'costs-under-heading' };
    w.kind = 'line';
    if (heading) w.heading = heading;
    let chosen: CostCategory;
    if (category?.value === 'unallocated') {
      chosen = 'unallocated';
      w.categoryFrom = 'unallocated';
      w.why.push(where, { code: 'label-clue', clue: category.words, role: { kind: 'cost', category: 'unallocated' } });
    } else if (heading?.category) {
      chosen = heading.category;
      w.categoryFrom = 'heading';
      w.why.push({ code: 'under-heading', heading: heading.label, category: chosen });
    } else if (category) {
      chosen = category.value;
      w.categoryFrom = 'keyword';
      w.why.push(where, { code: 'label-clue', clue: category.words, role: { kind: 'cost', category: chosen } });
    } else {
      chosen = 'individual';
      w.categoryFrom = 'default';
      w.why.push(where, { code: 'category-default' });
    }
    w.role = { kind: 'cost', category: chosen };
    w.confidence =
      w.categoryFrom === 'heading' || w.categoryFrom === 'unallocated' || category?.strong
        ? implicit
          ? 'guess'
          : 'sure'
        : 'guess';
  };
  for (const [i, row] of present.entries()) step(row, i);
  return out;
}

/** A row of percentages: a share of the costs for a category, or a member's share. */
function shareRow(
  w: WorkRow,
  section: Section,
  set: (kind: WorkRow['kind'], role: WorkRow['role'], confidence: WorkRow['confidence'], why: Reason) => void,
): void {
  const years = w.values.filter((v) => v.plain).map((v) => v.year);
  const member = memberClue(w.label);
  if (member && /andel|%/i.test(w.label) && (section === 'revenue' || /medlem/i.test(w.label))) {
    const figure = `share-member-${member.value}` as const;
    set('share', { kind: 'stated', figure }, 'guess', {
      code: 'member-share',
      clue: member.words,
      group: member.value,
    });
    return;
  }
  const category = categoryClue(w.label);
  if (category && section === 'costs' && years.length > 0) {
    set('share', { kind: 'stated', figure: `share-${category.value}` }, category.strong ? 'sure' : 'guess', {
      code: 'category-share',
      clue: category.words,
      years,
      category: category.value,
    });
    return;
  }
  set('ignore', { kind: 'ignore' }, 'guess', { code: 'share-without-base' });
}

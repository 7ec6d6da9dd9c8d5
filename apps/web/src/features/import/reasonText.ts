import type { Ambiguity, ClueRole, LayoutIssue, Reason, SummedRows, UnitCell } from '@samplan/budget-layout';
import { assertNever, type StatedFigure } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "2024", "2024 och 2025", "2023, 2024 och 2025" in the reader's language. */
export function listText(items: readonly (string | number)[], t: Translate): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join('');
  return `${s.slice(0, -1).join(', ')} ${t('import.reason.and')} ${s[s.length - 1]}`;
}

const figureName = (figure: StatedFigure, t: Translate) => t(`import.figure.${figure}`);
const where = (line: number, column: number, t: Translate) => t('import.reason.where', { line, column });
const yearsText = (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`);

function roleText(role: ClueRole, t: Translate): string {
  switch (role.kind) {
    case 'member':
      return t(`import.reason.member.${role.group}`);
    case 'esf':
      return t('import.reason.esfProject', { project: role.project });
    case 'income':
      return t('import.reason.income');
    case 'cost':
      return t(`import.reason.category.${role.category}`);
    default:
      return assertNever(role, 'clue role');
  }
}

function rowsText(rows: SummedRows, count: number, t: Translate): string {
  switch (rows.kind) {
    case 'above':
      return count === 1 ? t('import.reason.rows.aboveOne') : t('import.reason.rows.above', { count });
    case 'category':
      return t('import.reason.rows.category', { category: t(`import.reason.category.${rows.category}`) });
    case 'revenue':
    case 'revenue-and-equity':
    case 'members':
    case 'esf':
    case 'other-income':
    case 'costs':
    case 'costs-except-administration':
      return t(`import.reason.rows.${rows.kind}`);
    default:
      return assertNever(rows, 'summed rows');
  }
}

const unitCellText = (c: UnitCell, t: Translate) =>
  t('import.reason.unitCell', { unit: c.unit, text: c.text, where: where(c.line, c.column, t) });

/** Why `1.050` is no amount, with both readings in sv-SE form. */
function ambiguityText(a: Ambiguity, t: Translate): string {
  return t('import.reason.ambiguity', {
    text: a.text,
    thousands: `${a.whole}\u00a0${a.fraction}`,
    decimal: a.decimal,
    plain: `${a.whole}${a.fraction}`,
    separator: t(a.separator === '.' ? 'import.reason.separator.point' : 'import.reason.separator.comma'),
  });
}

const except = (matched: readonly number[], missed: readonly number[], t: Translate, audit: boolean) =>
  missed.length
    ? t(audit ? 'import.reason.exceptAudit' : 'import.reason.except', {
        matched: listText(matched, t),
        missed: listText(missed, t),
      })
    : '';

/**
 * One reason of the layout import (why a row got its role, a note about the sheet, a refusal) in
 * the reader's language: the package's code and parameters, said with the workspace's words.
 */
export function reasonText(r: Reason, t: Translate): string {
  switch (r.code) {
    case 'title-above-header':
    case 'note-above-header':
    case 'heading-without-amounts':
    case 'note-without-amounts':
    case 'empty-row':
    case 'amounts-outside-years':
    case 'amounts-without-label':
    case 'derived-by-matching':
    case 'income-by-section':
    case 'costs-under-heading':
    case 'costs-after-revenue-total':
    case 'category-default':
    case 'share-without-base':
    case 'printed-negative':
    case 'no-clue':
    case 'unit-missing':
    case 'costs-printed-negative':
    case 'no-year-header':
    case 'unknown-unit':
      return t(`import.reason.${r.code}`);
    case 'header-row':
      return t('import.reason.header-row', { years: yearsText(r.first, r.last) });
    case 'section-in-header':
    case 'section-heading':
      return t(`import.reason.${r.code}`, { label: r.label, section: t(`import.reason.section.${r.section}`) });
    case 'category-heading':
      return t('import.reason.category-heading', {
        label: r.label,
        category: t(`import.reason.category.${r.category}`),
      });
    case 'not-an-amount':
      return t('import.reason.not-an-amount', { text: r.text, year: r.year });
    case 'label-clue':
      return t('import.reason.label-clue', { clue: r.clue, role: roleText(r.role, t) });
    case 'equity-among-revenue':
    case 'opening-equity-label':
    case 'member-total':
      return t(`import.reason.${r.code}`, { clue: r.clue });
    case 'esf-applied':
      return t('import.reason.esf-applied', { condition: r.condition });
    case 'costs-start-at':
      return t('import.reason.costs-start-at', { label: r.label });
    case 'under-heading':
      return t('import.reason.under-heading', {
        heading: r.heading,
        category: t(`import.reason.category.${r.category}`),
      });
    case 'subtotal-category':
      return t('import.reason.subtotal-category', {
        label: r.label,
        category: t(`import.reason.category.${r.category}`),
      });
    case 'member-share':
      return t('import.reason.member-share', { clue: r.clue, figure: figureName(`share-member-${r.group}`, t) });
    case 'category-share':
      return t('import.reason.category-share', {
        clue: r.clue,
        years: listText(r.years, t),
        category: t(`import.reason.category.${r.category}`),
      });
    case 'total-unexplained':
      return t('import.reason.total-unexplained', { word: r.word });
    case 'total-named':
      return t('import.reason.total-named', { clue: r.clue, figure: figureName(r.figure, t) });
    case 'total-sums':
      return t('import.reason.total-sums', {
        word: r.word,
        rows: rowsText(r.rows, r.count, t),
        except: except(r.matched, r.missed, t, true),
        figure: figureName(r.figure, t),
      });
    case 'result-unexplained':
      return t('import.reason.result-unexplained', { label: r.label });
    case 'result-named':
      return t('import.reason.result-named', { clue: r.clue, figure: figureName(r.figure, t) });
    case 'result-formula':
      return t('import.reason.result-formula', {
        clue: r.clue,
        formula: t(`import.reason.formula.${r.figure}`),
        except: except(r.matched, r.missed, t, false),
        figure: figureName(r.figure, t),
      });
    case 'alternative-figures':
    case 'alternative-unknown-project':
      return t(`import.reason.${r.code}`, { condition: r.condition, project: r.project });
    case 'cost-of-project':
      return t('import.reason.cost-of-project', { project: r.project });
    case 'requisitioning-member':
      return t('import.reason.requisitioning-member', { member: r.member });
    case 'unit-given':
      return t('import.reason.unit-given', { unit: r.unit });
    case 'unit-from-sheet':
      return t('import.reason.unit-from-sheet', { text: r.text, where: where(r.line, r.column, t), unit: r.unit });
    case 'unit-conflict':
      return t('import.reason.unit-conflict', {
        cells: listText(
          r.cells.map((c) => unitCellText(c, t)),
          t,
        ),
      });
    case 'unit-contradicted':
      return t('import.reason.unit-contradicted', {
        given: r.given,
        unit: r.unit,
        text: r.text,
        where: where(r.line, r.column, t),
      });
    case 'column-before-plan':
      return t('import.reason.column-before-plan', { text: r.text });
    case 'column-outside-years':
      return t('import.reason.column-outside-years', { text: r.text, first: r.first, last: r.last });
    case 'header-moved':
      return t('import.reason.header-moved', { line: r.line, mapped: r.mapped });
    case 'mapped-row-missing':
    case 'member-total-split':
    case 'unclassified-row':
    case 'state-without-amounts':
      return t(`import.reason.${r.code}`, { label: r.label });
    case 'no-mapped-year-header':
      return t('import.reason.no-mapped-year-header', {
        columns: r.columns.join(', '),
        text: r.text === undefined ? '' : `: ${t('import.reason.quoted', { text: r.text })}`,
      });
    case 'amount-precision':
      return t('import.reason.amount-precision', { text: r.text });
    case 'invalid-amount':
      return t('import.reason.invalid-amount', {
        text: r.text,
        label: r.label,
        year: r.year,
        why: r.ambiguity ? `: ${ambiguityText(r.ambiguity, t)}` : '',
      });
    case 'unknown-member':
      return t('import.reason.unknown-member', { label: r.label, member: r.member });
    case 'unknown-project':
      return t('import.reason.unknown-project', { label: r.label, project: r.project });
    case 'unknown-line':
      return t('import.reason.unknown-line', {
        label: r.label,
        keys: r.keys.map((text) => t('import.reason.quoted', { text })).join(', '),
      });
    case 'bad-mapping':
      return t('import.reason.bad-mapping', { at: r.path ? `${r.path}: ` : '', detail: r.detail });
    case 'duplicate-key':
      return t('import.reason.duplicate-key', { at: r.path ? `${r.path}: ` : '', key: r.key });
    default:
      return assertNever(r, 'reason');
  }
}

/** A row's reasons as one explanation, parts joined with "; ". */
export const reasonsText = (reasons: readonly Reason[], t: Translate): string =>
  reasons.map((r) => reasonText(r, t)).join('; ');

/**
 * What a refusal says in the reader's language: the layout importer's reason when it gives one,
 * else the reading package's own (Swedish) message.
 */
export const issueText = (issue: LayoutIssue, t: Translate): string =>
  issue.reason ? reasonText(issue.reason, t) : issue.message;

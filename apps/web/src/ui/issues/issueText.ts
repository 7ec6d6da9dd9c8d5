import type { ReadNote } from '@samplan/budget-table';
import { type Issue, type StatedFigure, StatedFigureSchema } from '@samplan/engine';
import { showAmount } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { issueSv } from './issueMessages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type Params = NonNullable<Issue['params']>;
type IssueKey = keyof typeof issueSv;

/** What `issueText` reads of an issue: its code, Swedish message, params and JSON path. */
export type IssueLike = Pick<Issue, 'code' | 'message' | 'params' | 'path'>;

const isIssueKey = (key: string): key is IssueKey => Object.hasOwn(issueSv, key);
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
const FIGURES: ReadonlySet<string> = new Set(StatedFigureSchema.options);

/** The first of the keys that has a text: a variant's own (`issue.bad-group.cost`), else the code's. */
const firstKey = (...keys: string[]): IssueKey | null => keys.find(isIssueKey) ?? null;

/** The text of `key` in the reader's language, or null when `values` lack one of its placeholders. */
function filled(key: IssueKey, values: Params, t: Translate): string | null {
  return placeholders(issueSv[key]).every((name) => values[name] !== undefined) ? t(key, values) : null;
}

/** A stated figure as the audit names it: its row label, else the figure's name. */
function figureName(p: Params, t: Translate): string | null {
  if (typeof p.label === 'string' && p.label !== '') return p.label;
  return typeof p.figure === 'string' && FIGURES.has(p.figure) ? t(`import.figure.${p.figure as StatedFigure}`) : null;
}

/** Why the audit could not check a stated figure, with the audit view's own words. */
function auditWhy(code: string, p: Params, t: Translate): string | null {
  const has = (...names: string[]) => names.every((n) => p[n] !== undefined);
  switch (code) {
    case 'audit-invalid-value':
      if (!has('value', 'figure')) return null;
      return String(p.figure).startsWith('share-')
        ? t('audit.error.audit-invalid-value.share', { value: p.value as string })
        : t('audit.error.audit-invalid-value', { value: p.value as string });
    case 'audit-invalid-precision':
      return has('precision') ? t('audit.error.audit-invalid-precision', { precision: p.precision as string }) : null;
    case 'audit-year-outside-plan':
      return has('year', 'years') ? t('audit.error.audit-year-outside-plan', p) : null;
    case 'audit-unknown-project':
      return has('project') ? t('audit.error.audit-unknown-project', p) : null;
    case 'audit-unknown-line':
      return has('line') ? t('audit.error.audit-unknown-line', p) : null;
    case 'audit-lines-missing':
    case 'audit-mixed-lines':
    case 'audit-lines-not-allowed':
      return t(`audit.error.${code}`);
    case 'audit-no-base':
      return p.base === 'members' || p.base === 'revenue' || p.base === 'costs'
        ? t(`audit.error.audit-no-base.${p.base}`)
        : null;
    default:
      return null;
  }
}

/** An audit error (`audit-…` of `auditPlan`): "Summa kostnader 2025: …", or null without its params. */
function auditText(issue: IssueLike, p: Params, t: Translate): string | null {
  const why = auditWhy(issue.code, p, t);
  const figure = figureName(p, t);
  if (why === null || figure === null || p.year === undefined) return null;
  return t('audit.errorEntryNoWhere', { figure, year: p.year, why });
}

/** A schema issue (`schema-…`, zod's issue kinds): where in the plan, and what zod expected. */
function schemaText(issue: IssueLike, p: Params, t: Translate): string | null {
  const path = issue.path?.length ? issue.path.join('.') : t('issue.path.root');
  const variant = p.origin === 'number' && p.inclusive === 'false' ? 'number-exclusive' : String(p.origin ?? '');
  const key = firstKey(`issue.${issue.code}.${variant}`, `issue.${issue.code}`);
  return key ? filled(key, { ...p, path, message: issue.message }, t) : null;
}

/** A refusal of the budget table or workbook readers: its code's text (or its variant's) with its params. */
function readerText(issue: IssueLike, p: Params, t: Translate): string | null {
  const values: Params = { ...p };
  let variant = p.variant ?? p.kind;
  if (issue.code === 'ambiguous-amount' && p.whole !== undefined && p.fraction !== undefined) {
    values.thousands = `${p.whole}\u00a0${p.fraction}`;
    values.plain = `${p.whole}${p.fraction}`;
    values.separator = t(p.separator === ',' ? 'issue.separator.comma' : 'issue.separator.point');
  }
  if (issue.code === 'missing-unit') {
    if (typeof p.kr === 'string' && typeof p.tkr === 'string') {
      values.kr = showAmount(p.kr, 'kr');
      values.tkr = showAmount(p.tkr, 'kr');
    } else variant = 'plain';
  }
  const key = firstKey(`issue.${issue.code}.${variant}`, `issue.${issue.code}`);
  return key ? filled(key, values, t) : null;
}

/**
 * An issue of the engine or a budget file's readers in the reader's language, from its `code` and
 * `params`: the budget table's and workbook's refusals, the audit's errors, the plan schema's
 * issue kinds. An issue without params, or with a code (or params) this does not know, is said
 * by its own (Swedish) message.
 */
export function issueText(issue: IssueLike, t: Translate): string {
  const p = issue.params;
  if (!p) return issue.message;
  const text = issue.code.startsWith('audit-')
    ? auditText(issue, p, t)
    : issue.code.startsWith('schema-')
      ? schemaText(issue, p, t)
      : readerText(issue, p, t);
  return text ?? issue.message;
}

/** A reader's note (Windows-1252 read, float noise rounded, …) in the reader's language; else its Swedish sentence. */
export function noteText(note: Pick<ReadNote, 'code' | 'message' | 'params'>, t: Translate): string {
  const key = firstKey(`issue.note.${note.code}`);
  return (key && filled(key, note.params, t)) ?? note.message;
}

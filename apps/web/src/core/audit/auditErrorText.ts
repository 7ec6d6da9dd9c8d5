import type { Issue, Plan, Stated } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';
import { figureLabel } from './auditEntryText.ts';
import { auditSourceText } from './auditSource.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A stated figure the audit could not check, said in the reader's language. */
export interface AuditErrorText {
  /** "Summa kostnader 2025 (budget.xlsx, blad Budget, rad 16): noggrannheten ”x” är inget positivt tal". */
  text: string;
  /** The sentence of the document the figure was read from, shown as a quote. */
  quote: string | null;
}

/**
 * The stated figure an audit error is about (its path is `['stated', i, …]`), when the plan on
 * screen still has it in that place: the projection may be one edit behind the plan.
 */
function statedOf(issue: Issue, plan: Plan): Stated | undefined {
  const [list, index] = issue.path ?? [];
  if (list !== 'stated' || typeof index !== 'number') return undefined;
  const s = plan.stated[index];
  if (!s) return undefined;
  if (issue.line !== (s.source?.row ?? s.source?.line) || issue.file !== s.source?.file) return undefined;
  return s;
}

/** Whose total a share of nothing divides by: member contributions, revenue or costs. */
function baseOf(s: Stated, plan: Plan): 'members' | 'revenue' | 'costs' {
  if (s.figure.startsWith('share-member')) return 'members';
  if (s.figure !== 'share-lines') return 'costs';
  const costs = new Set(plan.costs.map((c) => c.id));
  return s.lines?.some((id) => costs.has(id)) ? 'costs' : 'revenue';
}

function why(issue: Issue, s: Stated, plan: Plan, t: Translate): string {
  switch (issue.code) {
    case 'audit-invalid-value':
      return s.figure.startsWith('share-')
        ? t('audit.error.audit-invalid-value.share', { value: s.value })
        : t('audit.error.audit-invalid-value', { value: s.value });
    case 'audit-invalid-precision':
      return t('audit.error.audit-invalid-precision', { precision: s.precision ?? '' });
    case 'audit-year-outside-plan':
      return t('audit.error.audit-year-outside-plan', { year: s.year, years: plan.years.join(', ') });
    case 'audit-unknown-project':
      return t('audit.error.audit-unknown-project', { project: s.when?.project ?? '' });
    case 'audit-unknown-line': {
      const j = issue.path?.[3];
      const line = typeof j === 'number' ? s.lines?.[j] : undefined;
      return t('audit.error.audit-unknown-line', { line: line ?? '' });
    }
    case 'audit-lines-missing':
    case 'audit-mixed-lines':
    case 'audit-lines-not-allowed':
      return t(`audit.error.${issue.code}`);
    case 'audit-no-base':
      return t(`audit.error.audit-no-base.${baseOf(s, plan)}`);
    default:
      return t('audit.error.other', { code: issue.code });
  }
}

/**
 * An audit error (a stated figure that could not be checked) in the reader's language: which
 * figure and year, where the document states it, and why it cannot be checked. When the plan no
 * longer has the figure where the error says, the error's own place and code are said.
 */
export function auditErrorText(issue: Issue, plan: Plan, t: Translate): AuditErrorText {
  const s = statedOf(issue, plan);
  if (!s) {
    const where = [issue.file, issue.line === undefined ? undefined : t('audit.where.line', { line: issue.line })]
      .filter((p): p is string => p !== undefined)
      .join(', ');
    const reason = t('audit.error.other', { code: issue.code });
    return { text: where ? t('audit.errorAt', { where, why: reason }) : reason, quote: null };
  }
  const where = auditSourceText(s.source, t);
  const values = { figure: figureLabel(s.label, s.figure, t), year: s.year, why: why(issue, s, plan, t) };
  return {
    text: where ? t('audit.errorEntry', { ...values, where }) : t('audit.errorEntryNoWhere', values),
    quote: s.source?.quote ?? null,
  };
}

import type { Issue, Plan } from '@samplan/engine';
import { auditErrorText } from '../core/audit/auditErrorText.ts';
import type { MessageKey } from '../i18n/messages.ts';
import './audit.css';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * The stated figures the audit could not check, each with its figure, year, where the document
 * states it (and its sentence as a quote) and why: never left out of the audit.
 */
export function AuditErrorList({ errors, plan, t }: { errors: readonly Issue[]; plan: Plan; t: Translate }) {
  if (errors.length === 0) return null;
  return (
    <div className="warning audit-errors" data-testid="audit-errors">
      <p>{errors.length === 1 ? t('audit.errorsHeadingOne') : t('audit.errorsHeading', { count: errors.length })}</p>
      <ul>
        {errors.map((issue, i) => {
          const { text, quote } = auditErrorText(issue, plan, t);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity; the list is replaced whole
            <li key={i} data-testid="audit-error">
              {text}
              {quote && (
                <>
                  {' '}
                  <q className="audit-quote">{quote}</q>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import type { LayoutIssue } from '@samplan/budget-layout';
import type { Issue } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';
import { issueText } from '../../ui/issues/issueText.ts';
import { reasonText } from './reasonText.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Where an issue is, as `fil.csv:12:3`: file, line, column (the message names the cell's text and column). */
export function issueWhere(issue: Issue, file: string): string {
  if (issue.line === undefined) return issue.file ?? file;
  return `${issue.file ?? file}:${issue.line}:${issue.column ?? 1}`;
}

/**
 * What a refusal says in the reader's language: the layout importer's reason when it gives one,
 * else the reading package's or the engine's issue by its code and params (its Swedish message
 * for a code without them).
 */
export const refusalText = (issue: LayoutIssue, t: Translate): string =>
  issue.reason ? reasonText(issue.reason, t) : issueText(issue, t);

/** A refused import: every error with its file, line, column and the cell's text (in the message); the plan is unchanged. */
export function ImportRefusal({
  file,
  errors,
  t,
  heading,
}: {
  file: string;
  errors: readonly LayoutIssue[];
  t: Translate;
  /** The sentence above the list (by default: the file could not be read, the plan is unchanged). */
  heading?: string;
}) {
  return (
    <div role="alert" className="error import-refusal" data-testid="import-errors">
      <p>{heading ?? t('plan.importErrors', { file, count: errors.length })}</p>
      <ul>
        {errors.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
          <li key={i} data-testid="import-error">
            {t('import.refusedIssue', { where: issueWhere(issue, file), message: refusalText(issue, t) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Issue } from '@samplan/engine';

/** Bad input: exit code 2 and one `file:line:column: message` line per issue on stderr. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

/** `file:line:column: message` — the form editors and terminals link to. */
export function formatIssue(issue: Issue): string {
  if (issue.file === undefined) return `samplan: ${issue.message}`;
  const where = [issue.file ?? '', issue.line ?? 1, issue.column ?? 1].join(':');
  const field = issue.field && !issue.message.includes(issue.field) ? ` (fält ${issue.field})` : '';
  return `${where}: ${issue.message}${field}`;
}

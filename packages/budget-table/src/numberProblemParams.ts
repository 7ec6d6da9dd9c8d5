import type { IssueParams } from './issueCodes.ts';
import type { NumberProblem } from './parseAmount.ts';

/**
 * The params of an amount cell that is no amount: its text and column, and for an ambiguous
 * `1.050` the two readings (`whole` `fraction` as thousands, `decimal`) and the separator.
 */
export function numberProblemParams(problem: NumberProblem, text: string, column: string): IssueParams {
  if (problem.code === 'invalid-amount') return { text, column };
  const { whole, fraction, decimal, separator } = problem;
  return { text, column, whole, fraction, decimal, separator };
}

import { auditPlan, type Issue, type Plan, projectionToJson, projectPlan, type Result } from '@samplan/engine';

/** What a file variant gave, against the clean file's plan. */
export type Outcome =
  | { kind: 'same plan' }
  | { kind: 'same projection' }
  | { kind: 'refused'; first: string; count: number }
  | { kind: 'DIFFERENT'; why: string };

const projection = (plan: Plan): unknown => {
  const p = projectPlan(plan);
  return p.ok ? projectionToJson(p.value) : p.errors.map((e) => e.message);
};
/** The plan as the table keeps it: stated figures without where they were read (quotes kept), projects in any order. */
const comparable = (plan: Plan) => ({
  ...plan,
  // The table declares a project where it first appears: the order of projects may change.
  esfProjects: [...plan.esfProjects].sort((a, b) => (a.id < b.id ? -1 : 1)),
  stated: plan.stated.map(({ source, ...s }) => ({ ...s, quote: source?.quote })),
});
const audit = (plan: Plan) => auditPlan(plan).entries.map(({ source, ...e }) => e);
/** JSON of anything the engine gives, exact rates (bigint) included. */
const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));

/** An error says where: a file, a line and a column. */
export const located = (e: Issue): boolean =>
  typeof e.file === 'string' && e.file !== '' && (e.line ?? 0) >= 1 && (e.column ?? 0) >= 1;

/**
 * Compares an import with the clean plan: the same plan (and so the same projection and audit),
 * the same projection, a refusal whose every error names file, line and column, or — what must
 * never happen — a different projection (or an error that does not say where).
 */
export function outcomeOf(result: Result<Plan>, clean: Plan): Outcome {
  if (!result.ok) {
    const unlocated = result.errors.find((e) => !located(e));
    if (unlocated) return { kind: 'DIFFERENT', why: `error without position: ${JSON.stringify(unlocated)}` };
    const e = result.errors[0] as Issue;
    return { kind: 'refused', first: `${e.file}:${e.line}:${e.column}: ${e.message}`, count: result.errors.length };
  }
  const same = json(projection(result.value)) === json(projection(clean));
  if (!same) return { kind: 'DIFFERENT', why: 'the projection differs' };
  const identical =
    json(comparable(result.value)) === json(comparable(clean)) && json(audit(result.value)) === json(audit(clean));
  return identical ? { kind: 'same plan' } : { kind: 'same projection' };
}

/** An outcome as a table cell. */
export const outcomeText = (o: Outcome): string =>
  o.kind === 'refused'
    ? `refused: ${o.first}${o.count > 1 ? ` (+${o.count - 1} more)` : ''}`
    : o.kind === 'DIFFERENT'
      ? `DIFFERENT: ${o.why}`
      : o.kind;

import { CostCategorySchema, type Result, StatedFigureSchema } from '@samplan/engine';
import { z } from 'zod';
import { type LayoutUnit, LayoutUnitSchema } from './layoutUnit.ts';
import type { LayoutIssue, Reason } from './reason.ts';
import { reasonSv } from './reasonSv.ts';

export { type LayoutUnit, LayoutUnitSchema };

/** What one row of the sheet is. Line roles become plan lines; `stated` rows become figures for the audit. */
export const RowRoleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title') }).describe('The plan’s name (a title above the table)'),
  z
    .object({
      kind: z.literal('heading'),
      section: z.enum(['revenue', 'costs']).optional(),
      category: CostCategorySchema.optional(),
    })
    .describe('A section or category heading (Intäkter, Kostnader, Individinriktade insatser): read for context only'),
  z.object({ kind: z.literal('ignore') }).describe('A note, a percentage of nothing, a row outside the plan years'),
  z.object({ kind: z.literal('member'), group: z.enum(['state', 'region', 'kommun']) }).describe('Member (medlem)'),
  z
    .object({ kind: z.literal('member-total') })
    .describe('All member contributions in one row: split by the law, state 50 %, region 25 %, kommuner 25 %'),
  z
    .object({
      kind: z.literal('esf'),
      project: z.string().min(1).describe('The ESF project’s name'),
      status: z.enum(['approved', 'applied']).default('approved'),
    })
    .describe('ESF money for a project'),
  z.object({ kind: z.literal('income') }).describe('Other income (övriga intäkter)'),
  z
    .object({
      kind: z.literal('cost'),
      category: CostCategorySchema,
      member: z.string().optional().describe('Key of the member row that requisitions the money'),
      project: z.string().optional().describe('Name of the ESF project the cost exists for'),
    })
    .describe('A cost line (insats, administration, unallocated room)'),
  z
    .object({ kind: z.literal('opening-equity') })
    .describe('Opening equity printed among the revenue: the first year is the plan’s, every year is stated'),
  z
    .object({
      kind: z.literal('stated'),
      figure: StatedFigureSchema,
      lines: z.array(z.string()).optional().describe('For lines/share-lines: the keys of the rows summed'),
      sign: z.literal('negative').optional().describe('Printed with the opposite sign (costs printed negative)'),
    })
    .describe('A figure the sheet states, checked by the audit'),
  z.object({ kind: z.literal('unknown') }).describe('Not classified: must be chosen before the mapping is applied'),
]);

/** One row of the mapping: the row's key (its normalized label, `#2` for a repeat) and its role. */
export const MappingRowSchema = z.object({
  key: z.string(),
  label: z.string().describe('The label as printed (for people reading the mapping)'),
  role: RowRoleSchema,
  name: z.string().min(1).optional().describe('The line’s name in the plan, when not the printed label'),
  alternative: z
    .object({ project: z.string().min(1) })
    .optional()
    .describe('Amounts in parentheses apply when this ESF project runs: "770 000 (1 160 000)"'),
  confidence: z.enum(['sure', 'guess', 'unknown']).optional().describe('How sure the proposal was (informational)'),
  note: z.string().optional().describe('Why the proposal chose the role (informational)'),
});

/**
 * How a sheet laid out as the förbund prints it maps to a plan, saved with the plan so next year’s
 * file in the same layout imports without review. Rows are matched by key, not by row number.
 */
export const LayoutMappingSchema = z
  .object({
    version: z.literal(1),
    unit: LayoutUnitSchema.nullable().describe('null: not known yet, must be given'),
    costSign: z
      .enum(['positive', 'negative'])
      .default('positive')
      .describe('negative: cost lines are printed with a minus sign'),
    sheet: z.string().optional(),
    headerRow: z.number().int().positive().describe('Row (line) of the header of years'),
    labelColumn: z.number().int().positive(),
    yearColumns: z.array(z.number().int().positive()).min(1).max(10).describe('Columns of the plan years, in order'),
    rows: z.array(MappingRowSchema),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.rows.forEach((row, i) => {
      if (seen.has(row.key))
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'key'],
          message: `Nyckeln "${row.key}" finns två gånger`,
          params: { duplicateKey: row.key },
        });
      seen.add(row.key);
    });
  });

export type RowRole = z.output<typeof RowRoleSchema>;
export type RowRoleInput = z.input<typeof RowRoleSchema>;
export type MappingRow = z.output<typeof MappingRowSchema>;
export type LayoutMapping = z.output<typeof LayoutMappingSchema>;
export type LayoutMappingInput = z.input<typeof LayoutMappingSchema>;

/** Reads a mapping (e.g. a reviewed mapping.json), with Swedish messages and reasons naming the path. */
export function parseLayoutMapping(json: unknown, file?: string): Result<LayoutMapping, LayoutIssue> {
  const parsed = LayoutMappingSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue): LayoutIssue => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const key = issue.code === 'custom' ? issue.params?.duplicateKey : undefined;
      const reason: Reason =
        typeof key === 'string'
          ? { code: 'duplicate-key', path: path.join('.'), key }
          : { code: 'bad-mapping', path: path.join('.'), detail: issue.message };
      return { code: 'bad-mapping', message: reasonSv(reason), reason, path, ...(file ? { file } : {}) };
    }),
  };
}

/** The unit's factor to kronor. */
export const UNIT_SCALE: Record<LayoutUnit, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

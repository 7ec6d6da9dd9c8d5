import { z } from 'zod';

/** The amounts' unit of a sheet: kronor, thousands (tkr) or millions (mkr). */
export const LayoutUnitSchema = z.enum(['kr', 'tkr', 'mkr']);

export type LayoutUnit = z.output<typeof LayoutUnitSchema>;

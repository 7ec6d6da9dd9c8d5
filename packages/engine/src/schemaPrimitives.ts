import { z } from 'zod';

/** A calendar year of the plan. */
export const YearSchema = z.number().int().min(1990).max(2200);

/** An amount in kronor as a decimal string (`"12604000"`, `"-150480.25"`): never a JSON number. */
export const KronorSchema = z
  .string()
  .regex(/^-?\d{1,13}(\.\d{1,2})?$/, 'Belopp anges i kronor som decimaltext, t.ex. "12604000" eller "150480.25"');

/** A rate as a decimal fraction string: `"0.9"` is 90 %. */
export const RateSchema = z
  .string()
  .regex(/^-?\d{1,6}(\.\d{1,12})?$/, 'Andel anges som decimaltext, t.ex. "0.9" för 90 %');

/** A stable identifier of a record (member, line, project, scenario). */
export const IdSchema = z.string().min(1).max(200);

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Datum anges som ÅÅÅÅ-MM-DD');

/** Amounts per year, keyed by the year as a string: `{ "2023": "61334000" }`. */
export const YearAmountsSchema = z.record(z.string().regex(/^\d{4}$/, 'Årtal med fyra siffror'), KronorSchema);

/**
 * Prints the file corpus as a table (variant → outcome): every CSV and workbook variant of the
 * corpus plan, imported, against the clean file. `npm run corpus` in packages/budget-xlsx.
 */
import { importBudgetTable } from '@samplan/budget-table';
import { corpusPlan } from '../../budget-table/test/corpus/corpusPlan.ts';
import { csvVariants } from '../../budget-table/test/corpus/csvVariants.ts';
import { outcomeOf, outcomeText } from '../../budget-table/test/corpus/outcome.ts';
import { importBudgetWorkbook } from '../src/index.ts';
import { xlsxVariants } from '../test/corpus/xlsxVariants.ts';

const plan = corpusPlan();
const rows: string[] = ['| file | variant | outcome |', '|---|---|---|'];
let different = 0;
for (const v of csvVariants(plan)) {
  const outcome = outcomeOf(importBudgetTable(v.bytes, 'budget.csv'), plan);
  if (outcome.kind === 'DIFFERENT') different++;
  rows.push(`| csv | ${v.name} | ${outcomeText(outcome)} |`);
}
for (const v of await xlsxVariants(plan)) {
  const outcome = outcomeOf(await importBudgetWorkbook(v.bytes, 'budget.xlsx'), plan);
  if (outcome.kind === 'DIFFERENT') different++;
  rows.push(`| xlsx | ${v.name} | ${outcomeText(outcome)} |`);
}
console.log(rows.join('\n'));
if (different > 0) {
  console.error(`${different} variant(s) gave a different projection`);
  process.exitCode = 1;
}

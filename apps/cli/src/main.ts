import { writeFileSync } from 'node:fs';
import { exportBudgetTable } from '@samplan/budget-table';
import { exportBudgetWorkbook } from '@samplan/budget-xlsx';
import {
  auditPlan,
  type Plan,
  planJsonSchema,
  projectionDetailToJson,
  projectionToJson,
  projectPlan,
  type Scenario,
  spendingRoom,
  stateCutTolerance,
} from '@samplan/engine';
import { Command, CommanderError } from 'commander';
import { formatIssue, InputError } from './cliError.ts';
import { type ImportLayoutFlags, importLayout } from './importLayout.ts';
import { type LoadOptions, loadPlan, loadScenario } from './loadPlan.ts';
import { renderReport } from './renderReport.ts';
import { changesFromFlags, describeChanges } from './scenarioFlags.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

const UNIT_HELP = 'beloppens enhet, tkr eller kr, när budgettabellen inte anger den (# unit:)';

/** How a command reads its plan file: `--unit` for a table that does not say, notes to stderr. */
function loadOptions(opts: { unit?: string }): LoadOptions {
  const note = (text: string) => process.stderr.write(`samplan: ${text}\n`);
  if (opts.unit === undefined) return { note };
  const unit = opts.unit.trim().toLowerCase();
  if (unit !== 'kr' && unit !== 'tkr')
    throw new InputError([{ code: 'usage', message: `--unit ska vara tkr eller kr, inte "${opts.unit}"` }]);
  return { unit, note };
}

/** Writes the plan as an Excel workbook (`--xlsx`): the budget sheet, the base plan and each scenario, the comparison. */
async function writeWorkbook(file: string, plan: Plan): Promise<void> {
  const bytes = await exportBudgetWorkbook(plan);
  try {
    writeFileSync(file, bytes);
  } catch {
    throw new InputError([{ code: 'unwritable', message: 'filen kan inte skrivas', file, line: 1, column: 1 }]);
  }
}

/** Builds the `samplan` command. `write` receives what goes to stdout. */
export function buildProgram(write: (text: string) => void): Command {
  const program = new Command('samplan')
    .description('Samplan: budget och scenarier för samordningsförbund')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: (t) => process.stderr.write(t) });

  program
    .command('project')
    .description('Projicera planen per år: intäkter, kostnader, resultat, eget kapital, regler och granskning')
    .argument('<plan>', 'plan.json, budget.csv eller budget.xlsx')
    .option('--unit <unit>', UNIT_HELP)
    .option('--state <change>', 'ändrat statligt anslag, t.ex. -10%@2025 eller -500000@2025')
    .option('--no-matching', 'region och kommuner följer inte statens ändring')
    .option('--esf <decision>', 'ESF-beslut per projekt: "<projekt>=rejected|approved|60%"', collect, [])
    .option('--utilization <rate>', 'nyttjandegrad för insatser, t.ex. 0.9')
    .option('--indexation <rate>', 'årlig uppräkning av löner, t.ex. 2%')
    .option('--employer-add-on <rate>', 'PO-påslag, t.ex. 31,42%')
    .option('--scenario <file>', 'scenario.json att lägga ändringarna ovanpå')
    .option('--json', 'skriv resultatet som JSON: { unit, years, findings, audit } (belopp som decimaltext i kronor)')
    .option('--detail', 'med --json: även varje rad, granskningens detaljer och de två svaren')
    .option(
      '--xlsx <file>',
      'skriv även arbetsboken (Excel): budget, grundbudget, planens scenarier och detta, jämförelse',
    )
    .action(async (file: string, opts) => {
      const plan = await loadPlan(file, loadOptions(opts));
      const fromFile: Scenario | undefined = opts.scenario ? loadScenario(opts.scenario, plan) : undefined;
      const flagChanges = changesFromFlags(plan, opts);
      const scenario: Scenario | undefined =
        fromFile || flagChanges.length
          ? {
              id: fromFile?.id ?? 'samplan-cli',
              name: [fromFile?.name, describeChanges(plan, flagChanges)].filter(Boolean).join(' + '),
              ...(fromFile?.basedOn ? { basedOn: fromFile.basedOn } : {}),
              changes: [...(fromFile?.changes ?? []), ...flagChanges],
            }
          : undefined;
      const projection = projectPlan(plan, scenario);
      if (!projection.ok) throw new InputError(projection.errors.map((e) => ({ ...e, file: opts.scenario ?? file })));
      const audit = auditPlan(plan);
      const room = spendingRoom(plan, scenario);
      const cut = stateCutTolerance(plan, scenario, { matching: opts.matching });
      const answers = { ...(room.ok ? { spendingRoom: room.value } : {}), ...(cut.ok ? { stateCut: cut.value } : {}) };
      if (opts.xlsx) {
        const others = plan.scenarios.filter((s) => s.id !== scenario?.id);
        await writeWorkbook(opts.xlsx, { ...plan, scenarios: scenario ? [...others, scenario] : others });
      }
      if (opts.json) {
        const json = opts.detail
          ? projectionDetailToJson(projection.value, audit, answers)
          : projectionToJson(projection.value, audit);
        write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      write(
        renderReport({
          title: plan.name,
          projectNames: new Map(plan.esfProjects.map((p) => [p.id, p.name])),
          scenarioName: scenario ? scenario.name : 'Grundplan',
          projection: projection.value,
          audit,
          spendingRoom: room.ok ? room.value : null,
          stateCut: cut.ok ? cut.value : null,
        }),
      );
    });

  program
    .command('import')
    .description(
      'Läs en budgettabell (CSV eller Excel) och skriv planen som JSON; med --layout en budget uppställd som förbundet skriver den',
    )
    .argument('[budget.csv|budget.xlsx]', 'budgettabell i Samplans format (kind,name,group,…)')
    .option(
      '--layout <file>',
      'budget i förbundets egen uppställning (xlsx eller CSV): rubriker, årskolumner, summarader',
    )
    .option('--sheet <name>', 'med --layout: bladet i arbetsboken')
    .option('--unit <unit>', `${UNIT_HELP}; med --layout också mkr, när bladet inte säger det`)
    .option('--mapping <mapping.json>', 'med --layout: en granskad mappning att använda utan att fråga')
    .option('--write-mapping <out.json>', 'med --layout: spara mappningen (eller mallen att fylla i) här')
    .action(async (file: string | undefined, opts: ImportLayoutFlags | Partial<ImportLayoutFlags>) => {
      const layoutOnly = ['sheet', 'mapping', 'writeMapping'] as const;
      if (opts.layout === undefined) {
        const stray = layoutOnly.find((k) => opts[k] !== undefined);
        if (stray || !file)
          throw new InputError([
            {
              code: 'usage',
              message: stray
                ? `--${stray === 'writeMapping' ? 'write-mapping' : stray} gäller bara med --layout`
                : 'ange en budgettabell, eller --layout FIL för en budget i förbundets egen uppställning',
            },
          ]);
        write(`${JSON.stringify(await loadPlan(file, loadOptions(opts)), null, 2)}\n`);
        return;
      }
      if (file)
        throw new InputError([
          { code: 'usage', message: `ange antingen ${file} eller --layout ${opts.layout}, inte båda` },
        ]);
      await importLayout(opts as ImportLayoutFlags, write, (t) => process.stderr.write(t));
    });

  program
    .command('export')
    .description('Skriv en plan (JSON, CSV eller Excel) som budgettabell (CSV), eller med --xlsx som arbetsbok')
    .argument('<plan.json>')
    .option('--unit <unit>', UNIT_HELP)
    .option(
      '--xlsx <file>',
      'skriv arbetsboken (Excel) till filen i stället: budget, grundbudget, varje scenario, jämförelse',
    )
    .action(async (file: string, opts: { xlsx?: string; unit?: string }) => {
      const plan = await loadPlan(file, loadOptions(opts));
      if (opts.xlsx) await writeWorkbook(opts.xlsx, plan);
      else write(exportBudgetTable(plan));
    });

  program
    .command('schema')
    .description('Skriv planens JSON Schema')
    .action(() => {
      write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    });
  return program;
}

/** Runs the CLI and returns the exit code: 0 done, 2 bad input, 1 anything unexpected. */
export async function run(
  argv: string[],
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  try {
    await buildProgram(write).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.issues.map(formatIssue).join('\n')}\n`);
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`samplan: oväntat fel: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

import { z } from 'zod';
import { LINE_FIGURES, type Plan, PlanSchema } from './planSchema.ts';
import { compareRates, parseRate } from './rate.ts';
import { resolveScenario } from './resolveScenario.ts';
import { fail, type Issue, ok, type Result } from './result.ts';
import { type Scenario, ScenarioSchema } from './scenarioSchema.ts';
import { checkAmount, checkRate, INDEXATION_RANGE, type LineContext, validateCostLine } from './validateCostLine.ts';

const swedish = z.locales.sv().localeError;

/**
 * What a zod issue names, as params a UI can say in its language: the expected type, the bounds
 * and what they bound (`origin`: string, number, array…), the format, the allowed values, the
 * unknown keys. Only the ones the issue has.
 */
function schemaParams(i: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const put = (name: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (typeof value === 'bigint' || typeof value === 'boolean') params[name] = String(value);
  };
  switch (i.code) {
    case 'invalid_type':
      put('expected', i.expected);
      break;
    case 'too_small':
      put('minimum', i.minimum);
      put('origin', i.origin);
      put('inclusive', i.inclusive ?? true);
      break;
    case 'too_big':
      put('maximum', i.maximum);
      put('origin', i.origin);
      put('inclusive', i.inclusive ?? true);
      break;
    case 'invalid_format':
      put('format', i.format);
      break;
    case 'not_multiple_of':
      put('divisor', i.divisor);
      break;
    case 'unrecognized_keys':
      put('keys', i.keys.join(', '));
      break;
    case 'invalid_value':
      put('values', i.values.map((v) => JSON.stringify(v)).join(', '));
      break;
    default:
      break;
  }
  return params;
}

/** Turns zod's issues into ours: a Swedish message, the JSON path, the field name and zod's params. */
export function schemaIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    code: `schema-${i.code}`,
    message: i.message,
    params: schemaParams(i),
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    field: String(i.path.at(-1) ?? ''),
  }));
}

/**
 * Reads a plan from untrusted JSON data: the schema first, then what a schema cannot say
 * (consecutive years, unique ids, references, amounts within range, real dates). Never throws.
 */
export function parsePlan(input: unknown): Result<Plan> {
  const parsed = PlanSchema.safeParse(input, { error: swedish });
  if (!parsed.success) return fail(...schemaIssues(parsed.error));
  const issues = validatePlan(parsed.data);
  return issues.length ? fail(...issues) : ok(parsed.data);
}

/** Reads a scenario from untrusted JSON data and checks it against the plan. */
export function parseScenario(input: unknown, plan: Plan): Result<Scenario> {
  const parsed = ScenarioSchema.safeParse(input, { error: swedish });
  if (!parsed.success) return fail(...schemaIssues(parsed.error));
  const resolved = resolveScenario(plan, parsed.data);
  if (!resolved.ok) return fail(...resolved.errors.map((e) => ({ ...e, path: e.path?.slice(2) })));
  return ok(parsed.data);
}

/** The checks a schema cannot express. Returns every issue found, each with its path. */
export function validatePlan(plan: Plan): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], code: string, message: string, params?: Issue['params']) =>
    issues.push({ code, message, ...(params ? { params } : {}), path, field: String(path.at(-1) ?? '') });
  const years = plan.years;
  years.forEach((y, i) => {
    if (i > 0 && y !== (years[i - 1] as number) + 1)
      at(['years', i], 'years-not-consecutive', `Åren måste följa på varandra: ${years[i - 1]} följs av ${y}`, {
        previous: years[i - 1] as number,
        year: y,
      });
  });
  const yearSet = new Set(years.map(String));
  const seen = new Map<string, string>();
  const unique = (id: string, path: (string | number)[]) => {
    const before = seen.get(id);
    if (before) at([...path, 'id'], 'duplicate-id', `id "${id}" används redan (${before})`);
    else seen.set(id, path.join('.'));
  };
  const amounts = (record: Record<string, string> | undefined, path: (string | number)[]) => {
    for (const [year, value] of Object.entries(record ?? {})) {
      if (!yearSet.has(year))
        at([...path, year], 'year-outside-plan', `${year} är inte ett av planens år (${years.join(', ')})`);
      amount(value, [...path, year]);
    }
  };
  const amount = (value: string, path: (string | number)[]) => checkAmount(value, path, at);
  const rateWithin = (value: string, min: number, max: number, path: (string | number)[], what: string) =>
    checkRate(value, min, max, path, at, what);

  if (plan.openingEquity !== undefined) amount(plan.openingEquity, ['openingEquity']);
  const projects = new Set(plan.esfProjects.map((p) => p.id));
  const members = new Set(plan.members.map((m) => m.id));
  plan.esfProjects.forEach((p, i) => {
    unique(p.id, ['esfProjects', i]);
  });
  plan.members.forEach((m, i) => {
    unique(m.id, ['members', i]);
    if (m.amounts) amounts(m.amounts, ['members', i, 'amounts']);
    else if (m.group === 'state')
      at(['members', i, 'amounts'], 'missing-amounts', `Staten (${m.name}) måste ha belopp per år`, { member: m.name });
  });
  for (const group of ['region', 'kommun'] as const) {
    const open = plan.members.filter((m) => m.group === group && !m.amounts);
    if (open.length > 1 && open.some((m) => m.population === undefined)) {
      const i = plan.members.indexOf(open.find((m) => m.population === undefined) as (typeof open)[number]);
      at(
        ['members', i, 'population'],
        'missing-population',
        `${plan.members[i]?.name}: invånarantal behövs för att fördela medlemsbidraget`,
        { member: plan.members[i]?.name ?? '' },
      );
    }
  }
  plan.revenues.forEach((r, i) => {
    unique(r.id, ['revenues', i]);
    amounts(r.amounts, ['revenues', i, 'amounts']);
    if (r.kind === 'esf' && (r.project === undefined || !projects.has(r.project))) {
      at(
        ['revenues', i, 'project'],
        'unknown-project',
        `ESF-intäkten "${r.name}" måste höra till ett ESF-projekt som finns`,
      );
    }
    if (r.kind === 'income' && r.project !== undefined)
      at(['revenues', i, 'project'], 'project-on-income', 'Bara ESF-intäkter hör till ett projekt');
  });
  const lineContext: LineContext = {
    years,
    projects,
    members,
    employerAddOn: plan.assumptions.employerAddOn,
    indexation: plan.assumptions.indexation,
  };
  plan.costs.forEach((c, i) => {
    unique(c.id, ['costs', i]);
    validateCostLine(c, ['costs', i], lineContext, at);
  });
  rateWithin(plan.assumptions.utilization, 0, 1, ['assumptions', 'utilization'], 'Nyttjandegraden');
  rateWithin(
    plan.assumptions.indexation,
    INDEXATION_RANGE[0],
    INDEXATION_RANGE[1],
    ['assumptions', 'indexation'],
    'Indexeringen',
  );
  rateWithin(plan.assumptions.employerAddOn, 0, 2, ['assumptions', 'employerAddOn'], 'PO-påslaget');
  rateWithin(plan.thresholds.equityCap, 0, 10, ['thresholds', 'equityCap'], 'Taket för eget kapital');
  const min = parseRate(plan.thresholds.adminShare.min);
  const max = parseRate(plan.thresholds.adminShare.max);
  if (min && max && compareRates(min, max) > 0)
    at(
      ['thresholds', 'adminShare', 'min'],
      'band-reversed',
      'Administrationsandelens nedre gräns är större än den övre',
      { min: plan.thresholds.adminShare.min, max: plan.thresholds.adminShare.max },
    );
  const lineKinds = new Map<string, 'revenue' | 'cost'>([
    ...plan.members.map((m) => [m.id, 'revenue'] as const),
    ...plan.revenues.map((r) => [r.id, 'revenue'] as const),
    ...plan.costs.map((c) => [c.id, 'cost'] as const),
  ]);
  /** `lines` of a stated figure: required, known and of one kind for lines/share-lines; absent otherwise. */
  const statedLines = (s: Plan['stated'][number], path: (string | number)[]) => {
    const p = [...path, 'lines'];
    if (!LINE_FIGURES.has(s.figure)) {
      if (s.lines !== undefined)
        at(p, 'lines-not-allowed', `Bara summor av rader (lines, share-lines) anger rader, inte ${s.figure}`);
      return;
    }
    if (!s.lines?.length) {
      at(p, 'lines-missing', `Ange vilka rader som summeras (${s.figure})`);
      return;
    }
    const kinds = new Set<string>();
    const listed = new Set<string>();
    s.lines.forEach((id, j) => {
      const kind = lineKinds.get(id);
      if (listed.has(id)) at([...p, j], 'duplicate-line', `Raden "${id}" står två gånger`);
      listed.add(id);
      if (kind) kinds.add(kind);
      else at([...p, j], 'unknown-line', `Raden "${id}" finns inte bland planens medlemmar, intäkter eller kostnader`);
    });
    if (kinds.size > 1)
      at(
        p,
        'mixed-lines',
        'En summa av rader tar antingen intäkter (medlemmar, intäktsrader) eller kostnader, inte båda',
      );
  };
  plan.stated.forEach((s, i) => {
    if (!yearSet.has(String(s.year)))
      at(['stated', i, 'year'], 'year-outside-plan', `${s.year} är inte ett av planens år`);
    if (s.when && !projects.has(s.when.project))
      at(['stated', i, 'when', 'project'], 'unknown-project', `ESF-projektet "${s.when.project}" finns inte`);
    if (s.figure.startsWith('share-')) rateWithin(s.value, -10, 10, ['stated', i, 'value'], 'En andel');
    else amount(s.value, ['stated', i, 'value']);
    if (s.precision !== undefined && !s.figure.startsWith('share-')) amount(s.precision, ['stated', i, 'precision']);
    if (s.precision !== undefined && /^0+(\.0+)?$/.test(s.precision))
      at(
        ['stated', i, 'precision'],
        'precision-zero',
        'Noggrannheten (värdet av sista tryckta siffran) måste vara större än 0',
      );
    statedLines(s, ['stated', i]);
  });
  const goalIds = new Set(plan.goals.map((g) => g.id));
  plan.goals.forEach((g, i) => {
    unique(g.id, ['goals', i]);
  });
  const ofGoal = (collection: 'indicators' | 'activities') =>
    plan[collection].forEach((record, i) => {
      unique(record.id, [collection, i]);
      if (!goalIds.has(record.goal)) at([collection, i, 'goal'], 'unknown-goal', `Målet "${record.goal}" finns inte`);
    });
  ofGoal('indicators');
  ofGoal('activities');
  plan.costs.forEach((c, i) => {
    c.goals?.forEach((goal, j) => {
      if (!goalIds.has(goal)) at(['costs', i, 'goals', j], 'unknown-goal', `Målet "${goal}" finns inte`);
    });
    if (c.targets?.workOrStudies !== undefined)
      rateWithin(
        c.targets.workOrStudies,
        0,
        1,
        ['costs', i, 'targets', 'workOrStudies'],
        'Andelen till arbete eller studier',
      );
  });
  const scenarioIds = new Set<string>();
  plan.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) at(['scenarios', i, 'id'], 'duplicate-id', `Scenario-id "${s.id}" används redan`);
    scenarioIds.add(s.id);
  });
  if (issues.length === 0) {
    const reported = new Set<string>();
    for (const s of plan.scenarios) {
      const resolved = resolveScenario(plan, s);
      if (resolved.ok) continue;
      for (const e of resolved.errors) {
        const owner = plan.scenarios.findIndex((p) => p.id === e.path?.[1]);
        const path = ['scenarios', owner, ...(e.path?.slice(2) ?? [])];
        const key = `${e.code}:${path.join('.')}`;
        if (!reported.has(key)) issues.push({ ...e, path });
        reported.add(key);
      }
    }
  }
  return issues;
}

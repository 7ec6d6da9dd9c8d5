import { type Plan, type PlanInput, parsePlan } from '@samplan/engine';

/** A valid plan from JSON input; throws with the issues otherwise. */
export const parse = (input: PlanInput): Plan => {
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** A two-year plan (Falun-Borlänge's horizon) with a line of every kind and a year in every place. */
export const twoYears = (): Plan =>
  parse({
    name: 'Tvåårsförbundet',
    years: [2025, 2026],
    openingEquity: '500000',
    members: [
      { id: 'fk', name: 'Försäkringskassan', group: 'state', amounts: { '2025': '2000000', '2026': '2100000' } },
      { id: 'reg', name: 'Regionen', group: 'region' },
      { id: 'kom', name: 'Kommunen', group: 'kommun', amounts: { '2025': '1000000' } },
    ],
    esfProjects: [{ id: 'esf', name: 'Projekt', status: 'approved' }],
    revenues: [
      { id: 'esf-rev', kind: 'esf', name: 'ESF', project: 'esf', amounts: { '2025': '300000', '2026': '310000' } },
    ],
    costs: [
      {
        id: 'team',
        name: 'Team',
        category: 'individual',
        amount: { type: 'yearly', amounts: { '2025': '900000', '2026': '950000' } },
      },
      {
        id: 'slut',
        name: 'Slutar 2026',
        category: 'structural',
        amount: { type: 'yearly', amounts: { '2025': '100000', '2026': '50000' }, end: '2026-06-30' },
      },
      {
        id: 'chef',
        name: 'Förbundschef',
        category: 'administration',
        amount: { type: 'staff', fte: '1', monthlySalary: '50000' },
      },
      {
        id: 'fast',
        name: 'Ej indexerad',
        category: 'administration',
        amount: { type: 'staff', fte: '0.5', monthlySalary: '40000', salaryYear: 2025, indexed: false },
      },
      {
        id: 'period',
        name: 'Period',
        category: 'structural',
        amount: { type: 'period', start: '2025-07-01', end: '2027-06-30', total: '1200000' },
      },
    ],
    stated: [
      { year: 2025, figure: 'costs', value: '2000000', label: 'Summa kostnader' },
      { year: 2026, figure: 'result', value: '1', label: 'Resultat' },
    ],
    scenarios: [
      {
        id: 'cut',
        name: 'Staten −10 %',
        changes: [
          { type: 'state-allocation', fromYear: 2026, rate: '-0.1' },
          {
            type: 'insats-new',
            line: {
              id: 'ny',
              name: 'Ny',
              category: 'individual',
              amount: { type: 'yearly', amounts: { '2025': '1', '2026': '2' } },
            },
          },
          { type: 'utilization', rate: '0.9' },
        ],
      },
    ],
    goals: [{ id: 'g', title: 'Mål' }],
    indicators: [{ id: 'i', goal: 'g', name: 'Deltagare', outcomes: { '2024': '12', '2025': '20' }, target: '30' }],
  });

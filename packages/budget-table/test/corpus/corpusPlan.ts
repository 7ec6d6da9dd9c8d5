import { type Plan, parsePlan } from '@samplan/engine';

/**
 * The clean plan of the file corpus: three years, every kind of row (derived members, an applied
 * and an approved ESF project, a period, staff lines, öre), opening equity, and stated figures the
 * way documents print them (costs negative, a named group of lines, a share, a figure from the text).
 */
export function corpusPlan(): Plan {
  const parsed = parsePlan({
    name: 'Samordningsförbundet Väst; budget 2025–2027',
    years: [2025, 2026, 2027],
    openingEquity: '1824471.5',
    members: [
      {
        id: 'staten',
        name: 'Staten gm Försäkringskassan',
        group: 'state',
        amounts: { '2025': '4281000', '2026': '4281000', '2027': '4366620' },
      },
      { id: 'region', name: 'Region Väst', group: 'region' },
      { id: 'a', name: 'Åby kommun', group: 'kommun', population: 29500 },
      { id: 'b', name: 'Bro kommun', group: 'kommun', population: 9600 },
    ],
    esfProjects: [
      { id: 'mia', name: 'MIA Vidare', status: 'applied' },
      { id: 'gg', name: 'Gränsgångare', status: 'approved' },
    ],
    revenues: [
      {
        id: 'esf-gg',
        kind: 'esf',
        name: 'ESF Gränsgångare',
        project: 'gg',
        amounts: { '2025': '545033', '2026': '272516.5' },
      },
      { id: 'esf-mia', kind: 'esf', name: 'ESF MIA Vidare', project: 'mia', amounts: { '2026': '1200000' } },
      {
        id: 'utbildning',
        kind: 'income',
        name: 'Utbildning, sålda platser',
        amounts: { '2025': '40000', '2026': '0' },
      },
    ],
    costs: [
      {
        id: 'team',
        name: 'Finsamteam "Vuxna"',
        category: 'individual',
        member: 'a',
        utilization: '0.9',
        amount: { type: 'yearly', amounts: { '2025': '2433000', '2026': '2802000', '2027': '2741000' } },
      },
      {
        id: 'gg-team',
        name: 'Gränsgångare, projektledning',
        category: 'individual',
        project: 'gg',
        amount: { type: 'period', start: '2024-07-01', end: '2026-06-30', total: '1200000' },
      },
      {
        id: 'lots',
        name: 'Lots',
        category: 'individual',
        project: 'mia',
        amount: { type: 'staff', fte: '0.5', monthlySalary: '38000', employerAddOn: '0.3142', indexed: true },
      },
      {
        id: 'natverk',
        name: 'Nätverk och utbildning',
        category: 'structural',
        amount: { type: 'yearly', amounts: { '2025': '150000', '2026': '150000', '2027': '0' } },
      },
      {
        id: 'chef',
        name: 'Förbundschef',
        category: 'administration',
        amount: { type: 'staff', fte: '1', monthlySalary: '61000', salaryYear: 2025, indexed: true },
      },
      {
        id: 'kansli',
        name: 'Kansli; lokaler och IT',
        category: 'administration',
        amount: { type: 'yearly', amounts: { '2025': '312500.75', '2026': '318750', '2027': '325125' } },
      },
      {
        id: 'rum',
        name: 'Utrymme nya insatser',
        category: 'unallocated',
        amount: { type: 'yearly', amounts: { '2026': '500000', '2027': '1000000' } },
      },
    ],
    assumptions: { utilization: '1', indexation: '0.02', employerAddOn: '0.32' },
    stated: [
      { year: 2025, figure: 'costs', value: '-5790000', precision: '1000', label: 'Summa kostnader', sign: 'negative' },
      { year: 2026, figure: 'costs', value: '-6870000', precision: '1000', label: 'Summa kostnader', sign: 'negative' },
      {
        year: 2025,
        figure: 'lines',
        lines: ['chef', 'kansli'],
        value: '-1280000',
        precision: '1000',
        label: 'Förvaltning',
        sign: 'negative',
      },
      { year: 2025, figure: 'share-administration', value: '0.221', precision: '0.001', label: 'Förvaltningens andel' },
      {
        year: 2025,
        figure: 'result',
        value: '-8430',
        label: 'Årets underskott',
        sign: 'negative',
        source: { quote: 'underskottet blir 8 430 kr' },
      },
      { year: 2026, figure: 'closing-equity', value: '5', label: 'Med MIA', when: { project: 'mia', runs: true } },
      {
        year: 2025,
        figure: 'costs',
        value: '8562000',
        precision: '1000',
        label: 'Budgetram',
        source: { quote: 'budgetram 8 562 tkr' },
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

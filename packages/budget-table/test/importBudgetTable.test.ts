import { projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { importBudgetTable } from '../src/importBudgetTable.ts';

const HEADER = 'kind,name,group,project,start,end,total,2023,2024,2025';
const table = (...rows: string[]) =>
  [HEADER, 'member,Staten,state,,,,,1000,1000,1000', 'equity,Eget kapital,,,,,,500,,', ...rows].join('\n');
const errorsOf = (text: string, file = 'plan.csv') => {
  const result = importBudgetTable(text, file, { unit: 'kr' });
  return result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
};

describe('importBudgetTable', () => {
  it('reads the format example with semicolons, tkr, spaces, Unicode minus and negative costs', () => {
    const text = [
      '\uFEFF# unit: tkr',
      'kind;name;group;project;start;end;total;2023;2024;2025',
      'member;Staten;state;;;;;30 667;30 667;30 667',
      'member;Regionen;region;;;;;15 333,5;15 333,5;15 333,5',
      'equity;Ingående eget kapital;;;;;;12 604;;',
      'cost;Vuxna;individual;;;;;\u221214 616;−13 300;-13 125',
      'stated;Resultat;result;;;;;−8 430;;',
    ].join('\r\n');
    const result = importBudgetTable(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.value;
    expect(plan.members[1]?.amounts).toEqual({ '2023': '15333500', '2024': '15333500', '2025': '15333500' });
    expect(plan.openingEquity).toBe('12604000');
    expect(plan.costs[0]?.amount).toEqual({
      type: 'yearly',
      amounts: { '2023': '14616000', '2024': '13300000', '2025': '13125000' },
    });
    expect(plan.stated[0]).toMatchObject({ year: 2023, figure: 'result', value: '-8430000', precision: '1000' });
  });

  it('spreads a period total pro rata by month', () => {
    const result = importBudgetTable(table('cost,Projekt,individual,,2022-07-01,2024-06-30,1200,,,'), 'p.csv', {
      unit: 'kr',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const projection = projectPlan(result.value);
    expect(projection.ok && projection.value.lines.find((l) => l.id === 'projekt')?.amounts).toEqual([60000, 30000, 0]);
  });

  it('names file, line, column and the cell text for a bad amount, and collects every error', () => {
    expect(errorsOf(table('cost,Vuxna,individual,,,,,100,12,6,04', 'cost,Unga,individual,,,,,abc,1,1'))).toEqual([
      'plan.csv:4:36: Raden har fler celler än rubrikraden: "04"',
      'plan.csv:5:26: Ogiltigt belopp "abc" i kolumn 2023',
    ]);
  });

  it('points at the header when it is wrong', () => {
    expect(errorsOf('kind,name,grupp,project,start,end,total,2023,2024,2025\n')).toEqual([
      'plan.csv:1:11: Rubrikraden ska börja med kind,name,group,project,start,end,total; kolumn 3 är "grupp", väntade "group"',
    ]);
    expect(errorsOf('kind,name,group,project,start,end,total,2023,2025,2026\n')[0]).toBe(
      'plan.csv:1:46: Åren ska följa på varandra: 2023 följs av 2025',
    );
    expect(errorsOf('kind,name,group,project,start,end,total\n')[0]).toBe(
      'plan.csv:1:41: Tabellen ska ha 1 till 10 årskolumner, inte 0',
    );
    expect(errorsOf('kind,name,group,project,start,end,total,,,\n')[0]).toBe(
      'plan.csv:1:41: Tabellen ska ha 1 till 10 årskolumner, inte 0',
    );
    const eleven = Array.from({ length: 11 }, (_, k) => 2020 + k).join(',');
    expect(errorsOf(`kind,name,group,project,start,end,total,${eleven}\n`)[0]).toBe(
      'plan.csv:1:41: Tabellen ska ha 1 till 10 årskolumner, inte 11',
    );
  });

  it('explains the rows it cannot read', () => {
    expect(errorsOf(table('cost,Vuxna,indivdual,,,,,1,1,1'))).toEqual([
      'plan.csv:4:12: Kostnadens kategori "indivdual" ska vara individual, structural, administration eller unallocated',
    ]);
    expect(errorsOf(table('esf,ESF-medel,,,,,,1,1,1'))).toEqual([
      'plan.csv:4:16: En esf-rad måste ange sitt projekt i kolumnen project',
    ]);
    expect(errorsOf(table('cost,Projektkostnad,individual,Okänt,,,,1,1,1'))).toEqual([
      'plan.csv:4:32: Projektet "Okänt" har ingen esf-rad',
    ]);
    expect(errorsOf(table('cost,Projekt,individual,,2023-13-01,2024-06-30,1200,,,'))).toEqual([
      'plan.csv:4:26: Datum anges som ÅÅÅÅ-MM-DD',
    ]);
    expect(errorsOf(`${table()}\nequity,Igen,,,,,,1,2,`)).toEqual([
      'plan.csv:4:1: Ingående eget kapital anges redan på rad 3',
    ]);
    expect(errorsOf([HEADER, 'member,Staten,state,,,,,1,1,1', 'equity,EK,,,,,,500,400,'].join('\n'))[0]).toMatch(
      /^plan\.csv:3:20: Ingående eget kapital hör hemma i första årets kolumn \(2023\)/,
    );
    expect(errorsOf(table('cost,Öre,individual,,,,,0.001,1,1'))).toEqual([
      'plan.csv:4:25: Beloppet "0.001" har fler decimaler än öre i kolumn 2023',
    ]);
  });

  it('reads a plan without an equity row as one without opening equity; an equity row needs its amount', () => {
    const result = importBudgetTable([HEADER, 'member,Staten,state,,,,,1,1,1'].join('\n'), 'p.csv', { unit: 'kr' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect('openingEquity' in result.value).toBe(false);
    const zero = importBudgetTable(
      [HEADER, 'member,Staten,state,,,,,1,1,1', 'equity,EK,,,,,,-,,'].join('\n'),
      'p.csv',
      {
        unit: 'tkr',
      },
    );
    expect(zero.ok && zero.value.openingEquity).toBe('0');
    expect(errorsOf([HEADER, 'member,Staten,state,,,,,1,1,1', 'equity,EK,,,,,,,,'].join('\n'))).toEqual([
      'plan.csv:3:1: equity-raden saknar belopp i första årets kolumn (2023): skriv 0, eller ta bort raden om dokumentet inte anger något ingående eget kapital',
    ]);
  });

  it('reports an unclosed quote', () => {
    expect(errorsOf(table('cost,"Vuxna,individual,,,,,1,1,1'))[0]).toBe('plan.csv:4:6: Citattecknet stängs aldrig');
  });

  it('reads settings and row directives from comments', () => {
    const result = importBudgetTable(
      [
        '# plan: Testförbundet',
        '# unit: kr',
        '# utilization: 90 %',
        '# equity-cap: 15 %',
        '# admin-share: 5 % – 12 %',
        HEADER,
        'member,Staten,state,,,,,1000,1000,1000',
        '# @population: 29 500',
        'member,Gislaved,kommun,,,,,,,',
        '# @population: 9 600',
        'member,Gnosjö,kommun,,,,,,,',
        'equity,EK,,,,,,0,,',
        '# @id: team',
        '# @member: Gislaved',
        '# @utilization: 95 %',
        'cost,Finsamteam,individual,,,,,100,100,100',
        '# @staff: fte=0.25 salary=38000 year=2023 add-on=0.32 indexed=yes',
        'cost,Lots,individual,,,,,,,',
      ].join('\n'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.value;
    expect(plan.name).toBe('Testförbundet');
    expect(plan.assumptions.utilization).toBe('0.9');
    expect(plan.thresholds).toEqual({ equityCap: '0.15', adminShare: { min: '0.05', max: '0.12' } });
    expect(plan.members.map((m) => [m.id, m.population, m.amounts])).toEqual([
      ['staten', undefined, { '2023': '1000', '2024': '1000', '2025': '1000' }],
      ['gislaved', 29500, undefined],
      ['gnosjo', 9600, undefined],
    ]);
    expect(plan.costs[0]).toMatchObject({ id: 'team', member: 'gislaved', utilization: '0.95' });
    expect(plan.costs[1]?.amount).toEqual({
      type: 'staff',
      fte: '0.25',
      monthlySalary: '38000',
      salaryYear: 2023,
      employerAddOn: '0.32',
      indexed: true,
    });
  });

  it('maps a validation error found after reading back to its cell', () => {
    expect(errorsOf(table('cost,Stort,individual,,,,,2000000000,1,1'))).toEqual([
      'plan.csv:4:27: Beloppet 2000000000 kr är större än 1 000 000 000 kr',
    ]);
  });
});

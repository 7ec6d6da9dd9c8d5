import { readFileSync } from 'node:fs';
import { auditPlan, type Plan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { exportBudgetTable } from '../src/exportBudgetTable.ts';
import { type ImportOptions, importBudgetTable } from '../src/index.ts';

const located = (e: { file?: string; line?: number; column?: number; message: string }) =>
  `${e.file}:${e.line}:${e.column}: ${e.message}`;
const errorsOf = (text: string | Uint8Array, options: ImportOptions = { unit: 'kr' }) => {
  const result = importBudgetTable(text, 'plan.csv', options);
  return result.ok ? [] : result.errors.map(located);
};
const planOf = (text: string | Uint8Array, options: ImportOptions = {}): Plan => {
  const result = importBudgetTable(text, 'plan.csv', options);
  if (!result.ok) throw new Error(result.errors.map(located).join('\n'));
  return result.value;
};
const header = (years: number[]) => `kind,name,group,project,start,end,total,${years.join(',')}`;

describe('years', () => {
  it('reads 1 and 10 consecutive years', () => {
    const one = planOf(
      ['# unit: tkr', header([2025]), 'member,Staten,state,,,,,4 281', 'equity,EK,,,,,,500'].join('\n'),
    );
    expect(one.years).toEqual([2025]);
    expect(one.members[0]?.amounts).toEqual({ '2025': '4281000' });
    const years = Array.from({ length: 10 }, (_, k) => 2025 + k);
    const ten = planOf(
      ['# unit: kr', header(years), `member,Staten,state,,,,,${years.map(() => 1).join(',')}`].join('\n'),
    );
    expect(ten.years).toEqual(years);
  });

  it('refuses years that do not follow each other', () => {
    expect(errorsOf(`${header([2025, 2026, 2028])}\n`)).toEqual([
      'plan.csv:1:51: Åren ska följa på varandra: 2026 följs av 2028',
    ]);
  });
});

describe('files as Excel saves them', () => {
  it('reads the bytes of a Windows-1252 file and says how it read them', () => {
    const text =
      '# unit: tkr;;\r\nkind;name;group;project;start;end;total;2025\r\nmember;Staten gm Försäkringskassan;state;;;;;4 281\r\n';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const result = importBudgetTable(bytes, 'budget.csv');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.members[0]?.name).toBe('Staten gm Försäkringskassan');
    expect(result.notes).toEqual([
      "budget.csv: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')",
    ]);
    expect(importBudgetTable(new TextEncoder().encode(text), 'budget.csv').notes).toEqual([]);
  });

  it('skips title rows above the header and the empty cells Excel pads rows and # lines with', () => {
    const plan = planOf(
      [
        'Samordningsförbundet Nord: budget 2025–2026;;;;;;;;',
        ';;;;;;;;',
        '# unit: tkr;;;;;;;;',
        '# plan: Nord;;;;;;;;',
        'kind;name;group;project;start;end;total;2025;2026;;;',
        'member;Staten;state;;;;;4 281;4 281;;;',
        'equity;EK;;;;;;500;;;;',
        ';;;;;;;;;;;',
      ].join('\r\n'),
    );
    expect(plan.name).toBe('Nord');
    expect(plan.members[0]?.amounts).toEqual({ '2025': '4281000', '2026': '4281000' });
  });

  it('refuses a data row above the header instead of skipping it', () => {
    expect(errorsOf(['member,Staten,state,,,,,1', header([2025]), 'member,Region,region,,,,,1'].join('\n'))).toEqual([
      'plan.csv:1:1: Raden "member" står före rubrikraden (rad 2)',
    ]);
  });

  it('reads a quoted # cell (Excel quotes one that holds the separator) as a comment', () => {
    const plan = planOf(
      ['"# plan: Nord, Syd",,,', '# unit: kr,,,', header([2025]), 'member,Staten,state,,,,,1'].join('\n'),
    );
    expect(plan.name).toBe('Nord, Syd');
  });

  it('reads a unit after a number, (90) and 90- as negatives, - and – as zero', () => {
    const plan = planOf(
      [
        '# unit: tkr',
        header([2025, 2026, 2027]),
        'member,Staten,state,,,,,4 281 tkr,4 281 000 kr,"4,2810 mkr"',
        'equity,EK,,,,,,–,,',
        'cost,Kansli,administration,,,,,(90),90-,-',
        'stated,Resultat,result,,,,,(4 191),–,',
      ].join('\n'),
    );
    expect(plan.members[0]?.amounts).toEqual({ '2025': '4281000', '2026': '4281000', '2027': '4281000' });
    expect(plan.openingEquity).toBe('0');
    expect(plan.costs[0]?.amount).toEqual({
      type: 'yearly',
      amounts: { '2025': '90000', '2026': '90000', '2027': '0' },
    });
    expect(plan.stated.map((s) => [s.year, s.value, s.precision])).toEqual([
      [2025, '-4191000', '1000'],
      [2026, '0', '1000'],
    ]);
  });

  it('refuses 1.050 and says why', () => {
    expect(errorsOf([header([2025]), 'member,Staten,state,,,,,1.050'].join('\n'))).toEqual([
      'plan.csv:2:25: Tvetydigt belopp i kolumn 2025: "1.050" kan betyda både 1 050 och 1,05 (är punkten tusentalsavgränsare eller decimaltecken?); skriv 1050 eller 1,05',
    ]);
  });
});

describe('the unit is never guessed', () => {
  const noUnit = [header([2025, 2026]), 'member,Staten,state,,,,,"30 667","30 667"', 'equity,EK,,,,,,100,'].join('\n');

  it('refuses a file without # unit: unless the caller gives it, showing the first amount both ways', () => {
    const result = importBudgetTable(noUnit, 'plan.csv');
    expect(result.ok ? [] : result.errors.map((e) => [e.code, located(e)])).toEqual([
      [
        'missing-unit',
        'plan.csv:2:25: Filen anger inte om beloppen är i kr eller tkr ("30 667" är 30\u00a0667 kr eller 30\u00a0667\u00a0000 kr): lägg till raden # unit: tkr eller # unit: kr, eller välj enheten vid importen',
      ],
    ]);
    expect(planOf(noUnit, { unit: 'tkr' }).members[0]?.amounts).toEqual({ '2025': '30667000', '2026': '30667000' });
    expect(planOf(noUnit, { unit: 'kr' }).members[0]?.amounts).toEqual({ '2025': '30667', '2026': '30667' });
  });

  it('shows the first amount that is not 0 both ways (a 0 reads the same in kr and tkr)', () => {
    const zeroFirst = [header([2025, 2026]), 'cost,IT-spåret,individual,,,,,0,"4 198"'].join('\n');
    const result = importBudgetTable(zeroFirst, 'plan.csv');
    expect(result.ok ? '' : result.errors[0]?.message).toContain(
      '("4 198" är 4\u00a0198 kr eller 4\u00a0198\u00a0000 kr)',
    );
  });

  it('reports the other errors of a file without a unit too, and needs no unit when every amount has one', () => {
    const result = importBudgetTable(`${noUnit}\ncost,X,individual,,,,,abc,`, 'plan.csv');
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['missing-unit', 'invalid-amount']);
    const suffixed = [header([2025]), 'member,Staten,state,,,,,4 281 tkr', 'equity,EK,,,,,,0 kr'].join('\n');
    expect(planOf(suffixed).members[0]?.amounts).toEqual({ '2025': '4281000' });
  });

  it('refuses a # unit: that the caller contradicts, or that is no unit', () => {
    expect(errorsOf(`# unit: tkr\n${noUnit}`, { unit: 'kr' })).toEqual([
      'plan.csv:1:1: Filen anger enheten tkr (# unit: tkr), men importen valde kr',
    ]);
    expect(errorsOf(`# unit: sek\n${noUnit}`, {})).toEqual(['plan.csv:1:1: Okänd enhet "sek": ange kr eller tkr']);
  });
});

describe('directives', () => {
  const body = [header([2025]), 'member,Staten,state,,,,,1'];

  it('refuses a malformed or misplaced directive, naming its line', () => {
    expect(errorsOf(['# precision: abc', ...body].join('\n'))).toEqual([
      'plan.csv:1:1: Ogiltig precision "abc" i # precision: ange värdet av den sista tryckta siffran i kr, t.ex. 1000 för hela tkr',
    ]);
    expect(errorsOf([...body, '# @precision: tusen', 'stated,Summa,costs,,,,,1'].join('\n'))).toEqual([
      'plan.csv:3:1: Ogiltig precision "tusen" i # @precision: ange värdet av den sista tryckta siffran i kr, t.ex. 1000 för hela tkr',
    ]);
    expect(errorsOf(['# @utilisation: 90 %', ...body].join('\n'))[0]).toMatch(
      /^plan\.csv:1:1: Okänt raddirektiv "# @utilisation:"; kända är @id, @project-id/,
    );
    expect(errorsOf([...body, '# @population: 100', 'cost,X,individual,,,,,1'].join('\n'))).toEqual([
      'plan.csv:3:1: @population gäller member-rader, men nästa rad (rad 4) är en cost-rad',
    ]);
    expect(errorsOf([...body, '# @id: a', '# @id: b', 'member,Region,region,,,,,1'].join('\n'))).toEqual([
      'plan.csv:4:1: @id anges redan på rad 3 för samma rad: "a" och "b"',
    ]);
    expect(errorsOf([...body, '# @id: sist'].join('\n'))).toEqual(['plan.csv:3:1: @id står sist och gäller ingen rad']);
    expect(errorsOf(['# utilization: 90 %', '# utilization: 95 %', ...body].join('\n'))).toEqual([
      'plan.csv:2:1: # utilization: anges redan på rad 1 som "90 %", här som "95 %"',
    ]);
    expect(errorsOf([...body, '# @staff: fte=0.5 lön=30000', 'cost,X,individual,,,,,'].join('\n'))[0]).toMatch(
      /^plan\.csv:3:1: Ogiltig @staff-rad "fte=0.5 lön=30000"/,
    );
    expect(errorsOf([...body, '# @sign: minus', 'stated,Summa,costs,,,,,1'].join('\n'))[0]).toMatch(
      /^plan\.csv:3:1: Ogiltigt tecken "minus" i # @sign/,
    );
  });

  it('finds a requisitioning member by id, or by a name only one member has', () => {
    const rows = [
      '# unit: kr',
      header([2025]),
      'member,Staten,state,,,,,1',
      '# @id: h1',
      'member,Hylte,kommun,,,,,1',
      '# @id: h2',
      'member,Hylte,kommun,,,,,1',
    ];
    const byId = planOf([...rows, '# @member: h2', 'cost,Team,individual,,,,,1'].join('\n'));
    expect(byId.costs[0]?.member).toBe('h2');
    expect(errorsOf([...rows, '# @member: Hylte', 'cost,Team,individual,,,,,1'].join('\n'))).toEqual([
      'plan.csv:8:1: Flera medlemmar heter "Hylte" (h1, h2); skriv id:t i # @member:',
    ]);
    expect(exportBudgetTable(byId)).toContain('# @member: h2\ncost,Team');
  });

  it('keeps prose comments that happen to have a colon', () => {
    expect(planOf(['# Källa: verksamhetsplanen, avsnitt 6', '# unit: kr', ...body].join('\n')).name).toBe('plan');
  });
});

describe('stated figures', () => {
  const base = [
    '# unit: tkr',
    header([2023, 2024]),
    'member,Staten,state,,,,,"10 000","10 000"',
    'equity,EK,,,,,,"1 000",',
    'cost,Kansli,administration,,,,,"1 500","1 500"',
    'cost,Lokaler,administration,,,,,500,500',
    'cost,Team,individual,,,,,"8 000","8 000"',
  ];

  it('a cost total printed negative keeps its value, gets sign negative, and is no slip', () => {
    const plan = planOf([...base, 'stated,Summa kostnader,costs,,,,,"-10 000",−10 000'].join('\n'));
    expect(plan.stated.map((s) => [s.value, s.sign])).toEqual([
      ['-10000000', 'negative'],
      ['-10000000', 'negative'],
    ]);
    expect(auditPlan(plan).entries).toEqual([]);
  });

  it('a stated result stays signed as printed; # @sign: says otherwise', () => {
    const plan = planOf(
      [
        ...base,
        'stated,Resultat,result,,,,,-,',
        '# @sign: negative',
        'stated,Årets underskott,result,,,,,,0',
        '# @sign: normal',
        'stated,Kostnader (fel tecken),costs,,,,,"-10 000",',
      ].join('\n'),
    );
    expect(plan.stated.map((s) => [s.label, s.value, s.sign])).toEqual([
      ['Resultat', '0', undefined],
      ['Årets underskott', '0', 'negative'],
      ['Kostnader (fel tecken)', '-10000000', undefined],
    ]);
  });

  it('sums named lines (by name or id), ESF and other income, member shares, with a quote', () => {
    const plan = planOf(
      [
        ...base,
        '# @lines: Kansli; lokaler',
        'stated,Förvaltning,lines,,,,,"-2 000","-2 000"',
        '# @lines: Kansli; Lokaler',
        'stated,Förvaltningens andel,share-lines,,,,,"20,0 %",',
        'stated,Statens andel,share-member-state,,,,,100 %,',
        'stated,Övriga intäkter,other-revenue,,,,,0,',
        '# quote: budgetram 10 000 tkr',
        'stated,Budgetram,costs,,,,,"10 000 tkr",',
      ].join('\n'),
    );
    expect(plan.stated.map((s) => [s.figure, s.value, s.lines, s.sign, s.source?.quote])).toEqual([
      ['lines', '-2000000', ['kansli', 'lokaler'], 'negative', undefined],
      ['lines', '-2000000', ['kansli', 'lokaler'], 'negative', undefined],
      ['share-lines', '0.2', ['kansli', 'lokaler'], undefined, undefined],
      ['share-member-state', '1', undefined, undefined, undefined],
      ['other-revenue', '0', undefined, undefined, undefined],
      ['costs', '10000000', undefined, undefined, 'budgetram 10 000 tkr'],
    ]);
    expect(plan.stated[0]?.source).toEqual({ file: 'plan.csv', line: 9, column: 30 });
    expect(auditPlan(plan).entries).toEqual([]);
  });

  it('refuses a lines figure without its lines, and lines it cannot find', () => {
    expect(errorsOf([...base, 'stated,Förvaltning,lines,,,,,"2 000",'].join('\n'), {})).toEqual([
      'plan.csv:8:20: En stated-rad med gruppen lines behöver raden # @lines: med namnen på raderna som summeras',
    ]);
    expect(
      errorsOf([...base, '# @lines: Kansli; Hyra', 'stated,Förvaltning,lines,,,,,"2 000",'].join('\n'), {}),
    ).toEqual(['plan.csv:8:1: Raden "Hyra" i # @lines: finns inte bland member-, esf-, income- och cost-raderna']);
    expect(errorsOf([...base, '# @lines: Kansli', 'stated,Summa,costs,,,,,1,'].join('\n'), {})).toEqual([
      'plan.csv:8:1: # @lines: gäller stated-rader med gruppen lines eller share-lines, inte costs',
    ]);
  });

  it('writes back what it reads: sign, lines, quote, precision; no equity row without opening equity', () => {
    const plan = planOf(
      [
        '# unit: kr',
        header([2023]),
        'member,Staten,state,,,,,100',
        'cost,Team,individual,,,,,40',
        'cost,Team,structural,,,,,60',
        '# @lines: team; team-2',
        'stated,Alla team,lines,,,,,-100',
        '# @sign: normal',
        'stated,Fel tecken,costs,,,,,-100',
        '# @sign: negative',
        '# @precision: 10',
        'stated,Underskott,result,,,,,0',
        '# quote: "ram 100 kr"',
        'stated,Ram,costs,,,,,100',
      ].join('\n'),
    );
    const text = exportBudgetTable(plan);
    expect(text).not.toMatch(/^equity/m);
    expect(text).toContain('# @lines: team; team-2\nstated,Alla team,lines,,,,,-100\n');
    const back = planOf(text);
    expect('openingEquity' in back).toBe(false);
    const strip = (p: Plan) => p.stated.map(({ source, ...s }) => ({ ...s, quote: source?.quote }));
    expect(strip(back)).toEqual(strip(plan));
    expect(auditPlan(back).entries.map((e) => e.label)).toEqual(['Fel tecken']);
  });
});

describe('docs/formats/budget-table.md', () => {
  it('its example as Swedish Excel saves it reads, with no false slip', () => {
    const spec = readFileSync(new URL('../../../docs/formats/budget-table.md', import.meta.url), 'utf8');
    const example = spec.split('```').at(-2)?.trim() ?? '';
    expect(example).toMatch(/^Finnvedens/);
    const plan = planOf(example);
    expect('openingEquity' in plan).toBe(false);
    expect(plan.costs.map((c) => c.amount)).toEqual([
      { type: 'yearly', amounts: { '2021': '180000', '2022': '180000', '2023': '0' } },
      { type: 'yearly', amounts: { '2021': '705000', '2022': '679000', '2023': '701000' } },
    ]);
    expect(plan.stated.map((s) => [s.figure, s.value, s.sign, s.lines, s.source?.quote])).toEqual([
      ['lines', '-885000', 'negative', ['it-sparet', 'kansli'], undefined],
      ['costs', '885000', undefined, undefined, 'budgetramen är 885 tkr'],
    ]);
    expect(auditPlan(plan).entries).toEqual([]);
  });
});

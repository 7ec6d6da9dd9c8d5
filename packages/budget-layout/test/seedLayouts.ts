import { SheetBuilder, type SheetValue } from './layoutSheet.ts';

/**
 * The three seed plans' budget tables as their documents print them (shared/seeds/000, 001, 003):
 * their own row labels, order, signs and units, subtotal rows as formulas, opening equity among
 * the revenue, notes and footnotes. Nothing here is in the machine format.
 */

/** Göteborg 2023 (seed 000, section 6.1 Driftbudget): tkr, a single member row, category headings with shares. */
export function goteborgSheet(): SheetValue[][] {
  const s = new SheetBuilder();
  const years = [2, 3, 4];
  s.row('Samordningsförbundet Göteborg');
  s.row('Verksamhetsplan och budget 2023 med preliminär planering för 2024–2025');
  s.row('6.1 Driftbudget');
  s.blank();
  s.row('Intäkter tkr', 2023, 2024, 2025);
  const first = s.row('Medlemsintäkter', 61334, 61334, 61334);
  s.row('ESF-medel lokala projekt Göteborg', 3757, 3308, 2757);
  s.row('ESF-medel projektledning Gränsgångare', 2163, 2000, 2100);
  s.row('Övriga intäkter', 40, 40, 40);
  const equity = s.row('Ingående eget kapital', 12604, 4065, 2683);
  s.sum('Summa intäkter', { from: first, to: equity }, years);
  s.blank();
  s.row('Kostnader tkr', 2023, 2024, 2025);
  s.row(
    'Strukturövergripande insatser 2,6 % av kostnadsbudgeten.',
    null,
    'Motsvarar 1,3% av kostnadsbudgeten.',
    'Motsvarar 1,4% av kostnadsbudgeten.',
  );
  const structural = s.row('Utvecklingsmedel', 139, 40, 40);
  s.row('Utbildning', 375, 375, 375);
  s.row('Kommunikation + Insatskatalogen', 291, 300, 300);
  s.row('Nätverk', 208, 125, 125);
  s.row('Sgl Noll', 400, 0, 0);
  const structuralEnd = s.row('Analys och Utvärdering', 537, 65, 65);
  const sum1 = s.sum('SUMMA:', { from: structural, to: structuralEnd }, years);
  s.row(
    'Individinriktade insatser 88,2 % av kostnadsbudgeten.',
    null,
    'Motsvarar 88,4% av kostnadsbudgeten.',
    'Motsvarar 88,2% av kostnadsbudgeten.',
  );
  const individual = s.row('Individsamverkansteam', 10930, 10000, 9125);
  s.row('Unga vuxna', 13770, 13300, 13325);
  s.row('Columbus', 1004, 1006, 1008);
  s.row('Vuxna', 14616, 13300, 13125);
  s.row('Hälsa och Aktivitet', 13145, 11300, 11125);
  s.row('ESF-projekt Move On', 500, 0, 0);
  s.row('Move On implementering', 1440, 0, 0);
  s.row('ESF-projektet LANDA', 360, 0, 0);
  s.row('ESF-projekt lokalt projekt Gränsgångare', 2433, 2802, 2741);
  s.row('ESF-projekt ledning Gränsgångare', 2163, 2000, 2100);
  const individualEnd = s.row('Lokal', 6455, 6455, 6455);
  const sum2 = s.sum('SUMMA:', { from: individual, to: individualEnd }, years);
  s.row(
    'Förvaltningskostnader 9,2% av kostnadsbudgeten.',
    null,
    'Motsvarar 10,2% av kostnadsbudgeten.',
    'Motsvarar 10,5% av kostnadsbudgeten.',
  );
  const admin = s.row('Adm. kostnader + reservationer', 900, 900, 900);
  s.row('Styrelsen', 450, 450, 450);
  s.row('Revision', 200, 200, 200);
  s.row('Kansli', 4908, 4931, 4959);
  const adminEnd = s.row('Material/representation', 500, 500, 500);
  const sum3 = s.sum('SUMMA:', { from: admin, to: adminEnd }, years);
  s.sum('SUMMA KOSTNADER:', [sum1, sum2, sum3], years);
  return s.rows;
}

/** Finnveden 2021 (seed 001, section 8): kr, last year's budget and forecast beside the plan, a notes column, footnotes. */
export function finnvedenSheet(): SheetValue[][] {
  const s = new SheetBuilder();
  const years = [2, 3, 4, 5, 6];
  const header = ['', 'Budget 2020', 'Prognos 2020', 'Budget 2021', 'Plan 2022', 'Plan 2023', 'Not'];
  s.row('Finnvedens Samordningsförbund');
  s.row('8. Budget 2021 och plan 2022-2023');
  s.blank();
  s.row(...header);
  s.row('Intäkter');
  const first = s.row('Gislaveds kommun', 519200, 519700, 520300, 520300, 520300, 'a)');
  s.row('Gnosjö kommun', 170100, 168500, 168700, 168700, 168700);
  s.row('Värnamo kommun', 598700, 599800, 600500, 600500, 600500);
  s.row('Region Jönköpings län', 1288000, 1288000, 1289500, 1289500, 1289500);
  s.row('Staten gm Försäkringskassan', 2576000, 2576000, 2579000, 2579000, 2579000);
  const equity = s.row('Balanserat resultat', 1409579, 1689771, 1824471, 49671, 50071);
  const revenue = s.sum('Summa intäkter', { from: first, to: equity }, years);
  s.blank();
  s.row(...header);
  s.row('Kostnader');
  const ops = s.row('Stöd till arbete - SE/IPS', 1520000, 1434300, 0, 0, 0);
  s.row('IT-spåret', 200000, 190000, 180000, 180000, 0);
  s.row('Mitt Val', 1092000, 720000, 1080000, 0, 0);
  s.row('Nya Vägar', 1200000, 1150000, 1091700, 0, 0);
  s.row('Projekt Samverkan i GG(V)', 692000, 591000, 0, 0, 0);
  s.row('Gemensamma projektkostnader', 50000, 50000, 52000, 54000, 56000, 'b)');
  s.row('Utrymme nya insatser', 800000, 0, 2800000, 3200000, 3300000);
  s.row('Verksamhetsutvecklare', 0, 0, 824100, 844600, 865700);
  const opsEnd = s.row('Kompetensutveckling', 200000, 160000, 200000, 200000, 200000);
  const opsSum = s.sum('Delsumma verksamheter', { from: ops, to: opsEnd }, years);
  const admin = s.row('Kansli', 605000, 580000, 500000, 520000, 540000, 'c)');
  s.row('Information', 25000, 15000, 75000, 25000, 25000, 'd)');
  s.row('Styrelse', 5000, 2000, 3000, 5000, 5000);
  s.row('Ekonomihantering', 75000, 75000, 77000, 79000, 81000);
  const adminEnd = s.row('Revision', 35000, 50000, 50000, 50000, 50000);
  const adminSum = s.sum('Delsumma administration', { from: admin, to: adminEnd }, years, ['e)']);
  const costs = s.sum('Summa kostnader', [opsSum, adminSum], years);
  s.difference('Prel balanserat resultat', revenue, costs, years);
  s.blank();
  s.row('Fotnoter');
  s.row(
    'a) Fördelningen mellan kommunerna är preliminär. Den grundar sig på invånarantalet 1 juli året innan respektive budgetår.',
  );
  s.row(
    'b) I posten Gemensamma projektkostnader ingår främst Indikatorer för finansiell samordning och Insatskatalogen',
  );
  s.row(
    'c) Kanslikostnaden minskar 2021 p g a minskning av köp av tjänster från Samordningsförbundet Södra Vätterbygden. 2020 ingick 45% förbundschef och 25% förbundssekreterare.',
  );
  s.row('d) En satsning på information om förbundet och resultat som uppnås, planeras under 2021');
  s.row(
    'e) Andelen administration av totalkostnaden är 10-14%, mest beroende på hur mycket medel som beviljas och tas tillvara till verksamheter.',
  );
  return s.rows;
}

/**
 * Sundbyberg 2020 (seed 003, section 7): kr, last year's budget and outcome beside the plan, the
 * figures with the applied ESF project MIA Vidare in parentheses after the plain ones, footnote
 * markers after amounts, a page number and footnotes between the two cost tables.
 */
export function sundbybergSheet(): SheetValue[][] {
  const s = new SheetBuilder();
  s.row('Samordningsförbundet Sundbybergs stad');
  s.row('7 Budgetplan 2020 med prognos för 2021 och 2022');
  s.row('Intäkter', 'Budget 2019', 'Förväntat utfall 2019', 'Budget 2020', 'Budget 2021', 'Budget 2022');
  s.row('Region Stockholm', 500000, 500000, 500000, 500000, 500000);
  s.row('Arbetsförmedlingen + Försäkringskassan', 500000, 500000, 1000000, 1000000, 1000000);
  s.row('Sundbybergs stad', 500000, 500000, 500000, 500000, 500000);
  s.row(
    'Projektmedel in -DUA (om ESF projekt MIA Vidare beviljas)',
    '310 000 ²',
    310000,
    '(545 000) ³',
    '(934 000) ⁴',
    '(725 500) ⁵',
  );
  s.row(
    'Överskott från föregående år (överskott från föregående år om projekt MIA)',
    160000,
    160000,
    535000,
    '283 000 (281 000)',
    '23 000 (513 000)',
  );
  s.row(
    'TOTALT (Totalt om ESF MIA)',
    2470000,
    2470000,
    '2 535 000 (3 081 000)',
    '2 283 000 (3 215 000)',
    '2 023 000 (3 238 500)',
  );
  s.row('Utgifter/Kostnader', 'Budget 2019', 'Utfall 2019', 'Budget 2020', 'Budget 2021', 'Budget 2022');
  s.row('Fasta kostnader sammanfattade');
  s.row('- Kansli *', 275000, 150000, 250000, 250000, 250000);
  s.row('- Löner och arvoden **', 1046378, 1046000, 1100000, 1175000, 1250000);
  s.blank();
  s.row('8.');
  s.blank();
  s.row('² DUA medel – statsbidrag för erfarenhetsutbyte och lärande (2018:1) erhållit under 2019');
  s.row('³ Ersättning från ESF om "MIA vidare" beviljas – se bifogad förklaring');
  s.row('⁴ Ersättning från ESF om MIA vidare för 2021');
  s.row('⁵ Ersättning från ESF om MIA vidare för 2022');
  s.blank();
  s.row('Utgifter/Kostnader', 'Budget 2019', 'Utfall 2019', 'Budget 2020', 'Budget 2021', 'Budget 2022');
  s.row('Individinsatser');
  s.row(
    '1. Finsamteam inkl lots och insatskatalog (Om ESF MIA)',
    600000,
    250000,
    '770 000 (1 160 000)',
    '660 000 (1 180 000)',
    '680 000 (1 165 150)',
  );
  s.row('2. Insatskatalog 2019', 18000, 18000);
  s.row('Strukturella insatser');
  s.row('Kompetenshöjande', 28000, 45000, 125000, 125000, 50000);
  s.row('Finsamkonferens 2019', 50000, 25000);
  s.row('Utveckling analys/insatser/DUA', 460000, 400000, 25000, 25000, 25000);
  s.row(
    'Totalt (totalt om ESF MIA)',
    2477378,
    1934000,
    '2 252 000 (2 800 000)',
    '2 235 000 (2 700 000)',
    '2 265 000 (2 790 000)',
  );
  s.row(
    'Avvikelse (Avvikelse om MIA)',
    -7000,
    535000,
    '283 000 (281 000) ⁶',
    '48 000 (513 000) ⁷',
    '-232 000 (448 500) ⁸',
  );
  s.blank();
  s.row(
    '* Inhyrt stöd administrativt/ekonomiskt stöd (200*), telefon, dator, lokalhyra, hemsida, kontorsmaterial, , kopiering, broschyrer, arvodesadministrationskostnader, medlemskap NNS etc',
  );
  s.row(
    '** Lön förbundschef samt fasta arvoden för ordf och vice ordf, styrelse- o revisorsarvoden, inkl ersättning för förlorad arbetsinkomst, dataskyddsombud',
  );
  s.row('⁶ Prognostiserat överskott om projekt MIA vidare 2020');
  s.row('⁷ Prognostiserat överskott om projekt MIA vidare 2021');
  s.row('⁸ Prognostiserat överskott om projekt MIA vidare 2022');
  return s.rows;
}

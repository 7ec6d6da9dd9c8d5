/**
 * Göteborg 2023 (seed 000) as a förbund's Excel saves it with "CSV (semikolonavgränsad)": semicolons,
 * Windows-1252, no-break spaces between thousands, decimal comma. The members are split as the
 * document's section "Medlemsintäkter" gives them (Staten 30 667, VGR and Göteborgs Stad 15 333,5
 * each) with their subtotal, and the costs are kept negative, as many förbund keep them.
 */
const NBSP = '\u00a0';
const sv = (n: number) => {
  const [whole, frac] = Math.abs(n).toString().split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
};

const costs: [string, number[]][][] = [
  [
    ['Utvecklingsmedel', [139, 40, 40]],
    ['Utbildning', [375, 375, 375]],
    ['Kommunikation + Insatskatalogen', [291, 300, 300]],
    ['Nätverk', [208, 125, 125]],
    ['Sgl Noll', [400, 0, 0]],
    ['Analys och Utvärdering', [537, 65, 65]],
  ],
  [
    ['Individsamverkansteam', [10930, 10000, 9125]],
    ['Unga vuxna', [13770, 13300, 13325]],
    ['Columbus', [1004, 1006, 1008]],
    ['Vuxna', [14616, 13300, 13125]],
    ['Hälsa och Aktivitet', [13145, 11300, 11125]],
    ['ESF-projekt Move On', [500, 0, 0]],
    ['Move On implementering', [1440, 0, 0]],
    ['ESF-projektet LANDA', [360, 0, 0]],
    ['ESF-projekt lokalt projekt Gränsgångare', [2433, 2802, 2741]],
    ['ESF-projekt ledning Gränsgångare', [2163, 2000, 2100]],
    ['Lokal', [6455, 6455, 6455]],
  ],
  [
    ['Adm. kostnader + reservationer', [900, 900, 900]],
    ['Styrelsen', [450, 450, 450]],
    ['Revision', [200, 200, 200]],
    ['Kansli', [4908, 4931, 4959]],
    ['Material/representation', [500, 500, 500]],
  ],
];
const headings = [
  ['Strukturövergripande insatser 2,6 % av kostnadsbudgeten.', '1,3', '1,4'],
  ['Individinriktade insatser 88,2 % av kostnadsbudgeten.', '88,4', '88,2'],
  ['Förvaltningskostnader 9,2% av kostnadsbudgeten.', '10,2', '10,5'],
];

/** The CSV's lines, padded to four cells as Excel writes its used range. */
export function goteborgCsvLines(): string[] {
  const lines: string[][] = [
    ['Samordningsförbundet Göteborg'],
    ['Verksamhetsplan och budget 2023 med preliminär planering för 2024–2025'],
    ['Belopp i tkr'],
    [],
    ['Intäkter', '2023', '2024', '2025'],
    ['Staten gm Försäkringskassan', sv(30667), sv(30667), sv(30667)],
    ['Västra Götalandsregionen', sv(15333.5), sv(15333.5), sv(15333.5)],
    ['Göteborgs Stad', sv(15333.5), sv(15333.5), sv(15333.5)],
    ['Summa medlemsintäkter', sv(61334), sv(61334), sv(61334)],
    ['ESF-medel lokala projekt Göteborg', sv(3757), sv(3308), sv(2757)],
    ['ESF-medel projektledning Gränsgångare', sv(2163), sv(2000), sv(2100)],
    ['Övriga intäkter', '40', '40', '40'],
    ['Ingående eget kapital', sv(12604), sv(4065), sv(2683)],
    ['Summa intäkter', sv(79898), sv(70747), sv(68914)],
    [],
    ['Kostnader', '2023', '2024', '2025'],
  ];
  const total = [0, 0, 0];
  costs.forEach((group, g) => {
    const [label, y2, y3] = headings[g] as string[];
    lines.push([label as string, '', `Motsvarar ${y2}% av kostnadsbudgeten.`, `Motsvarar ${y3}% av kostnadsbudgeten.`]);
    const sum = [0, 0, 0];
    for (const [name, amounts] of group) {
      lines.push([name, ...amounts.map((a) => sv(-a))]);
      amounts.forEach((a, i) => {
        sum[i] = (sum[i] as number) + a;
      });
    }
    lines.push(['SUMMA:', ...sum.map((a) => sv(-a))]);
    sum.forEach((a, i) => {
      total[i] = (total[i] as number) + a;
    });
  });
  lines.push(['SUMMA KOSTNADER:', ...total.map((a) => sv(-a))]);
  return lines.map((cells) => [...cells, '', '', '', ''].slice(0, 4).join(';'));
}

const CP1252: Record<string, number> = { '–': 0x96, '—': 0x97, '€': 0x80, '’': 0x92, '”': 0x94 };

/** The text in Windows-1252, as Swedish Excel saves a CSV. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const mapped = CP1252[c];
    if (mapped !== undefined) return mapped;
    const code = c.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`Not in Windows-1252: ${c}`);
    return code;
  });
}

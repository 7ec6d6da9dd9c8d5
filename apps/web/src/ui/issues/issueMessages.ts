/**
 * What the readers of a budget file (`@samplan/budget-table`, `@samplan/budget-xlsx`) and the
 * plan's schema say, one text per code (and per variant, `issue.<code>.<variant>`), filled from the
 * issue's params; spread into messages.ts. Texts quoted from the file arrive as written; the
 * format's own words (kind, group, `# @lines:`, tkr) stay as the file writes them. The Swedish texts are
 * the readers' own messages (the CLI's), straight quotes included, where they name the same things.
 */
export const issueSv = {
  'issue.separator.point': 'punkten',
  'issue.separator.comma': 'kommat',
  // The budget table (CSV, or a workbook's budget sheet).
  'issue.unclosed-quote': 'Citattecknet stängs aldrig',
  'issue.no-header': 'Filen saknar rubrikrad ({columns},år…)',
  'issue.bad-header': 'Rubrikraden ska börja med {columns}; kolumn {column} är "{text}", väntade "{expected}"',
  'issue.bad-year': 'Årskolumnens rubrik "{text}" är inget årtal',
  'issue.years-not-consecutive': 'Åren ska följa på varandra: {previous} följs av {year}',
  'issue.year-count': 'Tabellen ska ha {min} till {max} årskolumner, inte {count}',
  'issue.row-before-header': 'Raden "{text}" står före rubrikraden (rad {headerLine})',
  'issue.bad-unit': 'Okänd enhet "{text}": ange kr eller tkr',
  'issue.unit-conflict': 'Filen anger enheten {unit} (# unit: {text}), men importen valde {chosen}',
  'issue.missing-unit':
    'Filen anger inte om beloppen är i kr eller tkr ("{text}" är {kr} kr eller {tkr} kr): lägg till raden # unit: tkr eller # unit: kr, eller välj enheten vid importen',
  'issue.missing-unit.plain':
    'Filen anger inte om beloppen är i kr eller tkr: lägg till raden # unit: tkr eller # unit: kr, eller välj enheten vid importen',
  'issue.ambiguous-amount':
    'Tvetydigt belopp i kolumn {column}: "{text}" kan betyda både {thousands} och {decimal} (är {separator} tusentalsavgränsare eller decimaltecken?); skriv {plain} eller {decimal}',
  'issue.invalid-amount': 'Ogiltigt belopp "{text}" i kolumn {column}',
  'issue.invalid-amount.share-unit': 'En andel anges i procent, inte i {unit}: "{text}"',
  'issue.invalid-amount.percent': 'Ogiltigt belopp "{text}" i kolumn {column}: {figure} är inget procenttal',
  'issue.amount-precision': 'Beloppet "{text}" har fler decimaler än öre i kolumn {column}',
  'issue.invalid-rate': 'Ogiltig andel "{text}" för {setting}',
  'issue.invalid-rate.band': 'Ogiltigt intervall "{text}": skriv t.ex. 0 %–15 %',
  'issue.extra-cell': 'Raden har fler celler än rubrikraden: "{text}"',
  'issue.unknown-kind': 'Okänd radtyp "{text}": ska vara {kinds}',
  'issue.missing-name': 'Raden saknar namn',
  'issue.bad-group': 'Gruppen "{text}" ska vara {allowed}',
  'issue.bad-group.member': 'Medlemmens grupp "{text}" ska vara state, region eller kommun',
  'issue.bad-group.esf': 'Gruppen på en esf-rad ska vara tom, approved eller applied, inte "{text}"',
  'issue.bad-group.cost':
    'Kostnadens kategori "{text}" ska vara individual, structural, administration eller unallocated',
  'issue.bad-group.stated': 'Okänd stated-grupp "{text}": ska vara {allowed}',
  'issue.bad-population': 'Ogiltigt invånarantal "{text}"',
  'issue.missing-project': 'En esf-rad måste ange sitt projekt i kolumnen project',
  'issue.conflicting-status': 'Projektet "{project}" är {otherStatus} på rad {otherLine} men {status} här',
  'issue.duplicate-equity': 'Ingående eget kapital anges redan på rad {otherLine}',
  'issue.equity-later-year':
    'Ingående eget kapital hör hemma i första årets kolumn ({firstYear}), inte {year} ("{text}"); dokumentets senare värden anges som stated-rad med gruppen opening-equity',
  'issue.missing-equity-amount':
    'equity-raden saknar belopp i första årets kolumn ({firstYear}): skriv 0, eller ta bort raden om dokumentet inte anger något ingående eget kapital',
  'issue.unknown-directive': 'Okänt raddirektiv "# {directive}:"; kända är {known}',
  'issue.duplicate-directive': '@{directive} anges redan på rad {otherLine} för samma rad: "{before}" och "{text}"',
  'issue.conflicting-setting': '# {setting}: anges redan på rad {otherLine} som "{before}", här som "{text}"',
  'issue.directive-not-for-row': '@{directive} gäller inte den här raden',
  'issue.directive-not-for-row.row-kind':
    '@{directive} gäller raderna {kinds}, men nästa rad (rad {line}) är en {kind}-rad',
  'issue.directive-not-for-row.share-precision':
    'En andels precision är decimalerna den skrivs med; @precision gäller belopp',
  'issue.directive-not-for-row.share-sign': '@sign gäller belopp, inte andelar',
  'issue.directive-not-for-row.lines-figure':
    '# @lines: gäller stated-rader med gruppen lines eller share-lines, inte {figure}',
  'issue.directive-without-row': '@{directive} står sist och gäller ingen rad',
  'issue.bad-directive': 'Ogiltigt värde "{text}" i # {directive}',
  'issue.bad-directive.precision':
    'Ogiltig precision "{text}" i # {directive}: ange värdet av den sista tryckta siffran i kr, t.ex. 1000 för hela tkr',
  'issue.bad-directive.lines':
    'Ogiltig radlista "{text}" i # @lines: skriv radernas namn eller id åtskilda med semikolon, t.ex. Kansli; Lokaler',
  'issue.bad-directive.sign':
    'Ogiltigt tecken "{text}" i # @sign: skriv negative (dokumentet trycker talet med omvänt tecken) eller normal',
  'issue.bad-directive.quote': '# quote: saknar text',
  'issue.invalid-date': 'Datum "{text}" ska skrivas ÅÅÅÅ-MM-DD',
  'issue.bad-staff': 'Ogiltig @staff-rad "{text}": skriv t.ex. fte=0.25 salary=38000 year=2020 add-on=0.32 indexed=yes',
  'issue.total-without-period': 'En total ("{text}") kräver både start och end',
  'issue.total-and-years': 'Ange antingen total ("{text}") med period eller belopp per år, inte båda',
  'issue.unknown-project': 'Projektet "{project}" har ingen esf-rad',
  'issue.ambiguous-member': 'Flera medlemmar heter "{member}" ({ids}); skriv id:t i # @member:',
  'issue.unknown-member': 'Medlemmen "{member}" finns inte bland member-raderna',
  'issue.lines-missing':
    'En stated-rad med gruppen {figure} behöver raden # @lines: med namnen på raderna som summeras',
  'issue.unknown-line': 'Raden "{line}" i # @lines: finns inte bland member-, esf-, income- och cost-raderna',
  'issue.ambiguous-line': 'Flera rader heter "{line}" ({ids}); skriv id:t i # @lines:',
  // The plan's own checks (validatePlan) that name their values.
  'issue.missing-amounts': 'Staten ({member}) måste ha belopp per år',
  'issue.missing-population': '{member}: invånarantal behövs för att fördela medlemsbidraget',
  'issue.band-reversed': 'Administrationsandelens nedre gräns är större än den övre',
  // The workbook.
  'issue.not-xlsx': 'Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller har ett annat format',
  'issue.no-sheet': 'Arbetsboken har inga blad',
  'issue.no-such-sheet': 'Arbetsboken har inget blad "{sheet}"; bladen heter {sheets}',
  'issue.no-budget-sheet':
    'Inget blad i arbetsboken har budgettabellens rubrikrad (kind,name,group,project,start,end,total,år…); bladen heter {sheets}',
  'issue.several-budget-sheets': 'Flera blad är budgettabeller ({sheets}): välj ett av dem',
  'issue.formula-without-value':
    'Formeln {formula} i {sheet}!{ref} har inget sparat värde: öppna filen i Excel och spara den igen',
  // Notes: what a reader decided for the user.
  'issue.note.windows-1252':
    "{file}: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')",
  'issue.note.utf-16-without-bom': '{file}: Filen saknar byte order mark men är UTF-16 ({byteOrder}); den lästes så',
  'issue.note.unclosed-quote-read-to': '{file}:{line}:{column}: Citattecknet stängs aldrig; filen lästes till dit',
  'issue.note.float-noise': '{sheet}!{ref}: det sparade värdet {stored} har flyttalsbrus; det lästes som {read}',
  // The plan's schema: Swedish mode says zod's Swedish message (or the schema's own) as it is.
  'issue.schema-invalid_type': '{message}',
  'issue.schema-too_small': '{message}',
  'issue.schema-too_big': '{message}',
  'issue.schema-invalid_format': '{message}',
  'issue.schema-not_multiple_of': '{message}',
  'issue.schema-unrecognized_keys': '{message}',
  'issue.schema-invalid_union': '{message}',
  'issue.schema-invalid_key': '{message}',
  'issue.schema-invalid_element': '{message}',
  'issue.schema-invalid_value': '{message}',
  'issue.schema-too_small.array': '{message}',
  'issue.schema-too_small.string': '{message}',
  'issue.schema-too_small.number': '{message}',
  'issue.schema-too_small.number-exclusive': '{message}',
  'issue.schema-too_big.array': '{message}',
  'issue.schema-too_big.string': '{message}',
  'issue.schema-too_big.number': '{message}',
  'issue.schema-too_big.number-exclusive': '{message}',
  'issue.path.root': 'planen',
} as const;

export const issueEn: Record<keyof typeof issueSv, string> = {
  'issue.separator.point': 'the point',
  'issue.separator.comma': 'the comma',
  'issue.unclosed-quote': 'The quotation mark is never closed',
  'issue.no-header': 'The file has no header row ({columns},years…)',
  'issue.bad-header': 'The header row must start with {columns}; column {column} is “{text}”, expected “{expected}”',
  'issue.bad-year': 'The year column heading “{text}” is not a year',
  'issue.years-not-consecutive': 'The years must follow each other: {previous} is followed by {year}',
  'issue.year-count': 'The table must have {min} to {max} year columns, not {count}',
  'issue.row-before-header': 'The row “{text}” comes before the header row (row {headerLine})',
  'issue.bad-unit': 'Unknown unit “{text}”: give kr or tkr',
  'issue.unit-conflict': 'The file gives the unit {unit} (# unit: {text}), but the import chose {chosen}',
  'issue.missing-unit':
    'The file does not say whether its amounts are in kr or tkr (“{text}” is {kr} kr or {tkr} kr): add the line # unit: tkr or # unit: kr, or choose the unit when importing',
  'issue.missing-unit.plain':
    'The file does not say whether its amounts are in kr or tkr: add the line # unit: tkr or # unit: kr, or choose the unit when importing',
  'issue.ambiguous-amount':
    'Ambiguous amount in column {column}: “{text}” can mean both {thousands} and {decimal} (is {separator} a thousands separator or a decimal mark?); write {plain} or {decimal}',
  'issue.invalid-amount': 'Invalid amount “{text}” in column {column}',
  'issue.invalid-amount.share-unit': 'A share is given in percent, not in {unit}: “{text}”',
  'issue.invalid-amount.percent': 'Invalid amount “{text}” in column {column}: {figure} is not a percentage',
  'issue.amount-precision': 'The amount “{text}” has more decimals than öre in column {column}',
  'issue.invalid-rate': 'Invalid rate “{text}” for {setting}',
  'issue.invalid-rate.band': 'Invalid range “{text}”: write e.g. 0 %–15 %',
  'issue.extra-cell': 'The row has more cells than the header row: “{text}”',
  'issue.unknown-kind': 'Unknown row kind “{text}”: must be {kinds}',
  'issue.missing-name': 'The row has no name',
  'issue.bad-group': 'The group “{text}” must be {allowed}',
  'issue.bad-group.member': 'The member’s group “{text}” must be state, region or kommun',
  'issue.bad-group.esf': 'The group of an esf row must be empty, approved or applied, not “{text}”',
  'issue.bad-group.cost': 'The cost’s category “{text}” must be individual, structural, administration or unallocated',
  'issue.bad-group.stated': 'Unknown stated group “{text}”: must be {allowed}',
  'issue.bad-population': 'Invalid population “{text}”',
  'issue.missing-project': 'An esf row must name its project in the project column',
  'issue.conflicting-status': 'The project “{project}” is {otherStatus} on row {otherLine} but {status} here',
  'issue.duplicate-equity': 'Opening equity is already given on row {otherLine}',
  'issue.equity-later-year':
    'Opening equity belongs in the first year’s column ({firstYear}), not {year} (“{text}”); the document’s later values go on a stated row with the group opening-equity',
  'issue.missing-equity-amount':
    'The equity row has no amount in the first year’s column ({firstYear}): write 0, or remove the row if the document states no opening equity',
  'issue.unknown-directive': 'Unknown row directive “# {directive}:”; the known ones are {known}',
  'issue.duplicate-directive':
    '@{directive} is already given on row {otherLine} for the same row: “{before}” and “{text}”',
  'issue.conflicting-setting': '# {setting}: is already given on row {otherLine} as “{before}”, here as “{text}”',
  'issue.directive-not-for-row': '@{directive} is not for this row',
  'issue.directive-not-for-row.row-kind':
    '@{directive} is for rows of the kinds {kinds}, but the next row (row {line}) is a {kind} row',
  'issue.directive-not-for-row.share-precision':
    'A share’s precision is the decimals it is written with; @precision is for amounts',
  'issue.directive-not-for-row.share-sign': '@sign is for amounts, not shares',
  'issue.directive-not-for-row.lines-figure':
    '# @lines: is for stated rows with the group lines or share-lines, not {figure}',
  'issue.directive-without-row': '@{directive} comes last and applies to no row',
  'issue.bad-directive': 'Invalid value “{text}” in # {directive}',
  'issue.bad-directive.precision':
    'Invalid precision “{text}” in # {directive}: give the value of the last printed digit in kr, e.g. 1000 for whole tkr',
  'issue.bad-directive.lines':
    'Invalid list of lines “{text}” in # @lines: write the lines’ names or ids separated by semicolons, e.g. Kansli; Lokaler',
  'issue.bad-directive.sign':
    'Invalid sign “{text}” in # @sign: write negative (the document prints the figure with the opposite sign) or normal',
  'issue.bad-directive.quote': '# quote: has no text',
  'issue.invalid-date': 'The date “{text}” must be written YYYY-MM-DD',
  'issue.bad-staff': 'Invalid @staff line “{text}”: write e.g. fte=0.25 salary=38000 year=2020 add-on=0.32 indexed=yes',
  'issue.total-without-period': 'A total (“{text}”) needs both start and end',
  'issue.total-and-years': 'Give either a total (“{text}”) with a period or amounts per year, not both',
  'issue.unknown-project': 'The project “{project}” has no esf row',
  'issue.ambiguous-member': 'Several members are called “{member}” ({ids}); write the id in # @member:',
  'issue.unknown-member': 'The member “{member}” is not among the member rows',
  'issue.lines-missing': 'A stated row with the group {figure} needs the line # @lines: naming the lines it sums',
  'issue.unknown-line': 'The line “{line}” in # @lines: is not among the member, esf, income and cost rows',
  'issue.ambiguous-line': 'Several lines are called “{line}” ({ids}); write the id in # @lines:',
  'issue.missing-amounts': 'The state ({member}) must have amounts per year',
  'issue.missing-population': '{member}: the population is needed to share out the member contribution',
  'issue.band-reversed': 'The lower bound of the administration share is greater than the upper',
  'issue.not-xlsx': 'The file cannot be read as an Excel workbook (.xlsx): it is damaged or in another format',
  'issue.no-sheet': 'The workbook has no sheets',
  'issue.no-such-sheet': 'The workbook has no sheet “{sheet}”; its sheets are {sheets}',
  'issue.no-budget-sheet':
    'No sheet of the workbook has the budget table’s header row (kind,name,group,project,start,end,total,years…); its sheets are {sheets}',
  'issue.several-budget-sheets': 'Several sheets are budget tables ({sheets}): choose one of them',
  'issue.formula-without-value':
    'The formula {formula} in {sheet}!{ref} has no saved value: open the file in Excel and save it again',
  'issue.note.windows-1252':
    '{file}: The file is not UTF-8; it was read as Windows-1252 (Excel’s “CSV (semicolon delimited)”)',
  'issue.note.utf-16-without-bom':
    '{file}: The file has no byte order mark but is UTF-16 ({byteOrder}); it was read so',
  'issue.note.unclosed-quote-read-to':
    '{file}:{line}:{column}: The quotation mark is never closed; the file was read up to there',
  'issue.note.float-noise': '{sheet}!{ref}: the saved value {stored} has floating-point noise; it was read as {read}',
  'issue.schema-invalid_type': '{path}: expected {expected}',
  'issue.schema-too_small': '{path}: too small (at least {minimum})',
  'issue.schema-too_big': '{path}: too big (at most {maximum})',
  'issue.schema-invalid_format': '{path}: not written in the expected form ({format})',
  'issue.schema-not_multiple_of': '{path}: must be a multiple of {divisor}',
  'issue.schema-unrecognized_keys': '{path}: unknown field(s) {keys}',
  'issue.schema-invalid_union': '{path}: matches none of the allowed forms',
  'issue.schema-invalid_key': '{path}: has an invalid key',
  'issue.schema-invalid_element': '{path}: has an invalid element',
  'issue.schema-invalid_value': '{path}: must be one of {values}',
  'issue.schema-too_small.array': '{path}: at least {minimum} needed',
  'issue.schema-too_small.string': '{path}: at least {minimum} characters',
  'issue.schema-too_small.number': '{path}: must be at least {minimum}',
  'issue.schema-too_small.number-exclusive': '{path}: must be greater than {minimum}',
  'issue.schema-too_big.array': '{path}: at most {maximum} allowed',
  'issue.schema-too_big.string': '{path}: at most {maximum} characters',
  'issue.schema-too_big.number': '{path}: must be at most {maximum}',
  'issue.schema-too_big.number-exclusive': '{path}: must be less than {maximum}',
  'issue.path.root': 'the plan',
};

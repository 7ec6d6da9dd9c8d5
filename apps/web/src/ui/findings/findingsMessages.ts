/** The rule check's texts, one per rule (spread into messages.ts). Amounts arrive formatted with their unit. */
export const findingsSv = {
  'finding.negative-equity': 'Eget kapital blir negativt {year}: {amount}. Ett samordningsförbund får inte låna.',
  'finding.equity-cap':
    'Eget kapital {year} ({amount}) överstiger {limitShare} av årets intäkter ({limit}) med {excess}.',
  'finding.admin-share.over': 'Administrationens andel av kostnaderna {year} är {share}, över gränsen {limitShare}.',
  'finding.admin-share.under': 'Administrationens andel av kostnaderna {year} är {share}, under gränsen {limitShare}.',
  'finding.no-opening-equity':
    'Planen anger inget ingående eget kapital för {year}: eget kapital räknas från 0 kr tills det anges.',
} as const;

export const findingsEn: Record<keyof typeof findingsSv, string> = {
  'finding.negative-equity': 'Equity turns negative in {year}: {amount}. A coordination association may not borrow.',
  'finding.equity-cap': 'Equity {year} ({amount}) exceeds {limitShare} of the year’s revenue ({limit}) by {excess}.',
  'finding.admin-share.over': 'Administration is {share} of costs in {year}, above the limit of {limitShare}.',
  'finding.admin-share.under': 'Administration is {share} of costs in {year}, below the limit of {limitShare}.',
  'finding.no-opening-equity':
    'The plan states no opening equity for {year}: equity figures assume 0 kr until it is entered.',
};

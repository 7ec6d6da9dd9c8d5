/** Texts of the opening equity field (spread into messages.ts). */
export const openingEquitySv = {
  'equity.notStated': 'Inget ingående eget kapital är angivet: eget kapital räknas från 0 kr tills det anges.',
  'equity.help': 'Töm fältet om det ingående egna kapitalet inte är känt än.',
  'equity.cleared': 'Det ingående egna kapitalet är borttaget: eget kapital räknas från 0 kr tills det anges.',
} as const;

export const openingEquityEn: Record<keyof typeof openingEquitySv, string> = {
  'equity.notStated': 'No opening equity is stated: equity figures assume 0 kr until it is entered.',
  'equity.help': 'Clear the field if the opening equity is not known yet.',
  'equity.cleared': 'The opening equity is removed: equity figures assume 0 kr until it is entered.',
};

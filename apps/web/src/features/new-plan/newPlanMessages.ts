/** Texts of the new plan's years (spread into messages.ts). */
export const newPlanSv = {
  'newPlan.firstYear': 'Första år (budgetåret)',
  'newPlan.yearCount': 'Antal år',
  'newPlan.yearsHelp': 'Budgetåret och planåren, 1–10 år i följd. Planens år kan ändras senare på budgetsidan.',
  'newPlan.yearOption': '{count} år ({first}–{last})',
  'newPlan.oneYear': '1 år ({first})',
} as const;

export const newPlanEn: Record<keyof typeof newPlanSv, string> = {
  'newPlan.firstYear': 'First year (the budget year)',
  'newPlan.yearCount': 'Number of years',
  'newPlan.yearsHelp':
    'The budget year and the plan years, 1–10 consecutive years. The years can be changed later on the budget page.',
  'newPlan.yearOption': '{count} years ({first}–{last})',
  'newPlan.oneYear': '1 year ({first})',
};

import type { CostCategory, MemberGroup, StatedFigure } from '@samplan/engine';

/** A cost category as the explanations say it. */
export const CATEGORY_SV: Record<CostCategory, string> = {
  individual: 'individinriktad insats',
  structural: 'strukturövergripande insats',
  administration: 'förvaltning/administration',
  unallocated: 'ej fördelade medel (utrymme för nya insatser)',
};

/** A member group as the explanations say it. */
export const MEMBER_SV: Record<MemberGroup, string> = {
  state: 'staten (medlem)',
  region: 'region (medlem)',
  kommun: 'kommun (medlem)',
};

/** A stated figure as the explanations say it. */
export const FIGURE_SV: Record<StatedFigure, string> = {
  revenue: 'summa intäkter',
  costs: 'summa kostnader',
  result: 'årets resultat',
  'closing-equity': 'utgående eget kapital',
  'opening-equity': 'ingående eget kapital',
  'revenue-with-equity': 'summa intäkter inklusive ingående eget kapital',
  'member-revenue': 'summa medlemsintäkter',
  'cost-individual': 'summa individinriktade insatser',
  'cost-structural': 'summa strukturövergripande insatser',
  'cost-administration': 'summa förvaltning/administration',
  'cost-unallocated': 'summa ej fördelade medel',
  'cost-operations': 'summa verksamhet (allt utom förvaltning)',
  'share-individual': 'individinriktade insatsers andel av kostnaderna',
  'share-structural': 'strukturövergripande insatsers andel av kostnaderna',
  'share-administration': 'förvaltningens andel av kostnaderna',
  'share-unallocated': 'ej fördelade medels andel av kostnaderna',
  'esf-revenue': 'summa ESF-intäkter',
  'other-revenue': 'summa övriga intäkter',
  lines: 'delsumma av raderna ovanför',
  'share-lines': 'radernas andel',
  'share-member-state': 'statens andel av medlemsintäkterna',
  'share-member-region': 'regionens andel av medlemsintäkterna',
  'share-member-kommun': 'kommunernas andel av medlemsintäkterna',
};

/** "2020", "2020 och 2022", "2020, 2021 och 2022". */
export function listSv(items: readonly (string | number)[]): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join('');
  return `${s.slice(0, -1).join(', ')} och ${s[s.length - 1]}`;
}

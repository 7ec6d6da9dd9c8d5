import { formatRate, parseKronor, ratio } from '@samplan/engine';

/** `part / whole` of two kronor strings as a fraction string (exact, 6 decimals); null when whole is 0. */
export function shareOf(part: string, whole: string): string | null {
  const a = parseKronor(part);
  const b = parseKronor(whole);
  if (!a.ok || !b.ok) return null;
  const r = ratio(a.value, b.value);
  return r ? formatRate(r, 6) : null;
}

/** The longest sheet name Excel allows. */
export const MAX_SHEET_NAME = 31;

/**
 * Sheet names Excel accepts for the wanted names, in order, unique ignoring case: characters
 * `: \ / ? * [ ]` become `-`, no apostrophe at either end, at most 31 characters, never empty,
 * never `History` (reserved by Excel); a repeated name gets ` (2)`, ` (3)`, … within the 31.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>(['history']);
  return wanted.map((name) => {
    const clean = clip(name.replace(/[:\\/?*[\]]/g, '-').replace(/\p{Cc}/gu, ' '), MAX_SHEET_NAME) || 'Blad';
    let unique = clean;
    for (let k = 2; used.has(unique.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      unique = `${clip(clean, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    used.add(unique.toLowerCase());
    return unique;
  });
}

/** At most `max` UTF-16 units (never half a character), trimmed of spaces and apostrophes at the ends. */
function clip(text: string, max: number): string {
  const trim = (s: string) => s.replace(/^[\s']+|[\s']+$/g, '');
  let out = '';
  for (const ch of trim(text)) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return trim(out);
}

/** A readable id from a name: `Hälsa och Aktivitet` → `halsa-och-aktivitet`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'rad';
}

/** Hands out unique ids: the slug, then `slug-2`, `slug-3`, … */
export function createIdMaker(): (name: string, wanted?: string) => string {
  const used = new Set<string>();
  return (name, wanted) => {
    const base = wanted ?? slugify(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
}

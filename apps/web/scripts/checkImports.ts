/**
 * The web app's import rules, checked on the source text (run by `npm run lint`):
 * - a feature imports no other feature (`src/features/a` → `src/features/b`);
 * - `src/core/` imports no React (nor react-dom, nor Tiptap's React bindings);
 * - nothing outside `src/core/` imports yjs, a `y-*` package or `@samplan/plan-doc`.
 *
 * Usage: `tsx scripts/checkImports.ts [src folder]`; prints each broken rule as file:line and exits 1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One import that breaks a rule. */
export interface ImportViolation {
  /** The importing file, relative to the checked folder, with `/` separators. */
  file: string;
  line: number;
  specifier: string;
  rule: 'feature-imports-feature' | 'core-imports-react' | 'document-outside-core';
  message: string;
}

const SOURCE = /\.(ts|tsx|mts|mjs|js|jsx)$/;
/** `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`. */
const IMPORT =
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const REACT = /^(react|react-dom|@tiptap\/react)(\/|$)/;
const DOCUMENT = /^(yjs|y-[^/]+|@samplan\/plan-doc)(\/|$)/;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return SOURCE.test(name) ? [path] : [];
  });

/** The feature a path (relative to the src folder, `/` separators) belongs to, or null. */
const featureOf = (path: string): string | null => /^features\/([^/]+)\//.exec(path)?.[1] ?? null;

/** Checks every source file under `srcDir` (the app's `src`); returns the imports that break a rule. */
export function checkImports(srcDir: string): ImportViolation[] {
  const root = resolve(srcDir);
  const violations: ImportViolation[] = [];
  for (const path of filesUnder(root)) {
    const file = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const inCore = file.startsWith('core/');
    const feature = featureOf(file);
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      const line = text.slice(0, match.index).split('\n').length;
      const at = { file, line, specifier };
      if (!inCore && DOCUMENT.test(specifier)) {
        violations.push({
          ...at,
          rule: 'document-outside-core',
          message: `${specifier} is imported only in src/core/ (use the session's stores and commands)`,
        });
      }
      if (inCore && REACT.test(specifier)) {
        violations.push({ ...at, rule: 'core-imports-react', message: `src/core/ is framework-free: no ${specifier}` });
      }
      if (feature && specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(path), specifier))
          .split(sep)
          .join('/');
        const other = featureOf(`${target}/`);
        if (other && other !== feature) {
          violations.push({
            ...at,
            rule: 'feature-imports-feature',
            message: `features/${feature} imports features/${other}: features import only core/ and ui/`,
          });
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const violations = checkImports(srcDir);
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}  ${v.message}`);
  if (violations.length) {
    console.error(`${violations.length} import(s) break the web app's import rules (scripts/checkImports.ts).`);
    process.exit(1);
  }
}

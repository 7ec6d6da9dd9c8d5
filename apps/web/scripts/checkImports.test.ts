import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports } from './checkImports.ts';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'checkImports.ts');
const tsx = join(here, '..', '..', '..', 'node_modules', '.bin', 'tsx');

/** A throwaway `src` folder with the given files. */
const tree = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'import-rules-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  made.push(root);
  return root;
};
const made: string[] = [];
afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Runs the lint step as `npm run lint` does; returns its exit code and what it printed. */
const run = (srcDir: string): { code: number; output: string } => {
  try {
    execFileSync(tsx, [script, srcDir], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: '' };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
};

describe('the web app’s import rules', () => {
  it('fail on a feature importing another feature, React in core/, and yjs or plan-doc outside core/', () => {
    const src = tree({
      'features/a/A.tsx':
        "import { b } from '../b/b.ts';\nimport { c } from '../../core/c.ts';\nexport const a = b + c;\n",
      'features/b/b.ts': "import { helper } from './helper.ts';\nexport const b = helper;\n",
      'features/b/helper.ts': 'export const helper = 1;\n',
      'core/c.ts': "import { useState } from 'react';\nimport * as Y from 'yjs';\nexport const c = [useState, Y];\n",
      'views/V.tsx': [
        "import * as Y from 'yjs';",
        "import type { Awareness } from 'y-protocols/awareness';",
        'import {',
        '  readVersions,',
        "} from '@samplan/plan-doc';",
        "const lazy = () => import('y-websocket');",
        'export const v = [Y, readVersions, lazy];',
        '',
      ].join('\n'),
    });
    const found = checkImports(src).map((v) => `${v.file}:${v.line} ${v.rule} ${v.specifier}`);
    expect(found.sort()).toEqual(
      [
        'features/a/A.tsx:1 feature-imports-feature ../b/b.ts',
        'core/c.ts:1 core-imports-react react',
        'views/V.tsx:1 document-outside-core yjs',
        'views/V.tsx:2 document-outside-core y-protocols/awareness',
        'views/V.tsx:3 document-outside-core @samplan/plan-doc',
        'views/V.tsx:6 document-outside-core y-websocket',
      ].sort(),
    );

    const lint = run(src);
    expect(lint.code).toBe(1);
    expect(lint.output).toContain('features/a/A.tsx:1  feature-imports-feature');
  });

  it('pass on the app as it is', () => {
    expect(checkImports(join(here, '..', 'src'))).toEqual([]);
    expect(run(join(here, '..', 'src')).code).toBe(0);
  });
});

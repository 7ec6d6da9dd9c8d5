import type { Issue } from '@samplan/engine';
import { findNodeAtLocation, type ParseError, parse, parseTree, printParseErrorCode } from 'jsonc-parser';

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON, reporting a syntax error with its line and column. */
export function readJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; errors: Issue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = positionOf(text, first?.offset ?? 0);
    return {
      ok: false,
      errors: [
        {
          code: 'json-syntax',
          message: `Ogiltig JSON (${first ? printParseErrorCode(first.error) : 'syntax'})`,
          file,
          ...at,
        },
      ],
    };
  }
}

/** Adds the file, line and column of each issue's JSON path (the nearest existing node). */
export function locateIssues(issues: Issue[], text: string, file: string, prefix: (string | number)[] = []): Issue[] {
  const root = parseTree(text);
  return issues.map((issue) => {
    const path = [...prefix, ...(issue.path ?? [])];
    for (let k = path.length; root && k >= 0; k--) {
      const node = findNodeAtLocation(root, path.slice(0, k));
      if (node) {
        const target = node.parent?.type === 'property' && k === path.length ? node.parent : node;
        return { ...issue, file, ...positionOf(text, target.offset) };
      }
    }
    return { ...issue, file, line: 1, column: 1 };
  });
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Page content is untrusted: extension pages render it as text only. This guards against anyone
// reaching for an HTML sink in our own code (Readability's internals are not ours and not scanned).
const root = resolve(__dirname, '../..');
const SINKS = /\binnerHTML\s*\+?=|\bouterHTML\s*\+?=|\bsetHTML(?:Unsafe)?\(|\bsrcdoc\b|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\(|\bnew Function\(|\beval\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no HTML injection sinks in our code', () => {
  it('never assigns HTML strings or evaluates code in entrypoints, components, utils or cli', () => {
    const offenders = ['entrypoints', 'components', 'utils', 'cli']
      .flatMap((d) => sourceFiles(join(root, d)))
      .filter((file) => SINKS.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});

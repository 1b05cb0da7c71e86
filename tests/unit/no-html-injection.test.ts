import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Page content is untrusted: extension pages render it as text only. This guards against anyone
// reaching for an HTML sink in our own code (Readability's internals are not ours and not scanned).
// Part of `npm test` (the unit step): a violation fails the run.
const root = resolve(__dirname, '../..');
const SINKS: Array<[name: string, pattern: RegExp]> = [
  ['innerHTML', /\binnerHTML\s*\+?=|\[\s*['"`]innerHTML['"`]\s*\]|\binnerHTML\s*:/],
  ['outerHTML', /\bouterHTML\s*\+?=|\[\s*['"`]outerHTML['"`]\s*\]|\bouterHTML\s*:/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['setHTML', /\bsetHTML(?:Unsafe)?\s*\(|\bparseHTMLUnsafe\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\s*\(/],
  ['eval', /(?<![.\w])eval\s*\(|\bnew\s+Function\s*\(/],
];
const SCANNED = ['entrypoints', 'components', 'utils', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs|jsx|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `file:line: sink` for every line of our source that uses an HTML sink. */
function findSinks(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => SINKS.filter(([, re]) => re.test(line)).map(([name]) => `${relative(root, file)}:${i + 1}: ${name}`)),
  );
}

describe('no HTML injection sinks in our code', () => {
  it('never assigns HTML strings or evaluates code in entrypoints, components, utils or cli', () => {
    expect(findSinks(SCANNED.flatMap((d) => sourceFiles(join(root, d))))).toEqual([]);
  });

  it.each([
    ['innerHTML', 'el.innerHTML = page.title;'],
    ['innerHTML', "el['innerHTML'] = html;"],
    ['innerHTML', 'Object.assign(el, { innerHTML: html });'],
    ['outerHTML', 'el.outerHTML += html;'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', html);"],
    ['dangerouslySetInnerHTML', '<div dangerouslySetInnerHTML={{ __html: html }} />'],
    ['document.write', 'document.write(html);'],
    ['document.write', 'document.writeln(html);'],
    ['srcdoc', '<iframe srcDoc={html} />'],
    ['setHTML', 'el.setHTMLUnsafe(html);'],
    ['createContextualFragment', 'range.createContextualFragment(html);'],
    ['eval', 'eval(code);'],
  ])('recognises %s in `%s`', (name, line) => {
    expect(SINKS.filter(([, re]) => re.test(line)).map(([n]) => n)).toContain(name);
  });

  it('lets reading text and setting textContent through', () => {
    const safe = ['el.textContent = page.title;', 'const html = el.outerHTML.length;', 'input.value = draft.author;', 'retrieval(x);'];
    expect(safe.filter((line) => SINKS.some(([, re]) => re.test(line)))).toEqual([]);
  });
});

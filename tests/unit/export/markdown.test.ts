import { readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportMarkdownZip, markdownNote } from '../../../utils/export/markdown';
import { uniqueFileNames } from '../../../utils/export/safe-file-name';
import { yamlString } from '../../../utils/export/yaml';
import { fixtureRecords, fixtureUrl, readFixture } from './fixtures';

describe('Markdown export', () => {
  it('zips one note per record, matching the hand-checked notes', () => {
    const files = unzipSync(exportMarkdownZip(fixtureRecords));
    const expected = readdirSync(fixtureUrl('expected/markdown')).sort();
    expect(Object.keys(files).sort()).toEqual(expected);
    for (const name of expected) expect(strFromU8(files[name]!), name).toBe(readFixture(`expected/markdown/${name}`));
  });

  it('still exports a record last edited before 1980, which zip file times cannot hold', () => {
    const old = { ...fixtureRecords[0], updatedAt: '1970-01-01T00:00:00Z' };
    const files = unzipSync(exportMarkdownZip([old]));
    expect(Object.keys(files)).toHaveLength(1);
    expect(strFromU8(Object.values(files)[0])).toMatch(/^---\n/);
  });

  it('gives the same archive for the same records', () => {
    expect(exportMarkdownZip(fixtureRecords)).toEqual(exportMarkdownZip(fixtureRecords));
  });

  it('puts the summary and the summarizer under the front matter', () => {
    expect(markdownNote(fixtureRecords[0]!)).toMatch(/\n---\n\nThe Taliban, [^\n]+\n\nBy: Riyaz ul Khaliq, CIGA Non-resident Research Associate\n$/);
  });
});

describe('YAML strings', () => {
  it.each([
    ['Title: with a colon', '"Title: with a colon"'],
    ['He said "no"', '"He said \\"no\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines\r\n', '"two\\nlines\\r\\n"'],
    ['tab\there\u0007bell', '"tab\\there\\x07bell"'],
    ['line\u2028separator', '"line\\Lseparator"'],
    ['中文 / عربي', '"中文 / عربي"'],
  ])('%j is written as %s', (input, output) => {
    expect(yamlString(input)).toBe(output);
  });
});

describe('note file names', () => {
  it('never leave the archive folder or use reserved characters', () => {
    const name = uniqueFileNames('md');
    expect(name('../../etc/passwd')).toBe('etc passwd.md');
    expect(name('..\\..\\boot.ini')).toBe('boot.ini.md');
    expect(name('a<b>c:d"e|f?g*h')).toBe('a b c d e f g h.md');
    expect(name('tab\tnew\nline\u0000')).toBe('tab new line.md');
    expect(name('...')).toBe('Untitled.md');
    expect(name('   ')).toBe('Untitled (2).md');
  });

  it('avoid Windows device names', () => {
    const name = uniqueFileNames('md');
    expect(['CON', 'nul', 'Com1', 'LPT9.txt', 'Console'].map(name)).toEqual(['CON_.md', 'nul_.md', 'Com1_.md', 'LPT9.txt_.md', 'Console.md']);
  });

  it('are unique even where file systems ignore letter case', () => {
    const name = uniqueFileNames('md');
    expect(['Report', 'report', 'REPORT', 'Report (2)'].map(name)).toEqual(['Report.md', 'report (2).md', 'REPORT (3).md', 'Report (2) (2).md']);
  });

  it('are capped at 80 characters without splitting a character', () => {
    const name = uniqueFileNames('md');
    const long = name('😀'.repeat(100));
    expect(Array.from(long.replace(/\.md$/, ''))).toEqual(Array(80).fill('😀'));
    expect(name('a'.repeat(79) + ' b')).toBe(`${'a'.repeat(79)}.md`);
  });
});

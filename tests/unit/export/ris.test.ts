import { describe, expect, it } from 'vitest';
import { exportRis, risEntry } from '../../../utils/export/ris';
import { fixtureRecords, readFixture } from './fixtures';

/** The entries of an RIS file as Zotero's RIS translator reads them: tag lines, continuation lines appended. */
function readRis(file: string): { tag: string; value: string }[][] {
  const entries: { tag: string; value: string }[][] = [];
  let entry: { tag: string; value: string }[] = [];
  for (const line of file.split('\r\n')) {
    const m = line.match(/^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/);
    if (m) {
      if (m[1] === 'ER') {
        entries.push(entry);
        entry = [];
      } else entry.push({ tag: m[1]!, value: m[2] ?? '' });
    } else if (line.trim() && entry.length) entry.at(-1)!.value += `\n${line}`;
  }
  return entries;
}

describe('RIS export', () => {
  it('matches the hand-checked file (commas, quotes, line breaks, Arabic, Chinese)', () => {
    expect(exportRis(fixtureRecords)).toBe(readFixture('expected/records.ris'));
  });

  it('gives Zotero what it imports: type, authors, date, container, keywords as tags, summary as abstract, the rest as a note', () => {
    const [seed] = readRis(exportRis(fixtureRecords));
    const get = (tag: string) => seed!.filter((f) => f.tag === tag).map((f) => f.value);
    expect(get('TY')).toEqual(['ELEC']);
    expect(get('AU')).toEqual(['Weinstein, Adam']);
    expect(get('DA')).toEqual(['2021/09/30']);
    expect(get('T2')).toEqual(['Foreign Policy']);
    expect(get('KW')).toEqual(fixtureRecords[0]!.keywords);
    expect(get('AB')).toEqual([fixtureRecords[0]!.summary]);
    expect(get('N1')[0]).toContain('Summarized by: Riyaz ul Khaliq, CIGA Non-resident Research Associate');
  });

  it('writes one entry per record, CRLF line ends, nothing after ER but a blank line', () => {
    const file = exportRis(fixtureRecords);
    expect(readRis(file)).toHaveLength(fixtureRecords.length);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(file.endsWith('ER  - \r\n')).toBe(true);
  });

  it('keeps a hostile summary from starting new tags, and a keyword from splitting into two tags', () => {
    const record = { ...fixtureRecords[0]!, summary: 'First line.\nKW  - injected\r\nER  - \nTY  - JOUR', keywords: ['a; b'], title: 'Two\nlines' };
    const [entry, ...rest] = readRis(risEntry(record));
    expect(rest).toEqual([]);
    expect(entry!.filter((f) => f.tag === 'KW').map((f) => f.value)).toEqual(['a, b']);
    expect(entry!.find((f) => f.tag === 'AB')!.value).toBe('First line.\n KW  - injected\n ER  -\n TY  - JOUR');
    expect(entry!.find((f) => f.tag === 'TI')!.value).toBe('Two lines');
  });

  it('puts the publisher where each type keeps it: the container for articles and pages, PB for reports and books', () => {
    const tags = (literatureType: string) => readRis(risEntry({ ...fixtureRecords[0]!, literatureType }))[0]!.map((f) => f.tag);
    expect(tags('News')).toEqual(expect.arrayContaining(['T2', 'CY']));
    expect(tags('News')).not.toContain('PB');
    expect(tags('Report')).toEqual(expect.arrayContaining(['PB', 'CY']));
    expect(tags('Report')).not.toContain('T2');
    expect(tags('Analysis')).not.toContain('CY'); // a web page has no place in Zotero: it would become a stray note
  });
});

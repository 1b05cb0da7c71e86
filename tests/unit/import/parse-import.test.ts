import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrecisDatabase } from '../../../utils/db/database';
import { saveRecord } from '../../../utils/db/records';
import { applyImport } from '../../../utils/import/apply-import';
import { migrateRecords } from '../../../utils/import/migrations';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, parseImport } from '../../../utils/import/parse-import';
import { record, snapshot } from './helpers';

const seedText = readFileSync(new URL('../../../../shared/examples/seed-record.json', import.meta.url), 'utf8');
const version1Text = readFileSync(new URL('../../fixtures/import/version-1.json', import.meta.url), 'utf8');

const envelope = (records: unknown[], patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'precis.records', version: 1, exportedAt: '2024-05-01T00:00:00.000Z', records, ...patch });
const withRecord = (patch: Record<string, unknown>, at = 0) =>
  envelope([record(), record(), record()].map((r, i) => (i === at ? { ...r, ...patch } : r)));

describe('parseImport on good files', () => {
  it('reads the published seed export', () => {
    const parsed = parseImport(seedText);
    expect(parsed).toMatchObject({ ok: true, version: 1 });
    if (!parsed.ok) return;
    expect(parsed.records).toEqual([JSON.parse(seedText).records[0]]);
  });

  it('keeps importing exports made by version 1', () => {
    const parsed = parseImport(version1Text);
    expect(parsed.ok && parsed.version).toBe(1);
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => r.id)).toEqual(['6a1f0c1e-2d4b-4b8e-9f3a-7c5d2e1b0a99', '0b7d6c55-93c1-4c6e-8a51-2f1f9a0d7e10', 'c2']);
    expect(parsed.records[1]).toMatchObject({
      authors: [{ name: "Jane O'Neil", affiliation: 'Lowy Institute' }, { name: '李华', affiliation: null }],
      sources: { title: 'JSON-LD' },
      text: expect.stringContaining('Gwadar to Piraeus'),
    });
    // Fields an early export left out get their defaults.
    expect(parsed.records[2]).toMatchObject({ title: 'سياسة الموانئ في الخليج', authors: [], keywords: [], summary: '', publisher: null });
  });

  it('accepts a file that starts with a byte order mark and has CRLF line ends', () => {
    const parsed = parseImport(`\uFEFF${JSON.stringify(JSON.parse(seedText), null, 2).replace(/\n/g, '\r\n')}`);
    expect(parsed.ok).toBe(true);
  });

  it('ignores fields it does not know, so small additions by later versions do not block an import', () => {
    const parsed = parseImport(withRecord({ rating: 5 }));
    expect(parsed.ok && Object.keys(parsed.records[0]!)).not.toContain('rating');
  });
});

describe('export version migrations', () => {
  it('walks an old export up one step at a time', () => {
    const steps = {
      1: (rs: unknown[]) => rs.map((r) => ({ ...(r as object), v2: true })),
      2: (rs: unknown[]) => rs.map((r) => ({ ...(r as object), v3: true })),
    };
    expect(migrateRecords([{ id: 'a' }], 1, 3, steps)).toEqual([{ id: 'a', v2: true, v3: true }]);
    expect(migrateRecords([{ id: 'a' }], 3, 3, steps)).toEqual([{ id: 'a' }]);
  });

  it('gives up on a version without a step instead of guessing', () => {
    expect(migrateRecords([], 1, 3, {})).toBeNull();
  });
});

describe('parseImport on bad files leaves the library unchanged', () => {
  let db: PrecisDatabase;
  beforeAll(async () => {
    db = new PrecisDatabase(`import-bad-${crypto.randomUUID()}`);
    await saveRecord(db, record({ id: 'kept', text: 'Kept article text.' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'also-kept' }), { kind: 'create' });
  });
  afterAll(() => db.delete());

  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  const cases: [name: string, text: string, message: RegExp, byteSize?: number][] = [
    ['a file over the size limit, refused before parsing', seedText, /^This file is 200 MB; Précis imports files up to 150 MB\./, 200 * 1024 * 1024],
    ['not JSON at all', 'Title,Authors\nA,B\n', /^The file is not JSON \(it starts with "T", where a Précis export starts with "\{"\)\.$/],
    ['a misspelt keyword', '{"format": "precis.records", "version": 1, "records": [nul]}', /^The file is not valid JSON\b.*: /],
    ['JSON cut off in the middle', seedText.slice(0, 300), /^The file is not valid JSON\b.*: /],
    ['a trailing comma', '{"format": "precis.records",\n  "version": 1,\n}', /^The file is not valid JSON \(line 3, column 1\): /],
    ['an empty file', '', /^The file is empty\.$/],
    ['only whitespace and a BOM', '\uFEFF \r\n ', /^The file is empty\.$/],
    ['a list of records instead of the envelope', JSON.stringify([record()]), /^This is not a Précis export \(expected an object with "format": "precis.records", found a list\)\.$/],
    ['a bare string', '"precis.records"', /found a string\)\.$/],
    ['null', 'null', /found null\)\.$/],
    ['another tool’s format', envelope([], { format: 'zotero.items' }), /found "zotero.items"\)\.$/],
    ['no format at all', JSON.stringify({ version: 1, records: [] }), /found no format\)\.$/],
    ['no version', envelope([], { version: undefined }), /^This Précis export has no valid version number\.$/],
    ['a version that is not a whole number', envelope([], { version: '1' }), /no valid version number/],
    ['version 0', envelope([], { version: 0 }), /no valid version number/],
    ['a newer version', envelope([], { version: 7 }), /^This file was made by a newer Précis \(export version 7; this one reads up to version 1\)\. Update Précis/],
    ['no records list', envelope([], { records: undefined }), /^This Précis export has no "records" list \(found nothing\)\.$/],
    ['records as an object', envelope([], { records: { a: 1 } }), /no "records" list \(found an object\)/],
    ['too many records', envelope(Array(MAX_IMPORT_RECORDS + 1).fill(0)), /^This file holds 100,001 records; Précis imports at most 100,000 at a time\.$/],
    ['record 3 is not an object', envelope([record(), record(), 42]), /^Record 3 is not a record \(found a number\)\.$/],
    ['a record without a title', withRecord({ title: undefined }, 1), /^Record 2: title: expected a string, found nothing\.$/],
    ['too many keywords', withRecord({ keywords: Array.from({ length: 501 }, (_, k) => `k${k}`) }), /keywords: more than 500 items\.$/],
    ['a summarizer name that is a number', withRecord({ summarizedBy: { name: 5, role: '' } }), /summarizedBy\.name: expected a string, found a number\.$/],
    ['a blank title', withRecord({ title: '   ' }, 1), /^Record 2: title: a title is required\.$/],
    ['a bad published date', withRecord({ title: 'Get the Generals', publishedDate: '30/09/2021' }, 2), /^Record 3 \("Get the Generals"\): publishedDate: an ISO 8601 date\.$/],
    ['a bad timestamp', withRecord({ updatedAt: 'yesterday' }), /^Record 1 \("Article \d+"\): updatedAt: an ISO 8601 timestamp\.$/],
    ['a word count as text', withRecord({ wordCount: '1700' }), /^Record 1 \("Article \d+"\): wordCount: /],
    ['a negative word count', withRecord({ wordCount: -5 }), /wordCount: cannot be negative/],
    ['authors as a string', withRecord({ authors: 'Jane Doe' }), /^Record 1 \("Article \d+"\): authors: expected a list, found a string\.$/],
    ['an empty keyword', withRecord({ keywords: ['ok', ' '] }), /keywords\.1: a keyword cannot be empty/],
    ['a huge title', withRecord({ title: 'x'.repeat(1_000_000) }), /^Record 1 \("x{60}…"\): title: longer than 2,000 characters\.$/],
    ['a huge summary', withRecord({ summary: 'y'.repeat(300_000) }), /^Record 1 \("Article \d+"\): summary: longer than 200,000 characters\.$/],
    ['two records with one id', envelope([record({ id: 'same' }), record(), record({ id: 'same' })]), /^Records 1 and 3 have the same id "same"\.$/],
    ['a "__proto__" key in a record', withRecord({}).replace('"url"', '"__proto__": {"isAdmin": true}, "url"'), /^Record 1 \("Article \d+"\) contains the key "__proto__", which Précis refuses\.$/],
    ['a "__proto__" key nested in sources', withRecord({ sources: { title: 'x' } }).replace('"title":"x"', '"__proto__":"x"'), /contains the key "__proto__"/],
    ['a "constructor" key at the top', envelope([]).replace('{', '{"constructor": {"prototype": 1},'), /^The file contains the key "constructor", which Précis refuses\.$/],
    ['a field nested 50,000 levels deep', withRecord({}).replace('"url"', `"sources": ${deep}, "url"`), /^Record 1 \("Article \d+"\): sources: expected an object, found a list\.$/],
    ['several broken records', envelope([record({ title: '' }), { id: 1 }, record({ language: 5 as never })]), /^Record 1: title: a title is required\. 2 more records have problems too\.$/],
  ];

  it('has at least 15 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (_name, text, message, byteSize) => {
    const before = await snapshot(db);
    const parsed = parseImport(text, byteSize);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) await applyImport(db, parsed.records); // what the library would do next
    else expect(parsed.message).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
    expect(before.records.map((r) => r.id)).toEqual(['also-kept', 'kept']);
  });

  it('limits imports to 150 MB, room for 10,000 records with their article texts', () => {
    expect(MAX_IMPORT_BYTES).toBe(150 * 1024 * 1024);
    expect(parseImport(seedText, 10).ok).toBe(true);
  });
});

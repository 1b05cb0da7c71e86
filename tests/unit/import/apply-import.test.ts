import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrecisDatabase } from '../../../utils/db/database';
import { getRecordText, listFullRecords, saveRecord } from '../../../utils/db/records';
import { exportJsonParts } from '../../../utils/export/json';
import { applyImport, previewImport } from '../../../utils/import/apply-import';
import { parseImport } from '../../../utils/import/parse-import';
import type { PrecisRecord } from '../../../utils/record/schema';
import { record, snapshot } from './helpers';

let db: PrecisDatabase;

beforeEach(() => {
  db = new PrecisDatabase(`import-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const JAN = '2024-01-01T00:00:00.000Z';
const FEB = '2024-02-01T00:00:00.000Z';

/** A library of four records, and an import that has one of each kind plus a new one. */
async function libraryAndImport() {
  const same = record({ id: 'same', text: 'Same text.' });
  const theirsNewer = record({ id: 'newer', updatedAt: JAN, text: 'Old text.' });
  const theirsOlder = record({ id: 'older', updatedAt: FEB, title: 'Edited here' });
  const untouched = record({ id: 'not-in-file' });
  for (const r of [same, theirsNewer, theirsOlder, untouched]) await saveRecord(db, r, { kind: 'create' });
  const incoming: PrecisRecord[] = [
    { ...same },
    { ...theirsNewer, updatedAt: FEB, title: 'Edited elsewhere', text: 'New text.' },
    { ...theirsOlder, updatedAt: JAN, title: 'Before the edit' },
    record({ id: 'brand-new', text: 'Fresh article.' }),
  ];
  return { incoming, untouched };
}

describe('previewImport', () => {
  it('counts new, identical, newer and older records against the library by id', async () => {
    const { incoming } = await libraryAndImport();
    expect(await previewImport(db, incoming)).toEqual({ total: 4, new: 1, identical: 1, newer: 1, older: 1 });
  });

  it('counts a copy without article text as identical, and one with other text by its updatedAt', async () => {
    const stored = record({ id: 'r', text: 'Stored text.' });
    await saveRecord(db, stored, { kind: 'create' });
    const { text: _text, ...withoutText } = stored;
    expect(await previewImport(db, [withoutText])).toMatchObject({ identical: 1 });
    expect(await previewImport(db, [{ ...stored, text: 'Other text.' }])).toMatchObject({ identical: 0, older: 1 });
  });

  it('compares timestamps as instants, whatever their time zone', async () => {
    await saveRecord(db, record({ id: 'r', updatedAt: '2024-01-01T12:00:00.000Z' }), { kind: 'create' });
    const sameInstant = record({ id: 'r', title: 'Changed', updatedAt: '2024-01-01T13:00:00+01:00' });
    const later = record({ id: 'r', title: 'Changed', updatedAt: '2024-01-01T12:30:00+00:00' });
    expect(await previewImport(db, [sameInstant])).toMatchObject({ older: 1 }); // a tie keeps the library's copy
    expect(await previewImport(db, [later])).toMatchObject({ newer: 1 });
  });

  it('writes nothing', async () => {
    const { incoming } = await libraryAndImport();
    const before = await snapshot(db);
    await previewImport(db, incoming);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('applyImport', () => {
  it('adds new records, updates those the file has newer, and leaves identical and older ones alone', async () => {
    const { incoming, untouched } = await libraryAndImport();
    expect(await applyImport(db, incoming)).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    const byId = Object.fromEntries((await listFullRecords(db)).map((r) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual(['brand-new', 'newer', 'not-in-file', 'older', 'same']);
    expect(byId['newer']).toMatchObject({ title: 'Edited elsewhere', text: 'New text.', updatedAt: FEB });
    expect(byId['older']).toMatchObject({ title: 'Edited here', updatedAt: FEB });
    expect(byId['brand-new']!.text).toBe('Fresh article.');
    expect(byId['not-in-file']).toEqual(untouched); // an import never deletes
  });

  it('returns the records it wrote, as stored and without their text, for the list to merge in', async () => {
    const { incoming } = await libraryAndImport();
    const { written } = await applyImport(db, incoming);
    expect(written.map((r) => r.id).sort()).toEqual(['brand-new', 'newer']);
    expect(written).toEqual(await db.records.bulkGet(written.map((r) => r.id)));
  });

  it('stores article text apart from the records table', async () => {
    await applyImport(db, [record({ id: 'a', text: 'Article.' })]);
    expect(await db.records.get('a')).not.toHaveProperty('text');
    expect(await getRecordText(db, 'a')).toBe('Article.');
  });

  it('keeps the stored article text when a newer record arrives without one', async () => {
    await saveRecord(db, record({ id: 'a', text: 'Stored article.' }), { kind: 'create' });
    await applyImport(db, [record({ id: 'a', title: 'Retitled', updatedAt: FEB })]);
    expect((await listFullRecords(db))[0]).toMatchObject({ title: 'Retitled', text: 'Stored article.' });
  });

  it('is all or nothing: a failure while writing leaves the library as it was', async () => {
    const { incoming } = await libraryAndImport();
    const before = await snapshot(db);
    vi.spyOn(db.texts, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(applyImport(db, incoming)).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an invalid record handed to it directly, writing nothing', async () => {
    const { incoming } = await libraryAndImport();
    const before = await snapshot(db);
    const broken = { ...record(), publishedDate: 'yesterday' } as PrecisRecord;
    await expect(applyImport(db, [...incoming, broken])).rejects.toThrow(/Record 5 is not valid: publishedDate: an ISO 8601 date/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses two records with one id handed to it directly, writing nothing', async () => {
    const before = await snapshot(db);
    const twice = [record({ id: 'dup', title: 'First' }), record({ id: 'dup', title: 'Second' })];
    await expect(applyImport(db, twice)).rejects.toThrow(/Record 2 has the same id as an earlier record \(dup\)/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('export and import round trip', () => {
  it('brings every record back identical, article text included, into an empty library', async () => {
    const records = [
      record({ id: 'one', text: 'First article,\nwith "quotes".', sources: { title: 'JSON-LD' } }),
      record({ id: 'two', title: 'السياسة الخارجية', authors: [], keywords: ['中国', 'US'], summarizedBy: { name: 'Riyaz ul Khaliq', role: 'Associate' } }),
      record({ id: 'three', url: null, publishedDate: '2021-09-30T12:00:00+02:00', wordCount: null, text: 'Third.' }),
    ];
    for (const r of records) await saveRecord(db, r, { kind: 'create' });
    const exported = exportJsonParts(await listFullRecords(db)).join('');

    const target = new PrecisDatabase(`import-target-${crypto.randomUUID()}`);
    try {
      const parsed = parseImport(exported, new TextEncoder().encode(exported).byteLength);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(await previewImport(target, parsed.records)).toEqual({ total: 3, new: 3, identical: 0, newer: 0, older: 0 });
      expect(await applyImport(target, parsed.records)).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
      expect(await listFullRecords(target)).toEqual(await listFullRecords(db));
      expect(await snapshot(target)).toEqual(await snapshot(db));
      // Importing the same file again changes nothing.
      expect(await applyImport(target, parsed.records)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    } finally {
      await target.delete();
    }
  });
});

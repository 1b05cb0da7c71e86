// Upgrades must never lose a record: data written by each released schema (the fixture below, written as
// version 1, 2 and 3 stored it) opens with the current PrecisDatabase with every record and every
// article text intact.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import { getAllTexts, textBucketOf } from '../../utils/db/article-texts';
import { getAllRecords, getRecord } from '../../utils/db/record-buckets';
import { findRecordsByUrl, listFullRecords, listKeywords, listNewestRecords, listRecords, saveRecord } from '../../utils/db/records';
import { validateRecord, type PrecisRecord } from '../../utils/record/schema';

interface DatabaseFixture {
  version: number;
  stores: Record<string, string>;
  records: PrecisRecord[];
}

const v1: DatabaseFixture = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/db/precis-v1.json'), 'utf8'));
const withoutText = ({ text: _text, ...rest }: PrecisRecord): StoredRecord => rest;

let name: string;
let db: PrecisDatabase;

/** Writes the v1 fixture exactly as schema version 1 did, with only that version declared. */
async function writeAsVersion1(): Promise<void> {
  const old = new Dexie(name);
  old.version(v1.version).stores(v1.stores);
  await old.table('records').bulkAdd(structuredClone(v1.records));
  old.close();
}

/** The same records as schema version 2 stored them: text in `recordTexts`, one row per record. */
async function writeAsVersion2(): Promise<void> {
  const old = new Dexie(name);
  old.version(2).stores({ ...v1.stores, recordTexts: 'id' });
  await old.table('records').bulkAdd(v1.records.map(withoutText));
  await old.table('recordTexts').bulkAdd(v1.records.flatMap((r) => (r.text ? [{ id: r.id, text: r.text }] : [])));
  old.close();
}

/** As schema version 3 stored them: records one per row, texts in hash buckets of the record id. */
async function writeAsVersion3(): Promise<void> {
  const old = new Dexie(name);
  old.version(3).stores({ records: 'id, url, *keywords, createdAt', textBuckets: 'bucket' });
  await old.table('records').bulkAdd(v1.records.map(withoutText));
  const buckets = new Map<number, Map<string, string>>();
  for (const r of v1.records) {
    if (!r.text) continue;
    const bucket = textBucketOf(r.id);
    if (!buckets.has(bucket)) buckets.set(bucket, new Map());
    buckets.get(bucket)!.set(r.id, r.text);
  }
  await old.table('textBuckets').bulkAdd([...buckets].map(([bucket, texts]) => ({ bucket, texts })));
  old.close();
}

describe.each([
  ['1', writeAsVersion1],
  ['2', writeAsVersion2],
  ['3', writeAsVersion3],
])('upgrading a database written by schema version %s', (_version, writeFixture) => {
  beforeEach(async () => {
    name = `upgrade-${crypto.randomUUID()}`;
    await writeFixture();
    db = new PrecisDatabase(name);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('is a fixture of valid v1 records, some with article text', () => {
    expect(v1.version).toBe(1);
    expect(v1.records.length).toBeGreaterThanOrEqual(5);
    expect(v1.records.filter((r) => r.text).length).toBeGreaterThanOrEqual(3);
    for (const r of v1.records) expect(validateRecord(r)).toMatchObject({ ok: true });
  });

  it('keeps every record, field for field', async () => {
    const stored = await getAllRecords(db);
    expect(stored.map((r) => r.id).sort()).toEqual(v1.records.map((r) => r.id).sort());
    for (const r of v1.records) expect(await getRecord(db, r.id)).toEqual(withoutText(r));
  });

  it('keeps each article text, unchanged, apart from the records', async () => {
    for (const r of await getAllRecords(db)) expect(r).not.toHaveProperty('text');
    const texts = await db.transaction('r', db.textBuckets, async () => getAllTexts(db));
    expect(Object.fromEntries(texts)).toEqual(Object.fromEntries(v1.records.flatMap((r) => (r.text ? [[r.id, r.text]] : []))));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['recordBuckets', 'textBuckets']);
  });

  it('gives back whole records for export, an empty text counting as none', async () => {
    const full = await listFullRecords(db);
    const expected = v1.records.map((r) => (r.text ? r : withoutText(r)));
    expect([...full].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('keeps the indexes the library searches by', async () => {
    expect((await listRecords(db)).map((r) => r.id)).toEqual(
      [...v1.records].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((r) => r.id),
    );
    expect((await findRecordsByUrl(db, 'https://harbour.example/shore-power#top')).map((r) => r.id).sort()).toEqual([
      'b1d2c3e4-0000-4000-8000-000000000001',
      'b1d2c3e4-0000-4000-8000-000000000002',
    ]);
    expect(await listKeywords(db)).toEqual(expect.arrayContaining(['Pakistan', 'Shore Power', 'پاکستان', '港湾']));
    expect((await listNewestRecords(db, 2)).map((r) => r.id)).toEqual(
      [...v1.records].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 2).map((r) => r.id),
    );
    // Exactly the indexes the code queries.
    const now = db.recordBuckets.schema;
    expect([now.primKey.name, ...now.indexes.map((i) => i.name)].sort()).toEqual(['bucket', 'ids', 'keywords', 'newest', 'urls']);
  });

  it('lets an upgraded record be edited without losing its text', async () => {
    const original = v1.records.find((r) => r.text && r.text.length > 10_000)!;
    const [full] = (await listFullRecords(db)).filter((r) => r.id === original.id);
    await saveRecord(db, { ...full, summary: 'Edited after the upgrade.', updatedAt: '2026-01-01T00:00:00.000Z' }, { kind: 'update', id: original.id });
    const [after] = (await listFullRecords(db)).filter((r) => r.id === original.id);
    expect(after).toEqual({ ...original, summary: 'Edited after the upgrade.', updatedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('opens the upgraded database again unchanged', async () => {
    const before = await listFullRecords(db);
    db.close();
    db = new PrecisDatabase(name);
    expect(await listFullRecords(db)).toEqual(before);
    expect(db.verno).toBe(4);
  });
});

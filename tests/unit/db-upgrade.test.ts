// Upgrades must never lose a record: the data each released schema wrote (tests/fixtures/db/precis-vN.json,
// the same records saved by version 1, 2, 3, 4 and 5 with that version's own code, dumped row by row) opens with
// the current PrecisDatabase with every record and every article text intact.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import { findRecordsByUrl, getRecordText, listFullRecords, listKeywords, listNewestRecords, listRecords, saveRecord } from '../../utils/db/records';
import { validateRecord, type PrecisRecord } from '../../utils/record/schema';

interface DatabaseFixture {
  version: number;
  stores: Record<string, string>;
  /** Version 1's fixture holds one table, `records`; the others every table's rows. */
  records?: PrecisRecord[];
  tables?: Record<string, unknown[]>;
}

const fixture = (version: number): DatabaseFixture =>
  JSON.parse(readFileSync(resolve(__dirname, `../fixtures/db/precis-v${version}.json`), 'utf8'));
const v1 = fixture(1);
const expected = v1.records!;
const withoutText = ({ text: _text, ...rest }: PrecisRecord): StoredRecord => rest;
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Rows as the fixtures write them, back to what was stored ({"$map": [...]} was a Map). */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.$map)) return new Map((o.$map as [unknown, unknown][]).map(([k, v]) => [k, decode(v)]));
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
}

/** Writes a fixture's rows exactly as they were stored, with only that version's schema declared. */
async function writeFixture(name: string, f: DatabaseFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(f.version).stores(f.stores);
  const tables = f.tables ?? { records: f.records! };
  await old.transaction('rw', Object.keys(tables), async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(decode(structuredClone(rows)) as object[]);
  });
  old.close();
}

let name: string;
let db: PrecisDatabase;

afterEach(async () => {
  await db?.delete();
});

describe.each([1, 2, 3, 4, 5])('upgrading a database written by schema version %s', (version) => {
  beforeEach(async () => {
    name = `upgrade-${crypto.randomUUID()}`;
    await writeFixture(name, fixture(version));
    db = new PrecisDatabase(name);
    await db.open();
  });

  it('is a fixture of that version, of the v1 records, some with article text', () => {
    const f = fixture(version);
    expect(f.version).toBe(version);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(expected.filter((r) => r.text).length).toBeGreaterThanOrEqual(3);
    for (const r of expected) expect(validateRecord(r)).toMatchObject({ ok: true });
  });

  it('keeps every record, field for field, one per row', async () => {
    expect(byId(await db.records.toArray())).toEqual(byId(expected.map(withoutText)));
    for (const r of expected) expect(await db.records.get(r.id)).toEqual(withoutText(r));
  });

  it('keeps each article text, unchanged, in a row of its own keyed by the record id', async () => {
    expect(byId(await db.texts.toArray())).toEqual(byId(expected.flatMap((r) => (r.text ? [{ id: r.id, text: r.text }] : []))));
    for (const r of expected) expect(await getRecordText(db, r.id)).toBe(r.text || undefined);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['records', 'sync', 'syncMeta', 'texts']);
    // No team was connected: the sync tables start empty.
    expect(await db.sync.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
  });

  it('gives back whole records for export, an empty text counting as none', async () => {
    const full = await listFullRecords(db);
    expect(byId(full)).toEqual(byId(expected.map((r) => (r.text ? r : withoutText(r)))));
  });

  it('keeps the indexes the library searches by', async () => {
    const newestFirst = [...expected].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((r) => r.id);
    expect((await listRecords(db)).map((r) => r.id)).toEqual(newestFirst);
    expect((await findRecordsByUrl(db, 'https://harbour.example/shore-power#top')).map((r) => r.id).sort()).toEqual([
      'b1d2c3e4-0000-4000-8000-000000000001',
      'b1d2c3e4-0000-4000-8000-000000000002',
    ]);
    expect(await listKeywords(db)).toEqual(expect.arrayContaining(['Pakistan', 'Shore Power', 'پاکستان', '港湾']));
    expect((await listNewestRecords(db, 2)).map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    // Exactly the indexes the code queries.
    const now = db.records.schema;
    expect([now.primKey.name, ...now.indexes.map((i) => i.name)].sort()).toEqual(['createdAt', 'id', 'keywords', 'url']);
  });

  it('lets an upgraded record be edited without losing its text', async () => {
    const original = expected.find((r) => r.text && r.text.length > 10_000)!;
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
    expect(db.verno).toBe(6);
  });
});

describe('upgrading version 4 rows that break its rules', () => {
  const at = (day: number) => `2024-03-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  const base = withoutText(expected[0]);

  it('keeps the later saved copy of a record found in two rows, and drops texts whose record is gone', async () => {
    name = `upgrade-${crypto.randomUUID()}`;
    const f = fixture(4);
    const older = { ...base, id: 'twice', title: 'Older copy', updatedAt: at(1) };
    const newer = { ...base, id: 'twice', title: 'Newer copy', updatedAt: at(2) };
    const row = (bucket: number, records: StoredRecord[]) => ({
      bucket,
      records,
      ids: records.map((r) => r.id),
      urls: [],
      keywords: [],
      newest: records.map((r) => r.createdAt).sort().at(-1),
    });
    await writeFixture(name, {
      ...f,
      tables: {
        recordBuckets: [row(0, [newer]), row(1, [older, { ...base, id: 'single' }])],
        textBuckets: [{ bucket: 7, texts: { $map: [['twice', 'Kept text.'], ['orphan', 'No record has this id.']] } }],
      },
    });
    db = new PrecisDatabase(name);
    expect(byId(await db.records.toArray())).toEqual([{ ...base, id: 'single' }, newer]);
    expect(await db.texts.toArray()).toEqual([{ id: 'twice', text: 'Kept text.' }]);
  });
});

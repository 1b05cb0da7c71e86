// Upgrades must never lose a record: data written by the first released schema (fixture below) opens
// with the current PrecisDatabase with every record and every article text intact.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import { findRecordsByUrl, listFullRecords, listKeywords, listRecords, saveRecord } from '../../utils/db/records';
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

/** Writes the fixture exactly as its schema version did, with only that version declared. */
async function writeFixture(fixture: DatabaseFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.table('records').bulkAdd(structuredClone(fixture.records));
  old.close();
}

beforeEach(async () => {
  name = `upgrade-${crypto.randomUUID()}`;
  await writeFixture(v1);
  db = new PrecisDatabase(name);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('upgrading a database written by schema version 1', () => {
  it('is a fixture of valid v1 records, some with article text', () => {
    expect(v1.version).toBe(1);
    expect(v1.records.length).toBeGreaterThanOrEqual(5);
    expect(v1.records.filter((r) => r.text).length).toBeGreaterThanOrEqual(3);
    for (const r of v1.records) expect(validateRecord(r)).toMatchObject({ ok: true });
  });

  it('keeps every record, field for field', async () => {
    const stored = await db.records.toArray();
    expect(stored.map((r) => r.id).sort()).toEqual(v1.records.map((r) => r.id).sort());
    for (const r of v1.records) expect(await db.records.get(r.id)).toEqual(withoutText(r));
  });

  it('moves each article text into its own table, unchanged', async () => {
    for (const r of await db.records.toArray()) expect(r).not.toHaveProperty('text');
    const withText = v1.records.filter((r) => r.text);
    expect(await db.recordTexts.count()).toBe(withText.length);
    for (const r of withText) expect((await db.recordTexts.get(r.id))?.text).toBe(r.text);
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
    expect(await db.records.where('literatureType').equals('Report').primaryKeys()).toEqual(['日本語-record']);
    // The current schema still declares every index version 1 had.
    const v1Indexes = v1.stores.records.split(',').map((s) => s.trim().replace(/^[*&+]+/, ''));
    const now = db.records.schema;
    expect([now.primKey.name, ...now.indexes.map((i) => i.name)]).toEqual(expect.arrayContaining(v1Indexes));
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
    expect(db.verno).toBeGreaterThanOrEqual(2);
  });
});

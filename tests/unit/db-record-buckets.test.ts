// Records share rows (record-buckets.ts): every lookup must find exactly what a table of one record per row
// would, whatever order records were added, edited and removed in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import {
  BUCKET_RECORDS, changeRecords, countRecords, getAllRecords, getKeywordSpellings, getNewestRecords, getRecord, getRecordIds,
  getRecords, getRecordsWithKeyword, getRecordsWithUrl, newestCreatedFirst, recordBucketsFor,
} from '../../utils/db/record-buckets';
import { record } from './import/helpers';

let db: PrecisDatabase;
beforeEach(async () => {
  db = new PrecisDatabase(`record-buckets-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const stored = ({ text: _text, ...rest }: ReturnType<typeof record>): StoredRecord => rest;
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
const change = (put: StoredRecord[], remove: string[] = []) => db.transaction('rw', db.recordBuckets, async () => changeRecords(db, put, remove));
const rowSizes = async () => (await db.recordBuckets.toArray()).map((row) => row.records.length);

describe('record rows', () => {
  it('fills one row after another, in order of creation, and finds every record by id', async () => {
    const records = Array.from({ length: BUCKET_RECORDS * 2 + 50 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i) })));
    await change(records.slice(0, 120));
    await change(records.slice(120));
    expect(await rowSizes()).toEqual([BUCKET_RECORDS, BUCKET_RECORDS, 50]);
    const last = await db.recordBuckets.orderBy(':id').last();
    expect(last!.records.map((r) => r.id)).toEqual(records.slice(-50).map((r) => r.id));
    expect(await getRecord(db, 'r77')).toEqual(records[77]);
    expect(await countRecords(db)).toBe(records.length);
    expect((await getRecordIds(db)).sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('puts new records into rows oldest first, whatever order they arrive in', async () => {
    const records = Array.from({ length: 150 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(1000 - i) })));
    await change(records);
    const rows = await db.recordBuckets.toArray();
    expect(rows[0].records.map((r) => r.createdAt)).toEqual([...rows[0].records.map((r) => r.createdAt)].sort());
    expect(rows[0].newest < rows[1].records[0].createdAt).toBe(true);
  });

  it('edits a record in its own row, and the URL and keyword lookups follow the edit', async () => {
    const records = Array.from({ length: 150 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i), keywords: ['Trade'] })));
    await change(records);
    const edited = { ...records[10], url: 'https://example.org/moved', keywords: ['Energy'] };
    await change([edited]);
    expect(await rowSizes()).toEqual([BUCKET_RECORDS, 50]);
    expect(await getRecord(db, 'r10')).toEqual(edited);
    expect(await getRecordsWithUrl(db, records[10].url!)).toEqual([]);
    expect(await getRecordsWithUrl(db, 'https://example.org/moved')).toEqual([edited]);
    expect((await getRecordsWithKeyword(db, 'energy')).map((r) => r.id)).toEqual(['r10']);
    expect(await getRecordsWithKeyword(db, 'TRADE')).toHaveLength(149);
    expect(await getKeywordSpellings(db)).toEqual(['Energy', 'Trade']);
  });

  it('removes records, deleting rows left empty, and no lookup finds them after', async () => {
    const records = Array.from({ length: 150 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i), keywords: [`K${i}`] })));
    await change(records);
    await change([], records.slice(0, BUCKET_RECORDS).map((r) => r.id));
    expect(await rowSizes()).toEqual([50]);
    expect(await getRecord(db, 'r0')).toBeUndefined();
    expect(await getRecordsWithUrl(db, records[0].url!)).toEqual([]);
    expect(await getRecordsWithKeyword(db, 'K0')).toEqual([]);
    expect(await countRecords(db)).toBe(50);
    await change([], ['r120', 'not-stored']);
    expect((await getAllRecords(db)).map((r) => r.id)).not.toContain('r120');
    expect(await countRecords(db)).toBe(49);
  });

  it('gives the same records by id for a few ids and for many, skipping ids it lacks', async () => {
    const records = Array.from({ length: 450 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i) })));
    await change(records);
    const few = await db.transaction('r', db.recordBuckets, async () => getRecords(db, ['r3', 'r300', 'missing']));
    expect([...few.keys()].sort()).toEqual(['r3', 'r300']);
    const manyIds = [...records.map((r) => r.id).filter((_, i) => i % 2), 'missing'];
    const many = await db.transaction('r', db.recordBuckets, async () => getRecords(db, manyIds));
    expect(many.size).toBe(225);
    expect(many.get('r301')).toEqual(records[301]);
    expect(many.has('r300')).toBe(false);
    const manyAbsent = await db.transaction('r', db.recordBuckets, async () => getRecords(db, Array.from({ length: 300 }, (_, i) => `absent-${i}`)));
    expect(manyAbsent.size).toBe(0);
  });

  it('stores a new id given twice once, as last given, even where a row fills up between the two', async () => {
    await change(Array.from({ length: BUCKET_RECORDS - 1 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i) }))));
    const first = stored(record({ id: 'twice', createdAt: at(500), title: 'First' }));
    const last = { ...first, createdAt: at(400), title: 'Last' };
    await change([first, last]);
    expect(await rowSizes()).toEqual([BUCKET_RECORDS]);
    expect(await getRecord(db, 'twice')).toEqual(last);
    await change([], ['twice']);
    expect(await getRecord(db, 'twice')).toBeUndefined();
    expect(await countRecords(db)).toBe(BUCKET_RECORDS - 1);
  });

  it('keeps ids that look like object keys or are not Latin apart', async () => {
    const odd = ['__proto__', 'constructor', '', '日本語', 'toString'].map((id, i) => stored(record({ id, createdAt: at(i) })));
    await change(odd);
    for (const r of odd) expect(await getRecord(db, r.id)).toEqual(r);
    await change([], ['__proto__']);
    expect(await getRecord(db, 'constructor')).toEqual(odd[1]);
    expect(await countRecords(db)).toBe(4);
  });
});

describe('the newest records', () => {
  it('are found across rows even when older records were added after newer ones, ties by id', async () => {
    // Clipped today, then an import of last year's records, then more clips; some share a creation time.
    const today = Array.from({ length: 130 }, (_, i) => stored(record({ id: `t${i}`, createdAt: at(10_000 + Math.floor(i / 3)) })));
    const lastYear = Array.from({ length: 230 }, (_, i) => stored(record({ id: `y${i}`, createdAt: at(i) })));
    const later = Array.from({ length: 40 }, (_, i) => stored(record({ id: `l${i}`, createdAt: at(10_040 + Math.floor(i / 2)) })));
    await change(today);
    await change(lastYear);
    await change(later);
    const all = [...today, ...lastYear, ...later].sort(newestCreatedFirst);
    for (const limit of [1, 5, 39, 40, 41, 60, 170, 171, 400, 1000]) {
      expect((await getNewestRecords(db, limit)).map((r) => r.id)).toEqual(all.slice(0, limit).map((r) => r.id));
    }
    expect(await getNewestRecords(db, 0)).toEqual([]);
  });

  it('are read from as few rows as can hold them: one while the newest row has enough', async () => {
    await change(Array.from({ length: BUCKET_RECORDS * 2 + 50 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(i) }))));
    const reads = vi.spyOn(db.recordBuckets, 'get');
    expect((await getNewestRecords(db, 50)).map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `r${249 - i}`));
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockClear();
    expect(await getNewestRecords(db, 60)).toHaveLength(60);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('are none in an empty library', async () => {
    expect(await getNewestRecords(db, 60)).toEqual([]);
    expect(await countRecords(db)).toBe(0);
  });
});

describe('rows for a whole library at once', () => {
  it('are full rows, oldest first, holding each record once', () => {
    const records = Array.from({ length: 250 }, (_, i) => stored(record({ id: `r${i}`, createdAt: at(250 - i) })));
    const rows = recordBucketsFor(records);
    expect(rows.map((row) => [row.bucket, row.records.length])).toEqual([[0, 100], [1, 100], [2, 50]]);
    expect(rows.flatMap((row) => row.ids).sort()).toEqual(records.map((r) => r.id).sort());
    expect(rows[2].newest).toBe(at(250));
    expect(rows[0].urls).toHaveLength(100);
  });
});

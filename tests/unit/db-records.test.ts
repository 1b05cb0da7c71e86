import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase } from '../../utils/db/database';
import {
  deleteRecords, findRecordsByUrl, listFullRecords, listKeywords, listNewestRecords, listRecords, listRecordsByIds, saveRecord,
  withArticleTexts, PageAlreadySaved, RecordChangedElsewhere,
} from '../../utils/db/records';
import type { PrecisRecord } from '../../utils/record/schema';

let db: PrecisDatabase;
const i18nText = (id: string) => `Text of ${id}: «ελληνικά», 中文.`;
let n = 0;

function record(patch: Partial<PrecisRecord> = {}): PrecisRecord {
  n++;
  return {
    id: `id-${n}`, url: 'https://example.org/a', title: `Article ${n}`, authors: [{ name: 'Jane Doe', affiliation: null }],
    publisher: 'Example', publishedDate: '2024-01-02', place: null, literatureType: 'Analysis', wordCount: 100,
    keywords: ['Trade'], summary: '', summarizedBy: null, section: null, language: 'en',
    createdAt: `2024-01-0${Math.min(n, 9)}T00:00:00.000Z`, updatedAt: `2024-01-0${Math.min(n, 9)}T00:00:00.000Z`, ...patch,
  };
}

beforeEach(() => {
  db = new PrecisDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('records database', () => {
  it('saves a record and lists it back, newest first', async () => {
    await saveRecord(db, record({ id: 'old' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'new', createdAt: '2025-01-01T00:00:00.000Z' }), { kind: 'create' });
    expect((await listRecords(db)).map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('lists records clipped at the same time in the order the newest-first list page shows them', async () => {
    const at = '2024-03-01T00:00:00.000Z';
    for (const id of ['b', 'c', 'a']) await saveRecord(db, record({ id, createdAt: at }), { kind: 'create' });
    expect((await listRecords(db)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect((await listNewestRecords(db, 3)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect((await listFullRecords(db)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('lists the newest few exactly as the head of the whole list, with ties at the cut and with fewer records than asked', async () => {
    const times = ['2024-05-01', '2024-05-03', '2024-05-03', '2024-05-03', '2024-05-02', '2024-05-04', '2024-04-30'];
    for (const [i, day] of times.entries()) await saveRecord(db, record({ id: `r${i}`, createdAt: `${day}T00:00:00.000Z` }), { kind: 'create' });
    const all = (await listRecords(db)).map((r) => r.id);
    for (const limit of [1, 2, 3, 4, 7, 10]) expect((await listNewestRecords(db, limit)).map((r) => r.id)).toEqual(all.slice(0, limit));
  });

  it('finds records by URL ignoring fragments and tracking parameters', async () => {
    await saveRecord(db, record({ url: 'https://example.org/a' }), { kind: 'create' });
    expect(await findRecordsByUrl(db, 'https://example.org/a?utm_source=news#comments')).toHaveLength(1);
    expect(await findRecordsByUrl(db, 'https://example.org/b')).toHaveLength(0);
    expect(await findRecordsByUrl(db, null)).toHaveLength(0);
  });

  it('updates an existing record in place, keeping its id and creation time', async () => {
    const first = await saveRecord(db, record({ id: 'keep', summary: 'old' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'other', summary: 'new', createdAt: '2030-01-01T00:00:00.000Z' }), { kind: 'update', id: 'keep' });
    const all = await listRecords(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: 'keep', summary: 'new', createdAt: first.createdAt });
  });

  it('keeps both records when asked to', async () => {
    await saveRecord(db, record(), { kind: 'create' });
    await saveRecord(db, record(), { kind: 'create' });
    expect(await findRecordsByUrl(db, 'https://example.org/a')).toHaveLength(2);
  });

  it('never replaces a stored record when creating one with its id', async () => {
    await saveRecord(db, record({ id: 'x', title: 'First' }), { kind: 'create' });
    await expect(saveRecord(db, record({ id: 'x', title: 'Second' }), { kind: 'create' })).rejects.toThrow();
    expect((await listRecords(db)).map((r) => r.title)).toEqual(['First']);
  });

  it('refuses to store an invalid record', async () => {
    await expect(saveRecord(db, record({ title: '' }), { kind: 'create' })).rejects.toThrow(/title/);
    expect(await listRecords(db)).toHaveLength(0);
  });

  it('refuses to update a record that was deleted meanwhile', async () => {
    await expect(saveRecord(db, record(), { kind: 'update', id: 'gone' })).rejects.toThrow(/no longer exists/);
  });

  it('suggests every keyword in the library once, case-insensitively', async () => {
    await saveRecord(db, record({ keywords: ['Trade', 'China'] }), { kind: 'create' });
    await saveRecord(db, record({ keywords: ['trade', 'Asia'] }), { kind: 'create' });
    expect(await listKeywords(db)).toEqual(['Asia', 'China', 'Trade']);
  });

  it('deletes a record', async () => {
    await saveRecord(db, record({ id: 'x' }), { kind: 'create' });
    await deleteRecords(db, ['x']);
    expect(await listRecords(db)).toHaveLength(0);
  });
});

describe('saving a page that may already be saved', () => {
  it('creates the record when the page is not in the library, and answers with the saved ones when it is', async () => {
    await saveRecord(db, record({ id: 'first', url: 'https://example.org/a' }), { kind: 'create', unlessSaved: true });
    const refused = await saveRecord(db, record({ id: 'second', url: 'https://example.org/a?utm_source=x' }), { kind: 'create', unlessSaved: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PageAlreadySaved);
    expect((refused as PageAlreadySaved).existing.map((r) => r.id)).toEqual(['first']);
    expect((await listRecords(db)).map((r) => r.id)).toEqual(['first']);
  });

  it('gives one record and the duplicate answer when two windows save one page at the same moment', async () => {
    // Two connections, as two windows have, both asked before either has written.
    const other = new PrecisDatabase(db.name);
    try {
      const results = await Promise.allSettled([
        saveRecord(db, record({ id: 'window-1', url: 'https://example.org/same' }), { kind: 'create', unlessSaved: true }),
        saveRecord(other, record({ id: 'window-2', url: 'https://example.org/same#top' }), { kind: 'create', unlessSaved: true }),
      ]);
      const saved = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(saved).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(PageAlreadySaved);
      const stored = await findRecordsByUrl(db, 'https://example.org/same');
      expect(stored).toHaveLength(1);
      expect((refused[0] as PageAlreadySaved).existing).toEqual(stored);
    } finally {
      other.close();
    }
  });

  it('saves a page without looking for it when the user chose to keep both', async () => {
    await saveRecord(db, record({ url: 'https://example.org/a' }), { kind: 'create', unlessSaved: true });
    await saveRecord(db, record({ url: 'https://example.org/a' }), { kind: 'create' });
    expect(await findRecordsByUrl(db, 'https://example.org/a')).toHaveLength(2);
  });
});

describe('article text', () => {
  it('keeps the clipped text out of lists and joins it back for exports', async () => {
    await saveRecord(db, record({ id: 'with-text', text: 'The whole article.' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'no-text' }), { kind: 'create' });
    expect((await listRecords(db)).every((r) => !('text' in r))).toBe(true);
    const full = await listFullRecords(db);
    expect(full.find((r) => r.id === 'with-text')?.text).toBe('The whole article.');
    expect(full.find((r) => r.id === 'no-text')).not.toHaveProperty('text');
  });

  it('keeps the stored text when an edit comes without it, and replaces it when one comes with it', async () => {
    await saveRecord(db, record({ id: 'r', text: 'Original text.' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'r', summary: 'edited' }), { kind: 'update', id: 'r' });
    expect((await listFullRecords(db))[0]).toMatchObject({ summary: 'edited', text: 'Original text.' });
    await saveRecord(db, record({ id: 'r', text: 'Clipped again.' }), { kind: 'update', id: 'r' });
    expect((await listFullRecords(db))[0].text).toBe('Clipped again.');
  });

  it('gives chosen records in the order asked, with or without their text', async () => {
    for (const id of ['a', 'b', 'c']) await saveRecord(db, record({ id, text: `Text ${id}.` }), { kind: 'create' });
    expect((await listRecordsByIds(db, ['c', 'missing', 'a'])).map((r) => [r.id, 'text' in r])).toEqual([['c', false], ['a', false]]);
    const chosen = await listRecordsByIds(db, ['c', 'missing', 'a']);
    expect((await withArticleTexts(db, chosen)).map((r) => [r.id, r.text])).toEqual([['c', 'Text c.'], ['a', 'Text a.']]);
  });

  it('adds the stored texts to records already in hand, and leaves a record without text as it is', async () => {
    await saveRecord(db, record({ id: 'with', text: 'Stored text.' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'without', text: undefined }), { kind: 'create' });
    const listed = await listRecords(db);
    const full = await withArticleTexts(db, listed);
    expect(full.map((r) => r.id)).toEqual(listed.map((r) => r.id));
    expect(full.find((r) => r.id === 'with')).toEqual({ ...listed.find((r) => r.id === 'with'), text: 'Stored text.' });
    expect(full.find((r) => r.id === 'without')).toBe(listed.find((r) => r.id === 'without'));
  });

  it('reads the texts in parts, reporting how many it has read', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    for (const id of ids) await saveRecord(db, record({ id, text: i18nText(id) }), { kind: 'create' });
    const listed = await listRecords(db);
    const progress: number[] = [];
    const full = await withArticleTexts(db, listed.slice(0, 20), { onProgress: (done, total) => progress.push(done / total) });
    expect(full.map((r) => [r.id, r.text])).toEqual(listed.slice(0, 20).map((r) => [r.id, i18nText(r.id)]));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(1);
  });

  it('hands over each part of the records with its texts as it arrives, every record once, in its place', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const id of ids) await saveRecord(db, record({ id, text: i18nText(id) }), { kind: 'create' });
    const listed = await listRecords(db);
    const parts: { record: { id: string; text?: string }; index: number }[][] = [];
    const full = await withArticleTexts(db, listed, { onPart: (part) => parts.push(part) });
    expect(parts.length).toBeGreaterThan(1);
    const handed = parts.flat().sort((a, b) => a.index - b.index);
    expect(handed.map((p) => p.index)).toEqual(listed.map((_, i) => i));
    expect(handed.map((p) => p.record)).toEqual(full);
    expect(full.map((r) => [r.id, r.text])).toEqual(listed.map((r) => [r.id, i18nText(r.id)]));
  });

  it('refuses an update based on an older version (changed elsewhere meanwhile), and saves it when not based on one', async () => {
    const opened = await saveRecord(db, record({ id: 'r', summary: 'first', updatedAt: '2024-02-01T00:00:00.000Z' }), { kind: 'create' });
    await saveRecord(db, record({ id: 'r', summary: 'saved in the popup', updatedAt: '2024-02-02T00:00:00.000Z' }), { kind: 'update', id: 'r', basedOn: opened.updatedAt });
    const mine = record({ id: 'r', summary: 'saved in the library', updatedAt: '2024-02-03T00:00:00.000Z' });
    const refused = await saveRecord(db, mine, { kind: 'update', id: 'r', basedOn: opened.updatedAt }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecordChangedElsewhere);
    expect((refused as RecordChangedElsewhere).current.summary).toBe('saved in the popup');
    expect((await listRecords(db))[0].summary).toBe('saved in the popup');
    await saveRecord(db, mine, { kind: 'update', id: 'r', basedOn: (refused as RecordChangedElsewhere).current.updatedAt });
    expect((await listRecords(db))[0].summary).toBe('saved in the library');
  });

  it('deletes a record’s text with the record', async () => {
    await saveRecord(db, record({ id: 'r', text: 'Text.' }), { kind: 'create' });
    await deleteRecords(db, ['r']);
    expect(await db.texts.count()).toBe(0);
  });
});

describe('database versions', () => {
  it('opens data written by schema version 1 and moves its article text out of the records table', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    // Version 1 exactly as released; later versions must keep reading what it wrote.
    const v1 = new Dexie(name);
    v1.version(1).stores({ records: 'id, url, *keywords, publishedDate, createdAt, updatedAt, literatureType' });
    await v1.table('records').bulkPut([
      record({ id: 'from-v1', keywords: ['Legacy'], text: 'Text clipped under v1.' }),
      record({ id: 'v1-no-text', createdAt: '2020-01-01T00:00:00.000Z' }),
    ]);
    v1.close();

    const current = new PrecisDatabase(name);
    const listed = await listRecords(current);
    expect(listed.map((r) => r.id)).toEqual(['from-v1', 'v1-no-text']);
    expect(listed.every((r) => !('text' in r))).toBe(true);
    expect((await listFullRecords(current))[0]).toMatchObject({ id: 'from-v1', text: 'Text clipped under v1.' });
    expect(await listKeywords(current)).toEqual(['Legacy', 'Trade']);
    expect(current.verno).toBe(6);
    await current.delete();
  });
});

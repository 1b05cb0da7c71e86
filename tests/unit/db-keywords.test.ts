import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase } from '../../utils/db/database';
import { addKeywordToRecords, deleteKeyword, removeKeywordFromRecords, renameKeyword } from '../../utils/db/keywords';
import { deleteRecords, listFullRecords, listRecords, restoreRecords, saveRecord } from '../../utils/db/records';
import type { PrecisRecord } from '../../utils/record/schema';

let db: PrecisDatabase;
const THEN = '2024-01-01T00:00:00.000Z';
const NOW = new Date('2025-06-01T12:00:00.000Z');

function record(id: string, keywords: string[], patch: Partial<PrecisRecord> = {}): PrecisRecord {
  return {
    id, url: null, title: `Article ${id}`, authors: [], publisher: null, publishedDate: null, place: null, literatureType: null,
    wordCount: null, keywords, summary: '', summarizedBy: null, section: null, language: null, createdAt: THEN, updatedAt: THEN, ...patch,
  };
}

async function keywordsOf(): Promise<Record<string, string[]>> {
  return Object.fromEntries((await listRecords(db)).map((r) => [r.id, r.keywords]));
}

beforeEach(async () => {
  db = new PrecisDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('renaming and merging a keyword everywhere', () => {
  it('renames a keyword in every record that has it and leaves the others untouched', async () => {
    await saveRecord(db, record('a', ['Trade', 'U.S.']), { kind: 'create' });
    await saveRecord(db, record('b', ['U.S.']), { kind: 'create' });
    await saveRecord(db, record('c', ['India']), { kind: 'create' });
    const changed = await renameKeyword(db, 'U.S.', 'United States', NOW);
    expect(changed.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(await keywordsOf()).toEqual({ a: ['Trade', 'United States'], b: ['United States'], c: ['India'] });
    const c = (await listRecords(db)).find((r) => r.id === 'c')!;
    expect(c.updatedAt).toBe(THEN);
    expect(changed[0].updatedAt).toBe(NOW.toISOString());
  });

  it('merges into an existing keyword, keeping one copy where a record had both', async () => {
    await saveRecord(db, record('both', ['U.S.', 'Trade', 'US']), { kind: 'create' });
    await saveRecord(db, record('old', ['U.S.']), { kind: 'create' });
    await saveRecord(db, record('new', ['US']), { kind: 'create' });
    await renameKeyword(db, 'U.S.', 'US', NOW);
    expect(await keywordsOf()).toEqual({ both: ['US', 'Trade'], old: ['US'], new: ['US'] });
  });

  it('matches the old keyword in any case and writes the target spelling over case variants of it', async () => {
    await saveRecord(db, record('a', ['u.s.', 'us']), { kind: 'create' });
    await saveRecord(db, record('b', ['U.S.']), { kind: 'create' });
    await renameKeyword(db, 'U.S.', 'US', NOW);
    expect(await keywordsOf()).toEqual({ a: ['US'], b: ['US'] });
  });

  it('changes only the case when renamed to another spelling of itself, and unifies the variants', async () => {
    await saveRecord(db, record('a', ['climate']), { kind: 'create' });
    await saveRecord(db, record('b', ['Climate', 'Energy']), { kind: 'create' });
    await saveRecord(db, record('c', ['CLIMATE']), { kind: 'create' });
    const changed = await renameKeyword(db, 'climate', 'Climate', NOW);
    expect(changed.map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(await keywordsOf()).toEqual({ a: ['Climate'], b: ['Climate', 'Energy'], c: ['Climate'] });
  });

  it('refuses an empty new name and changes nothing', async () => {
    await saveRecord(db, record('a', ['Trade']), { kind: 'create' });
    await expect(renameKeyword(db, 'Trade', '   ', NOW)).rejects.toThrow(/empty/);
    expect(await keywordsOf()).toEqual({ a: ['Trade'] });
  });

  it('squashes spaces in the new name', async () => {
    await saveRecord(db, record('a', ['Spy agencies']), { kind: 'create' });
    await renameKeyword(db, 'spy agencies', '  Spy   Agencies ', NOW);
    expect(await keywordsOf()).toEqual({ a: ['Spy Agencies'] });
  });
});

describe('deleting a keyword and bulk keyword changes', () => {
  it('deletes a keyword in every spelling from all records', async () => {
    await saveRecord(db, record('a', ['Trade', 'india']), { kind: 'create' });
    await saveRecord(db, record('b', ['India']), { kind: 'create' });
    const changed = await deleteKeyword(db, 'India', NOW);
    expect(changed).toHaveLength(2);
    expect(await keywordsOf()).toEqual({ a: ['Trade'], b: [] });
  });

  it('adds a keyword to a selection, skipping records that have it in another case', async () => {
    await saveRecord(db, record('a', ['trade']), { kind: 'create' });
    await saveRecord(db, record('b', []), { kind: 'create' });
    await saveRecord(db, record('c', []), { kind: 'create' });
    const changed = await addKeywordToRecords(db, ['a', 'b', 'gone'], 'Trade', NOW);
    expect(changed.map((r) => r.id)).toEqual(['b']);
    expect(await keywordsOf()).toEqual({ a: ['trade'], b: ['Trade'], c: [] });
  });

  it('removes a keyword from a selection only', async () => {
    await saveRecord(db, record('a', ['Trade', 'Energy']), { kind: 'create' });
    await saveRecord(db, record('b', ['trade']), { kind: 'create' });
    await removeKeywordFromRecords(db, ['a'], 'TRADE', NOW);
    expect(await keywordsOf()).toEqual({ a: ['Energy'], b: ['trade'] });
  });
});

describe('deleting records with undo', () => {
  it('deletes several records with their texts and restores them exactly', async () => {
    await saveRecord(db, record('a', ['Trade'], { text: 'Article text A' }), { kind: 'create' });
    await saveRecord(db, record('b', [], { text: 'Article text B' }), { kind: 'create' });
    await saveRecord(db, record('c', []), { kind: 'create' });
    const before = await listFullRecords(db);
    const deleted = await deleteRecords(db, ['a', 'b']);
    expect((await listRecords(db)).map((r) => r.id)).toEqual(['c']);
    expect(await db.texts.count()).toBe(0);
    await restoreRecords(db, deleted);
    expect(await listFullRecords(db)).toEqual(before);
  });
});

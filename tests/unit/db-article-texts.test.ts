// Article texts share rows (hash buckets of the record id): a change to one record's text must never touch
// another's, whatever the ids are.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase } from '../../utils/db/database';
import { changeTexts, getAllTexts, getText, getTexts, TEXT_BUCKETS, textBucketOf } from '../../utils/db/article-texts';

let db: PrecisDatabase;
beforeEach(async () => {
  db = new PrecisDatabase(`texts-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

// An async scope function: Dexie then keeps the transaction open across the nested native awaits.
const rw = <T>(fn: () => Promise<T>) => db.transaction('rw', db.textBuckets, async () => fn());
// Fixed ids (random ones left a bucket empty about one run in twenty): UUID-shaped, as the extension makes them.
const ids = Array.from({ length: 1000 }, (_, i) => `${(Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0')}-4b2c-4d5e-8f60-${String(i).padStart(12, '0')}`);

describe('text buckets', () => {
  it('spreads record ids over the buckets and always puts one id in the same bucket', () => {
    const counts = new Array(TEXT_BUCKETS).fill(0);
    for (const id of ids) counts[textBucketOf(id)]++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((ids.length / TEXT_BUCKETS) * 3);
    expect(textBucketOf('日本語-record')).toBe(textBucketOf('日本語-record'));
    expect(textBucketOf('')).toBeGreaterThanOrEqual(0);
  });

  it('stores a thousand texts in at most one row per bucket and reads each back', async () => {
    await rw(() => changeTexts(db, ids.map((id, i) => [id, `Text ${i}`])));
    expect(await db.textBuckets.count()).toBe(TEXT_BUCKETS);
    expect(await getText(db, ids[500])).toBe('Text 500');
    const some = await getTexts(db, [ids[1], 'missing', ids[999]]);
    expect([...some]).toEqual([[ids[1], 'Text 1'], [ids[999], 'Text 999']]);
    expect((await getAllTexts(db)).size).toBe(1000);
  });

  it('changes or removes one text without touching the others in its bucket', async () => {
    await rw(() => changeTexts(db, ids.map((id, i) => [id, `Text ${i}`])));
    const neighbour = ids.find((id) => id !== ids[0] && textBucketOf(id) === textBucketOf(ids[0]))!;
    await rw(() => changeTexts(db, [[ids[0], 'Rewritten']], [ids[1]]));
    expect(await getText(db, ids[0])).toBe('Rewritten');
    expect(await getText(db, ids[1])).toBeUndefined();
    expect(await getText(db, neighbour)).toBe(`Text ${ids.indexOf(neighbour)}`);
    expect((await getAllTexts(db)).size).toBe(999);
  });

  it('drops a bucket row once its last text is removed', async () => {
    await rw(() => changeTexts(db, [['only', 'Alone.']]));
    expect(await db.textBuckets.count()).toBe(1);
    await rw(() => changeTexts(db, [], ['only']));
    expect(await db.textBuckets.count()).toBe(0);
  });

  it('keeps ids that are object property names as ordinary keys', async () => {
    await rw(() => changeTexts(db, [['__proto__', 'Proto text.'], ['constructor', 'Constructor text.'], ['toString', 'x']]));
    expect(await getText(db, '__proto__')).toBe('Proto text.');
    expect(await getText(db, 'constructor')).toBe('Constructor text.');
    expect(await getText(db, 'hasOwnProperty')).toBeUndefined();
    expect([...(await getAllTexts(db)).keys()].sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });
});

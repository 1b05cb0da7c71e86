// The library follows records changed by other pages and skips its own: each page's own transactions that
// wrote records are counted, and claimed when their change event arrives.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import { trackOwnRecordWrites } from '../../utils/db/own-writes';
import { deleteRecords, saveRecord } from '../../utils/db/records';
import { changeRecords } from '../../utils/db/record-buckets';
import { record } from './import/helpers';

let name: string;
let page: PrecisDatabase;
let other: PrecisDatabase;
let own: { claimOwn(): boolean };
let verdicts: boolean[];
const listener = () => verdicts.push(own.claimOwn());

beforeEach(async () => {
  name = `own-writes-${crypto.randomUUID()}`;
  page = new PrecisDatabase(name);
  own = trackOwnRecordWrites(page); // before the database opens, as the library does
  other = new PrecisDatabase(name); // another page of the extension
  await page.open();
  await other.open();
  verdicts = [];
  Dexie.on('storagemutated', listener);
});
afterEach(async () => {
  Dexie.on('storagemutated').unsubscribe(listener);
  other.close();
  await page.delete();
});

describe("a page's own record writes", () => {
  it('are claimed, one event per transaction; another page’s are not', async () => {
    await saveRecord(page, record({ id: 'a', text: 'Text.' }), { kind: 'create' });
    await saveRecord(other, record({ id: 'b' }), { kind: 'create' });
    await deleteRecords(page, ['a']);
    await saveRecord(other, record({ id: 'c' }), { kind: 'create' });
    expect(verdicts).toEqual([true, false, true, false]);
  });

  it('stop being expected when their transaction fails, so the next change from elsewhere is followed', async () => {
    const stored = (id: string): StoredRecord => {
      const { text: _text, ...rest } = record({ id });
      return rest;
    };
    await expect(
      page.transaction('rw', page.recordBuckets, async () => {
        await changeRecords(page, [stored('x')]);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await saveRecord(other, record({ id: 'y' }), { kind: 'create' });
    expect(verdicts).toEqual([false]);
  });
});

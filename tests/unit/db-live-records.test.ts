// The library follows the database through live queries over ranges of ids: every change reaches it, from
// any connection (another tab has its own), and a change reads again only the range that holds it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrecisDatabase, type StoredRecord } from '../../utils/db/database';
import { LiveRecords, type LiveChanges } from '../../utils/db/live-records';
import { deleteRecords, saveRecord } from '../../utils/db/records';
import { applyImport } from '../../utils/import/apply-import';
import { record } from './import/helpers';

let page: PrecisDatabase;
let otherTab: PrecisDatabase;
let live: LiveRecords;
let heard: LiveChanges[];

const id = (i: number) => `r${String(i).padStart(3, '0')}`;
const stored = (r: ReturnType<typeof record>): StoredRecord => {
  const { text: _text, ...rest } = r;
  return rest;
};
const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

beforeEach(async () => {
  page = new PrecisDatabase(`live-${crypto.randomUUID()}`);
  otherTab = new PrecisDatabase(page.name);
  heard = [];
  await page.records.bulkAdd(Array.from({ length: 50 }, (_, i) => stored(record({ id: id(i) }))));
  live = new LiveRecords(page, (changes) => heard.push(changes), 10);
});
afterEach(async () => {
  live.stop();
  otherTab.close();
  await page.delete();
});

describe('following the library live', () => {
  it('reads every record at the start', async () => {
    expect(ids(await live.start())).toEqual(Array.from({ length: 50 }, (_, i) => id(i)));
    expect(heard).toEqual([]);
  });

  it('hears a record saved, edited and deleted in another tab, reading again only the range that holds it', async () => {
    await live.start();
    const reads = vi.spyOn(page.records, 'where');
    const edited = record({ id: id(23), title: 'Edited in another tab', updatedAt: '2025-01-01T00:00:00.000Z' });
    await saveRecord(otherTab, edited, { kind: 'update', id: id(23) });
    await live.settled();
    expect(heard).toEqual([{ upserted: [stored(edited)], removed: [] }]);
    expect(reads).toHaveBeenCalledTimes(1);

    await deleteRecords(otherTab, [id(7)]);
    await live.settled();
    expect(heard.at(-1)).toEqual({ upserted: [], removed: [id(7)] });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('hears a change that keeps the time of the last edit (a teammate’s other field merged in by the sync)', async () => {
    const [first] = await live.start().then((all) => all.filter((r) => r.id === id(12)));
    const merged = { ...first, publisher: 'Merged from a teammate', clippedBy: 'ana' };
    await otherTab.records.put(merged);
    await live.settled();
    expect(heard).toEqual([{ upserted: [merged], removed: [] }]);
  });

  it('hears its own page’s saves too (the page then finds it shows them already)', async () => {
    await live.start();
    const added = record({ id: 'new-one' });
    await saveRecord(page, added, { kind: 'create' });
    await live.settled();
    expect(heard).toEqual([{ upserted: [stored(added)], removed: [] }]);
  });

  it('hears a large import, and keeps following in smaller ranges after a range has grown', async () => {
    await live.start();
    const imported = Array.from({ length: 60 }, (_, i) => record({ id: `${id(10)}-${String(i).padStart(2, '0')}` }));
    await applyImport(otherTab, imported);
    await live.settled();
    expect(ids(heard.flatMap((c) => c.upserted))).toEqual(ids(imported));
    // The range that took the 60 new ids is now several; one edit reads one of them.
    const reads = vi.spyOn(page.records, 'where');
    await saveRecord(otherTab, record({ id: imported[30].id, title: 'Edited', updatedAt: '2025-01-01T00:00:00.000Z' }), { kind: 'update', id: imported[30].id });
    await live.settled();
    expect(heard.at(-1)!.upserted.map((r) => r.title)).toEqual(['Edited']);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('is settled only once the reads a commit has just signalled are in, however soon it is asked', async () => {
    await live.start();
    // Asked in the very continuation of the commit, before the commit's signal has started any read.
    await saveRecord(otherTab, record({ id: 'late' }), { kind: 'create' }).then(() => live.settled());
    expect(heard.flatMap((c) => c.upserted).map((r) => r.id)).toEqual(['late']);
  });

  it('pauses for the page’s own import, and after it hears only what the page does not know', async () => {
    const shown = await live.start();
    live.pause();
    const imported = Array.from({ length: 60 }, (_, i) => record({ id: `imp-${String(i).padStart(2, '0')}` }));
    await applyImport(page, imported);
    const meanwhile = record({ id: 'from-another-tab' });
    await saveRecord(otherTab, meanwhile, { kind: 'create' });
    await live.settled();
    expect(heard).toEqual([]); // paused
    live.restart([...shown, ...imported.map(stored)]);
    await live.settled();
    expect(heard).toEqual([{ upserted: [stored(meanwhile)], removed: [] }]);
  });
});

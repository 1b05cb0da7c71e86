// The pull's checkpoint, against a scripted server (no HTTP): it moves with the records it covers, in one
// store transaction, and never past a page the store did not take.
import { describe, expect, it } from 'vitest';
import type { ChangesOptions, ChangesPage, CouchClient } from '../../../utils/sync/couch-client';
import { docFromRecord } from '../../../utils/sync/documents';
import { runPass } from '../../../utils/sync/engine';
import { MemoryStore } from '../../../utils/sync/memory-store';
import type { StoreWrite } from '../../../utils/sync/store';
import { makeRecord, synced } from './records';

const rev = (n: number) => `1-${String(n).padStart(32, '0')}`;

function row(n: number, fields = {}) {
  const record = synced(makeRecord({ title: `Record ${n}`, ...fields }));
  return { id: record.id, seq: `${n}-opaque`, deleted: false, revs: [rev(n)], doc: { ...docFromRecord(record, { rev: rev(n), clippedBy: 'ana', text: null }), _rev: rev(n) } };
}

/** A server with these pages of changes (by `since`), nothing to upload to. */
function scripted(pages: Record<string, ChangesPage>, asked: string[] = []): CouchClient {
  return {
    databaseInfo: async () => ({ docCount: 4, deletedCount: 0, updateSeq: '4-opaque' }),
    changes: async (o: ChangesOptions) => {
      asked.push(o.since);
      const page = pages[o.since];
      if (!page) throw new Error(`no page for ${o.since}`);
      return page;
    },
  } as unknown as CouchClient;
}

const page = (rows: ReturnType<typeof row>[], lastSeq: string, pending: number | null = null): ChangesPage => ({ results: rows, lastSeq, pending, malformed: 0 });

describe('the pull’s checkpoint', () => {
  it('is written in the same store transaction as the page it ends, and the next pass starts from it', async () => {
    const store = new MemoryStore();
    const calls: Array<{ ids: string[]; checkpoint?: string }> = [];
    const apply = store.apply.bind(store);
    store.apply = (writes: readonly StoreWrite[], checkpoint?: string) => {
      calls.push({ ids: writes.map((w) => w.id), checkpoint });
      return apply(writes, checkpoint);
    };
    const rows = [row(1), row(2), row(3)];
    const asked: string[] = [];
    const client = scripted({ '0': page(rows.slice(0, 2), '2-opaque', 1), '2-opaque': page(rows.slice(2), '3-opaque', 0), '3-opaque': page([], '3-opaque', 0) }, asked);
    expect(await runPass({ client, store, user: 'eve', pageSize: 2 })).toMatchObject({ ok: true, pulled: 3 });
    expect(calls).toEqual([
      { ids: [rows[0].id, rows[1].id], checkpoint: '2-opaque' },
      { ids: [rows[2].id], checkpoint: '3-opaque' },
    ]);
    expect(await store.getCheckpoint()).toBe('3-opaque');
    await runPass({ client, store, user: 'eve', pageSize: 2 });
    expect(asked).toEqual(['0', '2-opaque', '3-opaque']);
  });

  it('stays before a page the store refused (a record edited meanwhile, every time), which the next pass takes again', async () => {
    const store = new MemoryStore();
    const rows = [row(1), row(2)];
    const client = scripted({ '0': page(rows, '2-opaque', 0) });
    store.apply = async (writes) => ({ stale: writes.map((w) => w.id) });
    const report = await runPass({ client, store, user: 'eve' });
    expect(report).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(await store.getCheckpoint()).toBeNull();
  });

  it('moves past pages of documents that are not records, storing none of them', async () => {
    const store = new MemoryStore();
    const bad = { ...row(1), doc: { _id: 'x', _rev: rev(1), type: 'precis.record', title: 42 } };
    bad.id = 'x';
    const design = { id: '_design/precis', seq: '2-opaque', deleted: false, revs: [rev(2)], doc: { _id: '_design/precis', _rev: rev(2) } };
    const client = scripted({ '0': { results: [bad, design], lastSeq: '3-opaque', pending: 0, malformed: 1 } });
    const report = await runPass({ client, store, user: 'eve' });
    expect(report).toMatchObject({ ok: true, pulled: 0, skipped: 1, invalid: { count: 2, reasons: [expect.stringMatching(/^x: title/)] } });
    expect(store.records()).toEqual([]);
    expect(await store.getCheckpoint()).toBe('3-opaque');
  });

  it('stops when a server answers the same page again instead of looping', async () => {
    const store = new MemoryStore();
    const asked: string[] = [];
    const same = page([row(1), row(2)], '0', null);
    const client = scripted({ '0': same }, asked);
    expect(await runPass({ client, store, user: 'eve', pageSize: 2 })).toMatchObject({ ok: true });
    expect(asked).toEqual(['0']);
  });

  it('skips a change whose revision the store has already (its own upload coming back)', async () => {
    const store = new MemoryStore();
    const r = row(1);
    const client = scripted({ '0': page([r], '1-opaque', 0), '1-opaque': page([r], '2-opaque', 0) });
    expect(await runPass({ client, store, user: 'eve' })).toMatchObject({ pulled: 1 });
    store.apply = (() => {
      const apply = MemoryStore.prototype.apply.bind(store);
      return async (writes: readonly StoreWrite[], checkpoint?: string) => {
        expect(writes).toEqual([]);
        return apply(writes, checkpoint);
      };
    })();
    expect(await runPass({ client, store, user: 'eve' })).toMatchObject({ ok: true, pulled: 0 });
    expect(await store.getCheckpoint()).toBe('2-opaque');
  });
});

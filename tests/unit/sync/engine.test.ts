// Two people syncing through the test server (a real CouchDB with COUCHDB_URL): an associate (ana) and an
// editor (eve), each with an in-memory store standing in for the browser's.
import { describe, expect, it } from 'vitest';
import type { CouchClient } from '../../../utils/sync/couch-client';
import { docFromRecord, TEXT_ATTACHMENT } from '../../../utils/sync/documents';
import { runPass, statusLine, SyncEngine, type PassOptions, type Progress } from '../../../utils/sync/engine';
import { MemoryStore } from '../../../utils/sync/memory-store';
import type { SyncStore } from '../../../utils/sync/store';
import { newTeam, useCouchServer, type Team, type TeamUser } from './couch';
import { makeRecord, synced } from './records';

const couch = useCouchServer();
const NOW = new Date('2024-05-01T12:00:00Z');

interface Member {
  name: string;
  client: CouchClient;
  store: MemoryStore;
  engine: SyncEngine;
  sync(options?: PassOptions & { pageSize?: number; store?: SyncStore }): ReturnType<typeof runPass>;
}

async function member(team: Team, user: TeamUser, fetchFn: typeof fetch = fetch): Promise<Member> {
  const client = await team.signIn(user, fetchFn);
  const store = new MemoryStore();
  const options = { client, store, user: user.name, now: () => NOW };
  return {
    name: user.name,
    client,
    store,
    engine: new SyncEngine(options),
    sync: ({ pageSize, store: other, ...pass } = {}) => runPass({ ...options, ...(pageSize ? { pageSize } : {}), ...(other ? { store: other } : {}) }, pass),
  };
}

/** A fetch that lets a test act on requests: `before` runs before one is sent, `after` once its answer is read. */
function hookedFetch(hooks: {
  before?: (url: string, init: RequestInit) => Promise<void> | void;
  after?: (url: string, init: RequestInit, response: Response) => Promise<Response>;
}): typeof fetch {
  return async (input, init = {}) => {
    const url = String(input);
    await hooks.before?.(url, init);
    const response = await fetch(input, init);
    return hooks.after ? hooks.after(url, init, response) : response;
  };
}

/** A new team with ana and eve, and a record saved by one of them and synced to both. */
async function sharedRecord(owner: 'ana' | 'eve', fields: Parameters<typeof makeRecord>[0]) {
  const team = await newTeam(couch());
  const ana = await member(team, team.associate);
  const eve = await member(team, team.editor);
  const record = makeRecord(fields);
  const [first, second] = owner === 'ana' ? [ana, eve] : [eve, ana];
  first.store.save(record);
  await first.sync();
  await second.sync();
  return { team, ana, eve, record };
}

const isBulkDocs = (url: string, init: RequestInit) => init.method === 'POST' && new URL(url).pathname.endsWith('/_bulk_docs');

describe('sync between an associate and an editor', { timeout: 60_000 }, () => {
  it('a record saved by one arrives with the other, text and who clipped it included', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    const record = makeRecord({ title: 'Ports, Power and Patience', keywords: ['ports'], text: 'The article’s text.\nSecond paragraph.' });
    ana.store.save(record);
    const pushed = await ana.sync();
    expect(pushed).toMatchObject({ ok: true, pushed: 1, error: null, waiting: { records: 0, changes: 0 } });
    expect(pushed.status.lastSyncedAt).toBe(NOW.toISOString());
    expect(ana.store.record(record.id)?.clippedBy).toBe(ana.name);

    const pulled = await eve.sync();
    expect(pulled).toMatchObject({ ok: true, pulled: 1, pushed: 0, invalid: { count: 0 } });
    expect(eve.store.record(record.id)).toEqual({ ...record, clippedBy: ana.name });
  });

  it('a summary edit sends no text and downloads none', async () => {
    const team = await newTeam(couch());
    const sent: string[] = [];
    const fetched: string[] = [];
    const ana = await member(team, team.associate, hookedFetch({ before: (url, init) => void (isBulkDocs(url, init) && sent.push(String(init.body))) }));
    const eve = await member(team, team.editor, hookedFetch({ before: (url) => void fetched.push(url) }));
    const record = makeRecord({ text: 'A long article text. '.repeat(200) });
    ana.store.save(record);
    await ana.sync();
    await eve.sync();
    sent.length = 0;
    fetched.length = 0;
    ana.store.save({ ...record, summary: 'A new summary.' });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('"stub":true');
    expect(sent[0]).not.toContain('"data"');
    expect(sent[0].length).toBeLessThan(2_000);
    expect(await eve.sync()).toMatchObject({ ok: true, pulled: 1 });
    expect(fetched.some((u) => u.includes('attachments=true'))).toBe(false);
    expect(eve.store.record(record.id)).toMatchObject({ summary: 'A new summary.', text: record.text });
    // A changed text does travel, and arrives.
    ana.store.save({ ...record, summary: 'A new summary.', text: 'Re-clipped text.' });
    await ana.sync();
    await eve.sync();
    expect(eve.store.record(record.id)?.text).toBe('Re-clipped text.');
  });

  it('edits of different fields made offline on both sides merge by themselves, keywords as a set', async () => {
    const { ana, eve, record } = await sharedRecord('ana', { summary: 'First.', publisher: 'Harbour Review', keywords: ['water', 'energy'] });
    ana.store.save({ ...ana.store.record(record.id)!, summary: 'Ana’s summary.', keywords: ['water', 'dams'], updatedAt: '2024-03-02T00:00:00Z' });
    eve.store.save({ ...eve.store.record(record.id)!, publisher: 'Harbour Review Press', keywords: ['water', 'energy', 'Nile'], updatedAt: '2024-03-03T00:00:00Z' });
    expect(await eve.sync()).toMatchObject({ ok: true, pushed: 1 });
    const merged = await ana.sync(); // 409 on the way: merged against the base, then uploaded
    expect(merged).toMatchObject({ ok: true, pushed: 1, conflicts: 0 });
    await eve.sync();
    for (const m of [ana, eve]) {
      expect(m.store.record(record.id)).toMatchObject({
        summary: 'Ana’s summary.',
        publisher: 'Harbour Review Press',
        keywords: ['water', 'dams', 'Nile'],
        updatedAt: '2024-03-03T00:00:00Z',
      });
      expect(m.store.entry(record.id)?.sync).toMatchObject({ edits: 0, conflicts: [] });
    }
  });

  it('the same field changed on both sides is a conflict with both values, uploaded only once the user picks', async () => {
    const { ana, eve, record } = await sharedRecord('ana', { summary: 'First.' });
    ana.store.save({ ...record, summary: 'Ana’s summary.' });
    eve.store.save({ ...eve.store.record(record.id)!, summary: 'Eve’s summary.' });
    await eve.sync();
    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, conflicts: 1, pushed: 0, waiting: { conflicts: 1, records: 1 } });
    expect(ana.store.entry(record.id)?.sync.conflicts).toEqual([
      { kind: 'field', field: 'summary', base: 'First.', local: 'Ana’s summary.', remote: 'Eve’s summary.' },
    ]);
    expect(ana.store.record(record.id)?.summary).toBe('Ana’s summary.');
    expect(statusLine(report.status, report.waiting, () => 'at noon')).toBe('Synced at noon. 1 change waiting to upload. 1 record changed in two places.');
    // Nothing was dropped on the server either: it still has Eve's.
    await eve.sync();
    expect(eve.store.record(record.id)?.summary).toBe('Eve’s summary.');

    ana.store.resolve(record.id, { fields: { summary: 'local' } });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, waiting: { conflicts: 0, records: 0 } });
    await eve.sync();
    expect(eve.store.record(record.id)?.summary).toBe('Ana’s summary.');
  });

  it('the article text changed on both sides is a conflict holding the server’s text; picking one uploads it', async () => {
    const { ana, eve, record } = await sharedRecord('ana', { text: 'The first clip.' });
    ana.store.save({ ...ana.store.record(record.id)!, text: 'Ana re-clipped it.' });
    eve.store.save({ ...eve.store.record(record.id)!, text: 'Eve re-clipped it.' });
    await eve.sync();
    expect(await ana.sync()).toMatchObject({ ok: true, conflicts: 1, pushed: 0 });
    expect(ana.store.entry(record.id)?.sync.conflicts).toEqual([{ kind: 'text', remote: 'Eve re-clipped it.' }]);
    expect(ana.store.record(record.id)?.text).toBe('Ana re-clipped it.');
    ana.store.resolve(record.id, { text: 'remote' });
    expect(ana.store.record(record.id)?.text).toBe('Eve re-clipped it.');
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, waiting: { records: 0, conflicts: 0 } });
    await eve.sync();
    expect(eve.store.record(record.id)?.text).toBe('Eve re-clipped it.');
  });

  it('an edit saved while its previous version uploads is kept and uploads next', async () => {
    const team = await newTeam(couch());
    let typing: (() => void) | null = null;
    const ana = await member(team, team.associate, hookedFetch({ before: (url, init) => void (isBulkDocs(url, init) && typing?.()) }));
    const eve = await member(team, team.editor);
    const record = makeRecord({ summary: 'Version 1.' });
    ana.store.save(record);
    typing = () => {
      typing = null;
      ana.store.save({ ...record, summary: 'Version 2, typed during the upload.' });
    };
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, waiting: { records: 1, changes: 1 } });
    expect(ana.store.record(record.id)?.summary).toBe('Version 2, typed during the upload.');
    expect(ana.store.entry(record.id)?.sync).toMatchObject({ rev: expect.stringMatching(/^1-/), edits: 1 });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, conflicts: 0, waiting: { records: 0 } });
    await eve.sync();
    expect(eve.store.record(record.id)?.summary).toBe('Version 2, typed during the upload.');
  });

  it('a session that ended is said in words, and the edits wait', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    await ana.client.logout();
    ana.store.save(makeRecord());
    const report = await ana.sync();
    expect(report.ok).toBe(false);
    expect(['unauthorized', 'forbidden']).toContain(report.error?.kind);
    expect(report.waiting).toMatchObject({ records: 1, changes: 1 });
  });

  it('an associate’s edit of the editor’s record is refused in words and kept locally', async () => {
    const { ana, eve, record } = await sharedRecord('eve', { title: 'The Editor’s Record', summary: 'By the editor.' });
    ana.store.save({ ...ana.store.record(record.id)!, summary: 'Changed by the associate.' });
    const report = await ana.sync();
    expect(report.ok).toBe(true);
    expect(report.refused).toEqual([{ id: record.id, title: 'The Editor’s Record', reason: expect.stringMatching(/^Associates can change only the records they clipped; this one was clipped by "eve-/) }]);
    expect(ana.store.record(record.id)?.summary).toBe('Changed by the associate.');
    expect(ana.store.entry(record.id)?.sync).toMatchObject({ edits: 1, refused: expect.stringMatching(/Ask an editor/) });
    expect(report.waiting).toMatchObject({ records: 1, refused: 1 });
    expect(statusLine(report.status, report.waiting, () => 'now')).toContain('1 record was refused by the server.');
    // Not sent again on every pass; sent again when asked (say, after a change of role).
    expect((await ana.sync()).refused).toEqual([]);
    expect((await ana.sync({ retryRefused: true })).refused).toHaveLength(1);
    await eve.sync();
    expect(eve.store.record(record.id)?.summary).toBe('By the editor.');
  });

  it('deletions travel as tombstones; only editors delete, and a deletion does not win over an unseen edit', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    const gone = makeRecord({ title: 'To delete' });
    const kept = makeRecord({ title: 'Edited while deleted' });
    ana.store.save(gone);
    ana.store.save(kept);
    await ana.sync();
    await eve.sync();

    eve.store.remove(gone.id);
    expect(await eve.sync()).toMatchObject({ ok: true, pushed: 1 });
    await ana.sync();
    expect(ana.store.record(gone.id)).toBeUndefined();
    expect(ana.store.entry(gone.id)).toBeUndefined();

    // Ana edits `kept` offline while Eve deletes it: Ana's edit stays, marked, until she decides.
    ana.store.save({ ...kept, summary: 'Still useful.' });
    eve.store.remove(kept.id);
    await eve.sync();
    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, conflicts: 1, pushed: 0 });
    expect(ana.store.entry(kept.id)?.sync.conflicts).toEqual([{ kind: 'deleted-remotely' }]);
    ana.store.resolve(kept.id, { deletion: 'keep' });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, refused: [] });
    await eve.sync();
    expect(eve.store.record(kept.id)).toMatchObject({ summary: 'Still useful.', clippedBy: ana.name });

    // An associate cannot delete, not even their own: refused, and said so.
    ana.store.remove(kept.id);
    expect((await ana.sync()).refused).toEqual([expect.objectContaining({ id: kept.id, reason: 'Only editors can delete records from the team library.' })]);
  });

  it('the server stopped before a push reaches it: the pass says so, nothing is lost, the next pass completes', async () => {
    const team = await newTeam(couch());
    let stopOnPush = false;
    const ana = await member(
      team,
      team.associate,
      hookedFetch({
        before: async (url, init) => {
          if (stopOnPush && isBulkDocs(url, init)) await couch().stop();
        },
      }),
    );
    const eve = await member(team, team.editor);
    const record = makeRecord({ text: 'Typed before the outage.' });
    ana.store.save(record);
    stopOnPush = true;
    try {
      const report = await ana.sync();
      expect(report).toMatchObject({ ok: false, pushed: 0, error: { kind: 'unreachable' }, waiting: { records: 1, changes: 1 } });
      expect(report.status.lastSyncedAt).toBeNull();
      expect(statusLine(report.status, report.waiting, () => '')).toMatch(/^Server unreachable: .* Working offline\. 1 change waiting to upload\.$/);
      expect(ana.store.record(record.id)).toEqual(record);
    } finally {
      stopOnPush = false;
      await couch().start();
    }
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, waiting: { changes: 0 } });
    await eve.sync();
    expect(eve.store.record(record.id)).toMatchObject({ text: 'Typed before the outage.', clippedBy: ana.name });
  });

  it('the server stopped after taking a push but before answering: the next pass finds both sides equal', async () => {
    const team = await newTeam(couch());
    let cutAnswer = false;
    const ana = await member(
      team,
      team.associate,
      hookedFetch({
        after: async (url, init, response) => {
          if (!cutAnswer || !isBulkDocs(url, init)) return response;
          await response.text(); // the server has written it
          await couch().stop();
          throw new TypeError('fetch failed');
        },
      }),
    );
    const eve = await member(team, team.editor);
    const record = makeRecord({ text: 'Its text.', keywords: ['a'] });
    ana.store.save(record);
    cutAnswer = true;
    try {
      expect(await ana.sync()).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    } finally {
      cutAnswer = false;
      await couch().start();
    }
    expect(ana.store.entry(record.id)?.sync).toMatchObject({ rev: null, edits: 1 });
    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, conflicts: 0, refused: [], waiting: { records: 0, changes: 0 } });
    expect(ana.store.entry(record.id)?.sync).toMatchObject({ rev: expect.stringMatching(/^1-/), edits: 0, textEdited: false });
    await eve.sync();
    expect(eve.store.records()).toEqual([{ ...record, clippedBy: ana.name }]);
  });

  it('a first download comes in pages with progress; stopped mid-way, the next pass resumes from the checkpoint', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const records = Array.from({ length: 7 }, (_, i) => makeRecord({ title: `Record ${i}` }));
    for (const r of records) ana.store.save(r);
    await ana.sync();

    let pages = 0;
    const eve = await member(
      team,
      team.editor,
      hookedFetch({
        after: async (url, _init, response) => {
          if (new URL(url).pathname.endsWith('/_changes') && ++pages === 2) {
            const body = await response.text();
            await couch().stop();
            return new Response(body, { status: response.status, headers: response.headers });
          }
          return response;
        },
      }),
    );
    const progress: Progress[] = [];
    try {
      const report = await eve.sync({ pageSize: 3, onProgress: (p) => progress.push(p) });
      expect(report).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    } finally {
      await couch().start();
    }
    const checkpoint = await eve.store.getCheckpoint();
    expect(checkpoint).not.toBeNull();
    const partial = eve.store.records().length;
    expect(partial).toBeGreaterThanOrEqual(5); // two pages of three, the design document among them
    expect(partial).toBeLessThan(7);
    expect(progress[0]).toEqual({ phase: 'download', done: 0, total: 8 }); // 7 records and the design document
    expect(progress.map((p) => p.done)).toEqual([0, 3, 6]);

    const resumed: Progress[] = [];
    expect(await eve.sync({ pageSize: 3, onProgress: (p) => resumed.push(p) })).toMatchObject({ ok: true, skipped: 0 });
    expect(eve.store.records().map((r) => r.title).sort()).toEqual(records.map((r) => r.title).sort());
    expect(resumed.at(-1)?.done).toBeGreaterThan(0);
  });

  it('a store that fails mid-pull (the browser closing) loses nothing, and a re-run is idempotent', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    for (let i = 0; i < 5; i++) ana.store.save(makeRecord({ title: `R${i}` }));
    await ana.sync();
    const eve = await member(team, team.editor);
    let applies = 0;
    const crashing: SyncStore = Object.assign(Object.create(eve.store) as MemoryStore, {
      apply: (...args: Parameters<MemoryStore['apply']>) => {
        if (++applies === 2) return Promise.reject(new Error('the browser closed'));
        return eve.store.apply(...args);
      },
    });
    const crashed = await eve.sync({ pageSize: 2, store: crashing });
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringMatching(/the browser closed/) } });
    const afterCrash = await eve.store.getCheckpoint();
    const done = await eve.sync({ pageSize: 2 });
    expect(done).toMatchObject({ ok: true });
    expect(eve.store.records()).toHaveLength(5);
    expect(await eve.store.getCheckpoint()).not.toBe(afterCrash);
    // Again: nothing new to store or send.
    expect(await eve.sync({ pageSize: 2 })).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
    expect(await ana.sync()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
  });

  it('documents with script payloads arrive as plain text; invalid ones and other types are counted, never stored', async () => {
    const team = await newTeam(couch());
    const eve = await member(team, team.editor);
    const payload = '<img src=x onerror="alert(document.cookie)"><script>fetch("//evil")</script>';
    const hostile = synced(makeRecord({ title: payload, summary: payload, keywords: [payload], authors: [{ name: payload }] }));
    const broken = synced(makeRecord());
    await team.admin.bulkDocs([
      docFromRecord(hostile, { rev: null, clippedBy: payload, text: null }),
      { ...docFromRecord(broken, { rev: null, clippedBy: 'x', text: null }), title: { $gt: '' }, wordCount: 'many' },
      { _id: 'chat-1', type: 'chat.message', body: payload },
    ]);
    const report = await eve.sync();
    expect(report).toMatchObject({ ok: true, pulled: 1, skipped: 2, invalid: { count: 1, reasons: [expect.stringMatching(new RegExp(`^${broken.id}: title`))] } });
    const got = eve.store.record(hostile.id)!;
    expect(got).toMatchObject({ title: payload, summary: payload, keywords: [payload], authors: [{ name: payload, affiliation: null }], clippedBy: payload });
    expect(eve.store.record(broken.id)).toBeUndefined();
    expect(eve.store.record('chat-1')).toBeUndefined();
  });

  it('waits for a teammate’s change with a long-poll, then pulls it', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    await eve.engine.pass();
    const waiting = eve.engine.waitForChange({ heartbeatMs: 200, timeoutMs: 20_000 });
    const record = makeRecord();
    ana.store.save(record);
    await ana.sync();
    expect(await waiting).toBe(true);
    expect(await eve.engine.pass()).toMatchObject({ ok: true, pulled: 1 });
    expect(eve.store.record(record.id)).toBeDefined();
  });

  it('runs one pass at a time: a pass asked for meanwhile follows it', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    ana.store.save(makeRecord());
    const [first, second, third] = await Promise.all([ana.engine.pass(), ana.engine.pass(), ana.engine.pass()]);
    expect(first).toMatchObject({ ok: true, pushed: 1 });
    expect(second).toBe(third);
    expect(second).toMatchObject({ ok: true, pushed: 0 });
  });

  it('a record created on two computers with the same id merges without a base: differences become conflicts', async () => {
    const team = await newTeam(couch());
    const eve = await member(team, team.editor);
    const eve2 = await member(team, team.editor);
    const record = makeRecord({ title: 'Imported on two computers', keywords: ['a'] });
    eve.store.save(record);
    eve2.store.save({ ...record, title: 'Imported, then edited', keywords: ['b'] });
    await eve.sync();
    expect(await eve2.sync()).toMatchObject({ ok: true, conflicts: 1 });
    expect(eve2.store.entry(record.id)?.sync.conflicts).toEqual([
      { kind: 'field', field: 'title', base: null, local: 'Imported, then edited', remote: 'Imported on two computers' },
    ]);
    expect(eve2.store.record(record.id)?.keywords).toEqual(['b', 'a']);
  });
});

describe('attachment of a record written by another client', { timeout: 30_000 }, () => {
  it('a text put with PUT …/text.txt by another client arrives', async () => {
    const team = await newTeam(couch());
    const eve = await member(team, team.editor);
    const record = synced(makeRecord());
    const [w] = await team.admin.bulkDocs([docFromRecord(record, { rev: null, clippedBy: 'someone', text: null })]);
    if (!w.ok) throw new Error(w.reason);
    await team.admin.putAttachment(record.id, w.rev, TEXT_ATTACHMENT, 'Text added later.');
    await eve.sync();
    expect(eve.store.record(record.id)?.text).toBe('Text added later.');
  });
});

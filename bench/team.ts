// The team library's sync, in Node against the CouchDB-protocol test server (scripts/lib/couch-server.mjs:
// express-pouchdb in this process, or a real CouchDB with COUCHDB_URL), with the library's own Dexie tables on
// fake-indexeddb as the browser's store.
//
//   npx precis bench team [--records N] [--words N] [--runs N]
//
// 1. First download of a team library of N records with article texts into an empty library, against a bare
//    download in the same run: one `_all_docs?include_docs&attachments` read, JSON.parse, base64 decoding and
//    one raw IndexedDB transaction of puts into stores laid out as the extension's (no Dexie, no checks, no
//    checkpoint, no merge base), alternating --runs times. Goal: ≤ 1.5×.
// 2. Save → row: a record saved and uploaded in one library, to the record stored in a teammate's library
//    that waits on the server's next change (a long-poll), as an open library page does. Goal: ≤ 5 s median.
//    In the browser the popup's message to the background and the list's re-render come on top
//    (tests/e2e/team.e2e.test.ts sees the whole path).
import 'fake-indexeddb/auto';
import { startCouchServer } from '../scripts/lib/couch-server.mjs';
import { PrecisDatabase } from '../utils/db/database';
import { saveRecord } from '../utils/db/records';
import { DexieSyncStore } from '../utils/db/sync-store';
import { connectTeam } from '../utils/db/team-connection';
import { parseTeamAddress } from '../utils/sync/address';
import { base64ToUtf8 } from '../utils/sync/base64';
import { CouchClient } from '../utils/sync/couch-client';
import { runPass, SyncEngine } from '../utils/sync/engine';
import { MemoryStore } from '../utils/sync/memory-store';
import { ASSOCIATE_ROLE, EDITOR_ROLE } from '../utils/sync/roles';
import { initTeamDatabase } from '../utils/sync/team-setup';
import { RecordSchema, type PrecisRecord } from '../utils/record/schema';
import { fmt, machine, median, quantile, table } from './common';

const USAGE = 'usage: npx precis bench team [--records N] [--words N] [--runs N]';
const GOALS = { ratio: 1.5, latencyMs: 5000 };

function parse(args: string[]): { records: number; words: number; runs: number } | string {
  const o = { records: 2000, words: 1500, runs: 3 };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, '');
    const n = Number(args[i + 1]);
    if (!(key in o) || !Number.isInteger(n) || n < 1) return USAGE;
    o[key as keyof typeof o] = n;
  }
  return o;
}

const WORDS = 'port quay ferry shore power grid harbour energy policy transition cable berth emissions tariff'.split(' ');
function makeRecords(n: number, words: number): PrecisRecord[] {
  return Array.from({ length: n }, (_, i) =>
    RecordSchema.parse({
      id: `bench-${String(i).padStart(6, '0')}`,
      url: `https://example.org/articles/${i}`,
      title: `Shore power at quay ${i}`,
      authors: [{ name: `Author ${i % 97}`, affiliation: 'Institute' }],
      publisher: `Publisher ${i % 13}`,
      publishedDate: '2024-03-18',
      keywords: [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length]],
      summary: `Summary of record ${i}. `.repeat(8),
      text: Array.from({ length: words }, (_, w) => WORDS[(i + w) % WORDS.length]).join(' '),
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    }),
  );
}

/** The bare download: what reading the same documents and storing them raw costs. */
async function bareDownload(database: string, cookie: string, name: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${database}/_all_docs?include_docs=true&attachments=true`, { headers: { cookie, accept: 'application/json' } });
  const body = (await res.json()) as { rows: { id: string; doc: Record<string, any> }[] };
  const records: object[] = [];
  const texts: object[] = [];
  for (const { id, doc } of body.rows) {
    if (id.startsWith('_design/')) continue;
    const { _id, _rev, _attachments, ...fields } = doc;
    records.push({ id: _id, ...fields });
    const data = _attachments?.['text.txt']?.data;
    if (data) texts.push({ id: _id, text: base64ToUtf8(data) });
  }
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('records', { keyPath: 'id' });
      open.result.createObjectStore('texts', { keyPath: 'id' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['records', 'texts'], 'readwrite');
      for (const r of records) tx.objectStore('records').put(r);
      for (const t of texts) tx.objectStore('texts').put(t);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
  const ms = performance.now() - t0;
  indexedDB.deleteDatabase(name);
  return ms;
}

export async function runTeamBench(args: string[]): Promise<number> {
  const o = parse(args);
  if (typeof o === 'string') {
    console.error(o);
    return 2;
  }
  const server = await startCouchServer();
  try {
    const name = server.uniqueName('bench-team');
    const checked = parseTeamAddress(server.databaseUrl(name));
    if (!checked.ok) throw new Error(checked.message);
    const address = checked.address;
    await initTeamDatabase(new CouchClient({ address, fetch, auth: { kind: 'basic', ...server.admin } }), server.admin.name);
    const user = { name: await server.createUser('ana', 'pw-ana', [ASSOCIATE_ROLE]), password: 'pw-ana' };
    const editor = { name: await server.createUser('eve', 'pw-eve', [EDITOR_ROLE]), password: 'pw-eve' };
    const signIn = async (u: typeof user) => {
      const client = new CouchClient({ address, fetch, auth: { kind: 'cookie' } });
      await client.login(u.name, u.password);
      return client;
    };

    // The team's library, uploaded once by the editor.
    const records = makeRecords(o.records, o.words);
    const seed = new MemoryStore();
    for (const r of records) seed.save(r);
    const eve = await signIn(editor);
    const up = await runPass({ client: eve, store: seed, user: editor.name, pushBatch: 200 });
    if (!up.ok) throw new Error(`seeding failed: ${up.error?.message}`);

    const ana = await signIn(user);
    const cookie = ana.cookie ?? '';
    const ours: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < o.runs; run++) {
      bare.push(await bareDownload(address.database, cookie, `bare-${run}`));
      const db = new PrecisDatabase(`ours-${run}`);
      await connectTeam(db, { database: address.database, user: user.name, roles: [ASSOCIATE_ROLE], connectedAt: new Date().toISOString() });
      const t0 = performance.now();
      const report = await runPass({ client: ana, store: new DexieSyncStore(db, address.database), user: user.name });
      ours.push(performance.now() - t0);
      if (!report.ok || (await db.records.count()) !== o.records || (await db.texts.count()) !== o.records) throw new Error('the download is incomplete');
      await db.delete();
    }

    // Save → row, through a long-poll, --runs × 5 times.
    const a = new PrecisDatabase('latency-a');
    const b = new PrecisDatabase('latency-b');
    for (const [db, u] of [
      [a, user],
      [b, editor],
    ] as const)
      await connectTeam(db, { database: address.database, user: u.name, roles: [], connectedAt: new Date().toISOString() });
    const aStore = new DexieSyncStore(a, address.database);
    const bEngine = new SyncEngine({ client: await signIn(editor), store: new DexieSyncStore(b, address.database), user: editor.name });
    await runPass({ client: ana, store: aStore, user: user.name });
    await bEngine.pass();
    const latencies: number[] = [];
    for (let i = 0; i < o.runs * 5; i++) {
      const waiting = bEngine.waitForChange({ timeoutMs: 25_000, heartbeatMs: 10_000 });
      const record = makeRecords(1, 200)[0];
      record.id = `latency-${i}`;
      const t0 = performance.now();
      await saveRecord(a, record, { kind: 'create' });
      await runPass({ client: ana, store: aStore, user: user.name });
      await waiting;
      await bEngine.pass();
      if (!(await b.records.get(record.id))) throw new Error('the record did not arrive');
      latencies.push(performance.now() - t0);
    }
    await Promise.all([a.delete(), b.delete()]);

    const ratio = median(ours) / median(bare);
    console.log(`\nTeam library sync (${server.kind}; ${o.records} records with ${o.words}-word texts; ${o.runs} runs; ${machine()})\n`);
    console.log(
      table(
        ['measure', 'median', 'p95', 'goal'],
        [
          ['first download, Précis (pull + store + checkpoint)', `${fmt(median(ours), 0)} ms`, `${fmt(quantile(ours, 0.95), 0)} ms`, ''],
          ['first download, bare (_all_docs + raw IndexedDB)', `${fmt(median(bare), 0)} ms`, `${fmt(quantile(bare, 0.95), 0)} ms`, ''],
          ['ratio', `${fmt(ratio, 2)}×`, '', `≤ ${GOALS.ratio}× ${ratio <= GOALS.ratio ? 'met' : 'NOT met'}`],
          ['save → row in a teammate’s library', `${fmt(median(latencies), 0)} ms`, `${fmt(quantile(latencies, 0.95), 0)} ms`, `≤ ${GOALS.latencyMs} ms ${median(latencies) <= GOALS.latencyMs ? 'met' : 'NOT met'}`],
        ],
      ),
    );
    return 0;
  } finally {
    await server.close();
  }
}

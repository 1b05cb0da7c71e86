// The CouchDB client against the test server (a real CouchDB with COUCHDB_URL).
import { describe, expect, it } from 'vitest';
import { CouchClient, CouchError } from '../../../utils/sync/couch-client';
import { docFromRecord, TEXT_ATTACHMENT } from '../../../utils/sync/documents';
import { addressOf, newTeam, useCouchServer } from './couch';
import { makeRecord, synced } from './records';

const couch = useCouchServer();

async function failure(p: Promise<unknown>): Promise<CouchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CouchError) return e;
    throw e;
  }
  throw new Error('expected a CouchError');
}

describe('CouchDB client', { timeout: 30_000 }, () => {
  it('signs in with _session and carries the cookie: the session names the user and roles', async () => {
    const team = await newTeam(couch());
    const client = new CouchClient({ address: team.address, fetch, auth: { kind: 'cookie' } });
    expect((await client.session()).name).toBeNull();
    const session = await client.login(team.associate.name, team.associate.password);
    expect(session).toEqual({ name: team.associate.name, roles: ['precis-associate'] });
    expect(client.cookie).toMatch(/^AuthSession=./);
    expect(await client.session()).toEqual(session);
    await client.logout();
    expect((await client.session()).name).toBeNull();
  });

  it('says "wrong password" for a wrong password', async () => {
    const team = await newTeam(couch());
    const client = new CouchClient({ address: team.address, fetch, auth: { kind: 'cookie' } });
    const e = await failure(client.login(team.associate.name, 'not-it'));
    expect(e.kind).toBe('wrong-password');
    expect(e.message).toBe('Wrong user name or password.');
  });

  it('says "server unreachable" when the server is down, and works again once it is back', async () => {
    const team = await newTeam(couch());
    const client = await team.signIn(team.editor);
    await couch().stop();
    try {
      const e = await failure(client.databaseInfo());
      expect(e.kind).toBe('unreachable');
      expect(e.message).toMatch(/^Server unreachable: 127\.0\.0\.1:\d+ cannot be reached/);
    } finally {
      await couch().start();
    }
    expect((await client.databaseInfo()).docCount).toBe(1); // the design document
  });

  it('keeps people who are not members out (refused, 401 or 403 depending on the server)', async () => {
    const team = await newTeam(couch());
    const anonymous = new CouchClient({ address: team.address, fetch, auth: { kind: 'cookie' } });
    expect(['unauthorized', 'forbidden']).toContain((await failure(anonymous.databaseInfo())).kind);
    const outsider = { name: await couch().createUser('zed', 'zed-password', []), password: 'zed-password' };
    const client = await team.signIn(outsider);
    expect(['unauthorized', 'forbidden']).toContain((await failure(client.changes({ since: '0' }))).kind);
  });

  it('says "not found" for a database that does not exist', async () => {
    const client = new CouchClient({ address: addressOf(couch().databaseUrl(couch().uniqueName('missing'))), fetch, auth: { kind: 'basic', ...couch().admin } });
    expect((await failure(client.databaseInfo())).kind).toBe('not-found');
  });

  it('writes with _bulk_docs, answering per document in the order given: conflicts and refusals with the server’s reason', async () => {
    const team = await newTeam(couch());
    const ana = await team.signIn(team.associate);
    const eve = await team.signIn(team.editor);
    const mine = synced(makeRecord());
    const hers = synced(makeRecord());
    const [a, b] = await ana.bulkDocs([
      docFromRecord(mine, { rev: null, clippedBy: team.associate.name, text: null }),
      { _id: 'not-a-record', type: 'note' },
    ]);
    expect(a).toMatchObject({ id: mine.id, ok: true, rev: expect.stringMatching(/^1-/) });
    expect(b).toEqual({ id: 'not-a-record', ok: false, error: 'forbidden', reason: expect.stringMatching(/Précis records only/) });
    const [h] = await eve.bulkDocs([docFromRecord(hers, { rev: null, clippedBy: team.editor.name, text: null })]);
    if (!a.ok || !h.ok) throw new Error('writes failed');
    const results = await ana.bulkDocs([
      docFromRecord({ ...hers, title: 'Taken over' }, { rev: h.rev, clippedBy: team.editor.name, text: null }),
      docFromRecord({ ...mine, title: 'Stale' }, { rev: '1-00000000000000000000000000000000', clippedBy: team.associate.name, text: null }),
    ]);
    expect(results).toEqual([
      { id: hers.id, ok: false, error: 'forbidden', reason: expect.stringMatching(/this one was clipped by "eve-/) },
      { id: mine.id, ok: false, error: 'conflict', reason: expect.any(String) },
    ]);
    const [edited] = await ana.bulkDocs([docFromRecord({ ...mine, title: 'Edited' }, { rev: a.rev, clippedBy: team.associate.name, text: null })]);
    expect(edited).toMatchObject({ id: mine.id, ok: true, rev: expect.stringMatching(/^2-/) });
  });

  it('stores the article text as an attachment: stubs keep it, digests tell changes, PUT/GET read and write it', async () => {
    const team = await newTeam(couch());
    const eve = await team.signIn(team.editor);
    const r = synced(makeRecord());
    const [first] = await eve.bulkDocs([docFromRecord(r, { rev: null, clippedBy: team.editor.name, text: 'Die Wüste lebt. 沙漠' })]);
    if (!first.ok) throw new Error(first.reason);
    const stub = ((await eve.getDoc(r.id))._attachments as Record<string, { digest: string; stub: boolean }>)[TEXT_ATTACHMENT];
    expect(stub).toMatchObject({ stub: true, digest: expect.stringMatching(/^md5-/) });
    const [second] = await eve.bulkDocs([docFromRecord({ ...r, summary: 'New summary.' }, { rev: first.rev, clippedBy: team.editor.name, text: { stub: stub.digest } })]);
    if (!second.ok) throw new Error(second.reason);
    expect(((await eve.getDoc(r.id))._attachments as Record<string, { digest: string }>)[TEXT_ATTACHMENT].digest).toBe(stub.digest);
    expect(await eve.getAttachment(r.id, TEXT_ATTACHMENT)).toBe('Die Wüste lebt. 沙漠');
    const third = await eve.putAttachment(r.id, second.rev, TEXT_ATTACHMENT, 'A new text.');
    expect(await eve.getAttachment(r.id, TEXT_ATTACHMENT)).toBe('A new text.');
    expect(await eve.getAttachment(r.id, TEXT_ATTACHMENT, { rev: second.rev })).toBe('Die Wüste lebt. 沙漠');
    const after = (await eve.getDoc(r.id))._attachments as Record<string, { digest: string }>;
    expect(after[TEXT_ATTACHMENT].digest).not.toBe(stub.digest);
    expect(await eve.getAttachment(r.id, 'missing.txt')).toBeNull();
    const [got] = await eve.bulkGet([{ id: r.id, rev: third }], { attachments: true });
    expect(got.doc).toMatchObject({ _id: r.id, _rev: third, summary: 'New summary.' });
  });

  it('reads _changes in pages since a checkpoint, with documents and deletions', async () => {
    const team = await newTeam(couch());
    const eve = await team.signIn(team.editor);
    const records = [0, 1, 2].map(() => synced(makeRecord()));
    const written = await eve.bulkDocs(records.map((r) => docFromRecord(r, { rev: null, clippedBy: team.editor.name, text: null })));
    const first = await eve.changes({ since: '0', limit: 2, includeDocs: true });
    expect(first.results).toHaveLength(2);
    const rest = await eve.changes({ since: first.lastSeq, includeDocs: true });
    const seen = [...first.results, ...rest.results].map((c) => c.id);
    expect(new Set(seen)).toEqual(new Set(['_design/precis', ...records.map((r) => r.id)]));
    const w0 = written[0];
    if (!w0.ok) throw new Error(w0.reason);
    await eve.bulkDocs([{ _id: records[0].id, _rev: w0.rev, _deleted: true }]);
    const later = await eve.changes({ since: rest.lastSeq, includeDocs: true });
    expect(later.results).toEqual([expect.objectContaining({ id: records[0].id, deleted: true })]);
    expect(await eve.bulkGet([{ id: 'never-there' }])).toEqual([{ id: 'never-there', doc: null }]);
    const rows = await eve.allDocs({ keys: [records[0].id, records[1].id], includeDocs: true });
    expect(rows.map((r) => [r.id, r.deleted, r.doc !== null])).toEqual([
      [records[0].id, true, false],
      [records[1].id, false, true],
    ]);
  });

  it('long-polls _changes with heartbeats: answers as soon as a change arrives', async () => {
    const team = await newTeam(couch());
    const eve = await team.signIn(team.editor);
    const { lastSeq } = await eve.changes({ since: '0' });
    const waiting = eve.changes({ since: lastSeq, feed: 'longpoll', heartbeatMs: 200, timeoutMs: 20_000 });
    const r = synced(makeRecord());
    await eve.bulkDocs([docFromRecord(r, { rev: null, clippedBy: team.editor.name, text: null })]);
    expect((await waiting).results.map((c) => c.id)).toEqual([r.id]);
  });

  it('refuses an answer larger than its limit', async () => {
    const team = await newTeam(couch());
    const client = new CouchClient({ address: team.address, fetch, auth: { kind: 'basic', ...couch().admin }, maxResponseBytes: 50 });
    const e = await failure(client.changes({ since: '0', includeDocs: true }));
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(/larger than/);
  });
});

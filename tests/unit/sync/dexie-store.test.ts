// The library's own Dexie tables as the sync store (fake-indexeddb), through the test server: what the user
// does in the library (save, edit, import, rename a keyword, delete, undo) is noted for upload in the same
// transaction, what the server sends lands in the records the library lists, and connecting and
// disconnecting keep every record.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PrecisDatabase } from '../../../utils/db/database';
import { renameKeyword } from '../../../utils/db/keywords';
import { deleteRecords, getRecord, getRecordText, listFullRecords, restoreRecords, saveRecord } from '../../../utils/db/records';
import { DexieSyncStore, flaggedSyncStates, NotConnected, resolveRecordConflicts, syncCounts } from '../../../utils/db/sync-store';
import { connectTeam, disconnectTeam, getTeamConnection, type TeamConnection } from '../../../utils/db/team-connection';
import { applyImport } from '../../../utils/import/apply-import';
import { runPass } from '../../../utils/sync/engine';
import { newTeam, useCouchServer, type Team, type TeamUser } from './couch';
import { makeRecord } from './records';

const couch = useCouchServer();
const NOW = new Date('2024-05-01T12:00:00Z');
const opened: PrecisDatabase[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function library(): PrecisDatabase {
  const db = new PrecisDatabase(`sync-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const connection = (team: Team, user: TeamUser): TeamConnection => ({
  database: team.address.database,
  user: user.name,
  roles: [],
  connectedAt: NOW.toISOString(),
});

/** A library connected to the team as `user`, and its sync pass. */
async function member(team: Team, user: TeamUser, db = library()) {
  const client = await team.signIn(user);
  await connectTeam(db, connection(team, user));
  const store = new DexieSyncStore(db, team.address.database);
  return { db, store, sync: () => runPass({ client, store, user: user.name, now: () => NOW }) };
}

describe('local writes noted for upload', () => {
  it('notes nothing while no team is connected, and connecting marks every record', async () => {
    const db = library();
    const a = makeRecord({ text: 'Text of a.' });
    const b = makeRecord();
    await saveRecord(db, a, { kind: 'create' });
    await saveRecord(db, b, { kind: 'create' });
    expect(await db.sync.count()).toBe(0);
    await connectTeam(db, { database: 'http://127.0.0.1:5984/precis-team', user: 'ana', roles: [], connectedAt: NOW.toISOString() });
    expect(await syncCounts(db)).toEqual({ records: 2, changes: 2, conflicts: 0, refused: 0 });
    expect((await db.sync.get(a.id))?.state).toMatchObject({ rev: null, edits: 1, textEdited: true });
    expect((await db.sync.get(b.id))?.state).toMatchObject({ rev: null, edits: 1, textEdited: false });
  });

  it('notes saves, edits, imports, keyword renames, deletions and undo, each in its own write', async () => {
    const db = library();
    await connectTeam(db, { database: 'http://127.0.0.1:5984/precis-team', user: 'ana', roles: [], connectedAt: NOW.toISOString() });
    const a = makeRecord({ keywords: ['ports'] });
    await saveRecord(db, a, { kind: 'create' });
    await saveRecord(db, { ...a, summary: 'Edited.' }, { kind: 'update', id: a.id });
    expect((await db.sync.get(a.id))?.state).toMatchObject({ edits: 2, textEdited: false });
    await saveRecord(db, { ...a, text: 'Now with a text.' }, { kind: 'update', id: a.id });
    expect((await db.sync.get(a.id))?.state).toMatchObject({ edits: 3, textEdited: true });
    await renameKeyword(db, 'ports', 'harbours', NOW);
    expect((await db.sync.get(a.id))?.state.edits).toBe(4);
    const imported = makeRecord();
    await applyImport(db, [imported]);
    expect((await db.sync.get(imported.id))?.state.edits).toBe(1);
    // Never on the server: deleting it leaves nothing to upload; undo brings it back to upload.
    const removed = await deleteRecords(db, [imported.id]);
    expect(await db.sync.get(imported.id)).toBeUndefined();
    await restoreRecords(db, removed);
    expect((await db.sync.get(imported.id))?.state.edits).toBe(1);
    // A failed write notes nothing: the transaction that would have saved it is the one that notes it.
    await expect(saveRecord(db, { ...a, title: '' }, { kind: 'update', id: a.id })).rejects.toThrow();
    expect((await db.sync.get(a.id))?.state.edits).toBe(4);
  });

  it('disconnecting keeps every record, changes not yet uploaded included', async () => {
    const db = library();
    await connectTeam(db, { database: 'http://127.0.0.1:5984/precis-team', user: 'ana', roles: [], connectedAt: NOW.toISOString() });
    const a = makeRecord({ text: 'Kept.' });
    await saveRecord(db, a, { kind: 'create' });
    await disconnectTeam(db);
    expect(await getTeamConnection(db)).toBeNull();
    expect(await db.sync.count()).toBe(0);
    expect(await listFullRecords(db)).toEqual([a]);
  });
});

describe('two libraries syncing through the server', { timeout: 60_000 }, () => {
  it('a record saved in one library is listed in the other with its text and who clipped it', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    const record = makeRecord({ title: 'Ports, Power and Patience', text: 'The article’s text.' });
    await saveRecord(ana.db, record, { kind: 'create' });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, waiting: { changes: 0 } });
    expect(await eve.sync()).toMatchObject({ ok: true, pulled: 1 });
    expect(await listFullRecords(eve.db)).toEqual([{ ...record, clippedBy: team.associate.name }]);
    // Nothing pulled is noted as a change of eve's.
    expect(await syncCounts(eve.db)).toEqual({ records: 0, changes: 0, conflicts: 0, refused: 0 });
    // An edit from a form that knows nothing of clippedBy keeps who clipped it.
    const { clippedBy: _c, ...fromForm } = (await getRecord(eve.db, record.id))!;
    await saveRecord(eve.db, { ...fromForm, summary: 'Edited by the editor.' }, { kind: 'update', id: record.id });
    expect(await getRecord(eve.db, record.id)).toMatchObject({ clippedBy: team.associate.name, summary: 'Edited by the editor.' });
    expect(await eve.sync()).toMatchObject({ ok: true, pushed: 1, refused: [] });
  });

  it('a first download takes the texts with the changes, in one request a page', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    for (let i = 0; i < 5; i++) await saveRecord(ana.db, makeRecord({ text: `Text ${i}.` }), { kind: 'create' });
    await ana.sync();
    const requests: string[] = [];
    const db = library();
    await connectTeam(db, connection(team, team.editor));
    const client = await team.signIn(team.editor, (input, init) => {
      requests.push(new URL(String(input)).pathname.split('/').pop()!);
      return fetch(input, init);
    });
    const report = await runPass({ client, store: new DexieSyncStore(db, team.address.database), user: team.editor.name, pageSize: 2, now: () => NOW });
    expect(report).toMatchObject({ ok: true, pulled: 5 });
    expect((await listFullRecords(db)).map((r) => r.text).sort()).toEqual(['Text 0.', 'Text 1.', 'Text 2.', 'Text 3.', 'Text 4.']);
    // Six changes (the design document too) in pages of two; a server that does not say how many are
    // pending (PouchDB's) is asked once more and answers an empty page.
    expect(requests.filter((r) => r === '_changes').length).toBeLessThanOrEqual(4);
    expect(requests).not.toContain('_bulk_get');
  });

  it('the records already in a library when it connects go up to the team', async () => {
    const team = await newTeam(couch());
    const db = library();
    const earlier = makeRecord({ text: 'Saved before connecting.' });
    await saveRecord(db, earlier, { kind: 'create' });
    const ana = await member(team, team.associate, db);
    const eve = await member(team, team.editor);
    await ana.sync();
    await eve.sync();
    expect(await getRecordText(eve.db, earlier.id)).toBe('Saved before connecting.');
  });

  it('the same field changed in both libraries waits for the user, who keeps one; the choice reaches the other', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    const record = makeRecord({ summary: 'First.', publisher: 'Harbour Review' });
    await saveRecord(ana.db, record, { kind: 'create' });
    await ana.sync();
    await eve.sync();
    const mine = (await getRecord(ana.db, record.id))!;
    const theirs = (await getRecord(eve.db, record.id))!;
    await saveRecord(eve.db, { ...theirs, summary: 'Eve’s summary.', updatedAt: '2024-05-02T00:00:00.000Z' }, { kind: 'update', id: record.id });
    await saveRecord(ana.db, { ...mine, summary: 'Ana’s summary.', publisher: 'Harbour Press', updatedAt: '2024-05-03T00:00:00.000Z' }, { kind: 'update', id: record.id });
    await eve.sync();
    expect(await ana.sync()).toMatchObject({ ok: true, conflicts: 1 });
    const [flagged] = await flaggedSyncStates(ana.db);
    expect(flagged.state.conflicts).toEqual([{ kind: 'field', field: 'summary', base: 'First.', local: 'Ana’s summary.', remote: 'Eve’s summary.' }]);
    // What ana typed stays on screen; the other field merged by itself.
    expect(await getRecord(ana.db, record.id)).toMatchObject({ summary: 'Ana’s summary.', publisher: 'Harbour Press' });
    expect(await resolveRecordConflicts(ana.db, record.id, { fields: { summary: 'remote' } })).toBe(true);
    expect(await flaggedSyncStates(ana.db)).toEqual([]);
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1 });
    await eve.sync();
    expect(await getRecord(eve.db, record.id)).toMatchObject({ summary: 'Eve’s summary.', publisher: 'Harbour Press' });
  });

  it('an edit saved while a pass runs is not lost: it uploads with the next pass', async () => {
    const team = await newTeam(couch());
    const db = library();
    await connectTeam(db, connection(team, team.associate));
    const store = new DexieSyncStore(db, team.address.database);
    const record = makeRecord({ summary: 'Before.' });
    await saveRecord(db, record, { kind: 'create' });
    let typed = false;
    const client = await team.signIn(team.associate, async (input, init) => {
      const response = await fetch(input, init);
      if (!typed && init?.method === 'POST' && String(input).endsWith('/_bulk_docs')) {
        typed = true; // the user saves again after the upload left, before its answer is stored
        const current = (await getRecord(db, record.id))!;
        await saveRecord(db, { ...current, summary: 'Typed during the upload.' }, { kind: 'update', id: record.id });
      }
      return response;
    });
    const sync = () => runPass({ client, store, user: team.associate.name, now: () => NOW });
    await sync();
    expect(await getRecord(db, record.id)).toMatchObject({ summary: 'Typed during the upload.' });
    expect((await syncCounts(db)).changes).toBeGreaterThan(0);
    expect(await sync()).toMatchObject({ ok: true, waiting: { changes: 0 } });
    const eve = await member(team, team.editor);
    await eve.sync();
    expect(await getRecord(eve.db, record.id)).toMatchObject({ summary: 'Typed during the upload.' });
  });

  it('a deletion by the editor leaves the associate’s library; disconnecting mid-pass writes nothing', async () => {
    const team = await newTeam(couch());
    const ana = await member(team, team.associate);
    const eve = await member(team, team.editor);
    const record = makeRecord();
    await saveRecord(ana.db, record, { kind: 'create' });
    await ana.sync();
    await eve.sync();
    await deleteRecords(eve.db, [record.id]);
    expect(await syncCounts(eve.db)).toMatchObject({ records: 1, changes: 1 });
    expect(await eve.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await eve.db.sync.count()).toBe(0);
    await ana.sync();
    expect(await getRecord(ana.db, record.id)).toBeUndefined();

    const late = makeRecord();
    await saveRecord(eve.db, late, { kind: 'create' });
    await eve.sync();
    await disconnectTeam(ana.db);
    await expect(ana.store.apply([], '99')).rejects.toBeInstanceOf(NotConnected);
    expect(await ana.db.syncMeta.count()).toBe(0);
  });
});

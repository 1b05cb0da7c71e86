// Which team library this browser's library is connected to, kept in the database beside the records it
// concerns (syncMeta), so that connecting, marking the records to upload, and disconnecting are each one
// transaction. The password is never stored: the browser keeps CouchDB's session cookie.
import type { PrecisDatabase } from './database';
import { META, syncRow, trackingTables } from './sync-tracking';
import { localWrite } from '../sync/store';

export interface TeamConnection {
  /** The team database's URL (utils/sync/address.ts). */
  database: string;
  /** The CouchDB user this browser signed in as. */
  user: string;
  /** That user's roles on the server, as `_session` reported them when connecting. */
  roles: string[];
  connectedAt: string;
}

function isConnection(v: unknown): v is TeamConnection {
  const c = v as TeamConnection | null;
  return !!c && typeof c.database === 'string' && typeof c.user === 'string' && Array.isArray(c.roles) && typeof c.connectedAt === 'string';
}

export async function getTeamConnection(db: PrecisDatabase): Promise<TeamConnection | null> {
  const v = (await db.syncMeta.get(META.connection))?.value;
  return isConnection(v) ? v : null;
}

/**
 * Connects the library to a team database: every record here that has no sync state yet is marked to upload
 * (the team gets this library's records). Connecting to another database first forgets the old one's state.
 */
export async function connectTeam(db: PrecisDatabase, connection: TeamConnection): Promise<void> {
  await db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    const current = await getTeamConnection(db);
    if (current && current.database !== connection.database) await forget(db);
    await db.syncMeta.put({ key: META.connection, value: connection });
    const [ids, tracked, withText] = await Promise.all([
      db.records.toCollection().primaryKeys(),
      db.sync.toCollection().primaryKeys(),
      db.texts.toCollection().primaryKeys(),
    ]);
    const known = new Set(tracked);
    const texts = new Set(withText);
    await db.sync.bulkPut(ids.filter((id) => !known.has(id)).map((id) => syncRow(id, localWrite(undefined, texts.has(id)))));
  });
}

async function forget(db: PrecisDatabase): Promise<void> {
  await Promise.all([db.sync.clear(), db.syncMeta.clear()]);
}

/**
 * Disconnects: every record stays in this library as it is (changes not yet uploaded included); only the
 * sync state goes, so a later connection starts afresh.
 */
export async function disconnectTeam(db: PrecisDatabase): Promise<void> {
  await db.transaction('rw', db.sync, db.syncMeta, () => forget(db));
}

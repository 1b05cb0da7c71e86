// The CouchDB-protocol test server for a test file (scripts/lib/couch-server.mjs: express-pouchdb here, a real
// CouchDB when COUCHDB_URL is set), and a fresh team database per test with an associate and an editor.
import { afterAll, beforeAll } from 'vitest';
import { startCouchServer, type CouchTestServer } from '../../../scripts/lib/couch-server.mjs';
import { parseTeamAddress, type TeamAddress } from '../../../utils/sync/address';
import { CouchClient } from '../../../utils/sync/couch-client';
import { ASSOCIATE_ROLE, EDITOR_ROLE } from '../../../utils/sync/roles';
import { initTeamDatabase } from '../../../utils/sync/team-setup';

/** Starts the server before the file's tests and stops it after; the getter gives it to each test. */
export function useCouchServer(): () => CouchTestServer {
  let server: CouchTestServer | undefined;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 60_000);
  afterAll(async () => {
    // A stopped front (a test that failed mid-way) is started again so that close() can clean up.
    await server?.start();
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server did not start');
    return server;
  };
}

export function addressOf(url: string): TeamAddress {
  const checked = parseTeamAddress(url);
  if (!checked.ok) throw new Error(checked.message);
  return checked.address;
}

export interface TeamUser {
  name: string;
  password: string;
}

export interface Team {
  server: CouchTestServer;
  address: TeamAddress;
  admin: CouchClient;
  associate: TeamUser;
  editor: TeamUser;
  /** A client signed in as this user (its session cookie kept by the client, as in Node). */
  signIn(user: TeamUser, fetchFn?: typeof fetch): Promise<CouchClient>;
}

/** A new team database (set up as `precis team init` does) and two new users. */
export async function newTeam(server: CouchTestServer): Promise<Team> {
  const name = server.uniqueName('precis-team');
  server.noteDatabase(name);
  const address = addressOf(server.databaseUrl(name));
  const admin = new CouchClient({ address, fetch, auth: { kind: 'basic', ...server.admin } });
  await initTeamDatabase(admin, server.admin.name);
  const associate = { name: await server.createUser('ana', 'ana-password', [ASSOCIATE_ROLE]), password: 'ana-password' };
  const editor = { name: await server.createUser('eve', 'eve-password', [EDITOR_ROLE]), password: 'eve-password' };
  return {
    server,
    address,
    admin,
    associate,
    editor,
    async signIn(user, fetchFn = fetch) {
      const client = new CouchClient({ address, fetch: fetchFn, auth: { kind: 'cookie' } });
      await client.login(user.name, user.password);
      return client;
    },
  };
}

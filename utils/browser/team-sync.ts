// The team library in the extension: connecting (host permission for the one origin, CouchDB session),
// and running sync passes from whichever extension context is awake: the background on an alarm and after a
// save in the popup, an open library page continuously (a long-poll, so a teammate's save shows within
// seconds). A Web Lock keeps passes from overlapping across contexts (the store's contract, rule 4).
import { browser } from 'wxt/browser';
import type { PrecisDatabase } from '../db/database';
import { DexieSyncStore, NotConnected } from '../db/sync-store';
import { connectTeam, disconnectTeam, getTeamConnection, type TeamConnection } from '../db/team-connection';
import { parseTeamAddress, type TeamAddress } from '../sync/address';
import { CouchClient, CouchError } from '../sync/couch-client';
import { SyncEngine, type PassOptions, type PassReport, type Progress } from '../sync/engine';
import { teamRoleOf } from '../sync/roles';
import { loadSummarizer, saveSummarizer } from './settings';
import { isSyncRequest } from './sync-request';

const LOCK = 'precis-team-sync';
export const SYNC_ALARM = 'precis-team-sync';

/**
 * The host permission the extension asks for: the server's host (match patterns name no port in Firefox,
 * so a server on a non-default port is asked for by its host).
 */
export const originPattern = (address: TeamAddress) => {
  const url = new URL(address.origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/**
 * Asks for access to the team server's origin. Must be called in the click's own task (browsers grant
 * permission requests only during a user gesture): call it before any await.
 */
export function requestTeamPermission(address: TeamAddress): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(address)] });
}

const clientFor = (address: TeamAddress) => new CouchClient({ address, fetch: (input, init) => fetch(input, init), auth: { kind: 'browser' } });

function addressOf(connection: TeamConnection): TeamAddress {
  const checked = parseTeamAddress(connection.database);
  if (!checked.ok) throw new Error(checked.message);
  return checked.address;
}

/** Role names as the summary's "By:" line reads them. */
const ROLE_TITLES = { associate: 'Research Associate', editor: 'Editor', admin: 'Editor' } as const;

/**
 * Signs in (the password goes to `_session` and nowhere else), checks the database can be read, and
 * connects the library. "Summarized by" takes the account's name and role where the user has set none.
 */
export async function connectToTeam(db: PrecisDatabase, address: TeamAddress, user: string, password: string): Promise<TeamConnection> {
  const client = clientFor(address);
  const session = await client.login(user, password);
  await client.databaseInfo();
  const connection: TeamConnection = { database: address.database, user: session.name ?? user, roles: session.roles, connectedAt: new Date().toISOString() };
  await connectTeam(db, connection);
  const summarizer = await loadSummarizer().catch(() => null);
  const role = teamRoleOf(session.roles);
  if (!summarizer?.name) await saveSummarizer({ name: connection.user, role: summarizer?.role || (role ? ROLE_TITLES[role] : '') }).catch(() => {});
  return connection;
}

/** Ends the session on the server if it can be reached, and keeps every record here. */
export async function disconnectFromTeam(db: PrecisDatabase): Promise<void> {
  const connection = await getTeamConnection(db);
  await disconnectTeam(db);
  if (!connection) return;
  const address = addressOf(connection);
  await clientFor(address)
    .logout()
    .catch(() => {});
  await browser.permissions.remove({ origins: [originPattern(address)] }).catch(() => false);
}

/** The engine for the connected team, or null when none is connected. */
async function engineFor(db: PrecisDatabase): Promise<{ engine: SyncEngine; connection: TeamConnection } | null> {
  const connection = await getTeamConnection(db);
  if (!connection) return null;
  const address = addressOf(connection);
  const store = new DexieSyncStore(db, connection.database);
  return { engine: new SyncEngine({ client: clientFor(address), store, user: connection.user }), connection };
}

/** One sync pass, unless no team is connected (null); waits for a pass running in another context. */
export async function syncNow(db: PrecisDatabase, options: PassOptions = {}): Promise<PassReport | null> {
  return navigator.locks.request(LOCK, async () => {
    const found = await engineFor(db);
    if (!found) return null;
    try {
      return await found.engine.pass(options);
    } catch (e) {
      if (e instanceof NotConnected) return null;
      throw e;
    }
  });
}

/**
 * For an open library page: a pass now, then one whenever the server has a change (a long-poll) or this
 * library has one to upload (`kick`), until `signal` aborts. While the server cannot be reached it tries
 * again with growing pauses (up to a minute).
 */
export function followTeam(
  db: PrecisDatabase,
  signal: AbortSignal,
  onReport: (report: PassReport | null) => void,
  onProgress?: (progress: Progress) => void,
): { kick(): void } {
  let wake: (() => void) | null = null;
  let kicked = false;
  const kick = () => {
    kicked = true;
    wake?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        wake = null;
        resolve();
      }
      wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  void (async () => {
    let failures = 0;
    while (!signal.aborted) {
      kicked = false;
      const report = await syncNow(db, { signal, ...(onProgress ? { onProgress } : {}) }).catch(() => null);
      if (signal.aborted) return;
      onReport(report);
      if (!report) return; // not connected
      if (!report.ok) {
        failures++;
        if (!kicked) await pause(Math.min(60_000, 2_000 * 2 ** Math.min(failures, 5)));
        continue;
      }
      failures = 0;
      if (kicked) continue;
      // Wait for the server's next change, or for a local one (kick aborts the wait).
      const waitEnd = new AbortController();
      const stop = () => waitEnd.abort();
      signal.addEventListener('abort', stop, { once: true });
      wake = stop;
      const found = await engineFor(db).catch(() => null);
      if (!found) return;
      await found.engine.waitForChange({ signal: waitEnd.signal, timeoutMs: 25_000, heartbeatMs: 10_000 }).catch((e: unknown) => {
        if (!(e instanceof CouchError && e.kind === 'aborted') && !waitEnd.signal.aborted) return pause(5_000);
      });
      signal.removeEventListener('abort', stop);
      wake = null;
    }
  })();
  return { kick };
}

/**
 * The background's part: a pass every minute on an alarm (Chrome stops an idle service worker, so no timer
 * would last) and one when a page asks. Listeners are added synchronously, as a waking worker requires.
 */
export function runTeamSyncInBackground(db: () => PrecisDatabase): void {
  const pass = () =>
    void syncNow(db()).catch((e: unknown) => {
      console.error('Précis: team sync failed', e);
    });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) pass();
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isSyncRequest(message)) pass();
  });
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
}

export interface CouchTestServer {
  /** 'express-pouchdb' (in this process) or 'couchdb' (COUCHDB_URL). */
  kind: 'express-pouchdb' | 'couchdb';
  /** The server's root address for the tests, `http://127.0.0.1:PORT` (no credentials); stays the same across stop/start. */
  url: string;
  /** The server admin's credentials. */
  admin: { name: string; password: string };
  /** A request as server admin straight to the server (works while the front is stopped); JSON headers set. */
  adminFetch(path: string, init?: RequestInit): Promise<Response>;
  /** adminFetch with a JSON body, answered with the status and the parsed body (null when empty). */
  adminJson(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** `base-<run>-<n>`: a name no other test or run uses. */
  uniqueName(base: string): string;
  /** The address of a database by name, through the front. */
  databaseUrl(name: string): string;
  /** Creates a database of a new unique name (as admin); deleted on close() for a real CouchDB. */
  createDatabase(base?: string): Promise<{ name: string; url: string }>;
  /** Has close() delete a database the test created by other means (a real CouchDB only). */
  noteDatabase(name: string): void;
  /** Creates a user of a new unique name (as admin) with these roles; resolves with the name. */
  createUser(base: string, password: string, roles: string[]): Promise<string>;
  /** Has close() delete a user the test created by other means (a real CouchDB only). */
  noteUser(name: string): void;
  /** False between stop() and start(). */
  readonly running: boolean;
  /** Takes the server away: its port refuses connections and open ones are cut. Data is kept. */
  stop(): Promise<void>;
  /** Brings it back on the same port. */
  start(): Promise<void>;
  /**
   * Calls `watch` with each request's method and path as it passes through the front (after it was sent on
   * to the server); returns the function that stops watching.
   */
  onRequest(watch: (method: string, path: string) => void): () => void;
  /** Stops everything; on a real CouchDB deletes the databases and users this run created. */
  close(): Promise<void>;
}

export function startCouchServer(options?: { couchdbUrl?: string }): Promise<CouchTestServer>;

// A small typed client of CouchDB's HTTP API: what the team library needs, nothing else. It takes `fetch` as
// a parameter and touches no browser API, so the extension, the CLI and the Node tests share it.
//
// Authentication: `_session` exchanges the password for CouchDB's AuthSession cookie; the password is not
// kept. In the browser the browser keeps the cookie (`credentials: 'include'`, auth 'browser'); in Node this
// client keeps it and sends it by hand (auth 'cookie'), taking the refreshed cookie CouchDB sends on use.
// The CLI's admin uses basic auth.
//
// Every failure is a CouchError with a plain `kind` and a message in words. Answers are read up to a byte
// limit (a hostile server cannot make the client buffer without end) and their shape is checked before use;
// documents themselves are checked by documents.ts.
import type { TeamAddress } from './address';
import { utf8ToBase64 } from './base64';

export type CouchErrorKind =
  | 'wrong-password'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not-found'
  | 'bad-response'
  | 'aborted';

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    message: string,
    readonly status: number | null = null,
    /** The server's own reason, when it gave one (a validation function's words for 'forbidden'). */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

export type CouchAuth =
  /** The browser keeps and sends the AuthSession cookie. */
  | { kind: 'browser' }
  /** This client keeps the cookie (Node); `cookie` resumes a session ("AuthSession=…"). */
  | { kind: 'cookie'; cookie?: string }
  | { kind: 'basic'; name: string; password: string };

export interface CouchClientOptions {
  address: TeamAddress;
  fetch: typeof fetch;
  auth: CouchAuth;
  /** A request that takes longer fails as 'unreachable' (default 30 s; a long-poll has its own). */
  timeoutMs?: number;
  /** Larger answers are refused as 'bad-response' (default 64 MiB). */
  maxResponseBytes?: number;
}

export interface Session {
  name: string | null;
  roles: string[];
}

export interface DatabaseInfo {
  docCount: number;
  deletedCount: number;
  updateSeq: string;
}

export interface ChangeRow {
  id: string;
  seq: string;
  deleted: boolean;
  /** The leaf revisions listed for the change (the winner first with style=main_only). */
  revs: string[];
  doc?: unknown;
}

export interface ChangesPage {
  results: ChangeRow[];
  lastSeq: string;
  /** Changes left after this page, when the server says (CouchDB 2+ does, with a limit). */
  pending: number | null;
  /** Rows dropped because they had no id or revision. */
  malformed: number;
}

export interface ChangesOptions {
  since: string;
  limit?: number;
  includeDocs?: boolean;
  /** With includeDocs: the attachments' data inline (base64), instead of stubs. */
  attachments?: boolean;
  style?: 'main_only' | 'all_docs';
  /** 'longpoll' waits for the next change; the client gives up after `timeoutMs` with an empty page. */
  feed?: 'normal' | 'longpoll';
  /** Long-poll: the server sends a newline this often, so no proxy closes a quiet connection. */
  heartbeatMs?: number;
  /** Long-poll: how long to wait for a change (default 25 s: under the 30 s a Chrome service worker allows). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type BulkResult = { id: string; ok: true; rev: string } | { id: string; ok: false; error: string; reason: string };

export interface AllDocsRow {
  id: string;
  rev: string | null;
  deleted: boolean;
  /** null for a deleted or missing document. */
  doc: unknown;
}

type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions {
  query?: Query;
  /** A JSON body (anything but a string), or text sent as `contentType`. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Statuses answered as they are instead of as errors (e.g. 412 for "database exists"). */
  accept?: readonly number[];
  /** Read the answer as text rather than JSON. */
  text?: boolean;
  /** This is the login: a 401 means a wrong password. */
  login?: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_LONGPOLL_MS = 25_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 1_000): string | null => (typeof v === 'string' && v.length <= max ? v : null);
/** CouchDB sequences are opaque strings (numbers on PouchDB); either is kept as a string. */
const seqOf = (v: unknown): string | null => (typeof v === 'string' && v.length <= 10_000 ? v : typeof v === 'number' ? String(v) : null);

/** `_design/x` keeps its slash; every other id is one path segment. */
export function docPath(id: string): string {
  return id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
}

/** One signal that fires when any of these does. */
function anySignal(signals: Array<AbortSignal | undefined>): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (!s) continue;
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

export class CouchClient {
  readonly address: TeamAddress;
  private readonly fetchFn: typeof fetch;
  private auth: CouchAuth;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly host: string;

  constructor(options: CouchClientOptions) {
    this.address = options.address;
    this.fetchFn = options.fetch;
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    this.host = new URL(options.address.server).host;
  }

  /** The AuthSession cookie this client holds (auth 'cookie'), to resume the session later. */
  get cookie(): string | null {
    return this.auth.kind === 'cookie' ? (this.auth.cookie ?? null) : null;
  }

  // ── requests ──

  private url(path: string, query?: Query): string {
    const url = new URL(path, this.address.server);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private dbPath(rest = ''): string {
    return encodeURIComponent(this.address.name) + (rest ? `/${rest}` : '');
  }

  private keepCookie(response: Response): void {
    if (this.auth.kind !== 'cookie') return;
    const headers = response.headers as Headers & { getSetCookie?: () => string[] };
    const all = headers.getSetCookie?.() ?? [headers.get('set-cookie') ?? ''];
    for (const line of all) {
      const m = /(?:^|,\s*)AuthSession=([^;]*)/.exec(line);
      if (m) this.auth = { kind: 'cookie', cookie: m[1] ? `AuthSession=${m[1]}` : undefined };
    }
  }

  private async readBody(response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length'));
    const tooLarge = () => new CouchError('bad-response', `The server’s answer is larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB; it was not read.`, response.status);
    if (declared > this.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge();
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let total = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  }

  private errorFor(status: number, body: unknown, login: boolean): CouchError {
    const reason = isObject(body) ? str(body.reason) : null;
    const error = isObject(body) ? str(body.error) : null;
    if (status === 401) {
      if (login) return new CouchError('wrong-password', 'Wrong user name or password.', status, reason);
      return new CouchError('unauthorized', 'Not signed in to the team library (the session may have ended): connect again.', status, reason);
    }
    if (status === 403) return new CouchError('forbidden', `The server refused: ${reason ?? error ?? 'forbidden'}`, status, reason);
    if (status === 404) return new CouchError('not-found', `Not found on the server${reason ? ` (${reason})` : ''}.`, status, reason);
    if (status === 409) return new CouchError('conflict', 'The document changed on the server meanwhile.', status, reason);
    return new CouchError('bad-response', `The server answered ${status}${reason ?? error ? `: ${reason ?? error}` : ''}.`, status, reason);
  }

  private async request(method: string, path: string, options: RequestOptions = {}): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { accept: options.text ? '*/*' : 'application/json' };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    if (this.auth.kind === 'basic') headers.authorization = `Basic ${utf8ToBase64(`${this.auth.name}:${this.auth.password}`)}`;
    if (this.auth.kind === 'cookie' && this.auth.cookie) headers.cookie = this.auth.cookie;
    // A large body (an article text) gets time to travel: 1 s more per 100 kB, as on a slow uplink.
    const timeout = AbortSignal.timeout((options.timeoutMs ?? this.timeoutMs) + Math.floor((body?.length ?? 0) / 100_000) * 1000);
    const signal = anySignal([options.signal, timeout]);
    let response: Response | undefined;
    let text: string;
    try {
      const send = () =>
        this.fetchFn(this.url(path, options.query), {
          method,
          headers,
          body,
          signal,
          credentials: this.auth.kind === 'browser' ? 'include' : 'omit',
          cache: 'no-store',
        });
      try {
        response = await send();
      } catch (e) {
        // A kept-alive connection the server closed meanwhile fails at once: try once more on a new one.
        // Every request here may be repeated (reads, logins, and writes guarded by _rev).
        if (signal.aborted) throw e;
        response = await send();
      }
      this.keepCookie(response);
      text = await this.readBody(response);
    } catch (e) {
      if (e instanceof CouchError) throw e;
      if (options.signal?.aborted) throw new CouchError('aborted', 'Stopped.');
      if (timeout.aborted) throw new CouchError('unreachable', `Server unreachable: ${this.host} did not answer in time.`);
      // Node's fetch puts the system's reason (ECONNREFUSED…) in `cause`; browsers say only "Failed to fetch".
      const cause = (e as { cause?: { code?: unknown } })?.cause?.code;
      const detail = `${e instanceof Error ? e.message : String(e)}${typeof cause === 'string' ? `: ${cause}` : ''}`;
      throw new CouchError('unreachable', `Server unreachable: ${this.host} cannot be reached (${detail}).`);
    }
    let parsed: unknown = text;
    if (!options.text || !response.ok) {
      try {
        parsed = text.trim() ? JSON.parse(text) : null;
      } catch {
        if (!options.text) throw new CouchError('bad-response', `The server’s answer (${response.status}) is not JSON: is this a CouchDB address?`, response.status);
      }
    }
    if (response.ok || options.accept?.includes(response.status)) return { status: response.status, body: parsed };
    throw this.errorFor(response.status, parsed, options.login === true);
  }

  private async json(method: string, path: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    const { body } = await this.request(method, path, options);
    if (!isObject(body)) throw new CouchError('bad-response', 'The server’s answer is not a JSON object.');
    return body;
  }

  // ── session ──

  /** Exchanges the password for a session cookie. */
  async login(name: string, password: string): Promise<Session> {
    const body = await this.json('POST', '_session', { body: { name, password }, login: true });
    return { name: str(body.name) ?? name, roles: Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [] };
  }

  async logout(): Promise<void> {
    await this.request('DELETE', '_session', { accept: [401] });
    if (this.auth.kind === 'cookie') this.auth = { kind: 'cookie' };
  }

  /** Who the server takes this client for (name null: nobody is signed in). */
  async session(): Promise<Session> {
    const body = await this.json('GET', '_session');
    const ctx = isObject(body.userCtx) ? body.userCtx : {};
    return { name: str(ctx.name), roles: Array.isArray(ctx.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [] };
  }

  // ── the database ──

  async databaseInfo(signal?: AbortSignal): Promise<DatabaseInfo> {
    const body = await this.json('GET', this.dbPath(), { signal });
    const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
    return { docCount: count(body.doc_count), deletedCount: count(body.doc_del_count), updateSeq: seqOf(body.update_seq) ?? '0' };
  }

  async changes(options: ChangesOptions): Promise<ChangesPage> {
    const longpoll = options.feed === 'longpoll';
    const waitMs = options.timeoutMs ?? DEFAULT_LONGPOLL_MS;
    const query: Query = {
      since: options.since,
      limit: options.limit,
      include_docs: options.includeDocs || undefined,
      attachments: (options.includeDocs && options.attachments) || undefined,
      style: options.style,
      feed: longpoll ? 'longpoll' : undefined,
      heartbeat: longpoll ? (options.heartbeatMs ?? 10_000) : undefined,
    };
    // A long-poll that saw no change in its time is an empty page, not a failure.
    const wait = longpoll ? AbortSignal.timeout(waitMs) : undefined;
    let body: Record<string, unknown>;
    try {
      body = await this.json('GET', this.dbPath('_changes'), {
        query,
        signal: wait ? anySignal([options.signal, wait]) : options.signal,
        timeoutMs: longpoll ? waitMs + this.timeoutMs : undefined,
      });
    } catch (e) {
      if (wait?.aborted && !options.signal?.aborted) return { results: [], lastSeq: options.since, pending: 0, malformed: 0 };
      throw e;
    }
    const lastSeq = seqOf(body.last_seq);
    if (!Array.isArray(body.results) || lastSeq === null) throw new CouchError('bad-response', 'The server’s list of changes is not one CouchDB sends.');
    const results: ChangeRow[] = [];
    let malformed = 0;
    for (const row of body.results) {
      const id = isObject(row) ? str(row.id) : null;
      const seq = isObject(row) ? seqOf(row.seq) : null;
      const revs = isObject(row) && Array.isArray(row.changes) ? row.changes.map((c) => (isObject(c) ? str(c.rev, 100) : null)) : [];
      if (!isObject(row) || id === null || seq === null || !revs.length || revs.some((r) => r === null)) {
        malformed++;
        continue;
      }
      results.push({ id, seq, deleted: row.deleted === true, revs: revs as string[], ...('doc' in row ? { doc: row.doc } : {}) });
    }
    const pending = typeof body.pending === 'number' && body.pending >= 0 ? body.pending : null;
    return { results, lastSeq, pending, malformed };
  }

  /**
   * Normal writes (each with the `_rev` it replaces, none for a new document), answered per document in the
   * order given: a stale `_rev` is a 'conflict', a validation function's refusal 'forbidden' with its reason.
   */
  async bulkDocs(docs: readonly Record<string, unknown>[], signal?: AbortSignal): Promise<BulkResult[]> {
    const { body } = await this.request('POST', this.dbPath('_bulk_docs'), { body: { docs }, signal });
    if (!Array.isArray(body)) throw new CouchError('bad-response', 'The server’s answer to a write is not a list.');
    // Matched by id: PouchDB's server answers in its own order.
    const byId = new Map<string, BulkResult>();
    for (const r of body) {
      const id = isObject(r) ? str(r.id) : null;
      if (!isObject(r) || id === null) continue;
      const rev = str(r.rev, 100);
      if (rev && !r.error) byId.set(id, { id, ok: true, rev });
      else byId.set(id, { id, ok: false, error: str(r.error, 100) ?? 'unknown', reason: str(r.reason) ?? 'no reason given' });
    }
    return docs.map((d) => {
      const id = String(d._id);
      return byId.get(id) ?? { id, ok: false, error: 'no_answer', reason: 'the server did not answer for this document' };
    });
  }

  /** Documents at given revisions (or their current one), with attachment bodies inline when asked. null: missing. */
  async bulkGet(
    items: ReadonlyArray<{ id: string; rev?: string }>,
    options: { attachments?: boolean; signal?: AbortSignal; expectBytes?: number } = {},
  ): Promise<Array<{ id: string; doc: unknown }>> {
    const body = await this.json('POST', this.dbPath('_bulk_get'), {
      query: { attachments: options.attachments || undefined },
      body: { docs: items.map((i) => (i.rev ? { id: i.id, rev: i.rev } : { id: i.id })) },
      signal: options.signal,
      // Attachments coming inline get time to travel, as large bodies do going up.
      timeoutMs: this.timeoutMs + Math.floor((options.expectBytes ?? 0) / 100_000) * 1000,
    });
    if (!Array.isArray(body.results)) throw new CouchError('bad-response', 'The server’s answer to _bulk_get has no results.');
    const found = new Map<string, unknown>();
    for (const r of body.results) {
      const id = isObject(r) ? str(r.id) : null;
      const first = isObject(r) && Array.isArray(r.docs) ? r.docs[0] : null;
      // CouchDB answers {error:{…}} for a missing one, PouchDB's server {}.
      if (id !== null && isObject(first) && isObject(first.ok)) found.set(id, first.ok);
    }
    return items.map((i) => ({ id: i.id, doc: found.get(i.id) ?? null }));
  }

  /** `_all_docs`: the current revision of the given ids (or a page of all), with the documents when asked. */
  async allDocs(options: { keys?: readonly string[]; includeDocs?: boolean; limit?: number; startKey?: string; signal?: AbortSignal }): Promise<AllDocsRow[]> {
    const query: Query = {
      include_docs: options.includeDocs || undefined,
      limit: options.limit,
      startkey: options.startKey === undefined ? undefined : JSON.stringify(options.startKey),
    };
    const body = options.keys
      ? await this.json('POST', this.dbPath('_all_docs'), { query, body: { keys: options.keys }, signal: options.signal })
      : await this.json('GET', this.dbPath('_all_docs'), { query, signal: options.signal });
    if (!Array.isArray(body.rows)) throw new CouchError('bad-response', 'The server’s answer to _all_docs has no rows.');
    const rows: AllDocsRow[] = [];
    for (const row of body.rows) {
      if (!isObject(row)) continue;
      const id = str(row.id) ?? str(row.key);
      if (id === null) continue;
      const value = isObject(row.value) ? row.value : {};
      rows.push({ id, rev: str(value.rev, 100), deleted: value.deleted === true, doc: isObject(row.doc) ? row.doc : null });
    }
    return rows;
  }

  async getDoc(id: string, options: { rev?: string; signal?: AbortSignal } = {}): Promise<Record<string, unknown>> {
    return this.json('GET', this.dbPath(docPath(id)), { query: { rev: options.rev }, signal: options.signal });
  }

  /** null when the document does not exist (or is deleted). */
  async getDocIfAny(id: string, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
    const { status, body } = await this.request('GET', this.dbPath(docPath(id)), { accept: [404], signal });
    return status === 404 || !isObject(body) ? null : body;
  }

  async putDoc(doc: Record<string, unknown> & { _id: string }, signal?: AbortSignal): Promise<{ id: string; rev: string }> {
    const body = await this.json('PUT', this.dbPath(docPath(doc._id)), { body: doc, signal });
    const rev = str(body.rev, 100);
    if (!rev) throw new CouchError('bad-response', 'The server’s answer to a write has no revision.');
    return { id: doc._id, rev };
  }

  /** Stores a text attachment as a new revision of the document; resolves with that revision. */
  async putAttachment(id: string, rev: string, name: string, text: string, contentType = 'text/plain; charset=utf-8'): Promise<string> {
    const body = await this.json('PUT', this.dbPath(`${docPath(id)}/${encodeURIComponent(name)}`), { query: { rev }, body: text, contentType });
    const next = str(body.rev, 100);
    if (!next) throw new CouchError('bad-response', 'The server’s answer to a write has no revision.');
    return next;
  }

  /** A text attachment (of the current revision, or `rev`); null when there is none. */
  async getAttachment(id: string, name: string, options: { rev?: string; signal?: AbortSignal } = {}): Promise<string | null> {
    const { status, body } = await this.request('GET', this.dbPath(`${docPath(id)}/${encodeURIComponent(name)}`), {
      query: { rev: options.rev },
      text: true,
      accept: [404],
      signal: options.signal,
    });
    return status === 404 ? null : String(body);
  }

  // ── administration (the CLI, as a server admin) ──

  /** Creates the database; false when it exists already. */
  async createDatabase(): Promise<boolean> {
    const { status } = await this.request('PUT', this.dbPath(), { accept: [412] });
    return status !== 412;
  }

  async getSecurity(): Promise<Record<string, unknown>> {
    return this.json('GET', this.dbPath('_security'));
  }

  async putSecurity(security: object): Promise<void> {
    await this.json('PUT', this.dbPath('_security'), { body: security });
  }

  /** A document of another database of the same server (`_users`), or null. */
  async getServerDoc(database: string, id: string): Promise<Record<string, unknown> | null> {
    const { status, body } = await this.request('GET', `${encodeURIComponent(database)}/${docPath(id)}`, { accept: [404] });
    return status === 404 || !isObject(body) ? null : body;
  }

  async putServerDoc(database: string, doc: Record<string, unknown> & { _id: string }): Promise<string> {
    const body = await this.json('PUT', `${encodeURIComponent(database)}/${docPath(doc._id)}`, { body: doc });
    return str(body.rev, 100) ?? '';
  }

  /** Creates another database of the server (`_users`); false when it exists. */
  async createServerDatabase(database: string): Promise<boolean> {
    const { status } = await this.request('PUT', encodeURIComponent(database), { accept: [412] });
    return status !== 412;
  }
}

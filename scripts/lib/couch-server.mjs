// A CouchDB-protocol server on 127.0.0.1 for the team-library tests.
//
// By default it is PouchDB's own CouchDB server code (express-pouchdb 5.0.1-rc1.0 on PouchDB 9 with the
// memory adapter), in this process, with a server admin created. With COUCHDB_URL set (a real CouchDB on
// the loopback interface, with server admin credentials: `http://admin:pw@127.0.0.1:5984`), the same tests
// run against it instead: every database and user the tests create gets a name unique to this run and is
// deleted again on close().
//
// Either way the tests talk to a front on a port of its own (a TCP relay to the server), so that stop() and
// start() can take "the server" away and bring it back on the same address, mid-sync, even for a real
// CouchDB that this process does not own. The data survives a stop, as it would on a restarted CouchDB.
//
// Where express-pouchdb differs from CouchDB (probed; the tests do not rely on any of these):
// - with a validate_doc_update installed, replicated writes (_bulk_docs with new_edits:false) are answered
//   201 [] and silently dropped (pouchdb-server #419). The sync client only makes normal writes with _rev.
// - a plain user can PUT their own _users document with new roles, which CouchDB refuses: users are always
//   created and given roles by the admin here, and no test expects self-promotion to fail.
// - an anonymous PUT /newdb after an admin exists can crash the process (#374): databases are created as
//   admin.
// - an authenticated non-member gets 401 where CouchDB answers 403: tests accept either ("refused").
// - a long-poll _changes with `timeout` may never return: the client long-polls with `heartbeat` (or polls).
// - `_changes` answers carry no `pending` count and sequence numbers are integers (CouchDB: opaque strings):
//   the client treats `since` as opaque and computes progress from the database's doc counts.
// - `_bulk_docs` answers in its own order, not the request's: the client matches results by id.
// - an attachment stub is found by its digest (CouchDB: by name), and one stub not found fails the whole
//   request with 412: the client sends stubs with their digest and falls back to one document a request.
// - `_bulk_get` answers a missing document with `{}` (CouchDB: an `error` object): both read as missing.
// - in `_bulk_docs` the validation function gets an empty secObj (a single PUT gets the real one), so a
//   database admin named only in `_security` is not recognised there: tests use server admins ('_admin').
// - a new database's `_security` is `{}` (CouchDB 3: admin-only members and admins): tests check only that
//   `team init` adds what it must, not the exact object.
// - a long-poll ended by the client leaves the server's heartbeat timer running in this process: tests end
//   their long-polls with a change, not by aborting them.
import net from 'node:net';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Listens on 127.0.0.1 (port 0: a free one); resolves with the port. */
function listen(server, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port);
    });
  });
}

/** express-pouchdb in this process, admin party until the admin is created. Resolves with its origin and close(). */
async function startPouchServer(admin) {
  const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));
  const express = require('express');
  const expressPouchDB = require('express-pouchdb');
  const app = express();
  // inMemoryConfig: no config.json; logPath: no log.txt in the working directory.
  app.use('/', expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), { inMemoryConfig: true, logPath: os.devNull }));
  const http = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s)).once('error', reject);
  });
  const origin = `http://127.0.0.1:${http.address().port}`;
  const r = await fetch(`${origin}/_config/admins/${encodeURIComponent(admin.name)}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!r.ok) throw new Error(`express-pouchdb: creating the server admin failed: ${r.status} ${await r.text()}`);
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections?.();
        http.close(() => resolve(undefined));
      }),
  };
}

/** The real CouchDB named by COUCHDB_URL: its origin and admin credentials. Only loopback addresses. */
function couchFromUrl(value) {
  const u = new URL(value);
  if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
    throw new Error(`COUCHDB_URL must be a CouchDB on this machine (http://admin:pw@127.0.0.1:5984), not ${u.origin}`);
  }
  if (!u.username) throw new Error('COUCHDB_URL needs server admin credentials: http://admin:pw@127.0.0.1:5984');
  return {
    origin: u.origin,
    admin: { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) },
  };
}

/**
 * A TCP relay from a port of its own to `target` (host:port). stop() closes the port and cuts every open
 * connection both ways (requests in flight fail as they would when a server dies); start() listens again
 * on the same port.
 */
async function startFront(targetHost, targetPort) {
  const sockets = new Set();
  /** @type {Set<(method: string, path: string) => void>} */
  const watchers = new Set();
  let server = null;
  let port = 0;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
      // Requests as they pass (after the relay has sent them on): a test can act on one in flight.
      client.on('data', (/** @type {Buffer} */ chunk) => {
        const line = /^([A-Z]+) (\S+) HTTP\//.exec(chunk.subarray(0, 2048).toString('latin1'));
        if (line) for (const watch of watchers) watch(line[1], line[2]);
      });
    });
    port = await listen(server, port);
  };
  await open();
  return {
    port,
    get running() {
      return server !== null;
    },
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      const closed = new Promise((resolve) => s.close(() => resolve(undefined)));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async start() {
      if (!server) await open();
    },
    /** @param {(method: string, path: string) => void} watch */
    onRequest(watch) {
      watchers.add(watch);
      return () => watchers.delete(watch);
    },
  };
}

/**
 * Starts the test server. See couch-server.d.mts for what the handle offers.
 * @param {{ couchdbUrl?: string }} [options] defaults to process.env.COUCHDB_URL
 */
export async function startCouchServer({ couchdbUrl = process.env.COUCHDB_URL } = {}) {
  const run = randomBytes(4).toString('hex');
  let backend;
  let admin;
  let kind;
  if (couchdbUrl) {
    const c = couchFromUrl(couchdbUrl);
    admin = c.admin;
    backend = { origin: c.origin, close: async () => {} };
    kind = 'couchdb';
  } else {
    admin = { name: 'admin', password: randomBytes(12).toString('hex') };
    backend = await startPouchServer(admin);
    kind = 'express-pouchdb';
  }
  const target = new URL(backend.origin);
  const front = await startFront(target.hostname.replace(/^\[|\]$/g, ''), Number(target.port || 80));
  const url = `http://127.0.0.1:${front.port}`;
  const authorization = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');

  /** A request as server admin, straight to the server (not through the front, so it works while stopped). */
  const adminFetch = (path, init = {}) =>
    fetch(backend.origin + path, {
      ...init,
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization, ...(init.headers ?? {}) },
    });
  const adminJson = async (method, path, body) => {
    const r = await adminFetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };

  // CouchDB 3 has no _users database until set up; create it (412 when it exists).
  if (kind === 'couchdb') {
    const r = await adminJson('PUT', '/_users');
    if (r.status !== 201 && r.status !== 412) throw new Error(`creating _users failed: ${r.status} ${JSON.stringify(r.body)}`);
  }

  const databases = new Set();
  const users = new Set();
  let count = 0;

  return {
    kind,
    url,
    admin,
    adminFetch,
    adminJson,
    uniqueName(base) {
      count += 1;
      return `${base}-${run}-${count}`;
    },
    databaseUrl(name) {
      return `${url}/${encodeURIComponent(name)}`;
    },
    async createDatabase(base = 'precis-test') {
      const name = this.uniqueName(base);
      const r = await adminJson('PUT', `/${encodeURIComponent(name)}`);
      if (r.status !== 201) throw new Error(`creating database ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
      databases.add(name);
      return { name, url: this.databaseUrl(name) };
    },
    noteDatabase(name) {
      databases.add(name);
    },
    async createUser(base, password, roles) {
      const name = this.uniqueName(base);
      const r = await adminJson('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        _id: `org.couchdb.user:${name}`,
        name,
        type: 'user',
        roles,
        password,
      });
      if (r.status !== 201) throw new Error(`creating user ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
      users.add(name);
      return name;
    },
    noteUser(name) {
      users.add(name);
    },
    get running() {
      return front.running;
    },
    stop: () => front.stop(),
    start: () => front.start(),
    onRequest: (watch) => front.onRequest(watch),
    async close() {
      await front.stop();
      if (kind === 'couchdb') {
        for (const name of databases) await adminJson('DELETE', `/${encodeURIComponent(name)}`);
        for (const name of users) {
          const id = `/_users/org.couchdb.user:${encodeURIComponent(name)}`;
          const doc = await adminJson('GET', id);
          if (doc.status === 200) await adminJson('DELETE', `${id}?rev=${encodeURIComponent(doc.body._rev)}`);
        }
      }
      await backend.close();
    },
  };
}

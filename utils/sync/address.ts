// The "Server address" a user types: the team database's URL, e.g. https://couch.example.org/precis-team.
// Only https:// is accepted, or http:// to this computer (localhost, 127.0.0.1): the password and every
// record cross the network, so a plain-http server elsewhere is refused rather than warned about.

export interface TeamAddress {
  /** The database's URL as the client uses it, without a trailing slash: https://couch.example.org/precis-team */
  database: string;
  /** The server's root, where `_session` and `_users` live (a path prefix of a reverse proxy kept): https://couch.example.org/ */
  server: string;
  /** The database's name, decoded: precis-team */
  name: string;
  /** The origin the extension asks host permission for: https://couch.example.org */
  origin: string;
}

export type AddressCheck = { ok: true; address: TeamAddress } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
// CouchDB's rule for database names.
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function parseTeamAddress(input: string): AddressCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the team library’s address, e.g. https://couch.example.org/precis-team.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text.slice(0, 100)}” is not a web address; it looks like https://couch.example.org/precis-team.` };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, message: 'The address must start with https:// (http:// is accepted only for a server on this computer).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'The address must start with https://.' };
  if (url.username || url.password) return { ok: false, message: 'Leave the user name and password out of the address; enter them below.' };
  if (url.search || url.hash) return { ok: false, message: 'The address ends with the database’s name: leave out “?…” and “#…”.' };
  const segments = url.pathname.replace(/\/+$/, '').split('/').slice(1);
  const last = segments.pop();
  if (!last) return { ok: false, message: 'The address needs the team database’s name at its end, e.g. https://couch.example.org/precis-team.' };
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    return { ok: false, message: 'The database name in the address is not valid.' };
  }
  if (!DB_NAME.test(name) || name.length > 238) {
    return { ok: false, message: `“${name.slice(0, 100)}” is not a CouchDB database name (lower-case letters, digits and _$()+-/, starting with a letter).` };
  }
  const prefix = segments.length ? `/${segments.join('/')}/` : '/';
  return {
    ok: true,
    address: {
      database: `${url.origin}${prefix}${encodeURIComponent(name)}`,
      server: `${url.origin}${prefix}`,
      name,
      origin: url.origin,
    },
  };
}

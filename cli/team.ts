// `precis team …`: setting up the team library's CouchDB database, as a server admin.
import { parseTeamAddress } from '../utils/sync/address';
import { CouchClient, CouchError } from '../utils/sync/couch-client';
import type { TeamRole } from '../utils/sync/roles';
import { addTeamUser, initTeamDatabase } from '../utils/sync/team-setup';

export const TEAM_USAGE = `  precis team init --url URL --admin USER
                                           create the team database at URL (https://host/dbname), its
                                           _security (members: the associate and editor roles) and its
                                           validation design document; safe to run again
  precis team add-user NAME --role associate|editor --url URL --admin USER
                                           create the user NAME (or update their role and password)
                                           The admin's password comes from PRECIS_ADMIN_PASSWORD, the new
                                           user's from PRECIS_USER_PASSWORD, or else from a prompt.`;

/** What the command reads and writes, so tests can run it in-process. */
export interface TeamIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for a password without echoing it; null when there is no terminal to ask on. */
  askPassword: (prompt: string) => Promise<string | null>;
  fetch: typeof fetch;
}

/** Reads a line from the terminal without echoing it (null: stdin is not a terminal). */
function askPasswordOnTty(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

export const processIo = (): TeamIo => ({
  env: process.env,
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  askPassword: askPasswordOnTty,
  fetch: globalThis.fetch,
});

class UsageError extends Error {}

function options(args: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) positional.push(a);
    else if (['--url', '--admin', '--role'].includes(a) && i + 1 < args.length) flags.set(a.slice(2), args[++i]);
    else throw new UsageError(`unknown option or missing value: ${a}`);
  }
  return { positional, flags };
}

async function password(io: TeamIo, variable: string, prompt: string): Promise<string | null> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  return io.askPassword(prompt);
}

async function adminClient(io: TeamIo, flags: Map<string, string>): Promise<CouchClient> {
  const url = flags.get('url');
  const admin = flags.get('admin');
  if (!url || !admin) throw new UsageError('--url and --admin are required');
  const checked = parseTeamAddress(url);
  if (!checked.ok) throw new Error(checked.message);
  const secret = await password(io, 'PRECIS_ADMIN_PASSWORD', `Password of the server admin ${admin}: `);
  if (!secret) throw new Error('No admin password: set PRECIS_ADMIN_PASSWORD or run this in a terminal.');
  const client = new CouchClient({ address: checked.address, fetch: io.fetch, auth: { kind: 'basic', name: admin, password: secret } });
  // Fail early, in words, on a wrong password or a non-admin.
  const session = await client.session();
  if (session.name !== admin) throw new Error(`Wrong user name or password for ${admin}.`);
  if (!session.roles.includes('_admin')) throw new Error(`${admin} is not a server admin of ${checked.address.server}.`);
  return client;
}

/** Runs `precis team ARGS`; resolves with the exit code. */
export async function runTeam(args: string[], io: TeamIo = processIo()): Promise<number> {
  const [sub, ...rest] = args;
  try {
    const { positional, flags } = options(rest);
    if (sub === 'init' && positional.length === 0) {
      const client = await adminClient(io, flags);
      for (const line of await initTeamDatabase(client, flags.get('admin')!)) io.out(`${line}\n`);
      io.out(`Team library ready at ${client.address.database}. Add people with: precis team add-user NAME --role associate|editor --url ${client.address.database} --admin ${flags.get('admin')}\n`);
      return 0;
    }
    if (sub === 'add-user' && positional.length === 1) {
      const role = flags.get('role');
      if (role !== 'associate' && role !== 'editor') throw new UsageError('--role must be associate or editor');
      const client = await adminClient(io, flags);
      const name = positional[0];
      const secret = await password(io, 'PRECIS_USER_PASSWORD', `Password for ${name} (empty: keep their current one): `);
      for (const line of await addTeamUser(client, name, role as TeamRole, secret || null)) io.out(`${line}\n`);
      io.out(`${name} connects in Précis (Options → Team library) with the address ${client.address.database}.\n`);
      return 0;
    }
    throw new UsageError(sub ? `unknown team command: ${[sub, ...positional].join(' ')}` : 'team needs a command');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nusage:\n${TEAM_USAGE}\n`);
      return 2;
    }
    if (e instanceof CouchError && e.kind === 'unauthorized') io.err('Wrong user name or password for the server admin.\n');
    else io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

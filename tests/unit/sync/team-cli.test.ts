// `precis team init` and `precis team add-user` against the test server (a real CouchDB with COUCHDB_URL).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { runTeam, type TeamIo } from '../../../cli/team';
import { CouchClient } from '../../../utils/sync/couch-client';
import { DESIGN_DOC_ID } from '../../../utils/sync/validate-doc-update';
import { addressOf, useCouchServer } from './couch';

const couch = useCouchServer();
const root = resolve(__dirname, '../../..');

function io(env: Record<string, string | undefined>, answers: string[] = []): TeamIo & { stdout: string; stderr: string } {
  const result = {
    env,
    stdout: '',
    stderr: '',
    out: (t: string) => void (result.stdout += t),
    err: (t: string) => void (result.stderr += t),
    askPassword: async () => answers.shift() ?? null,
    fetch,
  };
  return result;
}

function newDatabaseUrl(): string {
  const name = couch().uniqueName('precis-cli');
  couch().noteDatabase(name);
  return couch().databaseUrl(name);
}

const adminEnv = () => ({ PRECIS_ADMIN_PASSWORD: couch().admin.password });

describe('precis team', { timeout: 60_000 }, () => {
  it('init creates the database, its _security and the validation design document, and says so; again, it changes nothing', async () => {
    const url = newDatabaseUrl();
    const first = io(adminEnv());
    expect(await runTeam(['init', '--url', url, '--admin', couch().admin.name], first)).toBe(0);
    expect(first.stdout).toMatch(/^Created the database precis-cli-.*\nSet its _security: members are the users with the role precis-associate or precis-editor; admins: /);
    expect(first.stdout).toContain(`Installed the validation design document (${DESIGN_DOC_ID})`);

    const admin = new CouchClient({ address: addressOf(url), fetch, auth: { kind: 'basic', ...couch().admin } });
    // What CouchDB 3 puts in a new database's _security ('_admin' roles) is kept beside it.
    expect(await admin.getSecurity()).toMatchObject({
      admins: { names: [couch().admin.name] },
      members: { roles: expect.arrayContaining(['precis-associate', 'precis-editor']) },
    });
    const design = await admin.getDoc(DESIGN_DOC_ID);
    expect(design).toMatchObject({ language: 'javascript', validate_doc_update: expect.stringMatching(/^function/) });

    const again = io(adminEnv());
    expect(await runTeam(['init', '--url', url, '--admin', couch().admin.name], again)).toBe(0);
    expect(again.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^The database precis-cli-\S+ exists already\.$/),
      'Its _security was set already.',
      `The validation design document (${DESIGN_DOC_ID}) is up to date.`,
    ]);
    expect((await admin.getDoc(DESIGN_DOC_ID))._rev).toBe(design._rev);
  });

  it('add-user creates a user with the role, and updates the role of an existing one keeping the password', async () => {
    const url = newDatabaseUrl();
    await runTeam(['init', '--url', url, '--admin', couch().admin.name], io(adminEnv()));
    const name = couch().uniqueName('sam');
    couch().noteUser(name);
    const created = io({ ...adminEnv(), PRECIS_USER_PASSWORD: 'sam-secret' });
    expect(await runTeam(['add-user', name, '--role', 'associate', '--url', url, '--admin', couch().admin.name], created)).toBe(0);
    expect(created.stdout).toContain(`Created the user ${name} with the role associate (precis-associate).`);

    const sam = new CouchClient({ address: addressOf(url), fetch, auth: { kind: 'cookie' } });
    expect(await sam.login(name, 'sam-secret')).toEqual({ name, roles: ['precis-associate'] });

    // No password given and none typed: the role changes, the password stays.
    const promoted = io(adminEnv(), ['']);
    expect(await runTeam(['add-user', name, '--role', 'editor', '--url', url, '--admin', couch().admin.name], promoted)).toBe(0);
    expect(promoted.stdout).toContain(`Updated the user ${name}: role editor (precis-editor), password unchanged.`);
    expect(await sam.login(name, 'sam-secret')).toEqual({ name, roles: ['precis-editor'] });
  });

  it('asks for passwords when the variables are not set', async () => {
    const url = newDatabaseUrl();
    const prompted = io({}, [couch().admin.password]);
    expect(await runTeam(['init', '--url', url, '--admin', couch().admin.name], prompted)).toBe(0);
    const name = couch().uniqueName('kim');
    couch().noteUser(name);
    const adding = io({}, [couch().admin.password, 'kim-secret']);
    expect(await runTeam(['add-user', name, '--role', 'editor', '--url', url, '--admin', couch().admin.name], adding)).toBe(0);
    expect(await new CouchClient({ address: addressOf(url), fetch, auth: { kind: 'cookie' } }).login(name, 'kim-secret')).toMatchObject({ name });
  });

  it('fails in words: wrong admin password, no password, a new user without one, a plain-http remote address, bad usage', async () => {
    const url = newDatabaseUrl();
    const admin = couch().admin.name;
    const wrong = io({ PRECIS_ADMIN_PASSWORD: 'not-it' });
    expect(await runTeam(['init', '--url', url, '--admin', admin], wrong)).toBe(1);
    expect(wrong.stderr).toBe('Wrong user name or password for the server admin.\n');

    const none = io({});
    expect(await runTeam(['init', '--url', url, '--admin', admin], none)).toBe(1);
    expect(none.stderr).toBe('No admin password: set PRECIS_ADMIN_PASSWORD or run this in a terminal.\n');

    await runTeam(['init', '--url', url, '--admin', admin], io(adminEnv()));
    const noUserPassword = io(adminEnv());
    expect(await runTeam(['add-user', couch().uniqueName('lee'), '--role', 'editor', '--url', url, '--admin', admin], noUserPassword)).toBe(1);
    expect(noUserPassword.stderr).toMatch(/is a new user: give them a password\.\n$/);

    const remote = io(adminEnv());
    expect(await runTeam(['init', '--url', 'http://couch.example.org/team', '--admin', admin], remote)).toBe(1);
    expect(remote.stderr).toMatch(/must start with https:\/\//);

    const usage = io(adminEnv());
    expect(await runTeam(['add-user', 'x', '--role', 'boss', '--url', url, '--admin', admin], usage)).toBe(2);
    expect(usage.stderr).toMatch(/^--role must be associate or editor\nusage:/);
  });

  it('the real command (Node + tsx) installs a validation function that is ES5 and self-contained', async () => {
    const url = newDatabaseUrl();
    const child = spawn(process.execPath, [resolve(root, 'cli/precis.mjs'), 'team', 'init', '--url', url, '--admin', couch().admin.name], {
      cwd: root,
      env: { ...process.env, ...adminEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Team library ready at');
    const admin = new CouchClient({ address: addressOf(url), fetch, auth: { kind: 'basic', ...couch().admin } });
    const source = String((await admin.getDoc(DESIGN_DOC_ID)).validate_doc_update);
    expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
    const validate = runInNewContext(`(${source})`) as (...args: unknown[]) => void;
    expect(() => validate({ _id: 'x', type: 'precis.record', clippedBy: 'a' }, null, { name: 'a', roles: ['precis-associate'] }, {})).not.toThrow();
    expect(() => validate({ _id: 'x', _deleted: true }, null, { name: 'a', roles: ['precis-associate'] }, {})).toThrow();
  });
});

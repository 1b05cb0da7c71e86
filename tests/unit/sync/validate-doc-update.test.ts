import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { validateDocUpdate, VALIDATE_DOC_UPDATE_SOURCE } from '../../../utils/sync/validate-doc-update';
import { ASSOCIATE_ROLE, EDITOR_ROLE } from '../../../utils/sync/roles';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;

// The function as the server runs it: its source text evaluated in an empty context (no module scope).
const asServer = runInNewContext(`(${VALIDATE_DOC_UPDATE_SOURCE})`) as Validate;

const ana = { name: 'ana', roles: [ASSOCIATE_ROLE] };
const bo = { name: 'bo', roles: [ASSOCIATE_ROLE] };
const eve = { name: 'eve', roles: [EDITOR_ROLE] };
const admin = { name: 'root', roles: ['_admin'] };
const stranger = { name: 'zed', roles: [] };
const anonymous = { name: null, roles: [] };
const secObj = { admins: { names: ['dbadmin'], roles: ['precis-admins'] }, members: { names: [], roles: [ASSOCIATE_ROLE, EDITOR_ROLE] } };

const record = (clippedBy: unknown, extra: Record<string, unknown> = {}) => ({ _id: 'r1', type: 'precis.record', title: 'T', clippedBy, ...extra });
const deletion = { _id: 'r1', _rev: '2-a', _deleted: true };

function outcome(fn: Validate, newDoc: unknown, oldDoc: unknown, userCtx: unknown): string {
  try {
    fn(newDoc, oldDoc, userCtx, secObj);
    return 'ok';
  } catch (e) {
    const thrown = e as { forbidden?: string };
    if (typeof thrown?.forbidden === 'string') return `forbidden: ${thrown.forbidden}`;
    throw e;
  }
}

const cases: Array<[string, unknown, unknown, unknown, RegExp | 'ok']> = [
  ['an associate creates a record clipped by themselves', record('ana'), null, ana, 'ok'],
  ['an associate creates one in another’s name', record('bo'), null, ana, /clippedBy must be "ana"/],
  ['an associate edits their own', record('ana', { title: 'T2' }), record('ana'), ana, 'ok'],
  ['an associate edits someone else’s', record('eve', { title: 'T2' }), record('eve'), ana, /clipped by "eve"/],
  ['an associate takes over a record by renaming clippedBy', record('ana'), record('bo'), ana, /cannot be changed/],
  ['an associate deletes their own', deletion, record('ana'), ana, /Only editors can delete/],
  ['an editor edits anyone’s', record('ana', { title: 'T3' }), record('ana'), eve, 'ok'],
  ['an editor changes who clipped it', record('eve'), record('ana'), eve, /cannot be changed/],
  ['an editor deletes anyone’s', deletion, record('ana'), eve, 'ok'],
  ['an editor restores a deleted record in its clipper’s name', record('ana'), { _id: 'r1', _deleted: true }, eve, 'ok'],
  ['an associate re-creates a deleted record as theirs', record('ana'), { _id: 'r1', _deleted: true }, ana, 'ok'],
  ['a record without clippedBy', record(''), null, eve, /who clipped it/],
  ['a document of an unknown type', { _id: 'x', type: 'note', clippedBy: 'ana' }, null, ana, /Précis records only/],
  ['a document without a type', { _id: 'x', clippedBy: 'ana' }, null, eve, /Précis records only/],
  ['a signed-in user without a team role', record('zed'), null, stranger, /Only members/],
  ['nobody signed in', record('x'), null, anonymous, /Only members/],
  ['a server admin writes anything', { _id: 'x', type: 'whatever' }, null, admin, 'ok'],
  ['a database admin by name deletes', deletion, record('ana'), { name: 'dbadmin', roles: [] }, 'ok'],
  ['a database admin by role writes any type', { _id: 'x' }, null, { name: 'q', roles: ['precis-admins'] }, 'ok'],
];

describe('validate_doc_update', () => {
  it.each(cases)('%s', (_label, newDoc, oldDoc, userCtx, expected) => {
    for (const fn of [validateDocUpdate as Validate, asServer]) {
      const got = outcome(fn, newDoc, oldDoc, userCtx);
      if (expected === 'ok') expect(got).toBe('ok');
      else expect(got).toMatch(expected);
    }
  });

  it('lets associate bo edit only bo’s records', () => {
    expect(outcome(asServer, record('bo', { title: 'x' }), record('bo'), bo)).toBe('ok');
    expect(outcome(asServer, record('ana', { title: 'x' }), record('ana'), bo)).toMatch(/^forbidden/);
  });

  it('copes with a userCtx or secObj missing its parts', () => {
    expect(outcome(asServer, record('ana'), null, { name: 'ana' })).toMatch(/Only members/);
    expect(() => asServer(record('ana'), null, ana, {})).not.toThrow();
    expect(() => asServer(record('ana'), null, ana, null)).not.toThrow();
  });

  it('is ES5 source that refers to nothing outside itself, as an old CouchDB JavaScript engine needs', () => {
    expect(() => parse(`(${VALIDATE_DOC_UPDATE_SOURCE})`, { ecmaVersion: 5 })).not.toThrow();
    expect(VALIDATE_DOC_UPDATE_SOURCE).toMatch(/^function\b/);
    expect(VALIDATE_DOC_UPDATE_SOURCE).toContain(ASSOCIATE_ROLE);
    expect(VALIDATE_DOC_UPDATE_SOURCE).toContain(EDITOR_ROLE);
  });
});

// Setting up a team database, as a server admin (`precis team init`, `precis team add-user`). Each step
// looks before it writes, so running it again changes nothing and says so.
import { CouchError, type CouchClient } from './couch-client';
import { sameValue } from './merge';
import { TEAM_ROLES, teamSecurity, type SecurityObject, type TeamRole } from './roles';
import { DESIGN_DOC_ID, designDoc } from './validate-doc-update';

const USERS_DB = '_users';

/** Creates the team database, its `_security` and its validation design document; one line per step. */
export async function initTeamDatabase(client: CouchClient, adminName: string): Promise<string[]> {
  const name = client.address.name;
  const lines: string[] = [];
  lines.push((await client.createDatabase()) ? `Created the database ${name}.` : `The database ${name} exists already.`);

  const current = (await client.getSecurity()) as Partial<SecurityObject>;
  const security = teamSecurity(current, [adminName]);
  if (sameValue(current, security)) lines.push('Its _security was set already.');
  else {
    await client.putSecurity(security);
    lines.push(
      `Set its _security: members are the users with the role ${TEAM_ROLES.associate} or ${TEAM_ROLES.editor}; ` +
        `admins: ${security.admins.names.join(', ')}${security.admins.roles.length ? ` and the roles ${security.admins.roles.join(', ')}` : ''}.`,
    );
  }

  const wanted = designDoc();
  const existing = await client.getDocIfAny(DESIGN_DOC_ID);
  if (existing && existing.validate_doc_update === wanted.validate_doc_update && existing.language === wanted.language) {
    lines.push(`The validation design document (${DESIGN_DOC_ID}) is up to date.`);
  } else {
    await client.putDoc({ ...(existing ?? {}), ...wanted, ...(existing ? { _rev: existing._rev } : {}) });
    lines.push(`${existing ? 'Updated' : 'Installed'} the validation design document (${DESIGN_DOC_ID}): associates create records and change their own, editors change and delete any.`);
  }
  return lines;
}

/** Why a user name cannot be a CouchDB user's, or null. */
export function userNameProblem(name: string): string | null {
  if (!name.trim()) return 'The user name is empty.';
  if (name !== name.trim()) return 'The user name starts or ends with a space.';
  if (name.startsWith('_')) return 'A user name cannot start with “_”.';
  if (name.includes(':')) return 'A user name cannot contain “:”.';
  if (name.length > 200) return 'The user name is longer than 200 characters.';
  return null;
}

/**
 * Creates a user of the server with the team role, or updates an existing one: its team role is replaced
 * (other roles kept) and, when `password` is given, its password. A new user needs a password.
 */
export async function addTeamUser(client: CouchClient, name: string, role: TeamRole, password: string | null): Promise<string[]> {
  const problem = userNameProblem(name);
  if (problem) throw new Error(problem);
  const lines: string[] = [];
  const id = `org.couchdb.user:${name}`;
  let existing: Record<string, unknown> | null;
  try {
    existing = await client.getServerDoc(USERS_DB, id);
  } catch (e) {
    if (!(e instanceof CouchError && e.kind === 'not-found')) throw e;
    existing = null;
  }
  if (!existing && !password) throw new Error(`${name} is a new user: give them a password.`);
  const teamRoles: readonly string[] = Object.values(TEAM_ROLES);
  const others = Array.isArray(existing?.roles) ? existing.roles.filter((r): r is string => typeof r === 'string' && !teamRoles.includes(r)) : [];
  const doc = {
    ...(existing ?? {}),
    _id: id,
    name,
    type: 'user',
    roles: [...others, TEAM_ROLES[role]],
    ...(password ? { password } : {}),
  };
  try {
    await client.putServerDoc(USERS_DB, doc);
  } catch (e) {
    // A CouchDB 3 that was never set up has no _users database yet.
    if (!(e instanceof CouchError && e.kind === 'not-found')) throw e;
    await client.createServerDatabase(USERS_DB);
    lines.push('Created the _users database (this CouchDB had not been set up yet).');
    await client.putServerDoc(USERS_DB, doc);
  }
  lines.push(
    existing
      ? `Updated the user ${name}: role ${role} (${TEAM_ROLES[role]})${password ? ', new password' : ', password unchanged'}.`
      : `Created the user ${name} with the role ${role} (${TEAM_ROLES[role]}).`,
  );
  return lines;
}

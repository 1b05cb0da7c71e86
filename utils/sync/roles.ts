// The team library's roles, as CouchDB user roles. `_security` admits both as members of the team database;
// the validation design document (validate-doc-update.ts, which spells the same names out: it runs on the
// server and cannot import them) tells them apart.

export const ASSOCIATE_ROLE = 'precis-associate';
export const EDITOR_ROLE = 'precis-editor';
export const TEAM_ROLES = { associate: ASSOCIATE_ROLE, editor: EDITOR_ROLE } as const;
export type TeamRole = keyof typeof TEAM_ROLES;

/** What a signed-in user may do, from their CouchDB roles: server admins ('_admin') count as admins. */
export function teamRoleOf(roles: readonly string[]): TeamRole | 'admin' | null {
  if (roles.includes('_admin')) return 'admin';
  if (roles.includes(EDITOR_ROLE)) return 'editor';
  if (roles.includes(ASSOCIATE_ROLE)) return 'associate';
  return null;
}

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * The team database's `_security` with the team's roles added: both roles are members (anyone else, signed
 * in or not, is kept out), `adminNames` are database admins (they may change design documents). Names and
 * roles already there are kept, so running `team init` again changes nothing an admin added by hand.
 */
export function teamSecurity(current: Partial<SecurityObject> | null, adminNames: readonly string[]): SecurityObject {
  const union = (a: readonly string[] | undefined, b: readonly string[]) => [...new Set([...(Array.isArray(a) ? a : []), ...b])];
  return {
    admins: { names: union(current?.admins?.names, adminNames), roles: union(current?.admins?.roles, []) },
    members: { names: union(current?.members?.names, []), roles: union(current?.members?.roles, [ASSOCIATE_ROLE, EDITOR_ROLE]) },
  };
}

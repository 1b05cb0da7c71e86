import { describe, expect, it } from 'vitest';
import { teamRoleOf, teamSecurity } from '../../../utils/sync/roles';

describe('team roles', () => {
  it('reads what a user may do from their CouchDB roles', () => {
    expect(teamRoleOf(['precis-associate'])).toBe('associate');
    expect(teamRoleOf(['precis-associate', 'precis-editor'])).toBe('editor');
    expect(teamRoleOf(['_admin'])).toBe('admin');
    expect(teamRoleOf(['other'])).toBeNull();
  });

  it('adds the team to a database’s _security, keeping what is there (CouchDB 3’s admin-only default included)', () => {
    const couchDefault = { members: { roles: ['_admin'] }, admins: { roles: ['_admin'] } };
    expect(teamSecurity(couchDefault as never, ['root'])).toEqual({
      admins: { names: ['root'], roles: ['_admin'] },
      members: { names: [], roles: ['_admin', 'precis-associate', 'precis-editor'] },
    });
    const set = teamSecurity({}, ['root']);
    expect(teamSecurity(set, ['root'])).toEqual(set);
    expect(teamSecurity({ members: { names: ['guest'], roles: 'not a list' } } as never, ['root']).members).toEqual({
      names: ['guest'],
      roles: ['precis-associate', 'precis-editor'],
    });
  });
});

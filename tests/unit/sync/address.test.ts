import { describe, expect, it } from 'vitest';
import { parseTeamAddress } from '../../../utils/sync/address';
import { statusLine } from '../../../utils/sync/engine';

describe('the Server address a user types', () => {
  it('takes an https database URL, with the server root and the origin to ask permission for', () => {
    expect(parseTeamAddress('  https://couch.example.org/precis-team/ ')).toEqual({
      ok: true,
      address: { database: 'https://couch.example.org/precis-team', server: 'https://couch.example.org/', name: 'precis-team', origin: 'https://couch.example.org' },
    });
  });

  it('keeps a reverse proxy’s path prefix and encodes a name with a slash', () => {
    const r = parseTeamAddress('https://example.org:6984/couch/teams%2Fprecis');
    expect(r).toEqual({
      ok: true,
      address: { database: 'https://example.org:6984/couch/teams%2Fprecis', server: 'https://example.org:6984/couch/', name: 'teams/precis', origin: 'https://example.org:6984' },
    });
  });

  it('takes http only for this computer', () => {
    expect(parseTeamAddress('http://localhost:5984/team').ok).toBe(true);
    expect(parseTeamAddress('http://127.0.0.1:5984/team').ok).toBe(true);
    expect(parseTeamAddress('http://couch.example.org/team')).toEqual({ ok: false, message: expect.stringMatching(/must start with https:\/\//) });
    expect(parseTeamAddress('http://192.168.1.10:5984/team').ok).toBe(false);
  });

  it.each([
    ['', /Enter the team library’s address/],
    ['couch.example.org/team', /not a web address/],
    ['ftp://couch.example.org/team', /https:\/\//],
    ['https://ana:secret@couch.example.org/team', /Leave the user name and password out/],
    ['https://couch.example.org/team?x=1', /leave out/],
    ['https://couch.example.org/', /needs the team database’s name/],
    ['https://couch.example.org/Team', /not a CouchDB database name/],
    ['https://couch.example.org/_users', /not a CouchDB database name/],
  ])('refuses %j in words', (input, message) => {
    const r = parseTeamAddress(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('the status line', () => {
  const none = { records: 0, changes: 0, conflicts: 0, refused: 0 };
  const time = (iso: string) => iso.slice(11, 16);

  it('says when it last synced, and what waits', () => {
    expect(statusLine(null, none, time)).toBe('Not synced yet.');
    expect(statusLine({ lastSyncedAt: '2024-05-01T12:34:00Z', lastError: null }, none, time)).toBe('Synced 12:34.');
    expect(statusLine({ lastSyncedAt: '2024-05-01T12:34:00Z', lastError: null }, { records: 2, changes: 3, conflicts: 0, refused: 0 }, time)).toBe(
      'Synced 12:34. 3 changes to 2 records waiting to upload.',
    );
  });

  it('puts the last error first, offline when the server is unreachable', () => {
    const status = { lastSyncedAt: '2024-05-01T12:34:00Z', lastError: { kind: 'unreachable', message: 'Server unreachable: couch.example.org did not answer in time.' } };
    expect(statusLine(status, { records: 1, changes: 3, conflicts: 0, refused: 0 }, time)).toBe(
      'Server unreachable: couch.example.org did not answer in time. Working offline. 3 changes waiting to upload.',
    );
  });
});

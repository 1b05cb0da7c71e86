import { describe, expect, it } from 'vitest';
import { mergeKeywords, mergeRecords, reconcile, resolveConflicts, sameValue } from '../../../utils/sync/merge';
import { makeRecord, synced } from './records';

const base = synced(
  makeRecord({
    title: 'Water and Power',
    summary: 'The first summary.',
    publisher: 'Harbour Review',
    keywords: ['water', 'energy', 'Nile'],
    authors: [{ name: 'Ana Ruiz' }],
    clippedBy: 'ana',
    updatedAt: '2024-03-01T10:00:00Z',
  }),
);

describe('three-way merge of a record', () => {
  it('merges changes to different fields by themselves', () => {
    const local = { ...base, summary: 'A better summary.', updatedAt: '2024-03-02T09:00:00Z' };
    const remote = { ...base, publisher: 'Harbour Review Press', updatedAt: '2024-03-02T08:00:00Z' };
    const { record, conflicts } = mergeRecords(base, local, remote);
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({ summary: 'A better summary.', publisher: 'Harbour Review Press', updatedAt: '2024-03-02T09:00:00Z' });
  });

  it('takes a value changed the same way on both sides without a conflict', () => {
    const local = { ...base, title: 'Water, Power' };
    const { record, conflicts } = mergeRecords(base, local, { ...local });
    expect(conflicts).toEqual([]);
    expect(record.title).toBe('Water, Power');
  });

  it('makes the same field changed differently a conflict holding both values, keeping the local one for now', () => {
    const local = { ...base, summary: 'Local summary.', authors: [{ name: 'Ana Ruiz', affiliation: 'IHE' }] };
    const remote = { ...base, summary: 'Remote summary.', authors: [{ name: 'A. Ruiz', affiliation: null }] };
    const { record, conflicts } = mergeRecords(base, local, remote);
    expect(conflicts).toEqual([
      { kind: 'field', field: 'authors', base: base.authors, local: local.authors, remote: remote.authors },
      { kind: 'field', field: 'summary', base: 'The first summary.', local: 'Local summary.', remote: 'Remote summary.' },
    ]);
    expect(record.summary).toBe('Local summary.');
  });

  it('merges keywords as a set: additions and removals on both sides', () => {
    // local removes 'energy' and adds 'dams'; remote removes 'Nile' and adds 'Ethiopia' and 'dams'.
    expect(mergeKeywords(base.keywords, ['water', 'Nile', 'dams'], ['water', 'energy', 'Ethiopia', 'Dams'])).toEqual(['water', 'dams', 'Ethiopia']);
    const { record, conflicts } = mergeRecords(base, { ...base, keywords: ['water', 'Nile', 'dams'] }, { ...base, keywords: ['water', 'energy', 'Ethiopia'] });
    expect(conflicts).toEqual([]);
    expect(record.keywords).toEqual(['water', 'dams', 'Ethiopia']);
  });

  it('treats keywords the same up to letter case as one', () => {
    expect(mergeKeywords(['Water'], ['water'], ['WATER', 'rivers'])).toEqual(['water', 'rivers']);
  });

  it('keeps the server’s clippedBy, the earlier createdAt and the later updatedAt, never as conflicts', () => {
    const local = { ...base, clippedBy: 'someone-else', createdAt: '2024-02-01T00:00:00Z', updatedAt: '2024-03-05T00:00:00Z' };
    const remote = { ...base, createdAt: '2024-03-01T10:00:00Z', updatedAt: '2024-03-04T00:00:00Z' };
    const { record, conflicts } = mergeRecords(base, local, remote);
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({ clippedBy: 'ana', createdAt: '2024-02-01T00:00:00Z', updatedAt: '2024-03-05T00:00:00Z' });
  });

  it('without a common base, differing fields are conflicts and keywords a union', () => {
    const local = { ...base, title: 'Mine', keywords: ['a'] };
    const remote = { ...base, title: 'Theirs', keywords: ['b'] };
    const { record, conflicts } = mergeRecords(null, local, remote);
    expect(conflicts.map((c) => c.kind === 'field' && c.field)).toEqual(['title']);
    expect(record.keywords).toEqual(['a', 'b']);
  });

  it('keeps a field in conflict until the user picks, even when the server changes it again', () => {
    const first = mergeRecords(base, { ...base, title: 'Local' }, { ...base, title: 'Remote 1' });
    // The server's version became the base; the server changes the title again.
    const second = mergeRecords({ ...base, title: 'Remote 1' }, first.record, { ...base, title: 'Remote 2' }, first.conflicts);
    expect(second.conflicts).toEqual([{ kind: 'field', field: 'title', base: base.title, local: 'Local', remote: 'Remote 2' }]);
    // …and a later edit of another field on the server does not make the local title win silently.
    const third = mergeRecords({ ...base, title: 'Remote 2' }, second.record, { ...base, title: 'Remote 2', place: 'Cairo' }, second.conflicts);
    expect(third.conflicts.map((c) => c.kind === 'field' && [c.field, c.local, c.remote])).toEqual([['title', 'Local', 'Remote 2']]);
    expect(third.record.place).toBe('Cairo');
  });

  it('drops a conflict once both sides agree', () => {
    const first = mergeRecords(base, { ...base, title: 'Local' }, { ...base, title: 'Remote' });
    const again = mergeRecords({ ...base, title: 'Remote' }, first.record, { ...base, title: 'Local' }, first.conflicts);
    expect(again.conflicts).toEqual([]);
  });
});

describe('deletions against edits', () => {
  const edited = { ...base, summary: 'Edited here.' };

  it('takes the server’s state when nothing waits to upload', () => {
    expect(reconcile(base, base, false, null)).toEqual({ kind: 'remote' });
    expect(reconcile(base, base, false, { ...base, title: 'New' })).toEqual({ kind: 'remote' });
  });

  it('keeps a local edit of a record deleted on the server, marked, for the user to keep or delete', () => {
    expect(reconcile(base, edited, true, null)).toEqual({ kind: 'local', record: edited, conflicts: [{ kind: 'deleted-remotely' }], upload: true });
  });

  it('uploads a local deletion over an unchanged server version', () => {
    expect(reconcile(base, null, true, { ...base, updatedAt: '2030-01-01T00:00:00Z' })).toEqual({ kind: 'local', record: null, conflicts: [], upload: true });
  });

  it('brings back a record deleted here but changed on the server since, marked', () => {
    const remote = { ...base, title: 'Changed there' };
    expect(reconcile(base, null, true, remote)).toEqual({ kind: 'local', record: remote, conflicts: [{ kind: 'deleted-locally' }], upload: false });
  });

  it('is done when both sides deleted it', () => {
    expect(reconcile(base, null, true, null)).toEqual({ kind: 'remote' });
  });

  it('says whether a merge still differs from the server’s version', () => {
    const r = reconcile(base, edited, true, { ...base, place: 'Cairo' });
    expect(r).toMatchObject({ kind: 'local', upload: true, conflicts: [] });
    expect(reconcile(base, edited, true, edited)).toMatchObject({ kind: 'local', upload: false });
  });
});

describe('resolving conflicts', () => {
  const merged = mergeRecords(base, { ...base, title: 'L', summary: 'Ls' }, { ...base, title: 'R', summary: 'Rs' });

  it('applies the picks per field and leaves the rest in conflict', () => {
    const r = resolveConflicts(merged.record, merged.conflicts, { fields: { title: 'remote' } });
    expect(r.record).toMatchObject({ title: 'R', summary: 'Ls' });
    expect(r.conflicts.map((c) => c.kind === 'field' && c.field)).toEqual(['summary']);
    expect(r.store).toBe('edit');
  });

  it('takes the server’s text when picked', () => {
    expect(resolveConflicts(base, [{ kind: 'text', remote: 'their text' }], { text: 'remote' })).toMatchObject({ text: 'their text', conflicts: [] });
    expect(resolveConflicts(base, [{ kind: 'text', remote: 'their text' }], { text: 'local' })).not.toHaveProperty('text');
  });

  it('forgets a record deleted on the server when the user deletes it too, and uploads a repeated local deletion', () => {
    expect(resolveConflicts(base, [{ kind: 'deleted-remotely' }], { deletion: 'delete' })).toEqual({ record: null, conflicts: [], store: 'forget' });
    expect(resolveConflicts(base, [{ kind: 'deleted-locally' }], { deletion: 'delete' })).toEqual({ record: null, conflicts: [], store: 'edit' });
    expect(resolveConflicts(base, [{ kind: 'deleted-remotely' }], { deletion: 'keep' })).toEqual({ record: base, conflicts: [], store: 'edit' });
  });
});

describe('sameValue', () => {
  it('compares JSON values deeply, a missing key equal to undefined', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ a: null }, { a: 0 })).toBe(false);
  });
});

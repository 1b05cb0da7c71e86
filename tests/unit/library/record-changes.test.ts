import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../utils/db/database';
import { applyRecordChanges, unshownChanges } from '../../../utils/library/record-changes';
import { record } from '../import/helpers';

const stored = (patch: Partial<StoredRecord>): StoredRecord => {
  const { text: _text, ...rest } = record(patch);
  return rest;
};
const LATER = '2025-06-01T00:00:00.000Z';
const shownAs = (records: StoredRecord[]) => new Map(records.map((r) => [r.id, r]));

describe('changes found in the database', () => {
  it('are shown when the list lacks the record, shows another version of it, or still shows a deleted one', () => {
    const [kept, edited, gone] = [stored({ id: 'kept' }), stored({ id: 'edited' }), stored({ id: 'gone' })];
    const editedLater = { ...edited, summary: 'Edited in the side panel.', updatedAt: LATER };
    const added = stored({ id: 'added' });
    expect(unshownChanges(shownAs([kept, edited, gone]), { upserted: [editedLater, added, { ...kept }], removed: ['gone'] })).toEqual({
      upserted: [editedLater, added],
      removed: ['gone'],
    });
  });

  it('are none when the page already shows them (its own saves and deletes)', () => {
    const records = [stored({ id: 'a' }), stored({ id: 'b' })];
    expect(unshownChanges(shownAs(records), { upserted: records.map((r) => ({ ...r })), removed: ['never-shown'] })).toEqual({ upserted: [], removed: [] });
  });
});

describe('applying changes to the list', () => {
  it('keeps newest created first and leaves untouched records as they were', () => {
    const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const [c, b, a] = [stored({ id: 'c', createdAt: at(3) }), stored({ id: 'b', createdAt: at(2) }), stored({ id: 'a', createdAt: at(1) })];
    const bEdited = { ...b, title: 'Edited', updatedAt: LATER };
    const d = stored({ id: 'd', createdAt: at(4) });
    const after = applyRecordChanges([c, b, a], { upserted: [bEdited, d], removed: ['a'] });
    expect(after).toEqual([d, c, bEdited]);
    expect(after[1]).toBe(c);
  });
});

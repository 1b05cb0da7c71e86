import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../utils/db/database';
import { OutsideChanges, recordChanges, touchesRecords } from '../../../utils/library/record-changes';
import { record } from '../import/helpers';

const stored = (patch: Partial<StoredRecord>): StoredRecord => {
  const { text: _text, ...rest } = record(patch);
  return rest;
};

describe('changes made by another page', () => {
  it('are the records added or saved again since, and those deleted', () => {
    const kept = stored({ id: 'kept' });
    const edited = stored({ id: 'edited' });
    const gone = stored({ id: 'gone' });
    const shown = new Map([kept, edited, gone].map((r) => [r.id, r]));
    const editedLater = { ...edited, summary: 'Edited in the side panel.', updatedAt: '2025-06-01T00:00:00.000Z' };
    const added = stored({ id: 'added' });
    expect(recordChanges(shown, [kept, editedLater, added])).toEqual({ upserted: [editedLater, added], removed: ['gone'] });
  });

  it('are none when the page already shows what is stored (its own saves)', () => {
    const records = [stored({ id: 'a' }), stored({ id: 'b' })];
    expect(recordChanges(new Map(records.map((r) => [r.id, r])), records.map((r) => ({ ...r })))).toEqual({ upserted: [], removed: [] });
  });

  it('concern the library only when the records table of its database changed', () => {
    expect(touchesRecords({ 'idb://precis/recordBuckets/': {}, 'idb://precis/recordBuckets/ids': {} }, 'precis')).toBe(true);
    expect(touchesRecords({ 'idb://precis/textBuckets/': {} }, 'precis')).toBe(false);
    expect(touchesRecords({ 'idb://other/recordBuckets/': {} }, 'precis')).toBe(false);
    expect(touchesRecords({ all: {} }, 'precis')).toBe(true); // a page restored from the back-forward cache
  });
});

describe('whether the list has followed every outside change', () => {
  it('is current until another page changes something, and again once a follow has shown it', () => {
    const outside = new OutsideChanges();
    expect(outside.allFollowed()).toBe(true);
    outside.noted();
    expect(outside.allFollowed()).toBe(false);
    const done = outside.following();
    expect(outside.allFollowed()).toBe(false); // still reading
    done();
    expect(outside.allFollowed()).toBe(true);
  });

  it('does not count a change that arrived while a follow was reading as followed by it', () => {
    const outside = new OutsideChanges();
    outside.noted();
    const first = outside.following();
    outside.noted();
    first();
    expect(outside.allFollowed()).toBe(false);
    const second = outside.following();
    second();
    expect(outside.allFollowed()).toBe(true);
  });

  it('is not made current by an older follow that finishes last', () => {
    const outside = new OutsideChanges();
    outside.noted();
    const older = outside.following();
    outside.noted();
    const newer = outside.following();
    newer();
    older();
    expect(outside.allFollowed()).toBe(true);
    outside.noted();
    older();
    expect(outside.allFollowed()).toBe(false);
  });
});

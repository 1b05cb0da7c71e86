import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError, storageErrorKind } from '../../utils/db/storage-errors';

const domError = (name: string, message = '', code?: number) => Object.assign(new Error(message), { name, ...(code != null ? { code } : {}) });

describe('storage errors', () => {
  it.each([
    ['Chrome IndexedDB', domError('QuotaExceededError', 'The quota has been exceeded.', 22)],
    ['Firefox IndexedDB', domError('NS_ERROR_DOM_QUOTA_REACHED', 'Persistent storage maximum size reached', 1014)],
    ['Chrome extension storage', new Error('QUOTA_BYTES quota exceeded')],
    ['Dexie', new Dexie.QuotaExceededError('Quota exceeded')],
    ['a transaction aborted by a full disk', new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError'))],
    ['a bulk write', new Dexie.BulkError('1 of 2 operations failed', [domError('QuotaExceededError')])],
  ])('knows a full storage from %s', (_, error) => expect(storageErrorKind(error)).toBe('quota'));

  it('tells the user the storage is full and that the draft is kept', () => {
    const { kind, message } = describeStorageError(new Dexie.QuotaExceededError('Quota exceeded'));
    expect(kind).toBe('quota');
    expect(message).toMatch(/storage is full/);
    expect(message).toMatch(/draft is kept/);
  });

  it('knows storage the browser will not open, and a database from a newer version', () => {
    expect(storageErrorKind(new Dexie.MissingAPIError('IndexedDB API missing'))).toBe('unavailable');
    expect(storageErrorKind(new Dexie.OpenFailedError(domError('InvalidStateError', 'A mutation operation was attempted')))).toBe('unavailable');
    expect(storageErrorKind(new Dexie.VersionError('The requested version (20) is less than the existing version (30).'))).toBe('newer-version');
    expect(describeStorageError(new Dexie.VersionError('x')).message).toMatch(/newer version of Précis/);
  });

  it('passes any other failure on in its own words, still keeping the draft', () => {
    expect(describeStorageError(new Dexie.ConstraintError('Key already exists in the object store.'))).toEqual({
      kind: 'other',
      message: 'Not saved: Key already exists in the object store.. Your draft is kept.',
    });
    expect(describeStorageError('plain string').message).toBe('Not saved: plain string. Your draft is kept.');
  });

  it('recognises the quota error a real write into a full database raises', async () => {
    // fake-indexeddb has no quota: the error is raised the way the browser raises it, from inside a transaction.
    const db = new Dexie(`quota-${crypto.randomUUID()}`);
    db.version(1).stores({ items: 'id' });
    db.table('items').hook('creating', () => {
      throw domError('QuotaExceededError', 'The quota has been exceeded.');
    });
    const failure = await db.table('items').add({ id: 1 }).catch((e: unknown) => e);
    expect(storageErrorKind(failure)).toBe('quota');
    db.close();
  });
});

// The library's index lives in a worker; the page talks to it in messages. These tests run the worker's
// handler directly, and the page's client where no worker can start (as in Node), which indexes in the page.
import { describe, expect, it, vi } from 'vitest';
import { RecordIndex } from '../../../utils/search/record-index';
import { handleSearchRequest, searchable } from '../../../utils/search/search-worker-protocol';
import { SearchClient } from '../../../entrypoints/library/search-client';
import { generals, harbour, rec } from './fixtures';

describe('the search worker’s handler', () => {
  it('indexes, searches, applies edits and deletions in the order they come', async () => {
    const index = new RecordIndex();
    expect(await handleSearchRequest(index, { type: 'add', seq: 1, records: [harbour, generals] })).toEqual({ type: 'added', seq: 1 });
    expect(await handleSearchRequest(index, { type: 'search', seq: 2, query: 'lindqvist' })).toEqual({ type: 'results', seq: 2, ids: ['harbour'] });
    expect(await handleSearchRequest(index, { type: 'upsert', records: [{ ...harbour, title: 'Electrified quays' }] })).toBeNull();
    expect(await handleSearchRequest(index, { type: 'remove', ids: ['generals'] })).toBeNull();
    expect(await handleSearchRequest(index, { type: 'search', seq: 3, query: 'electrified' })).toEqual({ type: 'results', seq: 3, ids: ['harbour'] });
    expect(await handleSearchRequest(index, { type: 'search', seq: 4, query: 'pakistan' })).toEqual({ type: 'results', seq: 4, ids: [] });
  });

  it('sends only the searched fields across', () => {
    expect(Object.keys(searchable(harbour)).sort()).toEqual(['authors', 'id', 'keywords', 'publisher', 'section', 'summary', 'title']);
  });
});

describe('the page’s search client without a worker', () => {
  it('indexes in the page and answers the same', async () => {
    const client = new SearchClient();
    await client.addMany([harbour, generals]);
    expect(client.has('harbour')).toBe(true);
    expect(await client.search('foreign policy')).toEqual(['generals']);
    client.upsert(rec('new', { title: 'Fresh clipping' }));
    client.remove('harbour');
    expect(client.has('harbour')).toBe(false);
    expect(await client.search('fresh')).toEqual(['new']);
    expect(await client.search('lindqvist')).toEqual([]);
  });

  it('keeps a record edited during a bulk load rather than the load’s older copy', async () => {
    const client = new SearchClient();
    client.upsert({ ...harbour, title: 'Edited heading' });
    await client.addMany([harbour, generals], { replace: false });
    expect(await client.search('edited')).toEqual(['harbour']);
    expect(await client.search('plugging')).toEqual([]);
  });

  it('goes on answering after a request fails', async () => {
    const client = new SearchClient();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    client.upsert({ id: 'broken' } as unknown as typeof harbour);
    await client.addMany([harbour]);
    expect(await client.search('lindqvist')).toEqual(['harbour']);
    quiet.mockRestore();
  });
});

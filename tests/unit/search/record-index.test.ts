import { describe, expect, it } from 'vitest';
import { RecordIndex, searchWords } from '../../../utils/search/record-index';
import { foldTerm } from '../../../utils/search/normalize';
import type { StoredRecord } from '../../../utils/db/database';
import { generals, harbour, rec } from './fixtures';

function indexOf(...records: StoredRecord[]): RecordIndex {
  const index = new RecordIndex();
  for (const r of records) index.upsert(r);
  return index;
}

describe('folding words for search', () => {
  it('drops case, accents and strokes', () => {
    expect(foldTerm('Gdańsk')).toBe('gdansk');
    expect(foldTerm('ŁÓDŹ')).toBe('lodz');
    expect(foldTerm('Ørsted')).toBe('orsted');
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('Ελλάδα')).toBe('ελλαδα');
  });
});

describe('searching records', () => {
  it('finds a record by any of the searched fields', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('lindqvist')).toEqual(['harbour']);
    expect(index.search('Foreign Policy')).toEqual(['generals']);
    expect(index.search('shore power')).toEqual(['harbour']);
    expect(index.search('civilian')).toEqual(['generals']);
    expect(index.search('southeast')).toEqual(['generals']);
    expect(index.search('quay')).toEqual(['harbour']);
  });

  it('ignores accents and case on both sides', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('GDANSK')).toEqual(['harbour']);
    expect(index.search('gdańsk')).toEqual(['harbour']);
  });

  it('matches words as they are being typed, and tolerates a typo in longer words', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('lindq')).toEqual(['harbour']);
    expect(index.search('pakist')).toEqual(['generals']);
    expect(index.search('weinstien')).toEqual(['generals']);
  });

  it('requires every word to match', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('lindqvist harbour')).toEqual(['harbour']);
    expect(index.search('lindqvist pakistan')).toEqual([]);
    expect(index.search('zyxwvut')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('matches one- and two-letter words whole, and leaves out a short last word still being typed', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('us')).toEqual(['generals']);
    expect(index.search('pa')).toEqual([]);
    expect(searchWords('  policy e ')).toBe('policy');
    expect(searchWords('trade us')).toBe('trade');
    expect(searchWords('us')).toBe('us');
    expect(index.search('lindqvist ha')).toEqual(['harbour']);
  });

  it('leaves common function words out, so they neither match everything nor block a search', () => {
    const index = indexOf(harbour, generals);
    expect(index.search('the quay')).toEqual(['harbour']);
    expect(index.search('in')).toEqual([]);
    expect(index.search('out of pakistan')).toEqual(['generals']);
  });

  it('ranks a title match above a summary match', () => {
    const inTitle = rec('title', { title: 'Shipping emissions', summary: 'About ports.' });
    const inSummary = rec('summary', { title: 'Ports report', summary: 'Mentions shipping once among many other words here.' });
    expect(indexOf(inSummary, inTitle).search('shipping')).toEqual(['title', 'summary']);
  });

  it('stays current when a record is edited or deleted, without rebuilding', () => {
    const index = indexOf(harbour, generals);
    index.upsert({ ...harbour, keywords: ['Electrification'] });
    expect(index.search('electrification')).toEqual(['harbour']);
    expect(index.search('shore')).toEqual([]);
    index.remove('generals');
    expect(index.search('pakistan')).toEqual([]);
    expect(index.size).toBe(1);
    index.remove('never-added');
    expect(index.size).toBe(1);
  });

  it('adds many records in chunks', async () => {
    const index = new RecordIndex();
    const many = Array.from({ length: 25 }, (_, i) => rec(`r${i}`, { title: `Report number${i}` }));
    let pauses = 0;
    await index.addMany(many, {
      chunkSize: 10,
      pause: async () => {
        pauses++;
      },
    });
    expect(index.size).toBe(25);
    expect(pauses).toBe(2);
    expect(index.search('number17')[0]).toBe('r17');
  });

  it('keeps a record edited during a bulk load rather than the load\'s older copy', async () => {
    const index = new RecordIndex();
    const original = rec('r1', { title: 'Original title' });
    index.upsert({ ...original, title: 'Edited heading' });
    await index.addMany([original, rec('r2', { title: 'Other' })], { replace: false });
    expect(index.search('edited')).toEqual(['r1']);
    expect(index.search('original')).toEqual([]);
    expect(index.size).toBe(2);
  });
});

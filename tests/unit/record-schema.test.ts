import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEnvelope, validateRecord } from '../../utils/record/schema';

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-record.json', import.meta.url), 'utf8'));
const seedRecord = seed.records[0];

describe('record schema', () => {
  it('accepts the published seed record and its export envelope', () => {
    expect(validateEnvelope(seed).ok).toBe(true);
    const r = validateRecord(seedRecord);
    expect(r.ok && r.value.authors[0]).toEqual({ name: 'Adam Weinstein', affiliation: 'Quincy Institute' });
  });

  it('fills defaults for optional fields a minimal record leaves out', () => {
    const r = validateRecord({ id: 'a', title: 'T', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ authors: [], keywords: [], summary: '', url: null, publishedDate: null, wordCount: null });
  });

  it('rejects a record without a title, naming the field', () => {
    const r = validateRecord({ ...seedRecord, title: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toMatch(/^title: /);
  });

  it.each([
    ['a date that is not ISO 8601', { publishedDate: '30/09/2021' }, 'publishedDate'],
    ['a negative word count', { wordCount: -3 }, 'wordCount'],
    ['a fractional word count', { wordCount: 2.5 }, 'wordCount'],
    ['an author without a name', { authors: [{ name: '', affiliation: null }] }, 'authors.0.name'],
    ['keywords that are not strings', { keywords: [1, 2] }, 'keywords.0'],
    ['a megabyte-long title', { title: 'x'.repeat(1_000_000) }, 'title'],
    ['a creation time that is not a timestamp', { createdAt: 'yesterday' }, 'createdAt'],
  ])('rejects %s', (_name, patch, path) => {
    const r = validateRecord({ ...seedRecord, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith(`${path}:`))).toBe(true);
  });

  it('explains a rejection in words, not a bare "Invalid input"', () => {
    const r = validateRecord({ ...seedRecord, title: 'x'.repeat(3_000), keywords: [7] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('title: longer than 2,000 characters');
      expect(r.errors).toContain('keywords.0: expected a string, found a number');
    }
  });

  it('accepts a date with a time and offset', () => {
    expect(validateRecord({ ...seedRecord, publishedDate: '2021-09-30T08:15:00+02:00' }).ok).toBe(true);
  });

  it('rejects an envelope of another format or version', () => {
    expect(validateEnvelope({ ...seed, format: 'zotero' }).ok).toBe(false);
    expect(validateEnvelope({ ...seed, version: 2 }).ok).toBe(false);
    expect(validateEnvelope({ ...seed, records: [{ ...seedRecord, id: undefined }] }).ok).toBe(false);
  });
});

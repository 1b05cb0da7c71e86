import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../utils/extract/draft';
import { emptyFormValues, fillUntouched, formValuesFromDraft, formValuesFromRecord, recordFromFormValues } from '../../utils/record/form-values';

const extras = { id: 'r1', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };

describe('form values', () => {
  it('fills the form from a draft and the remembered summarizer', () => {
    const draft = {
      ...emptyDraft('https://example.org/x'),
      title: 'T',
      authors: [{ name: 'A One', affiliation: 'Inst' }, { name: 'B Two', affiliation: 'Inst' }],
      publishedDate: '2021-09-30T10:00:00Z',
      wordCount: 1700,
    };
    const v = formValuesFromDraft(draft, { name: 'Riyaz', role: 'Associate' });
    expect(v).toMatchObject({ authors: 'A One; B Two', affiliation: 'Inst', publishedDate: '2021-09-30', wordCount: '1700', summarizerName: 'Riyaz' });
  });

  it('builds a record, matching several affiliations to authors by position', () => {
    const r = recordFromFormValues(
      { ...emptyFormValues(), title: ' T ', authors: 'A One; B Two', affiliation: 'X; Y', wordCount: '12', url: 'https://e.org/p?utm_source=x#top' },
      extras,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.authors).toEqual([{ name: 'A One', affiliation: 'X' }, { name: 'B Two', affiliation: 'Y' }]);
      expect(r.value).toMatchObject({ title: 'T', wordCount: 12, url: 'https://e.org/p', summarizedBy: null, publisher: null });
    }
  });

  it('gives one affiliation to every author', () => {
    const r = recordFromFormValues({ ...emptyFormValues(), title: 'T', authors: 'A; B', affiliation: 'Inst' }, extras);
    expect(r.ok && r.value.authors.map((a) => a.affiliation)).toEqual(['Inst', 'Inst']);
  });

  it('names the field in the user’s terms when the form is invalid', () => {
    const r = recordFromFormValues({ ...emptyFormValues(), title: '', wordCount: '-4' }, extras);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('Title:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('Word Count:'))).toBe(true);
    }
  });
});

describe('editing a saved record', () => {
  it('shows a record in the form and builds the same record back', () => {
    const built = recordFromFormValues(
      { ...emptyFormValues(), title: 'T', authors: 'A One; B Two', affiliation: 'X; Y', publishedDate: '2021-09-30', keywords: ['k'], summarizerName: 'S', summarizerRole: 'R' },
      extras,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const again = recordFromFormValues(formValuesFromRecord(built.value), extras);
    expect(again.ok && again.value).toEqual(built.value);
  });
});

describe('a form filled in two steps (a PDF: its first and last pages, then the rest)', () => {
  it('takes what the rest of the document gives only in the fields the user has not changed', () => {
    const before = { ...emptyFormValues(), title: 'Shore Power', wordCount: '', summary: '', keywords: ['Ports'] };
    const after = { ...before, wordCount: '5200', summary: 'The report’s own summary.', keywords: ['Ports', 'Grid'], language: 'en' };
    const typed = { ...before, title: 'Shore Power at Small Harbours', summary: 'My summary.' };
    expect(fillUntouched(typed, before, after)).toEqual({ ...after, title: 'Shore Power at Small Harbours', summary: 'My summary.' });
    // Nothing changed by the user: the whole document's values.
    expect(fillUntouched(before, before, after)).toEqual(after);
  });
});

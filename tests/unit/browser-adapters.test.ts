import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isRestrictedUrl } from '../../utils/browser/extract-tab';
import { loadLiteratureTypes, loadSummarizer, saveLiteratureTypes, saveSummarizer } from '../../utils/browser/settings';
import { clearUnsavedEdits, loadUnsavedEdits, storeUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { emptyFormValues } from '../../utils/record/form-values';
import { DEFAULT_LITERATURE_TYPES, parseVocabulary } from '../../utils/record/vocabulary';

beforeEach(() => fakeBrowser.reset());

describe('restricted pages', () => {
  it.each(['chrome://extensions/', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-US/firefox/', 'view-source:https://a.b/', 'edge://settings'])(
    'knows %s cannot be read',
    (url) => expect(isRestrictedUrl(url)).toBe(true),
  );
  it.each(['https://example.org/article', 'http://127.0.0.1:8080/a', null])('tries to read %s', (url) => expect(isRestrictedUrl(url)).toBe(false));
});

describe('settings', () => {
  it('remembers the summarizer for the next record', async () => {
    expect(await loadSummarizer()).toBeNull();
    await saveSummarizer({ name: 'Riyaz ul Khaliq', role: 'Research Associate' });
    expect(await loadSummarizer()).toEqual({ name: 'Riyaz ul Khaliq', role: 'Research Associate' });
  });

  it('offers the default Type of Literature vocabulary until the user edits it', async () => {
    expect(await loadLiteratureTypes()).toEqual([...DEFAULT_LITERATURE_TYPES]);
  });
});

describe('unsaved edits', () => {
  it('keeps typed work per page until it is saved', async () => {
    const values = { ...emptyFormValues(), summary: 'half-written' };
    await storeUnsavedEdits('https://a.example/1', values);
    expect(await loadUnsavedEdits('https://a.example/1')).toEqual(values);
    expect(await loadUnsavedEdits('https://a.example/2')).toBeNull();
    await clearUnsavedEdits('https://a.example/1');
    expect(await loadUnsavedEdits('https://a.example/1')).toBeNull();
  });

  it('keeps only the twenty most recent pages', async () => {
    for (let i = 0; i < 25; i++) await storeUnsavedEdits(`https://a.example/${i}`, emptyFormValues());
    expect(await loadUnsavedEdits('https://a.example/0')).toBeNull();
    expect(await loadUnsavedEdits('https://a.example/24')).not.toBeNull();
  });
});

describe('Type of Literature vocabulary', () => {
  it('keeps the user’s edited list', async () => {
    await saveLiteratureTypes(['Analysis', 'Working Paper']);
    expect(await loadLiteratureTypes()).toEqual(['Analysis', 'Working Paper']);
  });

  it('reads an edited list one entry a line, dropping blanks and duplicates', () => {
    expect(parseVocabulary(' Analysis \n\nanalysis\nWorking Paper\r\n')).toEqual(['Analysis', 'Working Paper']);
  });
});

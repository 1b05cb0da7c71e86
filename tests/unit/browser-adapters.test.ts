import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isRestrictedUrl } from '../../utils/browser/extract-tab';
import {
  loadLiteratureTypes,
  loadOpenInSidePanel,
  loadSummarizer,
  saveLiteratureTypes,
  saveOpenInSidePanel,
  saveSummarizer,
} from '../../utils/browser/settings';
import { clearUnsavedEdits, listUnsavedEdits, loadUnsavedEdits, restoreUnsavedEdits, storeUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { DraftStorageFullError, addSelection, onSelectionsAdded, pendingSelections, removeSelections } from '../../utils/browser/selections';
import { formatBytes } from '../../utils/browser/storage-usage';
import { emptyFormValues } from '../../utils/record/form-values';
import { DEFAULT_LITERATURE_TYPES, parseVocabulary } from '../../utils/record/vocabulary';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

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

  it('opens the popup, not the side panel, until the user chooses the side panel', async () => {
    expect(await loadOpenInSidePanel()).toBe(false);
    await saveOpenInSidePanel(true);
    expect(await loadOpenInSidePanel()).toBe(true);
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
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 25; i++) {
        vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 10, i)));
        await storeUnsavedEdits(`https://a.example/${i}`, emptyFormValues());
      }
    } finally {
      vi.useRealTimers();
    }
    expect((await listUnsavedEdits()).map((d) => d.key)).toEqual(Array.from({ length: 20 }, (_, i) => `https://a.example/${24 - i}`));
  });

  it('never drops the draft just written, even when all were written within one millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      for (let i = 0; i < 25; i++) await storeUnsavedEdits(`https://a.example/${i}`, emptyFormValues());
    } finally {
      vi.useRealTimers();
    }
    expect(await loadUnsavedEdits('https://a.example/24')).not.toBeNull();
    expect((await listUnsavedEdits()).length).toBe(20);
  });
});

describe('drafts', () => {
  const page = 'https://a.example/article';
  const quotaError = () => Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'Error' });

  it('lists every draft newest first, with when it was last kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      await storeUnsavedEdits('https://a.example/old', { ...emptyFormValues(), title: 'Old' });
      vi.setSystemTime(new Date('2026-01-02T10:00:00Z'));
      await storeUnsavedEdits('https://a.example/new', { ...emptyFormValues(), title: 'New' });
    } finally {
      vi.useRealTimers();
    }
    const drafts = await listUnsavedEdits();
    expect(drafts.map((d) => [d.key, d.values.title, d.savedAt])).toEqual([
      ['https://a.example/new', 'New', '2026-01-02T10:00:00.000Z'],
      ['https://a.example/old', 'Old', '2026-01-01T10:00:00.000Z'],
    ]);
  });

  it('keeps drafts written by the earlier single-object layout', async () => {
    const values = { ...emptyFormValues(), summary: 'typed before the update' };
    await fakeBrowser.storage.local.set({ unsavedEdits: { [page]: { values, at: '2025-12-01T00:00:00.000Z' } } });
    expect(await loadUnsavedEdits(page)).toEqual(values);
    expect((await listUnsavedEdits()).map((d) => d.key)).toEqual([page]);
    expect(await fakeBrowser.storage.local.get('unsavedEdits')).toEqual({});
  });

  it('keeps a selection for the page, shown below what the page gives when the popup opens', async () => {
    await addSelection(page, { kind: 'summary', text: '  Shore power\n cuts   emissions. ', pageTitle: 'Harbours', pageUrl: page });
    expect((await pendingSelections([page])).map((s) => [s.pageKey, s.paragraph, s.pageTitle])).toEqual([[page, 'Shore power cuts emissions.', 'Harbours']]);
    // When the popup opens, the page's own values fill the rest of the form.
    const fromPage = { ...emptyFormValues(), title: 'Plugging In at the Quay', url: page, authors: 'Marta Lindqvist' };
    const restored = await restoreUnsavedEdits([page], fromPage);
    expect(restored?.values).toEqual({ ...fromPage, summary: 'Shore power cuts emissions.' });
    expect(restored?.selections.map((s) => s.paragraph)).toEqual(['Shore power cuts emissions.']);
  });

  it('keeps both of two selections added at once (each is its own item, nothing read back first)', async () => {
    await Promise.all([
      addSelection(page, { kind: 'summary', text: 'First point.', pageUrl: page }),
      addSelection(page, { kind: 'summary', text: 'Second point.', pageUrl: page }),
    ]);
    expect((await restoreUnsavedEdits([page], emptyFormValues()))?.values.summary.split('\n\n').sort()).toEqual(['First point.', 'Second point.']);
  });

  it('adds a quote as its own paragraph below the popup’s draft, in quotation marks with its source', async () => {
    await storeUnsavedEdits(page, { ...emptyFormValues(), title: 'Typed title', summary: 'My first paragraph.' });
    await addSelection(page, { kind: 'quote', text: 'Ports are the new grid.', pageTitle: 'Harbours', pageUrl: page });
    // A draft the popup kept stays whole: every field is the user's.
    expect((await restoreUnsavedEdits([page], emptyFormValues()))?.values).toEqual({
      ...emptyFormValues(),
      title: 'Typed title',
      summary: `My first paragraph.\n\n“Ports are the new grid.” (Harbours, ${page})`,
    });
  });

  it('appends a selection to the saved record’s summary instead of replacing it', async () => {
    await addSelection(page, { kind: 'summary', text: 'A new point.', pageTitle: 'Harbours', pageUrl: page });
    const saved = { ...emptyFormValues(), title: 'Harbours', url: page, summary: 'The summary saved last week.' };
    expect((await restoreUnsavedEdits([page], saved))?.values.summary).toBe('The summary saved last week.\n\nA new point.');
  });

  it('does not add a selection twice once the draft holds it', async () => {
    await addSelection(page, { kind: 'summary', text: 'Kept once.', pageUrl: page });
    await storeUnsavedEdits(page, { ...emptyFormValues(), summary: 'Mine.\n\nKept once.' });
    expect((await restoreUnsavedEdits([page], emptyFormValues()))?.values.summary).toBe('Mine.\n\nKept once.');
  });

  it('still reads a draft the context menu started before selections had items of their own', async () => {
    const values = { ...emptyFormValues(), title: 'Harbours', url: page, summary: 'Selected long ago.' };
    await fakeBrowser.storage.local.set({ [`unsavedEdits:${page}`]: { values, at: '2025-12-01T00:00:00.000Z', fields: ['summary'] } });
    const fromPage = { ...emptyFormValues(), title: 'Plugging In at the Quay', url: page };
    expect((await restoreUnsavedEdits([page], fromPage))?.values).toEqual({ ...fromPage, summary: 'Selected long ago.' });
  });

  it('keeps a selection filed under the tab’s address when the popup kept a draft under the canonical one', async () => {
    await storeUnsavedEdits('https://a.example/canonical', { ...emptyFormValues(), summary: 'Typed in the popup.' });
    await addSelection('https://a.example/tab-url', { kind: 'quote', text: 'Quoted.', pageTitle: null, pageUrl: null });
    const restored = await restoreUnsavedEdits(['https://a.example/canonical', 'https://a.example/tab-url'], emptyFormValues());
    expect(restored?.values.summary).toBe('Typed in the popup.\n\n“Quoted.”');
  });

  it('finds a draft under any of the page’s addresses, first match winning', async () => {
    await storeUnsavedEdits('https://a.example/tab-url', { ...emptyFormValues(), summary: 'from the tab address' });
    expect((await restoreUnsavedEdits([null, 'https://a.example/canonical', 'https://a.example/tab-url'], emptyFormValues()))?.values.summary).toBe(
      'from the tab address',
    );
    expect(await restoreUnsavedEdits(['https://a.example/none'], emptyFormValues())).toBeNull();
  });

  it('lists a page with only selections as a draft, and Discard there forgets its selections too', async () => {
    await addSelection(page, { kind: 'summary', text: 'Only a selection.', pageTitle: 'Harbours', pageUrl: page });
    const [listed] = await listUnsavedEdits();
    expect(listed).toMatchObject({ key: page, values: { title: 'Harbours', url: page, summary: 'Only a selection.' } });
    await clearUnsavedEdits(page);
    expect(await listUnsavedEdits()).toEqual([]);
    expect(await pendingSelections([page])).toEqual([]);
  });

  it('tells an open popup or side panel of each selection added for its page, and of no other', async () => {
    const seen: string[][] = [];
    const stop = onSelectionsAdded([page], (added) => seen.push(added.map((s) => s.paragraph)));
    await addSelection(page, { kind: 'summary', text: 'Added from the menu.' });
    await addSelection('https://a.example/other', { kind: 'summary', text: 'Another page.' });
    await removeSelections(await pendingSelections([page]));
    stop();
    await addSelection(page, { kind: 'summary', text: 'Not seen.' });
    expect(seen).toEqual([['Added from the menu.']]);
  });

  it('drops older drafts to make room when storage is full', async () => {
    for (let i = 0; i < 10; i++) await storeUnsavedEdits(`https://a.example/${i}`, emptyFormValues());
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(quotaError()).mockImplementation(realSet);
    await storeUnsavedEdits(page, { ...emptyFormValues(), summary: 'kept' });
    expect((await loadUnsavedEdits(page))?.summary).toBe('kept');
    expect((await listUnsavedEdits()).length).toBeLessThanOrEqual(6);
  });

  it('says clearly when even a pruned storage cannot keep the draft', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quotaError());
    await expect(storeUnsavedEdits(page, emptyFormValues())).rejects.toBeInstanceOf(DraftStorageFullError);
    await expect(addSelection(page, { kind: 'summary', text: 'x' })).rejects.toThrow(/storage is full/);
  });
});

describe('storage sizes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1_234_567, '1.2 MB'],
    [52_000_000_000, '52 GB'],
  ])('shows %i as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
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

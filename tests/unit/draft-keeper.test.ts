// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDraftKeeper, loadUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { emptyFormValues } from '../../utils/record/form-values';

const page = 'https://a.example/article';
const typed = (summary: string) => ({ ...emptyFormValues(), summary });

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
// Each test alone: spies (one makes every write fail) and the page's hidden state must not reach the next test,
// whatever order the tests run in.
afterEach(() => {
  vi.restoreAllMocks();
  delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
  vi.useRealTimers();
});

describe('draft keeper', () => {
  it('stores the last values once typing pauses, not every keystroke', async () => {
    const keeper = createDraftKeeper(250);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    keeper.schedule(page, typed('Hal'));
    keeper.schedule(page, typed('Half'));
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(set).toHaveBeenCalledTimes(1);
    expect((await loadUnsavedEdits(page))?.summary).toBe('Half');
    keeper.dispose();
  });

  it('writes the pending draft at once when the page is hidden or closed', async () => {
    const keeper = createDraftKeeper(250);
    keeper.schedule(page, typed('mid-wo'));
    dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect((await loadUnsavedEdits(page))?.summary).toBe('mid-wo');

    keeper.schedule(page, typed('mid-word'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect((await loadUnsavedEdits(page))?.summary).toBe('mid-word');
    keeper.dispose();
  });

  it('forgets a scheduled draft after saving, and stops listening once disposed', async () => {
    const keeper = createDraftKeeper(250);
    keeper.schedule(page, typed('saved meanwhile'));
    keeper.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(await loadUnsavedEdits(page)).toBeNull();
    keeper.dispose();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    dispatchEvent(new Event('pagehide'));
    expect(set).not.toHaveBeenCalled();
  });

  it('reports a failed write instead of dropping it silently', async () => {
    const errors: unknown[] = [];
    const keeper = createDraftKeeper(250, (e) => errors.push(e));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    keeper.schedule(page, typed('x'));
    await vi.advanceTimersByTimeAsync(250);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/storage is full/);
    keeper.dispose();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLastExport, storeLastExport } from '../../utils/browser/backup';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the time of the last export', () => {
  it('is none until an export is noted, then the noted time', async () => {
    expect(await loadLastExport()).toBeNull();
    await storeLastExport(new Date('2026-11-28T10:00:00.000Z'));
    expect(await loadLastExport()).toEqual(new Date('2026-11-28T10:00:00.000Z'));
  });

  it('does not fail an export whose download has started when storage refuses the time', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(storeLastExport(new Date())).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(await loadLastExport()).toBeNull();
  });
});

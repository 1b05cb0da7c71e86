// The popup's request to the background for a team sync pass, apart from the sync code so that the popup
// does not load the engine for it.
import { browser } from 'wxt/browser';

const SYNC_REQUEST = 'precis:team-sync';

/** Asks the background to sync now (after a save in the popup, which may close before a pass ends). */
export function requestBackgroundSync(): void {
  browser.runtime.sendMessage({ type: SYNC_REQUEST }).catch(() => {});
}

export const isSyncRequest = (message: unknown) => (message as { type?: unknown } | null)?.type === SYNC_REQUEST;

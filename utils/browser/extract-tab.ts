import { browser } from 'wxt/browser';
import type { ExtractionResult } from '../extract/result';
import { t } from '../i18n/messages';

/**
 * The tab the popup works on: `?tabId=N` when given (tests open the popup as a page, where the active tab
 * is the popup itself), otherwise the active tab of the current window.
 */
export async function findTargetTab(search: string): Promise<{ id: number; url: string | null } | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) {
    try {
      const tab = await browser.tabs.get(Number(param));
      return { id: Number(param), url: tab.url ?? null };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id != null ? { id: tab.id, url: tab.url ?? null } : null;
}

// Pages no extension may script, whatever its permissions.
const RESTRICTED_URL =
  /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|javascript):|^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)\b/i;

export function isRestrictedUrl(url: string | null): boolean {
  return !!url && RESTRICTED_URL.test(url);
}

/** Run the extractor (`/extract.js`) in the tab and return its result; failures come back as values. */
export async function extractFromTab(tab: { id: number; url: string | null }): Promise<ExtractionResult> {
  if (isRestrictedUrl(tab.url)) {
    return { ok: false, reason: 'restricted', message: t('readRestrictedKind') };
  }
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/extract.js'] });
    const result = injection?.result as ExtractionResult | undefined;
    if (!result || typeof result !== 'object' || !('ok' in result)) {
      return { ok: false, reason: 'failed', message: t('readNothingReturned') };
    }
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/file:|local file/i.test(message) || tab.url?.startsWith('file:')) {
      return {
        ok: false,
        reason: 'no-access',
        message: t('readNeedsFileAccess'),
      };
    }
    if (/cannot (?:access|be scripted)|permission|gallery|not allowed/i.test(message)) {
      return { ok: false, reason: 'restricted', message: t('readRestricted') };
    }
    return { ok: false, reason: 'failed', message };
  }
}

import { t } from '../i18n/messages';

export type StorageErrorKind = 'quota' | 'unavailable' | 'newer-version' | 'other';

export interface StorageProblem {
  kind: StorageErrorKind;
  /** What to tell the user; always says that the draft is kept, since the form still holds it. */
  message: string;
}

// Dexie wraps the browser's error (`inner`), a failed transaction reports AbortError with the cause
// underneath and a bulk write lists its causes in `failures`, so the whole chain is read. Names and messages differ by browser: Chrome says
// QuotaExceededError, Firefox NS_ERROR_DOM_QUOTA_REACHED (code 1014), extension storage "QUOTA_BYTES".
const QUOTA = /QuotaExceeded|QUOTA_BYTES|quota.*(?:exceeded|reached)|NS_ERROR_DOM_QUOTA_REACHED|disk is full|no space left/i;
// Private windows (old Firefox), blocked site data, or a profile the browser cannot open.
const UNAVAILABLE = /^(?:MissingAPIError|InvalidStateError|UnknownError|DatabaseClosedError|OpenFailedError|SecurityError)$/;
const UNAVAILABLE_MESSAGE = /indexedDB.*(?:not available|missing|undefined)|A mutation operation was attempted on a database that did not allow mutations/i;

function chain(error: unknown): Array<{ name: string; message: string; code?: unknown }> {
  const out: Array<{ name: string; message: string; code?: unknown }> = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') {
      out.push({ name: '', message: String(e) });
      break;
    }
    const o = e as { name?: unknown; message?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    out.push({ name: String(o.name ?? ''), message: String(o.message ?? ''), code: o.code });
    e = o.inner ?? o.cause ?? (Array.isArray(o.failures) ? o.failures[0] : undefined);
  }
  return out;
}

/** The kind of a storage failure (Dexie, IndexedDB or extension storage), from its error. */
export function storageErrorKind(error: unknown): StorageErrorKind {
  const links = chain(error);
  if (links.some((l) => QUOTA.test(l.name) || QUOTA.test(l.message) || l.code === 22 || l.code === 1014)) return 'quota';
  if (links.some((l) => l.name === 'VersionError')) return 'newer-version';
  if (links.some((l) => UNAVAILABLE.test(l.name) || UNAVAILABLE_MESSAGE.test(l.message))) return 'unavailable';
  return 'other';
}

/** A failed save turned into a message the user can act on. */
export function describeStorageError(error: unknown): StorageProblem {
  const kind = storageErrorKind(error);
  switch (kind) {
    case 'quota':
      return { kind, message: t('storageQuota') };
    case 'unavailable':
      return { kind, message: t('storageUnavailable') };
    case 'newer-version':
      return { kind, message: t('storageNewerVersion') };
    default: {
      const first = chain(error)[0];
      return { kind, message: t('storageFailed', first?.message || first?.name || 'unknown error') };
    }
  }
}

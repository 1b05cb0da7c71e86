import './popup-extras.css';
import { t } from '../utils/i18n/messages';

/** The page is already in the library: the form edits that record; "Clip as new" starts a fresh one. */
export function AlreadyClippedLine({ savedAt, onClipAsNew }: { savedAt: string; onClipAsNew: () => void }) {
  return (
    <p class="clipped">
      <span>{t('clippedLine', new Date(savedAt).toLocaleDateString())}</span>
      <button type="button" onClick={onClipAsNew}>
        {t('clippedClipAsNew')}
      </button>
    </p>
  );
}

/** The form shows edits kept from an earlier visit; "Discard" deletes them and goes back to `backTo`. */
export function DraftRestoredLine({ backTo, onDiscard }: { backTo: string; onDiscard: () => void }) {
  return (
    <p class="restored-line">
      <span>{t('restoredLine')}</span>
      <span aria-hidden="true">·</span>
      <button type="button" onClick={onDiscard} aria-describedby="discard-what">
        {t('restoredDiscard')}
      </button>
      <span id="discard-what" class="visually-hidden">
        {t('restoredDiscardWhat', backTo)}
      </span>
    </p>
  );
}

/** Something changed in another window since the popup opened: its record edited or deleted, its page saved. */
export function ElsewhereLine({ message }: { message: string }) {
  return (
    <p class="elsewhere-line" aria-live="polite">
      {message}
    </p>
  );
}

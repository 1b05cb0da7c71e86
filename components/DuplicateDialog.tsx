import { useLayoutEffect, useRef } from 'preact/hooks';
import type { StoredRecord } from '../utils/db/database';
import { t } from '../utils/i18n/messages';

interface Props {
  existing: StoredRecord;
  onUpdate: () => void;
  onKeepBoth: () => void;
  onCancel: () => void;
}

/** Asked when saving a page already in the library: replace that record, or keep both. */
export function DuplicateDialog({ existing, onUpdate, onKeepBoth, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  // Before the paint (as every focus move here): a key pressed in the first frame reaches the dialog.
  useLayoutEffect(() => first.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="dup-title"
      aria-describedby="dup-text"
      class="dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id="dup-title">{t('duplicateTitle')}</h2>
      <p id="dup-text">{t('duplicateText', existing.title, new Date(existing.createdAt).toLocaleString())}</p>
      <div class="buttons">
        <button type="button" ref={first} onClick={onUpdate}>
          {t('duplicateUpdate')}
        </button>
        <button type="button" onClick={onKeepBoth}>
          {t('duplicateKeepBoth')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('duplicateCancel')}
        </button>
      </div>
    </div>
  );
}

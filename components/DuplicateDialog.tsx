import { useEffect, useRef } from 'preact/hooks';
import type { StoredRecord } from '../utils/db/database';

interface Props {
  existing: StoredRecord;
  onUpdate: () => void;
  onKeepBoth: () => void;
  onCancel: () => void;
}

/** Asked when saving a page already in the library: replace that record, or keep both. */
export function DuplicateDialog({ existing, onUpdate, onKeepBoth, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
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
      <h2 id="dup-title">Already in your library</h2>
      <p id="dup-text">
        This page is already saved (“{existing.title}”, saved {new Date(existing.createdAt).toLocaleString()}). Update
        that record with this form, or keep both?
      </p>
      <div class="buttons">
        <button type="button" ref={first} onClick={onUpdate}>
          Update existing
        </button>
        <button type="button" onClick={onKeepBoth}>
          Keep both
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

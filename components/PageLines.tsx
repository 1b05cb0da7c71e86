import './popup-extras.css';

/** The page is already in the library: the form edits that record; "Clip as new" starts a fresh one. */
export function AlreadyClippedLine({ savedAt, onClipAsNew }: { savedAt: string; onClipAsNew: () => void }) {
  return (
    <p class="clipped">
      <span>Already in your library, saved {new Date(savedAt).toLocaleDateString()}: you are editing that record.</span>
      <button type="button" onClick={onClipAsNew}>
        Clip as new
      </button>
    </p>
  );
}

/** The form shows edits kept from an earlier visit; "Discard" deletes them and goes back to `backTo`. */
export function DraftRestoredLine({ backTo, onDiscard }: { backTo: string; onDiscard: () => void }) {
  return (
    <p class="restored-line">
      <span>Draft restored</span>
      <span aria-hidden="true">·</span>
      <button type="button" onClick={onDiscard} aria-describedby="discard-what">
        Discard
      </button>
      <span id="discard-what" class="visually-hidden">
        your unsaved edits and go back to {backTo}
      </span>
    </p>
  );
}

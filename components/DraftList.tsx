import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clearUnsavedEdits, listUnsavedEdits, type UnsavedDraft } from '../utils/browser/unsaved-edits';
import { t } from '../utils/i18n/messages';

const isWebAddress = (key: string) => /^https?:\/\//i.test(key);

/**
 * Unsaved drafts kept from the popup and the context menu, until they are saved or discarded. "Open page"
 * goes back to the page, where the popup restores the draft.
 */
export function DraftList() {
  const [drafts, setDrafts] = useState<UnsavedDraft[] | null>(null);
  const [status, setStatus] = useState('');

  const reload = () =>
    listUnsavedEdits().then(setDrafts, (e: unknown) => setStatus(t('draftsReadFailed', e instanceof Error ? e.message : String(e))));
  useEffect(() => {
    void reload();
    // Drafts change while this page is open (the popup and the context menu write them).
    const onChange = (_changes: unknown, area: string) => {
      if (area === 'local') void reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  if (!drafts) return null;
  return (
    <section class="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t('draftsHeading')}</h2>
      {drafts.length === 0 ? (
        <p class="hint">{t('draftsNone')}</p>
      ) : (
        <ul>
          {drafts.map((d) => {
            const name = d.values.title.trim() || d.values.url || d.key;
            return (
              <li key={d.key}>
                <span class="draft-title">{d.values.title.trim() || t('draftsUntitled')}</span>{' '}
                <span class="hint">
                  {d.values.url || d.key} · {t('draftsSavedAt', new Date(d.savedAt).toLocaleString())}
                </span>
                <span class="buttons">
                  {isWebAddress(d.key) && (
                    <a href={d.key} target="_blank" rel="noopener noreferrer" aria-label={t('draftsOpenLabel', name)}>
                      {t('draftsOpenPage')}
                    </a>
                  )}
                  <button
                    type="button"
                    aria-label={t('draftsDiscardLabel', name)}
                    onClick={() =>
                      clearUnsavedEdits(d.key).then(
                        () => setStatus(t('draftsDiscarded', name)),
                        (e: unknown) => setStatus(t('draftsDiscardFailed', e instanceof Error ? e.message : String(e))),
                      )
                    }
                  >
                    {t('draftsDiscard')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="hint">
        {status}
      </p>
    </section>
  );
}

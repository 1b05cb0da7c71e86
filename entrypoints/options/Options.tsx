import { useEffect, useState } from 'preact/hooks';
import {
  loadLiteratureTypes,
  loadOpenInSidePanel,
  loadSummarizer,
  saveLiteratureTypes,
  saveOpenInSidePanel,
  saveSummarizer,
} from '../../utils/browser/settings';
import { sidePanelKind } from '../../utils/browser/side-panel';
import { formatBytes, readStorageUsage, requestPersistentStorage, type StorageUsage } from '../../utils/browser/storage-usage';
import { listUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { openDatabase } from '../../utils/db/database';
import { countRecords } from '../../utils/db/records';
import { t } from '../../utils/i18n/messages';
import { TeamSettings } from '../../components/TeamSettings';
import { DEFAULT_LITERATURE_TYPES, parseVocabulary } from '../../utils/record/vocabulary';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The summarizer's identity, the Type of Literature vocabulary, where Précis opens, and storage. */
export function Options() {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [types, setTypes] = useState('');
  const [status, setStatus] = useState('');
  // The fields wait for the stored values: typing before they arrived was overwritten by them.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    Promise.all([loadSummarizer(), loadLiteratureTypes()])
      .then(
        ([s, list]) => {
          setName(s?.name ?? '');
          setRole(s?.role ?? '');
          setTypes(list.join('\n'));
        },
        (e: unknown) => setStatus(t('optionsReadFailed', errorText(e))),
      )
      .finally(() => setLoaded(true));
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const vocabulary = parseVocabulary(types);
    if (!vocabulary.length) {
      setStatus(t('optionsNeedOneType'));
      return;
    }
    try {
      await Promise.all([saveSummarizer({ name: name.trim(), role: role.trim() }), saveLiteratureTypes(vocabulary)]);
      setTypes(vocabulary.join('\n'));
      setStatus(t('optionsSaved'));
    } catch (err) {
      setStatus(t('optionsNotSaved', errorText(err)));
    }
  };

  return (
    <main class="library options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save}>
        <fieldset class="plain" disabled={!loaded}>
          <fieldset class="summarizer">
            <legend>{t('optionsSummarizedBy')}</legend>
            <div class="field">
              <label for="o-name">{t('optionsName')}</label>
              <input id="o-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="o-role">{t('optionsRole')}</label>
              <input id="o-role" value={role} onInput={(e) => setRole(e.currentTarget.value)} />
            </div>
          </fieldset>
          <div class="field types">
            <label for="o-types">{t('optionsTypes')}</label>
            <textarea id="o-types" rows={14} value={types} onInput={(e) => setTypes(e.currentTarget.value)} />
          </div>
          <p>
            <button type="submit" class="primary">
              {t('optionsSave')}
            </button>{' '}
            <button type="button" onClick={() => setTypes(DEFAULT_LITERATURE_TYPES.join('\n'))}>
              {t('optionsRestoreTypes')}
            </button>
          </p>
        </fieldset>
        <p role="status">{status}</p>
      </form>
      <SidePanelOption />
      <TeamSettings db={openDatabase()} />
      <StorageSection />
    </main>
  );
}

/** Popup or side panel: the side panel stays open while the user reads and clicks in the page. */
function SidePanelOption() {
  const kind = sidePanelKind();
  // null until the stored choice is read: a click before that was undone when the read arrived.
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void loadOpenInSidePanel().then(setOn, () => setOn(false));
  }, []);
  return (
    <section aria-labelledby="o-panel-heading">
      <h2 id="o-panel-heading">{t('optionsPanelHeading')}</h2>
      {kind ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={on === true}
              disabled={on === null}
              onChange={(e) => {
                const next = e.currentTarget.checked;
                setOn(next);
                // The background applies it to the toolbar button.
                saveOpenInSidePanel(next).then(
                  () => setError(''),
                  (err: unknown) => setError(t('optionsNotSaved', errorText(err))),
                );
              }}
            />{' '}
            {t('optionsPanelToggle')}
          </label>
          {kind === 'firefox' && <p class="hint">{t('optionsPanelFirefox')}</p>}
          {error && <p role="alert">{error}</p>}
        </>
      ) : (
        <p>{t('optionsPanelUnsupported')}</p>
      )}
    </section>
  );
}

/**
 * What Précis keeps and whether the browser may evict it. Persistence is asked for here, by a button,
 * because Firefox shows a prompt for it: asking on the user's click explains itself, asking on page load
 * does not. (The popup may also ask after the first save; Chrome decides without prompting.)
 */
function StorageSection() {
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [counts, setCounts] = useState<{ records: number; drafts: number } | null>(null);
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const [u, records, drafts] = await Promise.all([
      readStorageUsage(),
      countRecords(openDatabase()),
      listUnsavedEdits().then((d) => d.length),
    ]);
    setUsage(u);
    setCounts({ records, drafts });
  };
  useEffect(() => {
    refresh().catch((e: unknown) => setMessage(t('optionsReadFailed', errorText(e))));
  }, []);

  return (
    <section aria-labelledby="o-storage-heading">
      <h2 id="o-storage-heading">{t('optionsStorageHeading')}</h2>
      {usage && (
        <p>{usage.usage != null && usage.quota != null ? t('optionsStorageUse', formatBytes(usage.usage), formatBytes(usage.quota)) : t('optionsStorageUnknown')}</p>
      )}
      {counts && <p>{t('optionsCounts', counts.records, counts.drafts)}</p>}
      {usage && usage.persisted !== null && <p>{usage.persisted ? t('optionsPersisted') : t('optionsNotPersisted')}</p>}
      {usage && usage.persisted === false && (
        <button
          type="button"
          onClick={async () => {
            const granted = await requestPersistentStorage();
            setMessage(granted === null ? t('optionsPersistUnsupported') : granted ? '' : t('optionsPersistRefused'));
            await refresh().catch(() => {});
          }}
        >
          {t('optionsPersistButton')}
        </button>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

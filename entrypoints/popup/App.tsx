import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RecordForm, type HintField } from '../../components/RecordForm';
import type { Hint } from '../../components/SourceHint';
import { hintsFromDraft } from '../../components/draft-hints';
import { DuplicateDialog } from '../../components/DuplicateDialog';
import { emptyFormValues, formValuesFromDraft, recordFromFormValues, type FormValues } from '../../utils/record/form-values';
import { canonicalUrl } from '../../utils/record/url';
import { emptyDraft, type Draft } from '../../utils/extract/draft';
import { extractFromTab, findTargetTab } from '../../utils/browser/extract-tab';
import { loadLiteratureTypes, loadSummarizer, saveSummarizer } from '../../utils/browser/settings';
import { clearUnsavedEdits, loadUnsavedEdits, storeUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { downloadText } from '../../utils/browser/download';
import { openDatabase, type StoredRecord } from '../../utils/db/database';
import { findRecordsByUrl, listFullRecords, listKeywords, saveRecord } from '../../utils/db/records';
import { exportFileName, exportJson } from '../../utils/export/json';
import { DEFAULT_LITERATURE_TYPES } from '../../utils/record/vocabulary';

type Phase = 'loading' | 'ready' | 'saving';

const NO_READ = "Précis can't read this page";

export function App() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [values, setValues] = useState<FormValues>(emptyFormValues);
  const [hints, setHints] = useState<Partial<Record<HintField, Hint>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('Reading the page…');
  const [errors, setErrors] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([...DEFAULT_LITERATURE_TYPES]);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<StoredRecord[] | null>(null);
  const draftRef = useRef<Draft | null>(null);
  // What the page gave, kept while restored edits are shown so the user can start over from it.
  const [fromPage, setFromPage] = useState<FormValues | null>(null);
  const pageKey = useRef<string | null>(null);
  const db = useMemo(() => openDatabase(), []);

  useEffect(() => {
    void start().catch((e: unknown) => {
      // Whatever went wrong, the user still gets a form to fill by hand.
      setNotice(`${NO_READ}: ${e instanceof Error ? e.message : String(e)}. You can still fill in the form by hand.`);
      setStatus('Fill in the record, then save.');
      setPhase('ready');
    });
    async function start() {
      const [tab, summarizer, vocabulary, keywords] = await Promise.all([
        findTargetTab(location.search).catch(() => null),
        loadSummarizer().catch(() => null),
        loadLiteratureTypes().catch(() => [...DEFAULT_LITERATURE_TYPES]),
        listKeywords(db).catch(() => []),
      ]);
      setTypes(vocabulary);
      setSuggestions(keywords);
      let next = formValuesFromDraft(emptyDraft(tab?.url ?? null), summarizer);
      let message = '';
      if (!tab) {
        setNotice(`${NO_READ}: there is no tab to read. Fill in the form by hand.`);
      } else {
        const result = await extractFromTab(tab);
        if (result.ok) {
          draftRef.current = result.draft;
          next = formValuesFromDraft(result.draft, summarizer);
          setHints(hintsFromDraft(result.draft));
          if (!result.draft.isArticle) {
            setNotice('No article found on this page. What the page says about itself is filled in; add the rest by hand.');
          } else message = 'Filled in from the page. Check each field, then save.';
          if (result.draft.notice) setNotice(result.draft.notice);
        } else {
          setNotice(`${NO_READ}. ${result.message} You can still fill in the form by hand.`);
        }
      }
      pageKey.current = canonicalUrl(next.url) ?? (tab ? `tab:${tab.id}` : null);
      const restored = pageKey.current ? await loadUnsavedEdits(pageKey.current).catch(() => null) : null;
      if (restored) {
        setFromPage(next);
        next = restored;
        message = 'Restored your unsaved edits for this page.';
      }
      const saved = await findRecordsByUrl(db, next.url).catch(() => []);
      if (saved.length) message += ` You saved this page on ${new Date(saved[0].createdAt).toLocaleDateString()}.`;
      setValues(next);
      setStatus(message.trim() || 'Fill in the record, then save.');
      setPhase('ready');
    }
  }, [db]);

  // Keep typed work: the popup closes as soon as it loses focus. Only the user's own edits are kept, so
  // opening the popup (or saving) never leaves "unsaved edits" behind.
  const edited = useRef(false);
  useEffect(() => {
    if (phase !== 'ready' || !pageKey.current || !edited.current) return;
    const key = pageKey.current;
    const timer = setTimeout(() => void storeUnsavedEdits(key, values).catch(() => {}), 250);
    return () => clearTimeout(timer);
  }, [values, phase]);

  const update = (patch: Partial<FormValues>) => {
    edited.current = true;
    setValues((v) => ({ ...v, ...patch }));
  };

  const save = async (mode: 'ask' | 'update' | 'new') => {
    if (phase !== 'ready') return;
    setDuplicates(null);
    const now = new Date().toISOString();
    const draft = draftRef.current;
    const built = recordFromFormValues(values, {
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      text: draft?.text || undefined,
      sources: draft?.sources,
    });
    if (!built.ok) {
      setErrors(built.errors);
      setStatus('Not saved: please correct the fields listed above.');
      return;
    }
    setErrors([]);
    setPhase('saving');
    try {
      const existing = await findRecordsByUrl(db, built.value.url);
      if (mode === 'ask' && existing.length) {
        setDuplicates(existing);
        setStatus('This page is already in your library.');
        return;
      }
      const stored = await saveRecord(db, built.value, mode === 'update' && existing[0] ? { kind: 'update', id: existing[0].id } : { kind: 'create' });
      await saveSummarizer({ name: values.summarizerName.trim(), role: values.summarizerRole.trim() });
      edited.current = false;
      if (pageKey.current) await clearUnsavedEdits(pageKey.current);
      setFromPage(null);
      setSuggestions(await listKeywords(db));
      setStatus(`Saved “${stored.title}” ${mode === 'update' && existing[0] ? '(updated the existing record)' : 'to your library'}.`);
    } catch (e) {
      setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPhase('ready');
    }
  };

  const exportAll = async () => {
    try {
      const records = await listFullRecords(db);
      if (!records.length) {
        setStatus('Nothing to export yet: save a record first.');
        return;
      }
      const name = exportFileName();
      downloadText(name, exportJson(records));
      setStatus(`Exported ${records.length} record${records.length === 1 ? '' : 's'} to ${name}.`);
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <form
      class="popup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save('ask');
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save('ask');
        }
      }}
    >
      <header>
        <h1>Précis</h1>
        <nav class="links">
          <a href="/library.html" target="_blank" rel="noopener">
            Open library
          </a>
          <a href="/options.html" target="_blank" rel="noopener">
            Options
          </a>
        </nav>
      </header>
      {notice && (
        <p role="alert" class="notice">
          {notice}
        </p>
      )}
      {fromPage && (
        <p class="restored">
          Showing your unsaved edits.{' '}
          <button
            type="button"
            onClick={() => {
              edited.current = false;
              if (pageKey.current) void clearUnsavedEdits(pageKey.current).catch(() => {});
              setValues(fromPage);
              setFromPage(null);
              setStatus('Back to the values read from the page.');
            }}
          >
            Start over from the page
          </button>
        </p>
      )}
      {errors.length > 0 && (
        <ul class="errors" aria-label="Problems to fix">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <fieldset disabled={phase === 'loading'} class="plain">
        <RecordForm values={values} onChange={update} hints={hints} literatureTypes={types} keywordSuggestions={suggestions} />
      </fieldset>
      {duplicates && (
        <DuplicateDialog
          existing={duplicates[0]}
          onUpdate={() => void save('update')}
          onKeepBoth={() => void save('new')}
          onCancel={() => {
            setDuplicates(null);
            setStatus('Not saved.');
          }}
        />
      )}
      <footer>
        <button type="submit" disabled={phase !== 'ready'} title="Save (Ctrl+Enter)">
          Save
        </button>
        <button type="button" onClick={() => void exportAll()}>
          Export JSON
        </button>
        <p role="status" class="status">
          {status}
        </p>
      </footer>
    </form>
  );
}

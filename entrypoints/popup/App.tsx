import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RecordForm, type HintField } from '../../components/RecordForm';
import type { Hint } from '../../components/SourceHint';
import { hintsFromDraft } from '../../components/draft-hints';
import { DuplicateDialog } from '../../components/DuplicateDialog';
import { SummaryDrafter, type Article } from '../../components/SummaryDrafter';
import { KeywordSuggestions } from '../../components/KeywordSuggestions';
import { AlreadyClippedLine, DraftRestoredLine, ElsewhereLine } from '../../components/PageLines';
import { emptyFormValues, fillUntouched, formValuesFromDraft, formValuesFromRecord, recordFromFormValues, type FormValues } from '../../utils/record/form-values';
import { canonicalUrl } from '../../utils/record/url';
import { emptyDraft, type Draft } from '../../utils/extract/draft';
import type { ExtractionResult } from '../../utils/extract/result';
import { extractFromTab, findTargetTab } from '../../utils/browser/extract-tab';
import { CHOOSE_PDF_PAGE, isPdfTab } from '../../utils/browser/pdf-tab';
import { loadLiteratureTypes, loadSummarizer, saveSummarizer } from '../../utils/browser/settings';
import { clearUnsavedEdits, createDraftKeeper, restoreUnsavedEdits } from '../../utils/browser/unsaved-edits';
import { onSelectionsAdded, removeSelections, withSelections, type PendingSelection } from '../../utils/browser/selections';
import { requestPersistentStorage } from '../../utils/browser/storage-usage';
import { describeStorageError } from '../../utils/db/storage-errors';
import { followQuery } from '../../utils/db/follow';
import { downloadText } from '../../utils/browser/download';
import { storeLastExport } from '../../utils/browser/backup';
import { openDatabase, type StoredRecord } from '../../utils/db/database';
import {
  PageAlreadySaved, RecordChangedElsewhere, findRecordsByUrl, getRecord, getRecordText, listKeywords, listRecords, saveRecord, type SaveMode,
} from '../../utils/db/records';
import { exportFileName, exportJsonBlob } from '../../utils/export/json';
import { DEFAULT_LITERATURE_TYPES } from '../../utils/record/vocabulary';
import { t } from '../../utils/i18n/messages';
import { ProblemList } from '../../components/ProblemList';
import { getTeamConnection } from '../../utils/db/team-connection';
import { requestBackgroundSync } from '../../utils/browser/sync-request';

type Phase = 'loading' | 'ready' | 'saving';

export function App() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [values, setFormState] = useState<FormValues>(emptyFormValues);
  // The form as of the last change, before Preact renders it: the draft keeper is handed this at once.
  const latest = useRef<FormValues>(values);
  const setValues = (next: FormValues | ((v: FormValues) => FormValues)) => {
    latest.current = typeof next === 'function' ? next(latest.current) : next;
    setFormState(latest.current);
  };
  const [hints, setHints] = useState<Partial<Record<HintField, Hint>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  // The tab shows a PDF the browser would not hand over: offer to choose the file instead.
  const [choosePdf, setChoosePdf] = useState(false);
  const [status, setStatus] = useState(t('popupReading'));
  const [errors, setErrors] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([...DEFAULT_LITERATURE_TYPES]);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<StoredRecord[] | null>(null);
  const draftRef = useRef<Draft | null>(null);
  // What the page gave, for "Clip as new".
  const pageValues = useRef<FormValues | null>(null);
  // The saved record this page is already filed as: the form edits it, and Save updates it.
  const [clipped, setClipped] = useState<StoredRecord | null>(null);
  // The form without the restored draft (the page's values, or the saved record's), for "Discard".
  const baseValues = useRef<FormValues | null>(null);
  const [restored, setRestored] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [autoDraft, setAutoDraft] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [suggested, setSuggested] = useState<string[]>([]);
  const pageKey = useRef<string | null>(null);
  // Every key a draft for this page may be filed under (see restoreUnsavedEdits).
  const draftKeys = useRef<string[]>([]);
  const db = useMemo(() => openDatabase(), []);
  // The PDF's pages after the first and last ones, still being read: Save waits for them (the text is saved).
  const restOfPdf = useRef<Promise<unknown> | null>(null);
  // Records this popup has opened or saved: a record of this page that is not one of them was saved elsewhere.
  const known = useRef(new Set<string>());
  // Followed live (Dexie re-runs these queries whenever another window changes the records): the record the
  // form edits as stored now (undefined once deleted), and the records of the form's address.
  const [clippedNow, setClippedNow] = useState<{ record: StoredRecord | undefined } | null>(null);
  const [ofThisPage, setOfThisPage] = useState<StoredRecord[]>([]);

  useEffect(() => {
    void start().catch((e: unknown) => {
      // Whatever went wrong, the user still gets a form to fill by hand.
      setNotice(t('popupReadFailed', e instanceof Error ? e.message : String(e)));
      setStatus(t('popupFillIn'));
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
      // A PDF's form opens once its first and last pages are read; the rest of it arrives here later.
      let rest: Promise<ExtractionResult> | null = null;
      // The PDF's last progress line ("Reading the PDF: page 3 of 302…"), kept on screen with the form.
      let reading = '';
      if (!tab) {
        setNotice(t('popupNoTab'));
      } else {
        let result = await extractFromTab(tab);
        // PDFs are read here, with code loaded only for them.
        if (isPdfTab(result, tab.url)) {
          const { extractPdfTab } = await import('../../utils/browser/pdf-reader');
          let metadataRead: (draft: Draft) => void = () => {};
          const metadata = new Promise<Draft>((resolve) => (metadataRead = resolve));
          const whole = extractPdfTab(
            tab.url,
            (progress) => {
              reading = progress;
              setStatus(progress);
            },
            (draft) => metadataRead(draft),
          );
          const first = await Promise.race([whole.then((r) => ({ r, all: true })), metadata.then((draft) => ({ r: { ok: true, draft } as const, all: false }))]);
          result = first.r;
          if (!first.all) {
            rest = whole;
            restOfPdf.current = whole;
          }
        }
        if (result.ok) {
          draftRef.current = result.draft;
          next = formValuesFromDraft(result.draft, summarizer);
          setHints(hintsFromDraft(result.draft));
          // A PDF's first and last pages hold no body text yet: whether it is an article is told once all are read.
          if (!result.draft.isArticle && !rest) {
            setNotice(t('popupNoArticle'));
          } else message = rest && reading ? `${t('popupFilledFromPage')} ${reading}` : t('popupFilledFromPage');
          if (result.draft.notice) setNotice(result.draft.notice);
          if (result.draft.sources.summary) message = t('pdfSummaryFromDocument');
        } else {
          setNotice(result.reason === 'pdf' ? result.message : t('popupCannotRead', result.message));
          setChoosePdf(result.reason === 'pdf');
        }
      }
      // Drafts are filed by address only: a tab's id would carry one page's draft to the next page opened in
      // that tab (the side panel sees tabs it may not read). Without any address, nothing is kept.
      pageKey.current = canonicalUrl(next.url) ?? tab?.url ?? null;
      pageValues.current = next;
      const ofPage = await findRecordsByUrl(db, next.url).catch(() => []);
      for (const r of ofPage) known.current.add(r.id);
      const saved = ofPage[0];
      let base = next;
      if (saved) {
        base = formValuesFromRecord(saved);
        setClipped(saved);
        setHints({});
        const me = (await getTeamConnection(db).catch(() => null))?.user;
        const on = new Date(saved.createdAt).toLocaleDateString();
        message = saved.clippedBy && saved.clippedBy !== me ? t('teamAlreadyClipped', saved.clippedBy, on) : t('popupAlreadySaved', on);
      }
      baseValues.current = base;
      // The context menu files selections under the address it was clicked on, the popup under the canonical one.
      draftKeys.current = [...new Set([pageKey.current, canonicalUrl(tab?.url)].filter((k): k is string => !!k))];
      const draftValues = await restoreUnsavedEdits(draftKeys.current, base).catch(() => null);
      if (draftValues) {
        setRestored(true);
        message = t(saved ? 'popupDraftRestoredSaved' : 'popupDraftRestored');
      }
      setValues(draftValues?.values ?? base);
      setStatus(message.trim() || t('popupFillIn'));
      setPhase('ready');
      if (draftValues?.selections.length) keepSelections(draftValues.selections);
      if (rest) {
        const whole = await rest;
        restOfPdf.current = null;
        if (whole.ok) {
          // The whole PDF is read: its text is what is saved; the word count, summary and the rest fill the
          // fields the user has not changed since the form opened.
          const before = next;
          draftRef.current = whole.draft;
          next = formValuesFromDraft(whole.draft, summarizer);
          pageValues.current = next;
          if (!saved) {
            baseValues.current = next;
            setHints(hintsFromDraft(whole.draft));
            setValues((v) => fillUntouched(v, before, next));
          }
          if (whole.draft.notice) setNotice(whole.draft.notice);
          else if (!whole.draft.isArticle) setNotice(t('popupNoArticle'));
          setStatus(whole.draft.sources.summary ? t('pdfSummaryFromDocument') : message.trim() || t('popupFillIn'));
        } else setNotice(whole.message);
      }
      // The article to draft from: the page as read now, else the text stored with the saved record.
      const draft = draftRef.current;
      const read = draft?.isArticle ? draft.text : '';
      const text = read.trim() || !saved ? read : ((await getRecordText(db, saved.id).catch(() => undefined)) ?? '');
      if (text.trim()) {
        const known = saved ? base : next;
        const found: Article = { text, title: known.title || null, language: known.language || null };
        setArticle(found);
        setAutoDraft(!saved && !draftValues);
        void suggestFor(found, draft?.keywords ?? [], keywords);
      }
    }
    // The NLP code is loaded only now, once the form is on screen.
    async function suggestFor(article: Article, pageKeywords: string[], libraryKeywords: string[]) {
      try {
        const { suggestKeywords } = await import('../../utils/nlp/index');
        const found = suggestKeywords({ ...article, pageKeywords, libraryKeywords }, 15);
        setSuggested(found.map((s) => s.keyword));
      } catch {
        // Suggestions are a convenience: without them the form works as before.
      }
    }
  }, [db]);

  // Keep typed work: the popup closes as soon as it loses focus. Only the user's own edits are kept, so
  // opening the popup (or saving) never leaves "unsaved edits" behind.
  const edited = useRef(false);
  const keeper = useMemo(() => createDraftKeeper(250, (e) => setStatus(e instanceof Error ? e.message : String(e))), []);
  useEffect(() => () => keeper.dispose(), [keeper]);

  /**
   * Selections from the context menu are now in the form: its draft keeps them from now on, and once that
   * draft is stored they are removed, so none is lost and none comes back twice.
   */
  const keepSelections = (selections: PendingSelection[]) => {
    edited.current = true;
    if (pageKey.current) keeper.schedule(pageKey.current, latest.current);
    void keeper.flush().then(() => removeSelections(selections), () => {});
  };
  // While the form is open (the side panel stays open beside the page), a selection added from the context
  // menu goes straight into its summary.
  useEffect(() => {
    if (phase === 'loading' || !draftKeys.current.length) return;
    return onSelectionsAdded(draftKeys.current, (added) => {
      setValues((v) => ({ ...v, summary: withSelections(v.summary, added) }));
      setStatus(t('popupSelectionAdded'));
      keepSelections(added);
    });
  }, [phase === 'loading']);

  // Tag suggestions follow the library: a keyword added or renamed in another window is offered here too.
  useEffect(() => followQuery(() => listKeywords(db), setSuggestions), [db]);
  useEffect(() => {
    setClippedNow(null);
    return clipped ? followQuery(() => getRecord(db, clipped.id), (record) => setClippedNow({ record })) : undefined;
  }, [db, clipped?.id]);
  const address = phase === 'loading' ? null : canonicalUrl(values.url);
  useEffect(() => {
    setOfThisPage([]);
    return address ? followQuery(() => findRecordsByUrl(db, address), setOfThisPage) : undefined;
  }, [db, address]);
  // What changed elsewhere since this popup opened: its record edited (a later save) or deleted, or its page
  // saved by another window while this form is a new clip. Saving checks again, in the transaction that writes.
  const deletedElsewhere = !!clipped && clippedNow !== null && !clippedNow.record;
  const elsewhere = clipped
    ? deletedElsewhere
      ? t('popupDeletedElsewhere', clipped.title)
      : clippedNow?.record && clippedNow.record.updatedAt > clipped.updatedAt
        ? t('popupEditedElsewhere', clippedNow.record.title)
        : null
    : ofThisPage.some((r) => !known.current.has(r.id))
      ? t('popupSavedElsewhere')
      : null;

  /** The form's draft is done with (saved, discarded, or left for a new clip): stop keeping it. */
  const forgetDraft = async () => {
    edited.current = false;
    keeper.cancel();
    await Promise.all(draftKeys.current.map((key) => clearUnsavedEdits(key)));
  };

  const update = (patch: Partial<FormValues>) => {
    edited.current = true;
    setValues((v) => ({ ...v, ...patch }));
    // Scheduled here, in the change itself, not in an effect after the next paint: a popup closed within
    // that frame (typing, then a click on the page) kept nothing of the last change.
    if (pageKey.current) keeper.schedule(pageKey.current, latest.current);
  };

  /** Back to the form without the restored draft, which is deleted. */
  const discardDraft = () => {
    void forgetDraft().catch(() => {});
    if (baseValues.current) setValues(baseValues.current);
    setRestored(false);
    setStatus(t(clipped ? 'popupDiscardedToRecord' : 'popupDiscardedToPage'));
    document.getElementById('f-title')?.focus();
  };

  /** Leave the saved record alone and start a fresh record from the page. */
  const clipAsNew = () => {
    // Edits made to the saved record are left behind with it.
    void forgetDraft().catch(() => {});
    setRestored(false);
    setClipped(null);
    const page = pageValues.current ?? emptyFormValues();
    baseValues.current = page;
    setValues(page);
    if (draftRef.current) setHints(hintsFromDraft(draftRef.current));
    setAutoDraft(true);
    setStatus(t('popupClipAsNew'));
    document.getElementById('f-title')?.focus();
  };

  const save = async (mode: 'ask' | 'update' | 'new') => {
    if (phase !== 'ready') return;
    const offered = duplicates; // the records of this page the dialog offered to update
    setDuplicates(null);
    if (restOfPdf.current) {
      // Saved before the whole PDF was read: the record gets the whole text and word count.
      setStatus(t('pdfReadingRest'));
      await restOfPdf.current.catch(() => {});
      restOfPdf.current = null;
    }
    const values = latest.current;
    const now = new Date().toISOString();
    const draft = draftRef.current;
    // Editing the record already saved: it keeps its id, creation time, provenance and stored text. Deleted
    // elsewhere meanwhile, it is saved again as the form has it, with the page's text.
    const built = recordFromFormValues(
      values,
      clipped
        ? { id: clipped.id, createdAt: clipped.createdAt, updatedAt: now, sources: clipped.sources, text: deletedElsewhere ? draft?.text || undefined : undefined }
        : { id: crypto.randomUUID(), createdAt: now, updatedAt: now, text: draft?.text || undefined, sources: draft?.sources },
    );
    if (!built.ok) {
      setErrors(built.errors);
      setStatus(t('popupFixFields'));
      return;
    }
    setErrors([]);
    setPhase('saving');
    try {
      // "Is this page already saved?" is asked by saveRecord, in the transaction that writes: two windows
      // saving one page at once cannot both create a record.
      const target: SaveMode =
        clipped && !deletedElsewhere
          ? { kind: 'update', id: clipped.id, basedOn: clipped.updatedAt }
          : mode === 'update' && offered?.[0]
            ? { kind: 'update', id: offered[0].id }
            : { kind: 'create', unlessSaved: mode === 'ask' && !clipped };
      const { text: _text, ...stored } = await saveRecord(db, built.value, target);
      // From now on the popup edits what was just saved: saving again updates it.
      known.current.add(stored.id);
      setClipped(stored);
      requestBackgroundSync();
      // Ask once the user has something worth keeping; the browser may decide silently or prompt.
      void requestPersistentStorage();
      await saveSummarizer({ name: values.summarizerName.trim(), role: values.summarizerRole.trim() });
      await forgetDraft();
      baseValues.current = values;
      setRestored(false);
      setAutoDraft(false);
      setStatus(t(target.kind === 'update' ? 'popupSavedUpdate' : 'popupSavedNew', stored.title));
    } catch (e) {
      if (e instanceof PageAlreadySaved) {
        setDuplicates(e.existing);
        setStatus(t('popupAlreadyInLibrary'));
      } else if (e instanceof RecordChangedElsewhere) {
        // Saved in the library (or another popup) since this one opened it: say so, keep the form as it is,
        // and let a second Save replace that version.
        setClipped(e.current);
        setStatus(t('popupChangedElsewhere', e.current.title));
      } else setStatus(describeStorageError(e).message);
    } finally {
      setPhase('ready');
    }
  };

  const exportAll = async () => {
    try {
      // As the library's JSON export by default: the records, without their article texts.
      const records = await listRecords(db);
      if (!records.length) {
        setStatus(t('popupNothingToExport'));
        return;
      }
      const now = new Date();
      const name = exportFileName('json', now);
      downloadText(name, exportJsonBlob(records, now));
      await storeLastExport(now);
      setStatus(t(records.length === 1 ? 'popupExportedOne' : 'popupExportedMany', records.length, name));
    } catch (e) {
      setStatus(t('popupExportFailed', e instanceof Error ? e.message : String(e)));
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
        <h1>{t('popupHeading')}</h1>
        <nav class="links">
          <a href="/library.html" target="_blank" rel="noopener">
            {t('popupOpenLibrary')}
          </a>
          <a href="/options.html" target="_blank" rel="noopener">
            {t('popupOptions')}
          </a>
        </nav>
      </header>
      {notice && (
        <p role="alert" class="notice">
          {notice}
          {choosePdf && (
            <>
              {' '}
              <a href={CHOOSE_PDF_PAGE} target="_blank" rel="noopener">
                {t('popupPdfChoose')}
              </a>
            </>
          )}
        </p>
      )}
      {clipped && <AlreadyClippedLine savedAt={clipped.createdAt} onClipAsNew={clipAsNew} />}
      {elsewhere && <ElsewhereLine message={elsewhere} />}
      {restored && <DraftRestoredLine backTo={t(clipped ? 'restoredBackToRecord' : 'restoredBackToPage')} onDiscard={discardDraft} />}
      <ProblemList errors={errors} label={t('popupProblemsLabel')} />
      <fieldset disabled={phase === 'loading'} class="plain">
        <RecordForm
          values={values}
          onChange={update}
          hints={hints}
          literatureTypes={types}
          keywordSuggestions={suggestions}
          summaryBusy={drafting}
          keywordTools={
            <KeywordSuggestions
              suggestions={suggested}
              tags={values.keywords}
              inputId="f-keywords"
              onAdd={(keyword) => update({ keywords: [...values.keywords, keyword] })}
            />
          }
          summaryTools={
            <SummaryDrafter
              summary={values.summary}
              article={article}
              autoDraft={autoDraft}
              onBusy={setDrafting}
              onSummary={(summary, origin) => (origin === 'user' ? update({ summary }) : setValues((v) => ({ ...v, summary })))}
            />
          }
        />
      </fieldset>
      {duplicates && (
        <DuplicateDialog
          existing={duplicates[0]}
          onUpdate={() => void save('update')}
          onKeepBoth={() => void save('new')}
          onCancel={() => {
            setDuplicates(null);
            setStatus(t('popupNotSaved'));
          }}
        />
      )}
      <footer>
        <button type="submit" disabled={phase !== 'ready'} title={t('popupSaveTitle')}>
          {t('popupSave')}
        </button>
        <button type="button" onClick={() => void exportAll()}>
          {t('popupExportJson')}
        </button>
        <p role="status" class="status">
          {status}
        </p>
      </footer>
    </form>
  );
}

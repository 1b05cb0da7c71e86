import { useEffect, useRef, useState } from 'preact/hooks';
import { RecordForm, type HintField } from './RecordForm';
import type { Hint } from './SourceHint';
import { hintsFromDraft } from './draft-hints';
import { SummaryDrafter, type Article } from './SummaryDrafter';
import { KeywordSuggestions } from './KeywordSuggestions';
import type { Draft } from '../utils/extract/draft';
import { fillUntouched, formValuesFromDraft, recordFromFormValues, type FormValues } from '../utils/record/form-values';
import { loadSummarizer, saveSummarizer } from '../utils/browser/settings';
import { progressText, readPdfBytes } from '../utils/browser/pdf-reader';
import { PDF_LIMITS } from '../utils/pdf/limits';
import { looksLikePdf } from '../utils/pdf/open';
import type { PrecisDatabase, StoredRecord } from '../utils/db/database';
import { saveRecord } from '../utils/db/records';
import { describeStorageError } from '../utils/db/storage-errors';
import { t } from '../utils/i18n/messages';
import './pdf-clip.css';
import { ProblemList } from './ProblemList';

interface Props {
  db: PrecisDatabase;
  literatureTypes: string[];
  keywordSuggestions: string[];
  onSaved: (record: StoredRecord) => void;
  /** A message for the page's status line (a file that is not a PDF, too large, unreadable). */
  onMessage: (message: string) => void;
}

interface Open {
  fileName: string;
  draft: Draft;
  /** Still reading the pages after the metadata ones. */
  reading: boolean;
}

const isFileDrag = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * "Clip a PDF file…" on the library page, and a PDF dropped anywhere on it: the file is read here (pdf.js loaded on
 * first use), the popup's form opens filled in as soon as the metadata pages are read, the word count and summary
 * follow when the rest is read, and Save adds the record.
 */
export function PdfClip({ db, literatureTypes, keywordSuggestions, onSaved, onMessage }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [hints, setHints] = useState<Partial<Record<HintField, Hint>>>({});
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [suggested, setSuggested] = useState<string[]>([]);
  // Which read is current: a second file replaces the first, whose late results are dropped.
  const generation = useRef(0);

  // Sent here by the popup ("Choose a PDF file…"): the chooser needs the user's own click, so the button waits focused.
  useEffect(() => {
    if (new URLSearchParams(location.search).get('clip') === 'pdf') button.current?.focus();
  }, []);

  const readFile = async (file: File) => {
    const run = ++generation.current;
    if (file.size > PDF_LIMITS.maxBytes) {
      onMessage(t('pdfTooLarge', (file.size / 1048576).toFixed(1), Math.round(PDF_LIMITS.maxBytes / 1048576)));
      return;
    }
    setStatus(t('pdfReadingFile'));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      setStatus('');
      onMessage(t('pdfBroken', e instanceof Error ? e.message : String(e)));
      return;
    }
    // Told by its content, not its name or the type the system guesses from the name.
    if (!looksLikePdf(bytes)) {
      setStatus('');
      onMessage(`${file.name}: ${t('pdfNotPdf')}`);
      return;
    }
    const summarizer = await loadSummarizer().catch(() => null);
    const show = (draft: Draft, reading: boolean) => {
      if (run !== generation.current) return;
      setOpen({ fileName: file.name, draft, reading });
      setHints(hintsFromDraft(draft));
      setErrors([]);
    };
    // The form as the first and last pages filled it, to tell what the user has changed since.
    let shown: FormValues | null = null;
    const result = await readPdfBytes(bytes, {
      onProgress: (p) => run === generation.current && setStatus(progressText(p)),
      onMetadata: (draft) => {
        show(draft, true);
        shown = formValuesFromDraft(draft, summarizer);
        setValues(shown);
        setArticle(null);
        setSuggested([]);
      },
    });
    if (run !== generation.current) return;
    if (!result.ok) {
      setStatus('');
      onMessage(`${file.name}: ${result.message}`);
      return;
    }
    const draft = result.draft;
    show(draft, false);
    const filled = formValuesFromDraft(draft, summarizer);
    // What was read after the form opened fills only what the user has not changed meanwhile.
    const before = shown;
    setValues((v) => (v && before ? fillUntouched(v, before, filled) : filled));
    setStatus(draft.notice ?? (draft.sources.summary ? t('pdfSummaryFromDocument') : ''));
    if (draft.text.trim()) {
      const found: Article = { text: draft.text, title: draft.title, language: draft.language };
      setArticle(found);
      try {
        const { suggestKeywords } = await import('../utils/nlp/index');
        if (run === generation.current) setSuggested(suggestKeywords({ ...found, pageKeywords: draft.keywords, libraryKeywords: keywordSuggestions }, 15).map((s) => s.keyword));
      } catch {
        // Suggestions are a convenience.
      }
    }
  };

  // A PDF dropped anywhere on the page is clipped; other drops are left to the browser.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void readFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  const close = () => {
    generation.current++;
    setOpen(null);
    setValues(null);
    setStatus('');
    button.current?.focus();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!open || !values || busy) return;
    const now = new Date().toISOString();
    const built = recordFromFormValues(values, { id: crypto.randomUUID(), createdAt: now, updatedAt: now, text: open.draft.text || undefined, sources: open.draft.sources });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    try {
      const { text: _text, ...stored } = await saveRecord(db, built.value, { kind: 'create' });
      await saveSummarizer({ name: values.summarizerName.trim(), role: values.summarizerRole.trim() }).catch(() => {});
      onSaved(stored);
      close();
    } catch (err) {
      setErrors([describeStorageError(err).message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" ref={button} title={t('libraryClipPdfTitle')} onClick={() => input.current?.click()}>
        {t('libraryClipPdf')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void readFile(file);
        }}
      />
      {!open && status && (
        <p class="pdf-status" role="status">
          {status}
        </p>
      )}
      {dragging && (
        <div class="pdf-drop" aria-hidden="true">
          {t('libraryDropPdf')}
        </div>
      )}
      {open && values && (
        <aside class="editor-panel" aria-label={t('libraryPdfFormLabel')}>
          <form
            class="editor"
            noValidate
            onSubmit={save}
            onKeyDown={(e) => {
              if (e.key === 'Escape') close();
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
            }}
          >
            <h2>{t('libraryPdfHeading', open.fileName)}</h2>
            <p class="elsewhere" role="status">
              {open.reading ? status : (open.draft.notice ?? status)}
            </p>
            <ProblemList errors={errors} label={t('editorProblemsLabel')} />
            <RecordForm
              values={values}
              onChange={(patch) => setValues((v) => (v ? { ...v, ...patch } : v))}
              hints={hints}
              literatureTypes={literatureTypes}
              keywordSuggestions={keywordSuggestions}
              summaryBusy={drafting}
              keywordTools={
                <KeywordSuggestions
                  suggestions={suggested}
                  tags={values.keywords}
                  inputId="f-keywords"
                  onAdd={(keyword) => setValues((v) => (v ? { ...v, keywords: [...v.keywords, keyword] } : v))}
                />
              }
              summaryTools={
                <SummaryDrafter
                  summary={values.summary}
                  article={article}
                  autoDraft={!open.draft.sources.summary}
                  onBusy={setDrafting}
                  onSummary={(summary) => setValues((v) => (v ? { ...v, summary } : v))}
                />
              }
            />
            <p class="buttons">
              <button type="submit" disabled={busy}>
                {t('libraryPdfSave')}
              </button>
              <button type="button" onClick={close}>
                {t('libraryPdfCancel')}
              </button>
            </p>
          </form>
        </aside>
      )}
    </>
  );
}

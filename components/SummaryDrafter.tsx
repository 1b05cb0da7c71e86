import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isAbortError, type EngineAvailability, type SummaryEngine, type SummaryLength, type SummaryType } from '../utils/summarizer/engine';
import { extractiveEngine } from '../utils/summarizer/extractive';
import { t, type MessageKey } from '../utils/i18n/messages';
import './popup-extras.css';

/** The article the draft is written from. */
export interface Article {
  text: string;
  title: string | null;
  language: string | null;
}

interface Props {
  summary: string;
  /** `auto`: an empty summary was filled without being asked, which is not an edit of the user's. */
  onSummary: (text: string, origin: 'user' | 'auto') => void;
  /** True while a draft streams into the Summary. */
  onBusy: (busy: boolean) => void;
  article: Article | null;
  /** Fill the Summary by itself once the article is known, if it is still empty then. */
  autoDraft: boolean;
}

const EXTRACTIVE = extractiveEngine();

/** The browser's AI engine, loaded only in browsers that have one (Chrome 138+), after the popup shows. */
async function loadBrowserAi(): Promise<SummaryEngine | null> {
  if (!('Summarizer' in globalThis)) return null;
  return (await import('../utils/summarizer/browser-ai')).browserAiEngine();
}

function Choice<T extends string>(props: { id: string; label: string; value: T; options: Array<[T, string]>; onChange: (value: T) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

const LENGTHS: Array<[SummaryLength, MessageKey]> = [['short', 'drafterLengthShort'], ['medium', 'drafterLengthMedium'], ['long', 'drafterLengthLong']];
const TYPES: Array<[SummaryType, MessageKey]> = [
  ['tldr', 'drafterStyleParagraph'], ['key-points', 'drafterStyleKeyPoints'], ['teaser', 'drafterStyleTeaser'], ['headline', 'drafterStyleHeadline'],
];
/** Choice options with their labels in the current language. */
const labelled = <T extends string>(options: Array<[T, MessageKey]>): Array<[T, string]> => options.map(([value, key]) => [value, t(key)]);

interface Running {
  user: boolean;
  label: string;
  progress: number | null;
  step: { part: number; parts: number } | null;
}

/**
 * "Draft summary" under the Summary field: the article's own sentences, or the browser's AI when it has
 * one. Text the user wrote is never overwritten without asking: Replace, Add below, or Keep mine.
 */
export function SummaryDrafter({ summary, onSummary, onBusy, article, autoDraft }: Props) {
  const [length, setLength] = useState<SummaryLength>('medium');
  const [engineId, setEngineId] = useState<SummaryEngine['id']>('extractive');
  const [type, setType] = useState<SummaryType>('tldr');
  const [ai, setAi] = useState<{ engine: SummaryEngine; state: EngineAvailability } | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  // A note about the last draft, shown while the summary still holds what the note is about.
  const [note, setNote] = useState<{ text: string; about: string } | null>(null);
  const latest = useRef(summary);
  latest.current = summary;
  // The last draft we wrote: drafting again over it (another length, say) needs no question.
  const ourDraft = useRef<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const draftButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const autoDone = useRef(false);

  const language = article?.language ?? null;
  useEffect(() => {
    if (!article) return;
    let live = true;
    void loadBrowserAi()
      .then(async (engine) => {
        const state = engine ? await engine.availability({ language }) : 'unavailable';
        if (live) setAi(engine && state !== 'unavailable' ? { engine, state } : null);
      })
      .catch(() => live && setAi(null));
    return () => {
      live = false;
    };
  }, [article, language]);

  const engine = engineId === 'browser-ai' && ai ? ai.engine : EXTRACTIVE;

  const run = async (mode: 'replace' | 'append', origin: 'user' | 'auto', using: SummaryEngine) => {
    if (!article?.text.trim()) {
      setNote({ text: t('drafterNoText'), about: latest.current });
      return;
    }
    const before = latest.current;
    const base = mode === 'append' && before.trim() ? `${before.trimEnd()}\n\n` : '';
    const abort = new AbortController();
    controller.current = abort;
    const user = origin === 'user';
    const label = t(using.id === 'browser-ai' ? 'drafterRunningAi' : 'drafterRunningArticle');
    setRunning({ user, label, progress: null, step: null });
    if (user) onBusy(true);
    let wrote = false;
    const write = (text: string) => {
      // An automatic draft gives way to anything typed meanwhile.
      if (!user && latest.current.trim() && !wrote) return abort.abort();
      wrote = true;
      ourDraft.current = base + text;
      onSummary(base + text, origin);
    };
    try {
      const text = await using.summarize(
        article.text,
        { length, type, language: article.language, title: article.title },
        {
          signal: abort.signal,
          onText: write,
          onProgress: (progress) => setRunning((r) => r && { ...r, progress }),
          onStep: (step) => setRunning((r) => r && { ...r, progress: null, step }),
        },
      );
      if (!text) {
        if (user) onSummary(before, origin);
        setNote({ text: t('drafterTooShort'), about: user ? before : latest.current });
      } else if (user || wrote) {
        // The streamed text, tidied (the engines trim their result).
        write(text);
        setNote({
          text: t(user ? 'drafterDone' : 'drafterDoneAuto'),
          about: base + text,
        });
      }
    } catch (e) {
      if (user) onSummary(before, origin);
      const about = user ? before : latest.current;
      if (!isAbortError(e)) setNote({ text: t('drafterFailed', e instanceof Error ? e.message : String(e)), about });
      else if (user) setNote({ text: t('drafterCancelled'), about });
    } finally {
      controller.current = null;
      setRunning(null);
      if (user) onBusy(false);
    }
  };

  useEffect(() => {
    if (!autoDraft) autoDone.current = false;
    if (!autoDraft || autoDone.current || !article?.text.trim() || latest.current.trim()) return;
    autoDone.current = true;
    void run('replace', 'auto', EXTRACTIVE);
  }, [autoDraft, article]);

  // Keyboard users keep their place: the button they pressed is swapped for Cancel and back. Focus moves in
  // layout effects, before the paint, so a key pressed in the first frame reaches the new control.
  const wasUserRun = useRef(false);
  useLayoutEffect(() => {
    if (running?.user && !wasUserRun.current) cancelButton.current?.focus();
    if (!running && wasUserRun.current && (!document.activeElement || document.activeElement === document.body)) draftButton.current?.focus();
    wasUserRun.current = !!running?.user;
  }, [running]);
  useLayoutEffect(() => {
    if (choosing) firstChoice.current?.focus();
  }, [choosing]);

  const onDraft = () => {
    const current = latest.current;
    if (current.trim() && current !== ourDraft.current) setChoosing(true);
    else void run('replace', 'user', engine);
  };
  const choose = (mode: 'replace' | 'append' | null) => {
    setChoosing(false);
    if (mode) void run(mode, 'user', engine);
    else draftButton.current?.focus();
  };

  return (
    <div class="summary-drafter">
      <div class="drafter-row">
        <Choice id="draft-length" label={t('drafterLength')} value={length} options={labelled(LENGTHS)} onChange={setLength} />
        {ai && (
          <Choice
            id="draft-engine"
            label={t('drafterEngine')}
            value={engineId}
            options={[
              ['extractive', EXTRACTIVE.label],
              ['browser-ai', ai.state === 'available' ? ai.engine.label : t('drafterEngineDownloads', ai.engine.label)],
            ]}
            onChange={setEngineId}
          />
        )}
        {engine.id === 'browser-ai' && <Choice id="draft-type" label={t('drafterStyle')} value={type} options={labelled(TYPES)} onChange={setType} />}
        {running ? (
          <button type="button" ref={cancelButton} onClick={() => controller.current?.abort()}>
            {t('drafterCancel')}
          </button>
        ) : (
          <button type="button" ref={draftButton} disabled={!article?.text.trim() || choosing} onClick={onDraft}>
            {t('drafterDraft')}
          </button>
        )}
      </div>
      {running?.progress != null && (
        <label class="drafter-progress">
          {t('drafterDownloading')}{' '}
          <progress max={1} value={running.progress}>
            {Math.round(running.progress * 100)}%
          </progress>
        </label>
      )}
      {running?.step && (
        <p class="drafter-note">
          {t('drafterPart', running.step.part, running.step.parts)}
        </p>
      )}
      {choosing && (
        <div
          role="group"
          aria-labelledby="draft-choice-text"
          class="draft-choice"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              choose(null);
            }
          }}
        >
          <span id="draft-choice-text">{t('drafterChoice')}</span>
          <button type="button" ref={firstChoice} onClick={() => choose('replace')}>
            {t('drafterReplace')}
          </button>
          <button type="button" onClick={() => choose('append')}>
            {t('drafterAppend')}
          </button>
          <button type="button" onClick={() => choose(null)}>
            {t('drafterKeep')}
          </button>
        </div>
      )}
      <p class="drafter-note" aria-live="polite">
        {running ? running.label : note?.about === summary ? note.text : ''}
      </p>
    </div>
  );
}

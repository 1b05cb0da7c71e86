import { useRef, useState } from 'preact/hooks';
import type { PrecisDatabase } from '../utils/db/database';
import type { PrecisRecord } from '../utils/record/schema';
import { MAX_IMPORT_BYTES, parseImportInSteps } from '../utils/import/parse-import';
import { previewImport, type ImportPreview, type ImportResult } from '../utils/import/apply-import';
import { readFileText } from '../utils/browser/read-file';
import { afterPaint } from '../utils/browser/after-paint';
import { yieldToPage } from '../utils/library/yield-to-page';
import { plural, t } from '../utils/i18n/messages';
import { ProgressLine } from './ProgressLine';

interface Props {
  db: PrecisDatabase;
  /** Writes the records (applyImport, as the page runs it), reporting how many are written. */
  apply: (records: PrecisRecord[], onProgress: (done: number, total: number) => void) => Promise<ImportResult>;
  /** The import is written and shown: what to tell the user. */
  onImported: (summary: string) => void;
}

/** Where an import is: each long step with how far it has got (`done` of `total` bytes or records). */
type Step =
  | { kind: 'idle' }
  | { kind: 'reading' | 'checking' | 'importing'; name: string; done: number; total: number }
  | { kind: 'preview'; name: string; records: PrecisRecord[]; preview: ImportPreview }
  | { kind: 'failed'; message: string };

const BUSY_LABELS = { reading: 'importReading', checking: 'importChecking', importing: 'importImporting' } as const;

const megabytes = (bytes: number) => t('importMegabytes', (bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0));
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Import a JSON export: choose a file, see what it would change, confirm. Nothing is written before that. */
export function LibraryImport({ db, apply, onImported }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File) => {
    performance.mark('precis:import-chosen'); // for bench/library.ts, as the marks below
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'failed', message: t('importTooLarge', file.name, megabytes(file.size), megabytes(MAX_IMPORT_BYTES)) });
      return;
    }
    const name = file.name;
    setStep({ kind: 'reading', name, done: 0, total: file.size });
    try {
      const t0 = performance.now();
      const text = await readFileText(file, (done, total) => setStep({ kind: 'reading', name, done, total }));
      performance.measure('precis:import-read', { start: t0 });
      setStep({ kind: 'checking', name, done: 0, total: 1 });
      await afterPaint(); // "Checking" is on screen before JSON.parse holds the page
      const parsed = await parseImportInSteps(text, file.size, {
        onProgress: ({ checked, total }) => setStep({ kind: 'checking', name, done: checked, total }),
        pause: yieldToPage,
      });
      if (!parsed.ok) {
        setStep({ kind: 'failed', message: t('importInvalid', name, parsed.message) });
        return;
      }
      setStep({ kind: 'preview', name, records: parsed.records, preview: await previewImport(db, parsed.records) });
      requestAnimationFrame(() => performance.mark('precis:import-previewed'));
    } catch (e) {
      setStep({ kind: 'failed', message: t('importUnreadable', name, errorText(e)) });
    }
  };

  const confirm = async (name: string, records: PrecisRecord[]) => {
    performance.mark('precis:import-confirmed');
    setStep({ kind: 'importing', name, done: 0, total: records.length });
    try {
      const r = await apply(records, (done, total) => setStep({ kind: 'importing', name, done, total }));
      setStep({ kind: 'idle' });
      onImported(t('importDone', name, r.added, r.updated, r.unchanged));
      requestAnimationFrame(() => performance.mark('precis:import-done'));
    } catch (e) {
      setStep({ kind: 'failed', message: t('importFailed', errorText(e)) });
    }
  };

  return (
    <div class="import">
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".json,application/json"
        class="visually-hidden"
        aria-label={t('importFileLabel')}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={step.kind in BUSY_LABELS}>
        {t('importButton')}
      </button>
      {(step.kind === 'reading' || step.kind === 'checking' || step.kind === 'importing') && (
        <ProgressLine label={t(BUSY_LABELS[step.kind], step.name)} done={step.done} total={step.total} />
      )}
      {step.kind === 'failed' && (
        <div class="import-panel import-error" role="alert">
          <p>{step.message}</p>
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            {t('importClose')}
          </button>
        </div>
      )}
      {step.kind === 'preview' && (
        <div class="import-panel" role="dialog" aria-label={t('importPreviewLabel')}>
          <p>
            {t(
              plural(step.preview.total, 'importPreviewOne', 'importPreviewMany'),
              step.name,
              step.preview.total,
              step.preview.new,
              step.preview.identical,
              step.preview.newer,
              step.preview.older,
            )}
          </p>
          <p class="import-note">{t('importPreviewNote')}</p>
          <p class="buttons">
            <button type="button" class="primary" disabled={step.preview.new + step.preview.newer === 0} onClick={() => confirm(step.name, step.records)}>
              {t(plural(step.preview.new + step.preview.newer, 'importConfirmOne', 'importConfirmMany'), step.preview.new + step.preview.newer)}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('importCancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

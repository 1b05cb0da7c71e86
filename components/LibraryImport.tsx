import { useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord } from '../utils/db/database';
import type { PrecisRecord } from '../utils/record/schema';
import { MAX_IMPORT_BYTES, parseImport } from '../utils/import/parse-import';
import { applyImport, previewImport, type ImportPreview } from '../utils/import/apply-import';
import { plural, t } from '../utils/i18n/messages';

interface Props {
  db: PrecisDatabase;
  onImported: (summary: string, written: StoredRecord[]) => Promise<void>;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; records: PrecisRecord[]; preview: ImportPreview }
  | { kind: 'importing'; name: string }
  | { kind: 'failed'; message: string };

const megabytes = (bytes: number) => t('importMegabytes', (bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0));
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Import a JSON export: choose a file, see what it would change, confirm. Nothing is written before that. */
export function LibraryImport({ db, onImported }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'failed', message: t('importTooLarge', file.name, megabytes(file.size), megabytes(MAX_IMPORT_BYTES)) });
      return;
    }
    setStep({ kind: 'reading', name: file.name });
    try {
      const t0 = performance.now();
      const text = await file.text();
      performance.measure('precis:import-read', { start: t0 });
      const parsed = parseImport(text, file.size);
      if (!parsed.ok) {
        setStep({ kind: 'failed', message: t('importInvalid', file.name, parsed.message) });
        return;
      }
      setStep({ kind: 'preview', name: file.name, records: parsed.records, preview: await previewImport(db, parsed.records) });
    } catch (e) {
      setStep({ kind: 'failed', message: t('importUnreadable', file.name, errorText(e)) });
    }
  };

  const confirm = async (name: string, records: PrecisRecord[]) => {
    setStep({ kind: 'importing', name });
    try {
      const r = await applyImport(db, records);
      setStep({ kind: 'idle' });
      await onImported(t('importDone', name, r.added, r.updated, r.unchanged), r.written);
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
      <button type="button" onClick={() => input.current?.click()} disabled={step.kind === 'reading' || step.kind === 'importing'}>
        {t('importButton')}
      </button>
      {step.kind === 'reading' && <p class="import-note">{t('importReading', step.name)}</p>}
      {step.kind === 'importing' && <p class="import-note">{t('importImporting', step.name)}</p>}
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

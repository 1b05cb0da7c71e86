import { useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord } from '../utils/db/database';
import type { PrecisRecord } from '../utils/record/schema';
import { MAX_IMPORT_BYTES, parseImport } from '../utils/import/parse-import';
import { applyImport, previewImport, type ImportPreview } from '../utils/import/apply-import';

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

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Import a JSON export: choose a file, see what it would change, confirm. Nothing is written before that. */
export function LibraryImport({ db, onImported }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'failed', message: `“${file.name}” is ${megabytes(file.size)}; files up to ${megabytes(MAX_IMPORT_BYTES)} can be imported. Nothing was changed.` });
      return;
    }
    setStep({ kind: 'reading', name: file.name });
    try {
      const parsed = parseImport(await file.text(), file.size);
      if (!parsed.ok) {
        setStep({ kind: 'failed', message: `“${file.name}” cannot be imported: ${parsed.message} Nothing was changed.` });
        return;
      }
      setStep({ kind: 'preview', name: file.name, records: parsed.records, preview: await previewImport(db, parsed.records) });
    } catch (e) {
      setStep({ kind: 'failed', message: `“${file.name}” could not be read: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.` });
    }
  };

  const confirm = async (name: string, records: PrecisRecord[]) => {
    setStep({ kind: 'importing', name });
    try {
      const r = await applyImport(db, records);
      setStep({ kind: 'idle' });
      await onImported(`Imported “${name}”: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.`, r.written);
    } catch (e) {
      setStep({ kind: 'failed', message: `Import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}` });
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
        aria-label="Import file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={step.kind === 'reading' || step.kind === 'importing'}>
        Import…
      </button>
      {step.kind === 'reading' && <p class="import-note">Reading “{step.name}”…</p>}
      {step.kind === 'importing' && <p class="import-note">Importing “{step.name}”…</p>}
      {step.kind === 'failed' && (
        <div class="import-panel import-error" role="alert">
          <p>{step.message}</p>
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            Close
          </button>
        </div>
      )}
      {step.kind === 'preview' && (
        <div class="import-panel" role="dialog" aria-label="Import preview">
          <p>
            “{step.name}” holds {plural(step.preview.total, 'record')}: {step.preview.new} new, {step.preview.identical} identical,{' '}
            {step.preview.newer} newer, {step.preview.older} older than the ones in your library.
          </p>
          <p class="import-note">New and newer records are saved; identical and older ones are left as they are. Nothing is deleted.</p>
          <p class="buttons">
            <button type="button" class="primary" disabled={step.preview.new + step.preview.newer === 0} onClick={() => confirm(step.name, step.records)}>
              Import {plural(step.preview.new + step.preview.newer, 'record')}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RecordForm } from './RecordForm';
import { formValuesFromRecord, recordFromFormValues, type FormValues } from '../utils/record/form-values';
import type { PrecisRecord } from '../utils/record/schema';
import type { StoredRecord } from '../utils/db/database';
import { t } from '../utils/i18n/messages';
import { ProblemList } from './ProblemList';

interface Props {
  /** The record as listed, without its article text: saving keeps the stored text. */
  record: StoredRecord;
  literatureTypes: string[];
  keywordSuggestions: string[];
  onSave: (record: PrecisRecord) => Promise<void>;
  onCancel: () => void;
  /** Whether the record has since been changed or deleted in another window (says so above the form). */
  elsewhere?: 'changed' | 'deleted' | null;
}

/** Edit a saved record in the library: the popup's form, without extraction hints. */
export function RecordEditor({ record, literatureTypes, keywordSuggestions, onSave, onCancel, elsewhere = null }: Props) {
  const [values, setValues] = useState<FormValues>(() => formValuesFromRecord(record));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  // Layout effects run before the first paint: a plain effect runs a frame later, and a key pressed in
  // between (Escape straight after the Enter that opened the editor) went to the list instead.
  // On closing, the focus goes back to what opened the editor (the row or its Edit button), so the keyboard
  // carries on from there instead of starting again at the top of the page.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root.current?.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || root.current?.contains(focus);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [record.id]);
  // Escape closes the editor wherever the focus is (the list, the search box, the page), not only inside the
  // form; a control that answers Escape itself (a question, a dialog) marks the key as handled.
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const inOtherDialog = e.target instanceof Element && e.target.closest('[role=dialog], [role=alertdialog]') && !root.current?.contains(e.target);
      if (!inOtherDialog) cancel.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const built = recordFromFormValues(values, {
      id: record.id,
      createdAt: record.createdAt,
      updatedAt: new Date().toISOString(),
      sources: record.sources,
    });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    try {
      await onSave(built.value);
    } catch (err) {
      setErrors([t('editorNotSaved', err instanceof Error ? err.message : String(err))]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={root}
      class="editor"
      noValidate
      aria-label={t('editorLabel', record.title)}
      onSubmit={submit}
    >
      <h2>{t('editorHeading')}</h2>
      <p class="elsewhere" role="status">
        {elsewhere === 'changed' ? t('editorChangedElsewhere') : elsewhere === 'deleted' ? t('editorDeletedElsewhere') : ''}
      </p>
      <ProblemList errors={errors} label={t('editorProblemsLabel')} />
      <RecordForm
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        hints={{}}
        literatureTypes={literatureTypes}
        keywordSuggestions={keywordSuggestions}
      />
      <p class="buttons">
        <button type="submit" disabled={busy}>
          {t('editorSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('editorCancel')}
        </button>
      </p>
    </form>
  );
}

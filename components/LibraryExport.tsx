import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormatId } from '../utils/export/formats';
import { t } from '../utils/i18n/messages';

export type ExportScope = 'all' | 'view' | 'selection';

export interface ExportRequest {
  format: ExportFormatId;
  scope: ExportScope;
  bom: boolean;
  /** Add the article texts (only for formats with a `textOption`). */
  includeText: boolean;
}

interface Props {
  counts: Record<ExportScope, number>;
  busy: boolean;
  onExport: (request: ExportRequest) => void;
}

/** "JSON" from "JSON (Précis records, re-importable)": the button names the format, the menu explains it. */
const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

/** Format picker, which records, and the export button. */
export function LibraryExport({ counts, busy, onExport }: Props) {
  const [format, setFormat] = useState<ExportFormatId>('json');
  const [scope, setScope] = useState<ExportScope>('all');
  const [bom, setBom] = useState(true);
  // Per format, whether to add the article texts (both JSON and CSV leave them out unless ticked).
  const [withText, setWithText] = useState<Partial<Record<ExportFormatId, boolean>>>({});
  const chosen = EXPORT_FORMATS.find((f) => f.id === format) ?? EXPORT_FORMATS[0];
  const includeText = chosen.textOption ? (withText[chosen.id] ?? chosen.textOption.default) : false;
  // A scope that has become empty (selection cleared) falls back to everything.
  const effectiveScope = counts[scope] > 0 ? scope : 'all';
  return (
    <div class="export">
      <label for="export-format">{t('exportFormatLabel')}</label>
      <select id="export-format" value={chosen.id} onChange={(e) => setFormat(e.currentTarget.value as ExportFormatId)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
      <label for="export-scope" class="visually-hidden">
        {t('exportScopeLabel')}
      </label>
      <select id="export-scope" value={effectiveScope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
        <option value="all">{t('exportScopeAll', counts.all)}</option>
        <option value="view" disabled={counts.view === 0}>
          {t('exportScopeView', counts.view)}
        </option>
        <option value="selection" disabled={counts.selection === 0}>
          {t('exportScopeSelection', counts.selection)}
        </option>
      </select>
      {chosen.id === 'csv' && (
        <label class="inline">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} /> {t('exportBom')}
        </label>
      )}
      {chosen.textOption && (
        <label class="inline">
          <input type="checkbox" checked={includeText} onChange={(e) => setWithText({ ...withText, [chosen.id]: e.currentTarget.checked })} />{' '}
          {t('exportIncludeText')}
        </label>
      )}
      <button
        type="button"
        class="primary"
        disabled={busy || counts[effectiveScope] === 0}
        onClick={() => onExport({ format: chosen.id, scope: effectiveScope, bom, includeText })}
      >
        {t('exportButton', shortLabel(chosen.label))}
      </button>
    </div>
  );
}

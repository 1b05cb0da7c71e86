import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase, type StoredRecord } from '../../utils/db/database';
import { deleteRecords, listFullRecords, listFullRecordsByIds, restoreRecords, saveRecord } from '../../utils/db/records';
import { addKeywordToRecords, deleteKeyword, removeKeywordFromRecords, renameKeyword } from '../../utils/db/keywords';
import { loadLiteratureTypes } from '../../utils/browser/settings';
import { DraftList } from '../../components/DraftList';
import { loadLastExport, storeLastExport } from '../../utils/browser/backup';
import { downloadText } from '../../utils/browser/download';
import { EXPORT_FORMATS, exportFileName } from '../../utils/export/formats';
import { textCard } from '../../utils/export/text-card';
import { applyView } from '../../utils/library/apply-view';
import { backupIsDue, describeLastExport } from '../../utils/library/backup-age';
import { distinctValues, keywordCounts } from '../../utils/library/keyword-counts';
import { keepExisting, toggleSelection } from '../../utils/library/selection';
import { effectiveSort, hasFilters, viewFromSearch, viewToSearch, type LibraryView } from '../../utils/library/view-state';
import { RecordEditor } from '../../components/RecordEditor';
import { LibraryList } from '../../components/LibraryList';
import { LibraryFilters } from '../../components/LibraryFilters';
import { LibraryKeywords } from '../../components/LibraryKeywords';
import { LibraryImport } from '../../components/LibraryImport';
import { LibraryExport, type ExportRequest } from '../../components/LibraryExport';
import { useLibraryRecords } from './use-library-records';

type Notice = { message: string; undo?: () => Promise<void> };

const plural = (n: number, one = 'record', many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Every saved record: browse, find, edit, delete, keywords, export and import. */
export function Library() {
  const db = useMemo(() => openDatabase(), []);
  const lib = useLibraryRecords(db);
  const { records, byId } = lib;
  const [view, setViewState] = useState<LibraryView>(() => viewFromSearch(location.search));
  const [tab, setTab] = useState<'records' | 'keywords' | 'drafts'>('records');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState(-1);
  const [editing, setEditing] = useState<StoredRecord | null>(null);
  const [notice, setNotice] = useState<Notice>({ message: '' });
  const [types, setTypes] = useState<string[]>([]);
  const [lastExport, setLastExport] = useState<Date | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [bulkKeyword, setBulkKeyword] = useState('');

  useEffect(() => {
    void loadLiteratureTypes().then(setTypes, () => {});
    void loadLastExport().then(setLastExport, () => setLastExport(null));
  }, []);

  const setView = (patch: Partial<LibraryView>) => {
    setViewState((v) => {
      const next = { ...v, ...patch };
      history.replaceState(null, '', location.pathname + viewToSearch(next, location.search));
      return next;
    });
  };

  // `?open=<id>` (from the popup's "already in your library") opens that record for editing.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('open');
    if (id && byId.has(id) && !editing) setEditing(byId.get(id)!);
  }, [byId]);
  const closeEditor = () => {
    const params = new URLSearchParams(location.search);
    if (params.has('open')) {
      params.delete('open');
      const s = params.toString();
      history.replaceState(null, '', location.pathname + (s ? `?${s}` : ''));
    }
    setEditing(null);
  };

  const searching = view.query.trim() !== '';
  const ranked = useMemo(() => (searching && lib.indexReady ? lib.index.search(view.query) : null), [view.query, lib.indexVersion, lib.indexReady]);
  // Until everything is loaded (or indexed, when searching), only the default view can be shown truthfully.
  const canShow = lib.complete ? !searching || lib.indexReady : !hasFilters(view) && effectiveSort(view) === 'clipped';
  const shown = useMemo(() => (records && canShow ? applyView(records, byId, ranked, view) : []), [records, byId, ranked, view, canShow]);
  // For bench/library.ts: the frame in which rows are first painted.
  useLayoutEffect(() => {
    if (shown.length && !performance.getEntriesByName('precis:rows-shown').length) requestAnimationFrame(() => performance.mark('precis:rows-shown'));
  }, [shown]);

  const counts = useMemo(() => keywordCounts(records ?? []), [records]);
  const choices = useMemo(
    () => ({
      keywords: counts.map((c) => c.keyword),
      literatureTypes: [...new Set([...types, ...distinctValues(records ?? [], (r) => r.literatureType)])],
      publishers: distinctValues(records ?? [], (r) => r.publisher),
      sections: distinctValues(records ?? [], (r) => r.section),
    }),
    [counts, types, records],
  );

  // Selected records that have since been deleted drop out of the selection.
  useEffect(() => {
    if (records && [...selected].some((id) => !byId.has(id))) setSelected(keepExisting(selected, (id) => byId.has(id)));
  }, [byId]);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setNotice({ message: `${what} failed: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const removeWithUndo = (ids: string[], label: string) =>
    run('Delete', async () => {
      const deleted = await deleteRecords(db, ids);
      lib.applyChanges({ removed: ids });
      if (editing && ids.includes(editing.id)) closeEditor();
      setNotice({
        message: `Deleted ${label}.`,
        undo: async () => {
          await restoreRecords(db, deleted);
          lib.applyChanges({ upserted: deleted.records });
          setNotice({ message: `Restored ${label}.` });
        },
      });
    });

  const exportRecords = ({ format: formatId, scope, bom }: ExportRequest) =>
    run('Export', async () => {
      const format = EXPORT_FORMATS.find((f) => f.id === formatId)!;
      // A selection is exported in the order shown; selected records outside the current view follow.
      const ids =
        scope === 'view'
          ? shown.map((r) => r.id)
          : scope === 'selection'
            ? [...new Set([...shown.filter((r) => selected.has(r.id)).map((r) => r.id), ...selected])]
            : null;
      const t0 = performance.now();
      const full = ids ? await listFullRecordsByIds(db, ids) : await listFullRecords(db);
      const t1 = performance.now();
      const now = new Date();
      const name = exportFileName(format.id, now);
      const data = format.build(full, { bom, exportedAt: now });
      performance.measure('precis:export-read', { start: t0, end: t1 });
      performance.measure('precis:export-build', { start: t1, end: performance.now() });
      downloadText(name, data, format.mime);
      await storeLastExport(now);
      setLastExport(now);
      setNotice({ message: `Exported ${plural(full.length)} to ${name}.` });
    });

  const changeKeywords = (what: string, change: () => Promise<StoredRecord[]>, done: (n: number) => string) =>
    run(what, async () => {
      const changed = await change();
      lib.applyChanges({ upserted: changed });
      setNotice({ message: done(changed.length) });
    });

  const toggle = (index: number, on: boolean, range: boolean) => {
    setSelected((s) => toggleSelection(s, shown.map((r) => r.id), index, on, range ? { anchor } : null));
    setAnchor(index);
  };

  const selectedCount = selected.size;
  const total = records?.length ?? 0;
  const status = lib.loadError
    ? `Could not open the library: ${lib.loadError}`
    : !records
      ? 'Loading…'
      : !canShow
        ? searching && lib.complete
          ? 'Preparing search…'
          : 'Loading…'
        : hasFilters(view)
          ? `${plural(shown.length)} of ${total} match.`
          : `${plural(total)} in your library.`;

  return (
    <main class="library">
      <header class="library-header">
        <h1>Précis library</h1>
        <label for="search" class="visually-hidden">
          Search records
        </label>
        <input
          id="search"
          type="search"
          placeholder="Search title, author, publisher, keyword, summary…"
          value={view.query}
          onInput={(e) => setView({ query: e.currentTarget.value })}
        />
        <LibraryExport counts={{ all: total, view: shown.length, selection: selectedCount }} busy={busy} onExport={exportRecords} />
        <LibraryImport
          db={db}
          onImported={async (summary, written) => {
            await lib.refresh(written);
            setNotice({ message: summary });
          }}
        />
        {lastExport !== undefined && <p class={backupIsDue(lastExport, total) ? 'backup due' : 'backup'}>{describeLastExport(lastExport)}</p>}
      </header>
      <nav class="tabs" aria-label="Library views">
        <button type="button" aria-pressed={tab === 'records'} onClick={() => setTab('records')}>
          Records
        </button>
        <button type="button" aria-pressed={tab === 'keywords'} onClick={() => setTab('keywords')}>
          Keywords ({counts.length})
        </button>
        <button type="button" aria-pressed={tab === 'drafts'} onClick={() => setTab('drafts')}>
          Unsaved drafts
        </button>
      </nav>
      <p class="summary-line">{status}</p>
      {tab === 'records' ? (
        <>
          <LibraryFilters view={view} choices={choices} onChange={setView} />
          {selectedCount > 0 && (
            <div class="bulk" role="group" aria-label="Selected records">
              <span>{plural(selectedCount)} selected</span>
              <label for="bulk-keyword" class="visually-hidden">
                Keyword for the selected records
              </label>
              <input id="bulk-keyword" type="text" list="bulk-keyword-choices" placeholder="Keyword" value={bulkKeyword} onInput={(e) => setBulkKeyword(e.currentTarget.value)} />
              <datalist id="bulk-keyword-choices">
                {choices.keywords.slice(0, 500).map((k) => (
                  <option key={k} value={k} />
                ))}
              </datalist>
              <button
                type="button"
                disabled={busy || !bulkKeyword.trim()}
                onClick={() =>
                  changeKeywords('Adding the keyword', () => addKeywordToRecords(db, [...selected], bulkKeyword), (n) => `Added “${bulkKeyword.trim()}” to ${plural(n)}.`)
                }
              >
                Add keyword
              </button>
              <button
                type="button"
                disabled={busy || !bulkKeyword.trim()}
                onClick={() =>
                  changeKeywords('Removing the keyword', () => removeKeywordFromRecords(db, [...selected], bulkKeyword), (n) => `Removed “${bulkKeyword.trim()}” from ${plural(n)}.`)
                }
              >
                Remove keyword
              </button>
              <button type="button" disabled={busy} onClick={() => removeWithUndo([...selected], plural(selectedCount))}>
                Delete selected
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </div>
          )}
          {records && total === 0 && <p>No records yet. Open an article and click the Précis icon to clip one.</p>}
          <LibraryList
            key={viewToSearch(view)}
            rows={shown}
            selected={selected}
            query={canShow ? view.query : ''}
            onToggle={toggle}
            onToggleAll={(on) => {
              const inView = new Set(shown.map((r) => r.id));
              setSelected(on ? new Set([...selected, ...inView]) : keepExisting(selected, (id) => !inView.has(id)));
            }}
            onOpen={setEditing}
            onCopyCard={(r) =>
              run('Copying the card', async () => {
                await navigator.clipboard.writeText(textCard(r));
                setNotice({ message: `Copied the card for “${r.title}”.` });
              })
            }
            onDelete={(r) => removeWithUndo([r.id], `“${r.title}”`)}
          />
        </>
      ) : tab === 'drafts' ? (
        <DraftList />
      ) : (
        <LibraryKeywords
          counts={counts}
          onShow={(keyword) => {
            setView({ keywords: [keyword] });
            setTab('records');
          }}
          onRename={(from, to) =>
            changeKeywords('Renaming the keyword', () => renameKeyword(db, from, to), (n) => `Renamed “${from}” to “${to.trim()}” in ${plural(n)}.`)
          }
          onDelete={async (keyword, count) => {
            if (!confirm(`Remove the keyword “${keyword}” from ${plural(count)}?`)) return;
            await changeKeywords('Deleting the keyword', () => deleteKeyword(db, keyword), (n) => `Removed “${keyword}” from ${plural(n)}.`);
          }}
        />
      )}
      {editing && (
        <aside class="editor-panel" aria-label="Record editor">
          <RecordEditor
            key={editing.id}
            record={editing}
            literatureTypes={types}
            keywordSuggestions={choices.keywords}
            onCancel={closeEditor}
            onSave={async (record) => {
              const saved = await saveRecord(db, record, { kind: 'update', id: record.id });
              const { text: _text, ...stored } = saved;
              lib.applyChanges({ upserted: [stored] });
              closeEditor();
              setNotice({ message: `Saved changes to “${saved.title}”.` });
            }}
          />
        </aside>
      )}
      <div class="toast" role="status">
        {notice.message}
        {notice.undo && (
          <button type="button" onClick={() => run('Undo', notice.undo!)}>
            Undo
          </button>
        )}
      </div>
    </main>
  );
}

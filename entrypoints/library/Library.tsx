import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase, type StoredRecord } from '../../utils/db/database';
import { RecordChangedElsewhere, deleteRecords, restoreRecords, saveRecord, withArticleTexts } from '../../utils/db/records';
import { addKeywordToRecords, deleteKeyword, removeKeywordFromRecords, renameKeyword } from '../../utils/db/keywords';
import { loadLiteratureTypes } from '../../utils/browser/settings';
import { DraftList } from '../../components/DraftList';
import { loadLastExport, storeLastExport } from '../../utils/browser/backup';
import { downloadText } from '../../utils/browser/download';
import { buildExport, buildExportAsRead, EXPORT_FORMATS, exportFileName } from '../../utils/export/formats';
import { textCard } from '../../utils/export/text-card';
import { applyView } from '../../utils/library/apply-view';
import { backupIsDue, describeLastExport } from '../../utils/library/backup-age';
import { distinctValues, keywordCounts } from '../../utils/library/keyword-counts';
import { keepExisting, recordsInOrder, toggleSelection } from '../../utils/library/selection';
import { effectiveSort, hasFilters, viewFromSearch, viewToSearch, type LibraryView } from '../../utils/library/view-state';
import { scanRecords } from '../../utils/search/warmup-scan';
import { RecordEditor } from '../../components/RecordEditor';
import { LibraryList } from '../../components/LibraryList';
import { LibraryFilters } from '../../components/LibraryFilters';
import { Choices } from '../../components/Choices';
import { LibraryKeywords } from '../../components/LibraryKeywords';
import { LibraryImport } from '../../components/LibraryImport';
import { PdfClip } from '../../components/PdfClip';
import { applyImport } from '../../utils/import/apply-import';
import { LibraryExport, type ExportRequest } from '../../components/LibraryExport';
import { useLibraryRecords, type FirstScreen } from './use-library-records';
import { LiveProgress, ProgressSource } from '../../components/ProgressLine';
import { afterPaint } from '../../utils/browser/after-paint';
import { yieldToPage } from '../../utils/library/yield-to-page';
import { plural, t, type MessageKey } from '../../utils/i18n/messages';
import { delayedProgress } from '../../utils/library/delayed-progress';
import { TeamPanel } from '../../components/TeamPanel';
import { useTeamState } from '../../components/team-state';
import { teamRoleOf } from '../../utils/sync/roles';

type Notice = { message: string; undo?: () => Promise<void> };

/** An export shows its progress bar once it has run this long. */
const SHOW_PROGRESS_AFTER_MS = 700;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Every saved record: browse, find, edit, delete, keywords, export and import. `firstScreen`: the newest
 * records as the page asked for them before rendering.
 */
export function Library({ firstScreen }: { firstScreen?: FirstScreen }) {
  const db = useMemo(() => openDatabase(), []);
  const lib = useLibraryRecords(db, firstScreen);
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
  // An export's progress bar, shown once it has run for a while (most exports are done before anyone could read it).
  const [exportProgress] = useState(() => new ProgressSource());
  const [bulkKeyword, setBulkKeyword] = useState('');
  const team = useTeamState(db);
  const me = team?.connection?.user ?? null;
  // The server lets an associate delete only their own records: the others' have no Delete here.
  const associate = team?.connection ? teamRoleOf(team.connection.roles) === 'associate' : false;
  const canDelete = (r: StoredRecord) => !associate || !r.clippedBy || r.clippedBy === me;

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
  // The index answers from its worker, a moment later; until its answer for the words typed arrives, the
  // previous answer stays on screen (the table's data-query names the words its rows answer).
  const [answer, setAnswer] = useState<{ query: string; ids: string[] } | null>(null);
  // A layout effect, so the words go to the worker as soon as they are rendered: Preact runs plain effects
  // only after the next frame is painted, which cost each keystroke 10–18 ms of waiting.
  useLayoutEffect(() => {
    if (!searching || !lib.indexReady) return;
    let current = true;
    const query = view.query;
    const t0 = performance.now();
    lib.index
      .search(query)
      .then((ids) => {
        performance.measure('precis:search-answer', { start: t0 }); // for bench/library.ts
        if (current) setAnswer({ query, ids });
      })
      .catch((e: unknown) => setNotice({ message: t('librarySearchFailed', errorText(e)) }));
    return () => {
      current = false;
    };
  }, [view.query, lib.indexVersion, lib.indexReady]);
  // While the index is still being built, a scan over the loaded records answers (warmup-scan.ts).
  const scanned = useMemo(
    () => (searching && !lib.indexReady && records && lib.complete ? { query: view.query, ids: scanRecords(records, view.query) } : null),
    [view.query, lib.indexReady, lib.complete, records],
  );
  const ranking = !searching ? null : lib.indexReady ? (answer ?? { query: view.query, ids: [] }) : scanned;
  const ranked = ranking?.ids ?? null;
  // Until everything is loaded, only the default view can be shown truthfully.
  const canShow = lib.complete || (!hasFilters(view) && effectiveSort(view) === 'clipped');
  // The view the rows answer: the words of the ranking on screen. Until a new answer arrives nothing changes,
  // so a keystroke re-filters and re-renders the list once, not twice.
  const shownQuery = ranking?.query ?? view.query;
  const shownKey = viewToSearch({ ...view, query: shownQuery });
  const shown = useMemo(
    () => (records && canShow ? applyView(records, byId, ranked, { ...view, query: shownQuery }, me) : []),
    [records, byId, ranked, shownKey, canShow, me],
  );
  // For bench/library.ts: the frame in which rows are first painted.
  useLayoutEffect(() => {
    if (shown.length && !performance.getEntriesByName('precis:rows-shown').length) requestAnimationFrame(() => performance.mark('precis:rows-shown'));
  }, [shown]);

  // Keyword counts and filter choices go over every record: they follow the list after it has painted (an
  // effect), so that 10,000 records' rows show first.
  const [tallied, setTallied] = useState<StoredRecord[] | null>(null);
  useEffect(() => setTallied(records), [records]);
  const counts = useMemo(() => keywordCounts(tallied ?? []), [tallied]);
  const choices = useMemo(
    () => ({
      keywords: counts.map((c) => c.keyword),
      literatureTypes: [...new Set([...types, ...distinctValues(tallied ?? [], (r) => r.literatureType)])],
      publishers: distinctValues(tallied ?? [], (r) => r.publisher),
      sections: distinctValues(tallied ?? [], (r) => r.section),
    }),
    [counts, types, tallied],
  );

  // Selected records that have since been deleted drop out of the selection.
  useEffect(() => {
    if (records && [...selected].some((id) => !byId.has(id))) setSelected(keepExisting(selected, (id) => byId.has(id)));
  }, [byId]);

  const run = async (failed: MessageKey, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setNotice({ message: t(failed, errorText(e)) });
    } finally {
      setBusy(false);
    }
  };

  /** `title` names a single record; otherwise the notice counts the records. */
  const removeWithUndo = (ids: string[], title?: string) =>
    run('noticeDeleteFailed', async () => {
      if (ids.some((id) => byId.has(id) && !canDelete(byId.get(id)!))) {
        setNotice({ message: t('teamNoDeleteOthers') });
        return;
      }
      const deleted = await deleteRecords(db, ids);
      lib.applyChanges({ removed: ids });
      if (editing && ids.includes(editing.id)) closeEditor();
      setNotice({
        message: title !== undefined ? t('noticeDeletedTitle', title) : t(plural(ids.length, 'noticeDeletedOne', 'noticeDeletedMany'), ids.length),
        undo: async () => {
          await restoreRecords(db, deleted);
          lib.applyChanges({ upserted: deleted.records });
          setNotice({
            message: title !== undefined ? t('noticeRestoredTitle', title) : t(plural(ids.length, 'noticeRestoredOne', 'noticeRestoredMany'), ids.length),
          });
        },
      });
    });

  const exportRecords = ({ format: formatId, scope, bom, includeText }: ExportRequest) =>
    run('noticeExportFailed', async () => {
      const clicked = performance.now();
      const format = EXPORT_FORMATS.find((f) => f.id === formatId)!;
      // A selection is exported in the order shown; selected records outside the current view follow.
      const ids =
        scope === 'view'
          ? shown.map((r) => r.id)
          : scope === 'selection'
            ? [...new Set([...shown.filter((r) => selected.has(r.id)).map((r) => r.id), ...selected])]
            : null;
      // Say what is being exported, and let that paint before the work starts.
      // (Before the whole library has loaded, `total` counts only the first screenful.)
      const count = ids?.length ?? (lib.complete ? total : null);
      setNotice({ message: count === null ? t('noticeExportingAll', format.label) : t(plural(count, 'noticeExportingOne', 'noticeExportingMany'), count, format.label) });
      await afterPaint();
      const started = performance.now();
      const bar = delayedProgress(SHOW_PROGRESS_AFTER_MS, { label: t(includeText ? 'exportReadingTexts' : 'exportWritingFile'), done: 0, total: 1 }, (p) =>
        exportProgress.set(p),
      );
      const progress = (phase: 'exportReadingTexts' | 'exportWritingFile') => (done: number, total: number) => bar.update({ label: t(phase), done, total });
      try {
        // The list on screen, once every change made elsewhere is read in: reading 10,000 records again costs
        // most of a second. Article texts (most of the bytes) are read only for an export that includes them.
        const all = await lib.upToDate();
        const listed = ids ? recordsInOrder(all, ids) : all;
        const read = performance.now();
        const now = new Date();
        const name = exportFileName(format.id, now);
        const options = { bom, exportedAt: now, includeText };
        // With the texts, the file is written as they are read (each range of them as it arrives).
        const data = includeText
          ? await buildExportAsRead(format, listed, options, (onPart) => withArticleTexts(db, listed, { onProgress: progress('exportReadingTexts'), onPart }))
          : await buildExport(format, listed, options, { onProgress: progress('exportWritingFile'), pause: yieldToPage });
        performance.measure('precis:export-read', { start: started, end: read });
        performance.measure('precis:export-build', { start: read, end: performance.now() });
        downloadText(name, data, format.mime);
        performance.measure('precis:export', { start: clicked }); // for bench/library.ts: click → file handed to the download
        await storeLastExport(now);
        setLastExport(now);
        setNotice({ message: t(plural(listed.length, 'noticeExportedOne', 'noticeExportedMany'), listed.length, name) });
      } finally {
        bar.stop();
      }
    });

  const changeKeywords = (failed: MessageKey, change: () => Promise<StoredRecord[]>, done: (n: number) => string) =>
    run(failed, async () => {
      const changed = await change();
      lib.applyChanges({ upserted: changed });
      setNotice({ message: done(changed.length) });
    });

  const toggle = (index: number, on: boolean, range: boolean) => {
    setSelected((s) => toggleSelection(s, shown.map((r) => r.id), index, on, range ? { anchor } : null));
    setAnchor(index);
  };

  // The record open in the editor, as the list now has it, if another window has changed or deleted it since.
  const listedNow = editing ? byId.get(editing.id) : undefined;
  const editedElsewhere = !editing || !lib.complete ? null : !listedNow ? 'deleted' : listedNow.updatedAt !== editing.updatedAt ? 'changed' : null;

  const selectedCount = selected.size;
  const total = records?.length ?? 0;
  const status = lib.loadError
    ? t('libraryOpenFailed', lib.loadError)
    : !records
      ? t('libraryLoading')
      : !canShow
        ? t('libraryLoading')
        : hasFilters(view)
          ? t(plural(shown.length, 'libraryMatchOne', 'libraryMatchMany'), shown.length, total) + (searching && !lib.indexReady ? ` ${t('libraryPreparingSearch')}` : '')
          : t(plural(total, 'libraryTotalOne', 'libraryTotalMany'), total);

  return (
    <main class="library">
      <header class="library-header">
        <h1>{t('libraryHeading')}</h1>
        <label for="search" class="visually-hidden">
          {t('librarySearchLabel')}
        </label>
        <input
          id="search"
          type="search"
          placeholder={t('librarySearchPlaceholder')}
          value={view.query}
          onInput={(e) => setView({ query: e.currentTarget.value })}
        />
        <LibraryExport counts={{ all: total, view: shown.length, selection: selectedCount }} busy={busy} onExport={exportRecords} />
        <LiveProgress source={exportProgress} />
        <LibraryImport
          db={db}
          apply={(records, onProgress) => lib.importing(() => applyImport(db, records, onProgress))}
          onImported={(summary) => setNotice({ message: summary })}
        />
        <PdfClip
          db={db}
          literatureTypes={types}
          keywordSuggestions={choices.keywords}
          onMessage={(message) => setNotice({ message })}
          onSaved={(stored) => {
            lib.applyChanges({ upserted: [stored] });
            setNotice({ message: t('libraryPdfSaved', stored.title) });
          }}
        />
        {lastExport !== undefined && <p class={backupIsDue(lastExport, total) ? 'backup due' : 'backup'}>{describeLastExport(lastExport)}</p>}
      </header>
      <nav class="tabs" aria-label={t('libraryTabsLabel')}>
        <button type="button" aria-pressed={tab === 'records'} onClick={() => setTab('records')}>
          {t('libraryTabRecords')}
        </button>
        <button type="button" aria-pressed={tab === 'keywords'} onClick={() => setTab('keywords')}>
          {t('libraryTabKeywords', counts.length)}
        </button>
        <button type="button" aria-pressed={tab === 'drafts'} onClick={() => setTab('drafts')}>
          {t('libraryTabDrafts')}
        </button>
      </nav>
      <p class="summary-line">{status}</p>
      {team?.connection && <TeamPanel db={db} team={team} />}
      {tab === 'records' ? (
        <>
          <LibraryFilters view={view} choices={choices} onChange={setView} team={!!team?.connection} />
          {selectedCount > 0 && (
            <div class="bulk" role="group" aria-label={t('bulkLabel')}>
              <span>{t(plural(selectedCount, 'bulkSelectedOne', 'bulkSelectedMany'), selectedCount)}</span>
              <label for="bulk-keyword" class="visually-hidden">
                {t('bulkKeywordLabel')}
              </label>
              <input id="bulk-keyword" type="text" list="bulk-keyword-choices" placeholder={t('bulkKeywordPlaceholder')} value={bulkKeyword} onInput={(e) => setBulkKeyword(e.currentTarget.value)} />
              <Choices id="bulk-keyword-choices" values={choices.keywords} limit={500} />
              <button
                type="button"
                disabled={busy || !bulkKeyword.trim()}
                onClick={() =>
                  changeKeywords('noticeAddKeywordFailed', () => addKeywordToRecords(db, [...selected], bulkKeyword), (n) =>
                    t(plural(n, 'noticeKeywordAddedOne', 'noticeKeywordAddedMany'), bulkKeyword.trim(), n),
                  )
                }
              >
                {t('bulkAddKeyword')}
              </button>
              <button
                type="button"
                disabled={busy || !bulkKeyword.trim()}
                onClick={() =>
                  changeKeywords('noticeRemoveKeywordFailed', () => removeKeywordFromRecords(db, [...selected], bulkKeyword), (n) =>
                    t(plural(n, 'noticeKeywordRemovedOne', 'noticeKeywordRemovedMany'), bulkKeyword.trim(), n),
                  )
                }
              >
                {t('bulkRemoveKeyword')}
              </button>
              <button type="button" disabled={busy} onClick={() => removeWithUndo([...selected])}>
                {t('bulkDelete')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('bulkClear')}
              </button>
            </div>
          )}
          {records && total === 0 && <p>{t('libraryEmpty')}</p>}
          <LibraryList
            viewKey={shownKey}
            rows={shown}
            selected={selected}
            query={canShow ? shownQuery : ''}
            onToggle={toggle}
            onToggleAll={(on) => {
              const inView = new Set(shown.map((r) => r.id));
              setSelected(on ? new Set([...selected, ...inView]) : keepExisting(selected, (id) => !inView.has(id)));
            }}
            onOpen={setEditing}
            onCopyCard={(r) =>
              run('noticeCopyCardFailed', async () => {
                await navigator.clipboard.writeText(textCard(r));
                setNotice({ message: t('noticeCardCopied', r.title) });
              })
            }
            onDelete={(r) => removeWithUndo([r.id], r.title)}
            canDelete={canDelete}
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
            changeKeywords('noticeRenameKeywordFailed', () => renameKeyword(db, from, to), (n) =>
              t(plural(n, 'noticeKeywordRenamedOne', 'noticeKeywordRenamedMany'), from, to.trim(), n),
            )
          }
          onDelete={async (keyword, count) => {
            if (!confirm(t(plural(count, 'confirmDeleteKeywordOne', 'confirmDeleteKeywordMany'), keyword, count))) return;
            await changeKeywords('noticeDeleteKeywordFailed', () => deleteKeyword(db, keyword), (n) =>
              t(plural(n, 'noticeKeywordRemovedOne', 'noticeKeywordRemovedMany'), keyword, n),
            );
          }}
        />
      )}
      {editing && (
        <aside class="editor-panel" aria-label={t('libraryEditorLabel')}>
          <RecordEditor
            key={editing.id}
            record={editing}
            literatureTypes={types}
            keywordSuggestions={choices.keywords}
            onCancel={closeEditor}
            elsewhere={editedElsewhere}
            onSave={async (record) => {
              let saved;
              try {
                saved = await saveRecord(db, record, { kind: 'update', id: record.id, basedOn: editing.updatedAt });
              } catch (e) {
                // Saved meanwhile in the popup or another tab: replace that version only if the user says so.
                if (!(e instanceof RecordChangedElsewhere)) throw e;
                if (!confirm(t('confirmReplaceChanged', e.current.title))) throw new Error(t('editorKeptOtherVersion'), { cause: e });
                saved = await saveRecord(db, record, { kind: 'update', id: record.id, basedOn: e.current.updatedAt });
              }
              const { text: _text, ...stored } = saved;
              lib.applyChanges({ upserted: [stored] });
              closeEditor();
              setNotice({ message: t('noticeSaved', saved.title) });
            }}
          />
        </aside>
      )}
      <div class="toast" role="status">
        {notice.message}
        {notice.undo && (
          <button type="button" onClick={() => run('noticeUndoFailed', notice.undo!)}>
            {t('libraryUndo')}
          </button>
        )}
      </div>
    </main>
  );
}

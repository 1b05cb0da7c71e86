import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StoredRecord } from '../utils/db/database';
import { rowAfterKey, scrollToRow, visibleRows } from '../utils/library/virtual-window';
import { t } from '../utils/i18n/messages';

/** Fixed row height in pixels (library.css sets the same). */
export const ROW_HEIGHT = 52;

interface Props {
  rows: readonly StoredRecord[];
  selected: ReadonlySet<string>;
  /** The search words these rows answer (exposed as data-query, for tests and benchmarks). */
  query: string;
  /** Names the view (search words, filters, sort): a new one starts the list again at its top. */
  viewKey: string;
  onToggle: (index: number, on: boolean, range: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (record: StoredRecord) => void;
  onCopyCard: (record: StoredRecord) => void;
  onDelete: (record: StoredRecord) => void;
  /** Whether the user may delete this record (team library: an associate deletes only their own). */
  canDelete?: (record: StoredRecord) => boolean;
}

const authorNames = (r: StoredRecord) => r.authors.map((a) => a.name).join('; ');
const webLink = (url: string | null) => (url && /^https?:/i.test(url) ? url : null);

/**
 * The records as a table that renders only the rows in view, so 10,000 records scroll smoothly. Keyboard:
 * arrows, Page Up/Down, Home/End move between rows; Enter opens the row's record; Space ticks it.
 * A new `viewKey` starts it again at the top, in the same elements: remounting the table for every keystroke
 * cost each search a forced layout of the page.
 */
export function LibraryList({ rows, selected, query, viewKey, onToggle, onToggleAll, onOpen, onCopyCard, onDelete, canDelete = () => true }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  // Scroll position and active row belong to the view they were set in: a new view starts at its top with no
  // active row.
  const [scrolled, setScrolled] = useState({ view: viewKey, top: 0 });
  const [activeIn, setActiveIn] = useState({ view: viewKey, row: -1 });
  const scrollTop = scrolled.view === viewKey ? scrolled.top : 0;
  const activeRow = activeIn.view === viewKey ? activeIn.row : -1;
  const setScrollTop = (top: number) => setScrolled({ view: viewKey, top });
  const setActive = (row: number) => setActiveIn({ view: viewKey, row });
  const [height, setHeight] = useState(600);
  const active = Math.min(activeRow, rows.length - 1);
  const focusActive = useRef(false);

  // The height from the observer's own entries (it reports once on observe): reading clientHeight here would
  // force a layout before the first paint.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => setHeight(entries[entries.length - 1].contentRect.height));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The element follows a new view to its top; only one scrolled away from it is written to (reading
  // scrollTop would force a layout).
  useLayoutEffect(() => {
    if (scrolled.view !== viewKey && scrolled.top !== 0 && viewport.current) viewport.current.scrollTop = 0;
  }, [viewKey]);

  // Before the paint, as the editor's focus: a key pressed right after an arrow must reach the row it moved to
  // (with a plain effect, Enter opened one row while the focus still sat on the previous one).
  useLayoutEffect(() => {
    if (!focusActive.current || active < 0) return;
    focusActive.current = false;
    viewport.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  });

  const { start, end, offset } = visibleRows(scrollTop, height, ROW_HEIGHT, rows.length);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const moveTo = (index: number) => {
    const el = viewport.current;
    if (el) {
      const top = scrollToRow(index, el.scrollTop, el.clientHeight, ROW_HEIGHT);
      if (top !== null) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
    focusActive.current = true;
    setActive(index);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const onRow = target.getAttribute('role') === 'row';
    // Inside a row (its checkbox or buttons) only the up and down arrows move between rows.
    if (!onRow && !(target.closest('[data-index]') && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))) return;
    const next = rowAfterKey(e.key, active, rows.length, Math.floor(height / ROW_HEIGHT) - 1);
    if (next !== null) {
      e.preventDefault();
      moveTo(next);
    } else if (onRow && active >= 0 && e.key === 'Enter') {
      e.preventDefault();
      onOpen(rows[active]);
    } else if (onRow && active >= 0 && e.key === ' ') {
      e.preventDefault();
      onToggle(active, !selected.has(rows[active].id), e.shiftKey);
    }
  };

  return (
    <div class="record-table" role="table" aria-label={t('listLabel')} aria-rowcount={rows.length + 1} data-query={query} onKeyDown={onKeyDown}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} class="record-row head">
          <span role="columnheader">
            <input
              type="checkbox"
              aria-label={t('listSelectAll', rows.length)}
              checked={allSelected}
              disabled={rows.length === 0}
              onChange={(e) => onToggleAll(e.currentTarget.checked)}
            />
          </span>
          <span role="columnheader">{t('listTitleColumn')}</span>
          <span role="columnheader">{t('listPublisherColumn')}</span>
          <span role="columnheader">{t('listPublishedColumn')}</span>
          <span role="columnheader">{t('listKeywordsColumn')}</span>
          <span role="columnheader">
            <span class="visually-hidden">{t('listActionsColumn')}</span>
          </span>
        </div>
      </div>
      <div ref={viewport} class="record-viewport" role="rowgroup" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div class="record-spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          <div style={{ transform: `translateY(${offset}px)` }}>
            {rows.slice(start, end).map((r, i) => {
              const index = start + i;
              const link = webLink(r.url);
              return (
                <div
                  key={r.id}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={selected.has(r.id)}
                  data-index={index}
                  tabIndex={index === active || (active < 0 && index === 0) ? 0 : -1}
                  class={index === active ? 'record-row active' : 'record-row'}
                  onFocusIn={() => setActive(index)}
                  onDblClick={() => onOpen(r)}
                >
                  <span role="cell">
                    <input
                      type="checkbox"
                      aria-label={t('listSelect', r.title)}
                      checked={selected.has(r.id)}
                      onClick={(e) => onToggle(index, e.currentTarget.checked, e.shiftKey)}
                    />
                  </span>
                  <span role="cell" class="title-cell">
                    <span class="title">
                      {link ? (
                        <a href={link} target="_blank" rel="noopener noreferrer">
                          {r.title}
                        </a>
                      ) : (
                        r.title
                      )}
                    </span>
                    <span class="meta">
                      {[authorNames(r), r.literatureType, r.section, r.clippedBy ? t('teamClippedBy', r.clippedBy) : null].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <span role="cell">{r.publisher}</span>
                  <span role="cell">{r.publishedDate?.slice(0, 10)}</span>
                  <span role="cell" class="keywords">
                    {r.keywords.join(', ')}
                  </span>
                  <span role="cell" class="actions">
                    <button type="button" aria-label={t('listEditLabel', r.title)} onClick={() => onOpen(r)}>
                      {t('listEdit')}
                    </button>
                    <button type="button" aria-label={t('listCopyCardLabel', r.title)} onClick={() => onCopyCard(r)}>
                      {t('listCopyCard')}
                    </button>
                    {canDelete(r) && (
                      <button type="button" aria-label={t('listDeleteLabel', r.title)} onClick={() => onDelete(r)}>
                        {t('listDelete')}
                      </button>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

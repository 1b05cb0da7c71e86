import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StoredRecord } from '../utils/db/database';
import { rowAfterKey, scrollToRow, visibleRows } from '../utils/library/virtual-window';

/** Fixed row height in pixels (library.css sets the same). */
export const ROW_HEIGHT = 52;

interface Props {
  rows: readonly StoredRecord[];
  selected: ReadonlySet<string>;
  /** The search words these rows answer (exposed as data-query, for tests and benchmarks). */
  query: string;
  onToggle: (index: number, on: boolean, range: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (record: StoredRecord) => void;
  onCopyCard: (record: StoredRecord) => void;
  onDelete: (record: StoredRecord) => void;
}

const authorNames = (r: StoredRecord) => r.authors.map((a) => a.name).join('; ');
const webLink = (url: string | null) => (url && /^https?:/i.test(url) ? url : null);

/**
 * The records as a table that renders only the rows in view, so 10,000 records scroll smoothly. Keyboard:
 * arrows, Page Up/Down, Home/End move between rows; Enter opens the row's record; Space ticks it.
 * Give it a new `key` for a new view, so that it starts again at the top.
 */
export function LibraryList({ rows, selected, query, onToggle, onToggleAll, onOpen, onCopyCard, onDelete }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [activeRow, setActive] = useState(-1);
  const active = Math.min(activeRow, rows.length - 1);
  const focusActive = useRef(false);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
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
    <div class="record-table" role="table" aria-label="Records" aria-rowcount={rows.length + 1} data-query={query} onKeyDown={onKeyDown}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} class="record-row head">
          <span role="columnheader">
            <input
              type="checkbox"
              aria-label={`Select all ${rows.length} in view`}
              checked={allSelected}
              disabled={rows.length === 0}
              onChange={(e) => onToggleAll(e.currentTarget.checked)}
            />
          </span>
          <span role="columnheader">Title and author</span>
          <span role="columnheader">Publisher</span>
          <span role="columnheader">Published</span>
          <span role="columnheader">Keywords</span>
          <span role="columnheader">
            <span class="visually-hidden">Actions</span>
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
                      aria-label={`Select ${r.title}`}
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
                    <span class="meta">{[authorNames(r), r.literatureType, r.section].filter(Boolean).join(' · ')}</span>
                  </span>
                  <span role="cell">{r.publisher}</span>
                  <span role="cell">{r.publishedDate?.slice(0, 10)}</span>
                  <span role="cell" class="keywords">
                    {r.keywords.join(', ')}
                  </span>
                  <span role="cell" class="actions">
                    <button type="button" aria-label={`Edit ${r.title}`} onClick={() => onOpen(r)}>
                      Edit
                    </button>
                    <button type="button" aria-label={`Copy card for ${r.title}`} onClick={() => onCopyCard(r)}>
                      Copy card
                    </button>
                    <button type="button" aria-label={`Delete ${r.title}`} onClick={() => onDelete(r)}>
                      Delete
                    </button>
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

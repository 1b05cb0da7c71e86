import { useState } from 'preact/hooks';
import type { KeywordCount } from '../utils/library/keyword-counts';

interface Props {
  counts: KeywordCount[];
  onShow: (keyword: string) => void;
  onRename: (from: string, to: string) => Promise<void>;
  onDelete: (keyword: string, count: number) => Promise<void>;
}

const SHOWN = 500;

/** Every keyword with how many records carry it: show its records, rename or merge it, or delete it everywhere. */
export function LibraryKeywords({ counts, onShow, onRename, onDelete }: Props) {
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const matching = needle ? counts.filter((c) => c.keyword.toLocaleLowerCase().includes(needle)) : counts;
  const existing = (name: string) => counts.find((c) => c.keyword.toLocaleLowerCase() === name.trim().toLocaleLowerCase());

  return (
    <section class="keywords-view" aria-label="Keywords">
      <p class="keywords-head">
        <label for="keyword-filter">Find a keyword</label>
        <input id="keyword-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        <span>
          {counts.length} keyword{counts.length === 1 ? '' : 's'}
          {matching.length > SHOWN ? `; showing the first ${SHOWN} of ${matching.length}` : ''}
        </span>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Keyword</th>
            <th scope="col">Records</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {matching.slice(0, SHOWN).map((c) => {
            const target = renaming === c.keyword ? existing(newName) : undefined;
            const merging = target !== undefined && target.keyword !== c.keyword;
            return (
              <tr key={c.keyword}>
                <th scope="row">
                  {c.keyword}
                  {c.variants.length > 0 && <span class="variants"> (also written {c.variants.join(', ')})</span>}
                </th>
                <td>{c.count}</td>
                <td class="actions">
                  {renaming === c.keyword ? (
                    <form
                      class="rename"
                      onSubmit={async (e) => {
                        e.preventDefault();
                        await onRename(c.keyword, newName);
                        setRenaming(null);
                      }}
                    >
                      <label for="keyword-new-name" class="visually-hidden">
                        New name for {c.keyword}
                      </label>
                      <input id="keyword-new-name" type="text" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} autoFocus />
                      <button type="submit" disabled={!newName.trim()}>
                        {merging ? `Merge into ${target.keyword}` : 'Rename'}
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <>
                      <button type="button" aria-label={`Show records with ${c.keyword}`} onClick={() => onShow(c.keyword)}>
                        Show
                      </button>
                      <button
                        type="button"
                        aria-label={`Rename or merge ${c.keyword}`}
                        onClick={() => {
                          setRenaming(c.keyword);
                          setNewName(c.keyword);
                        }}
                      >
                        Rename…
                      </button>
                      <button type="button" aria-label={`Delete keyword ${c.keyword}`} onClick={() => onDelete(c.keyword, c.count)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

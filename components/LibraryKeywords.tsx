import { useState } from 'preact/hooks';
import type { KeywordCount } from '../utils/library/keyword-counts';
import { plural, t } from '../utils/i18n/messages';

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
    <section class="keywords-view" aria-label={t('keywordsLabel')}>
      <p class="keywords-head">
        <label for="keyword-filter">{t('keywordsFind')}</label>
        <input id="keyword-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        <span>
          {t(plural(counts.length, 'keywordsCountOne', 'keywordsCountMany'), counts.length)}
          {matching.length > SHOWN ? t('keywordsShowingFirst', SHOWN, matching.length) : ''}
        </span>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('keywordsKeywordColumn')}</th>
            <th scope="col">{t('keywordsRecordsColumn')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('keywordsActionsColumn')}</span>
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
                  {c.variants.length > 0 && <span class="variants"> {t('keywordsVariants', c.variants.join(', '))}</span>}
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
                        {t('keywordsNewNameLabel', c.keyword)}
                      </label>
                      <input id="keyword-new-name" type="text" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} autoFocus />
                      <button type="submit" disabled={!newName.trim()}>
                        {merging ? t('keywordsMergeInto', target.keyword) : t('keywordsRename')}
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('keywordsCancel')}
                      </button>
                    </form>
                  ) : (
                    <>
                      <button type="button" aria-label={t('keywordsShowLabel', c.keyword)} onClick={() => onShow(c.keyword)}>
                        {t('keywordsShow')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('keywordsRenameOpenLabel', c.keyword)}
                        onClick={() => {
                          setRenaming(c.keyword);
                          setNewName(c.keyword);
                        }}
                      >
                        {t('keywordsRenameOpen')}
                      </button>
                      <button type="button" aria-label={t('keywordsDeleteLabel', c.keyword)} onClick={() => onDelete(c.keyword, c.count)}>
                        {t('keywordsDelete')}
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

import type { LibraryView, SortKey, Whose } from '../utils/library/view-state';
import { SORT_KEYS, SORT_LABELS, emptyView, hasFilters } from '../utils/library/view-state';
import { TagInput } from './TagInput';
import { Choices } from './Choices';
import { t } from '../utils/i18n/messages';

export interface FilterChoices {
  keywords: string[];
  literatureTypes: string[];
  publishers: string[];
  sections: string[];
}

interface Props {
  view: LibraryView;
  choices: FilterChoices;
  onChange: (patch: Partial<LibraryView>) => void;
  /** A team library is connected: offer Mine / Team. */
  team?: boolean;
}

/** Keyword, type, publisher, section and published-date filters, and the sort order. */
export function LibraryFilters({ view, choices, onChange, team = false }: Props) {
  // Text boxes apply on change (Enter, leaving the box, or picking a suggestion), not on every letter.
  const text = (id: string, label: string, value: string | null, list: string[], key: 'publisher' | 'section') => (
    <div class="filter">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        list={`${id}-choices`}
        value={value ?? ''}
        autocomplete="off"
        onChange={(e) => onChange({ [key]: e.currentTarget.value.trim() || null })}
      />
      <Choices id={`${id}-choices`} values={list} limit={500} />
    </div>
  );
  return (
    <fieldset class="filters plain" aria-label={t('filtersLabel')}>
      <div class="filter wide-filter">
        <label for="filter-keywords">{t('filterKeywords')}</label>
        <TagInput id="filter-keywords" tags={view.keywords} onChange={(keywords) => onChange({ keywords })} suggestions={choices.keywords} />
      </div>
      <div class="filter">
        <label for="filter-type">{t('filterType')}</label>
        <select id="filter-type" value={view.literatureType ?? ''} onChange={(e) => onChange({ literatureType: e.currentTarget.value || null })}>
          <option value="">{t('filterTypeAny')}</option>
          {choices.literatureTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      {text('filter-publisher', t('filterPublisher'), view.publisher, choices.publishers, 'publisher')}
      {text('filter-section', t('filterSection'), view.section, choices.sections, 'section')}
      <div class="filter">
        <label for="filter-from">{t('filterFrom')}</label>
        <input id="filter-from" type="date" value={view.from ?? ''} onChange={(e) => onChange({ from: e.currentTarget.value || null })} />
      </div>
      <div class="filter">
        <label for="filter-to">{t('filterTo')}</label>
        <input id="filter-to" type="date" value={view.to ?? ''} onChange={(e) => onChange({ to: e.currentTarget.value || null })} />
      </div>
      {team && (
        <div class="filter">
          <label for="filter-whose">{t('teamWhose')}</label>
          <select id="filter-whose" value={view.whose ?? ''} onChange={(e) => onChange({ whose: (e.currentTarget.value || null) as Whose | null })}>
            <option value="">{t('teamEveryone')}</option>
            <option value="mine">{t('teamMine')}</option>
            <option value="team">{t('teamTeam')}</option>
          </select>
        </div>
      )}
      <div class="filter">
        <label for="sort">{t('filterSort')}</label>
        <select id="sort" value={view.sort ?? ''} onChange={(e) => onChange({ sort: (e.currentTarget.value || null) as SortKey | null })}>
          <option value="">{view.query.trim() ? SORT_LABELS.relevance : SORT_LABELS.clipped}</option>
          {SORT_KEYS.filter((k) => k !== 'relevance' || view.query.trim()).map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="clear-filters" disabled={!hasFilters(view)} onClick={() => onChange({ ...emptyView(), sort: view.sort })}>
        {t('filtersClear')}
      </button>
    </fieldset>
  );
}

import type { Draft, DraftField } from '../utils/extract/draft';
import type { Hint } from './SourceHint';
import type { HintField } from './RecordForm';
import { t } from '../utils/i18n/messages';
import { sourceText } from '../utils/extract/sources';

const FILLABLE: Array<DraftField & HintField> = [
  'title', 'authors', 'publisher', 'publishedDate', 'place', 'literatureType', 'wordCount', 'language', 'keywords', 'section',
];

/** Per form field: where the extractor found its value, or that it found none. */
export function hintsFromDraft(draft: Draft): Partial<Record<HintField, Hint>> {
  const hints: Partial<Record<HintField, Hint>> = {};
  for (const field of FILLABLE) {
    const source = draft.sources[field];
    hints[field] = source ? { kind: draft.guessed.includes(field) ? 'guessed' : 'from', source: sourceText(source) } : { kind: 'empty' };
  }
  const hasAffiliation = draft.authors.some((a) => a.affiliation);
  hints.affiliation = hasAffiliation && draft.sources.authors ? { kind: 'from', source: sourceText(draft.sources.authors) } : { kind: 'empty' };
  if (draft.url) hints.url = { kind: 'from', source: t('hintSourceTab') };
  return hints;
}

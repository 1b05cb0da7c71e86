import type { Draft, DraftField } from '../extract/draft';
import { canonicalUrl } from './url';
import { t, type MessageKey } from '../i18n/messages';
import { validateRecord, type PrecisRecord, type SummarizedBy, type ValidationResult } from './schema';

/** The popup form's state: what the user sees and edits, all as text. */
export interface FormValues {
  title: string;
  url: string;
  /** Author names separated by "; ". */
  authors: string;
  /** Affiliations separated by "; ", matched to authors by position (one value applies to all). */
  affiliation: string;
  publisher: string;
  /** YYYY-MM-DD or empty. */
  publishedDate: string;
  place: string;
  literatureType: string;
  wordCount: string;
  language: string;
  keywords: string[];
  section: string;
  summary: string;
  summarizerName: string;
  summarizerRole: string;
}

export function emptyFormValues(): FormValues {
  return {
    title: '', url: '', authors: '', affiliation: '', publisher: '', publishedDate: '', place: '', literatureType: '',
    wordCount: '', language: '', keywords: [], section: '', summary: '', summarizerName: '', summarizerRole: '',
  };
}

const splitList = (s: string) => s.split(';').map((x) => x.trim());

type FormSource = Pick<
  PrecisRecord,
  'title' | 'url' | 'authors' | 'publisher' | 'publishedDate' | 'place' | 'literatureType' | 'wordCount' | 'language' | 'keywords' | 'section' | 'summary' | 'summarizedBy'
>;

function toFormValues(from: { [K in keyof FormSource]: FormSource[K] | null }): FormValues {
  const authors = from.authors ?? [];
  const affiliations = authors.map((a) => a.affiliation ?? '');
  const distinct = new Set(affiliations.filter(Boolean));
  return {
    title: from.title ?? '',
    url: from.url ?? '',
    authors: authors.map((a) => a.name).join('; '),
    // One affiliation shared by all authors is shown once; several are listed by position.
    affiliation: distinct.size <= 1 ? ([...distinct][0] ?? '') : affiliations.join('; '),
    publisher: from.publisher ?? '',
    publishedDate: from.publishedDate?.slice(0, 10) ?? '',
    place: from.place ?? '',
    literatureType: from.literatureType ?? '',
    wordCount: from.wordCount == null ? '' : String(from.wordCount),
    language: from.language ?? '',
    keywords: [...(from.keywords ?? [])],
    section: from.section ?? '',
    summary: from.summary ?? '',
    summarizerName: from.summarizedBy?.name ?? '',
    summarizerRole: from.summarizedBy?.role ?? '',
  };
}

/** Fill the form from an extracted draft; the summarizer comes from the user's remembered identity. */
export function formValuesFromDraft(draft: Draft, summarizer: SummarizedBy | null): FormValues {
  return toFormValues({ ...draft, summarizedBy: summarizer });
}

/**
 * The form once more of the document has been read (a PDF's remaining pages): each field the user has not
 * changed since `before` was shown takes its value from `after`; what the user typed stays.
 */
export function fillUntouched(current: FormValues, before: FormValues, after: FormValues): FormValues {
  const out = { ...current };
  for (const key of Object.keys(after) as Array<keyof FormValues>) {
    if (JSON.stringify(current[key]) === JSON.stringify(before[key])) (out as Record<keyof FormValues, unknown>)[key] = after[key];
  }
  return out;
}

/** Show a saved record in the form, for editing it. */
export function formValuesFromRecord(record: PrecisRecord): FormValues {
  return toFormValues(record);
}

const orNull = (s: string) => s.trim() || null;

export interface RecordExtras {
  id: string;
  createdAt: string;
  updatedAt: string;
  text?: string;
  sources?: Partial<Record<DraftField, string>>;
}

/** Turn the form into a validated record; errors name the field in the user's terms. */
export function recordFromFormValues(values: FormValues, extras: RecordExtras): ValidationResult<PrecisRecord> {
  const names = splitList(values.authors).filter(Boolean);
  const affiliations = splitList(values.affiliation);
  const sharedAffiliation = affiliations.length === 1 ? orNull(affiliations[0]) : null;
  const wordCount = values.wordCount.trim() === '' ? null : Number(values.wordCount);
  const summarizedBy =
    values.summarizerName.trim() || values.summarizerRole.trim()
      ? { name: values.summarizerName.trim(), role: values.summarizerRole.trim() }
      : null;
  const result = validateRecord({
    id: extras.id,
    url: canonicalUrl(values.url),
    title: values.title,
    authors: names.map((name, i) => ({
      name,
      affiliation: affiliations.length > 1 ? orNull(affiliations[i] ?? '') : sharedAffiliation,
    })),
    publisher: orNull(values.publisher),
    publishedDate: orNull(values.publishedDate),
    place: orNull(values.place),
    literatureType: orNull(values.literatureType),
    wordCount: wordCount != null && Number.isFinite(wordCount) ? Math.round(wordCount) : wordCount,
    keywords: values.keywords,
    summary: values.summary.trim(),
    summarizedBy,
    section: orNull(values.section),
    language: orNull(values.language),
    createdAt: extras.createdAt,
    updatedAt: extras.updatedAt,
    ...(extras.text ? { text: extras.text } : {}),
    ...(extras.sources ? { sources: extras.sources } : {}),
  });
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map(friendlyError) };
}

// The record's fields by the names the form shows them under.
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'formTitleLabel', url: 'formUrlLabel', authors: 'formAuthorLabel', publisher: 'formPublisherLabel',
  publishedDate: 'formDateLabel', place: 'formPlaceLabel', literatureType: 'formTypeLabel', wordCount: 'formWordCountLabel',
  keywords: 'formKeywordsLabel', summary: 'formSummaryLabel', section: 'formSectionLabel', language: 'formLanguageLabel',
  summarizedBy: 'formSummarizedBy',
};

function friendlyError(error: string): string {
  const [path, ...rest] = error.split(': ');
  const label = FIELD_LABELS[path.split('.')[0]];
  return t('fieldProblem', label ? t(label) : path, rest.join(': '));
}

import type { Author } from '../../record/schema';
import type { Draft, DraftField } from '../draft';
import type { SourceResult } from './candidates';
import { cleanAuthors, parseByline, parseOrganisations, type OrganisationKind } from './byline';
import { cleanText, squashKey } from './clean';
import { normaliseDate } from './dates';

type Chosen = Pick<Draft, 'authors' | 'publisher' | 'publishedDate' | 'place' | 'keywords' | 'section' | 'language' | 'wordCount'> & {
  types: string[];
  sources: Partial<Record<DraftField, string>>;
  /** Fields whose value is a guess (an organisation or newsroom credited as author). */
  guessed: DraftField[];
};

export interface ChooseOptions {
  /** Per field, the labels of the sources to try first, in order; other sources follow in the order given. */
  order?: Partial<Record<DraftField, string[]>>;
  /** Site and publisher names, rejected as authors. */
  siteNames?: string[];
  /** Page language, for reading dates written in words. */
  lang?: string | null;
  /** Labels of sources whose dates are stated publication dates (pre-1990 dates accepted from them). */
  explicitDateLabels?: string[];
  /** Whether a date (YYYY-MM-DD) is written in the page's text; asked only when a stated date is in doubt. */
  dateIsWritten?: (iso: string) => boolean;
}

function ordered(results: SourceResult[], labels: string[] | undefined): SourceResult[] {
  if (!labels?.length) return results;
  const first: SourceResult[] = [];
  for (const l of labels) for (const r of results) if (r.label === l) first.push(r);
  return [...first, ...results.filter((r) => !labels.includes(r.label))];
}

/** The page-markup date the reader sees by the headline (read from text or a `<time>`), if the page has one. */
export const shownDateSource = (results: readonly SourceResult[]): SourceResult | undefined =>
  results.find((r) => r.label === 'page-date' && r.values.dateShown);

/** Sources whose values the page states as metadata (as opposed to text read off the page). */
export const STATED_LABELS: ReadonlySet<string> = new Set(['json-ld', 'citation', 'dublin-core', 'opengraph', 'meta-tags']);

/**
 * Picks each field from the first source (in the order given, or the per-field order) that offers a usable
 * value after cleaning, and records which source that was.
 */
export function chooseMetadata(results: SourceResult[], options: ChooseOptions = {}): Chosen {
  const out: Chosen = {
    authors: [], publisher: null, publishedDate: null, place: null, keywords: [], section: null,
    language: null, wordCount: null, types: [], sources: {}, guessed: [],
  };
  const siteNames = options.siteNames ?? [];
  const explicit = options.explicitDateLabels ? new Set(options.explicitDateLabels) : STATED_LABELS;
  const pick = <K extends keyof Chosen & DraftField>(field: K, read: (r: SourceResult) => Chosen[K] | null | undefined) => {
    for (const r of ordered(results, options.order?.[field])) {
      let v: Chosen[K] | null | undefined;
      try {
        v = read(r);
      } catch {
        v = null; // a hostile value is no value
      }
      if (v == null || (Array.isArray(v) && !v.length) || v === '') continue;
      out[field] = v as Chosen[K];
      out.sources[field] = r.label;
      return;
    }
  };
  const text = (v: string | undefined) => (v ? cleanText(v) : undefined);
  // Each source's authors are read once: picking and widening both look at them.
  const authorsRead = new Map<SourceResult, Author[] | undefined>();
  const readAuthors = (r: SourceResult): Author[] | undefined => {
    if (!authorsRead.has(r)) {
      const v = r.values;
      authorsRead.set(r, v.authors?.length ? cleanAuthors(v.authors, { siteNames }) : v.byline ? parseByline(v.byline, { siteNames }) : undefined);
    }
    return authorsRead.get(r);
  };
  pick('authors', readAuthors);
  if (out.authors.length) widenAuthors(out, results, readAuthors);
  else organisationAuthor(out, ordered(results, options.order?.authors), siteNames);
  pick('publisher', (r) => text(r.values.publisher));
  const readDate = (r: SourceResult) =>
    r.values.publishedDate ? normaliseDate(r.values.publishedDate, { lang: options.lang, explicit: explicit.has(r.label) }) : null;
  pick('publishedDate', readDate);
  if (out.publishedDate) refineDate(out, results, explicit, readDate);
  if (out.publishedDate && options.dateIsWritten) preferShownDate(out, results, explicit, readDate, options.dateIsWritten);
  pick('place', (r) => text(r.values.place));
  pick('keywords', (r) => r.values.keywords?.map((k) => cleanText(k, 200)).filter(Boolean).slice(0, 100));
  pick('section', (r) => text(r.values.section));
  pick('language', (r) => {
    const l = r.values.language?.trim();
    return l && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(l) ? l.replace('_', '-') : null;
  });
  pick('wordCount', (r) => r.values.wordCount);
  for (const r of results) out.types.push(...(r.values.types ?? []));
  return out;
}

/** Sources whose author values the page states as its author (structured data, author meta tags). */

/**
 * Last resort when no source names a person: the organisation, site or newsroom that a byline, author meta tag or
 * JSON-LD author credits ("Redaktion", "The Daily"). Marked as guessed, with a label saying what it is.
 */
function organisationAuthor(out: Chosen, results: SourceResult[], siteNames: string[]): void {
  for (const r of results) {
    if (r.label === 'readability' || r.label === 'article-text') continue;
    const stated = STATED_LABELS.has(r.label);
    const raws = [...(r.values.authors?.map((a) => a.name) ?? []), r.values.byline, r.values.orgByline].filter((v): v is string => !!v);
    const found: Array<Author & { kind: OrganisationKind }> = [];
    for (const raw of raws.slice(0, 10)) {
      try {
        found.push(...parseOrganisations(raw, { siteNames, stated }));
      } catch {
        // a hostile value is no value
      }
    }
    if (!found.length) continue;
    const seen = new Set<string>();
    out.authors = found
      .filter((a) => !seen.has(squashKey(a.name)) && !!seen.add(squashKey(a.name)))
      .slice(0, 3)
      .map((a) => ({ name: a.name, affiliation: null }));
    const kinds = new Set(found.map((a) => a.kind));
    const kind = kinds.has('newsroom') ? 'newsroom' : kinds.has('site') ? 'site' : 'organisation';
    out.sources.authors = `${r.label}:${kind}`;
    out.guessed.push('authors');
    return;
  }
}

const keyOf = (a: Author) => squashKey(a.name);
/** First and last word: "Jane P. Doe" and "Jane Doe" are one person. */
const personKey = (a: Author) => {
  const w = a.name.split(/\s+/);
  return squashKey(`${w[0]} ${w[w.length - 1]}`);
};

/**
 * Structured data often names only the first of several authors ("author": one Person) while the page's byline or
 * another source lists them all: a source naming every chosen author and up to a few more wins.
 */
function widenAuthors(out: Chosen, results: SourceResult[], read: (r: SourceResult) => Author[] | undefined): void {
  const chosen = new Set(out.authors.map(keyOf));
  for (const r of results) {
    if (r.label === out.sources.authors || r.label === 'readability') continue;
    let list: Author[] | undefined;
    try {
      list = read(r);
    } catch {
      continue;
    }
    if (!list || list.length < out.authors.length || list.length > 6) continue;
    const keys = new Set(list.map(personKey));
    if (!out.authors.every((a) => keys.has(personKey(a)))) continue;
    // More authors, or the same authors written out more fully (a middle initial).
    const size = (l: Author[]) => l.reduce((n, a) => n + keyOf(a).length, 0);
    const fuller = list.length > out.authors.length || (list.some((a) => !chosen.has(keyOf(a))) && size(list) > size(out.authors));
    if (!fuller) continue;
    // Keep the structured source's affiliations for the authors it named.
    const known = new Map(out.authors.map((a) => [keyOf(a), a]));
    out.authors = list.map((a) => (known.get(keyOf(a))?.affiliation ? { ...a, affiliation: known.get(keyOf(a))!.affiliation } : a));
    out.sources.authors = r.label;
    return;
  }
}

// A UTC instant, in ISO 8601 or as HTTP and RSS write it ("Wed, 04 May 2022 02:41:00 GMT").
const UTC_TIME =
  /^(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)|(?:(?:mon|tue|wed|thu|fri|sat|sun),\s*)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|Z|[+-]0000))$/i;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-](?!00:?00)\d{2}:?\d{2}$/;
// A wall-clock time without an offset ("2021-03-04 21:30:00"), as CMSs print the local time.
const NAIVE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/;
const HOUR = 3_600_000;

/**
 * The calendar day the publisher wrote for a UTC instant, from another stamp of the same instant: one with the
 * publisher's offset, or a wall-clock time a whole number of quarter hours (at most 14 hours) away from it.
 */
function localTwin(utc: number, raws: string[]): string | null {
  for (const raw of raws) {
    if (LOCAL_TIME.test(raw) && Math.abs(Date.parse(raw) - utc) <= 120_000) return raw.slice(0, 10);
    const naive = raw.match(NAIVE_TIME);
    if (!naive) continue;
    const diff = Date.parse(`${naive[1]}T${naive[2]}Z`) - utc;
    if (diff !== 0 && Math.abs(diff) <= 14 * HOUR && diff % (HOUR / 4) === 0) return naive[1];
  }
  return null;
}

/** Whether `day` is the calendar day of the UTC instant somewhere on Earth (offsets from -12 to +14 hours). */
function dayOfInstantSomewhere(utc: number, day: string): boolean {
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return at(utc - 12 * HOUR) === day || at(utc + 14 * HOUR) === day || at(utc) === day;
}

/**
 * Second opinions on the chosen publication date:
 * - a UTC time stamp and another stamp of the same instant in the publisher's own time (with its offset, or a
 *   wall-clock time on the page): the calendar day is the one the publisher wrote (2017-02-24T01:18Z is 2017-02-23
 *   in California); failing a twin, the date the page shows when it is that instant's day in some time zone;
 * - the date shown next to the headline agrees with another stated publication date but not with the chosen one:
 *   two sources outvote one.
 */
function refineDate(out: Chosen, results: SourceResult[], explicit: ReadonlySet<string>, read: (r: SourceResult) => string | null): void {
  const chosenLabel = out.sources.publishedDate;
  const chosenRaw = results.find((r) => r.label === chosenLabel)?.values.publishedDate?.trim() ?? '';
  const shown = shownDateSource(results);
  const shownDate = shown ? read(shown) : null;
  if (UTC_TIME.test(chosenRaw)) {
    const t = Date.parse(chosenRaw);
    if (!Number.isFinite(t)) return; // "T24:30Z": no instant to check against
    const stated = results.filter((r) => r.label !== chosenLabel && explicit.has(r.label));
    const raws = [
      ...stated.map((r) => r.values.publishedDate?.trim() ?? ''),
      ...results.flatMap((r) => (r.label === 'page-date' ? (r.values.timestamps ?? []) : [])),
    ];
    const twin = localTwin(t, raws);
    // The date line under the headline, where no dated element is marked, is as good a witness of the local day.
    const textSource = shown ? undefined : results.find((r) => r.label === 'page-text' && r.values.publishedDate);
    const witness = shownDate ?? (textSource ? read(textSource) : null);
    const day = twin ?? (witness && dayOfInstantSomewhere(t, witness) ? witness : null);
    if (day && day !== out.publishedDate && normaliseDate(day)) {
      const witnessLabel = shownDate ? 'page-date' : 'page-text';
      const from = twin ? (stated.find((r) => r.values.publishedDate?.trim().startsWith(day))?.label ?? 'page-date') : witnessLabel;
      out.publishedDate = day;
      out.sources.publishedDate = from;
    }
    if (day) return;
  }
  if (!shownDate || shownDate === out.publishedDate) return;
  for (const r of results) {
    if (r.label === chosenLabel || !explicit.has(r.label)) continue;
    let v: string | null;
    try {
      v = read(r);
    } catch {
      v = null;
    }
    if (v === shownDate) {
      out.publishedDate = v;
      out.sources.publishedDate = r.label;
      return;
    }
  }
}

/**
 * A stated date that the page never writes anywhere loses to the date the page shows beside its headline: the
 * metadata then carries a date the reader never sees (often the first publication of a page since updated, or
 * the template's own stamp), and our users cite what the page shows, an "Updated …" date of this version
 * included. A shown date that is the stated one with day and month read the other way round ("04/05/2021")
 * does not count as a disagreement.
 */
function preferShownDate(
  out: Chosen,
  results: SourceResult[],
  explicit: ReadonlySet<string>,
  read: (r: SourceResult) => string | null,
  isWritten: (iso: string) => boolean,
): void {
  const stated = out.publishedDate!;
  if (!explicit.has(out.sources.publishedDate ?? '')) return;
  const shown = shownDateSource(results);
  const date = shown ? read(shown) : null;
  if (!date || date === stated) return;
  const [y, m, d] = date.split('-');
  if (`${y}-${d}-${m}` === stated) return;
  if (isWritten(stated)) return;
  out.publishedDate = date;
  out.sources.publishedDate = 'page-date';
}

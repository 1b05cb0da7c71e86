import * as chrono from 'chrono-node';

export interface DateOptions {
  /** Page language (`de`, `fr-CA`…): tried first when the date is written in words. */
  lang?: string | null;
  /**
   * The value comes from a field that states a publication date (JSON-LD, citation tags): dates before 1990
   * are then accepted. Dates found in page text must be 1990 or later.
   */
  explicit?: boolean;
  /** "Now", for rejecting future dates (tests set it). */
  now?: Date;
}

type Parser = Pick<chrono.Chrono, 'parse'>;
const PARSERS: Record<string, Parser> = {
  en: chrono.en.strict, de: chrono.de.strict, fr: chrono.fr.strict, es: chrono.es.strict, pt: chrono.pt.strict,
  nl: chrono.nl.strict, it: chrono.it.strict, sv: chrono.sv.strict, ru: chrono.ru.strict, ja: chrono.ja.strict,
  zh: chrono.zh.strict, fi: chrono.fi.strict, uk: chrono.uk.strict,
};
const DEFAULT_ORDER = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'];
// Month names that only one of the common languages writes this way: when the page's declared language is wrong
// ("en" on a German page), a month name still tells which parser can read the date. One cheap regex test each.
const MONTH_WORDS: Array<[string, RegExp]> = [
  ['de', /\b(?:januar|februar|märz|mai|juni|juli|oktober|dezember)\b|\b\d{1,2}\.\s*(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)/i],
  ['fr', /\b(?:janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\b/i],
  ['es', /\b(?:enero|febrero|marzo|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b/i],
  ['pt', /\b(?:janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b/i],
  ['it', /\b(?:gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)\b/i],
  ['nl', /\b(?:januari|februari|maart|mei|juni|juli|augustus|oktober)\b/i],
];

// Cyrillic letters and CJK date characters: the languages among PARSERS that write dates in them.
const SCRIPT_WORDS: Array<[string[], RegExp]> = [
  [['ru', 'uk'], /\p{Script=Cyrillic}{3}/u],
  [['ja', 'zh'], /\d\s*年\s*\d{1,2}\s*月/u],
];

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number, options: DateOptions): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCMonth() !== m - 1) return null; // 31 February
  const min = options.explicit ? 1800 : 1990;
  if (y < min) return null;
  const now = options.now ?? new Date();
  // Publication dates are not in the future (a day of slack for time zones).
  if (t > now.getTime() + 36 * 3600 * 1000) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Whether numeric dates like 03/04/2021 are month-first for this language (US English only). */
const monthFirst = (lang: string | null | undefined) => !lang || /^en(?:-us)?$/i.test(lang);

function fromNumbers(s: string, options: DateOptions): string | null | undefined {
  // ISO 8601 and its relatives: 2021-09-30, 2021-09-30T12:00:00+02:00, 2021/09/30, 2021.09.30. The date is the
  // one written (the publisher's local date), not converted to UTC.
  let m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/);
  if (m) return valid(+m[1], +m[2], +m[3], options);
  m = s.match(/^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6})?$/);
  if (m) return valid(+m[1], +m[2], +m[3], options);
  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), options);
  }
  // 19.11.2021, 19/11/2021, 11/19/2021, 19-11-2021.
  m = s.match(/(?:^|[^\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/) ?? s.match(/^(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/);
  if (m) {
    let a = +m[1];
    let b = +m[3];
    if (m[2] === '/' && monthFirst(options.lang) && a <= 12) [a, b] = [b, a];
    else if (a <= 12 && b > 12) [a, b] = [b, a];
    return valid(+m[4], b, a, options);
  }
  // A date line holding only a short day.month.year ("23.09.22", "23.09.22, 14:05 Uhr"), as German and French pages
  // print it; the century is the one that does not put it in the future. Only the whole text: "v1.2.19" is not a date.
  m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2})(?:,?\s*(?:[-|]\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h))?)?$/);
  if (m) {
    const year = 2000 + +m[3] > (options.now ?? new Date()).getFullYear() ? 1900 + +m[3] : 2000 + +m[3];
    return valid(year, +m[2], +m[1], options);
  }
  m = s.match(/(?:^|\D)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/);
  if (m) return valid(+m[1], +m[2], +m[3], options);
  if (/^\d{4}$/.test(s)) return null; // a bare year is not a publication date
  return undefined;
}

/** A line longer than this is a sentence, not a date line. */
const MAX_DATE_LINE_CHARS = 60;

/**
 * The date a short line of text is ("26. Januar 2022", "Published 3 May 2021 · 4 min read"): at most 60
 * characters and `maxWords` words of letters (a label, a weekday, a time), else null: a sentence that merely
 * mentions a date is not a date line.
 */
export function dateLineDate(line: string, maxWords: number, lang?: string | null): string | null {
  if (line.length > MAX_DATE_LINE_CHARS || line.replace(/[^\p{L}]+/gu, ' ').trim().split(' ').length > maxWords) return null;
  return normaliseDate(line, { lang });
}

/**
 * Normalise a date string in any common format and language to ISO 8601 (`YYYY-MM-DD`), or null when it
 * cannot be read, is in the future, or (unless `explicit`) is before 1990. Relative dates ("2 days ago") and
 * dates without a year are not accepted.
 */
export function normaliseDate(raw: string, options: DateOptions = {}): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.slice(0, 300).replace(/[\s\u00a0]+/g, ' ').trim();
  if (!s || !/\d/.test(s)) return null;
  const numeric = fromNumbers(s, options);
  if (numeric !== undefined) return numeric;
  if (!/(?:19|20)\d{2}/.test(s)) return null;
  // Pages repeat the same date text in several places; chrono is the costly step, so remember its answers.
  if (options.now) return parseInWords(s, options);
  const key = `${options.explicit ? 1 : 0}|${options.lang ?? ''}|${s}`;
  let v = WORDS_CACHE.get(key);
  if (v === undefined) {
    v = parseInWords(s, options);
    if (WORDS_CACHE.size >= WORDS_CACHE_SIZE) WORDS_CACHE.clear();
    WORDS_CACHE.set(key, v);
  }
  return v;
}

const WORDS_CACHE = new Map<string, string | null>();
const WORDS_CACHE_SIZE = 2_000;

/** Month names (long and short, as written alone and after a day: Polish "marzec" and "5 marca") → month number. */
const MONTH_NAMES = new Map<string, Map<string, number> | null>();
const MAX_MONTH_LANGS = 50;

function monthNames(lang: string): Map<string, number> | null {
  let names = MONTH_NAMES.get(lang);
  if (names !== undefined) return names;
  names = new Map();
  try {
    // A language the platform has no data for would get its default locale's names.
    if (!Intl.DateTimeFormat.supportedLocalesOf(lang).length) throw new RangeError(lang);
    const styles: Intl.DateTimeFormatOptions[] = [
      { month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' },
    ];
    const seen = new Map<string, number>();
    for (const style of styles) {
      const format = new Intl.DateTimeFormat(lang, { ...style, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const part = format.formatToParts(new Date(Date.UTC(2024, m - 1, 15))).find((p) => p.type === 'month');
        const word = part?.value.toLocaleLowerCase(lang).replace(/\.$/, '');
        // Numeric months (a locale that writes "3月") and names two months share say nothing.
        if (!word || /\d/.test(word)) continue;
        if (seen.has(word) && seen.get(word) !== m) seen.set(word, 0);
        else seen.set(word, m);
      }
    }
    for (const [w, m] of seen) if (m) names.set(w, m);
  } catch {
    names = null; // a language tag Intl does not know or cannot read
  }
  if (MONTH_NAMES.size >= MAX_MONTH_LANGS) MONTH_NAMES.clear();
  MONTH_NAMES.set(lang, names?.size ? names : null);
  return MONTH_NAMES.get(lang)!;
}

const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+((?:19|20)\d{2})(?!\d)/u;
const YEAR_MONTH_DAY = /(?<!\d)((?:19|20)\d{2})\.?\s+(\p{L}+)\.?\s+(\d{1,2})(?!\d)/u;
const YEAR_MONTH_DAY_UNITS = /((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/u;

/**
 * A date in words in a language chrono-node does not read (Polish "5 marca 2024", Czech "5. března 2024", Greek,
 * Hungarian "2024. március 5.", Korean "2024년 3월 5일"), from the month names the platform's Intl writes for it.
 */
function parseWithIntlMonths(s: string, lang: string, options: DateOptions): string | null {
  const units = s.match(YEAR_MONTH_DAY_UNITS);
  if (units) return valid(+units[1], +units[2], +units[3], options);
  const names = monthNames(lang);
  if (!names) return null;
  const dmy = s.match(DAY_MONTH_YEAR);
  const dm = dmy && names.get(dmy[2].toLocaleLowerCase(lang));
  if (dmy && dm) return valid(+dmy[3], dm, +dmy[1], options);
  const ymd = s.match(YEAR_MONTH_DAY);
  const ym = ymd && names.get(ymd[2].toLocaleLowerCase(lang));
  if (ymd && ym) return valid(+ymd[1], ym, +ymd[3], options);
  return null;
}

/** A date written in words ("5. November 2021", "March 3, 2020"), read with chrono-node. */
function parseInWords(s: string, options: DateOptions): string | null {
  const tag = (options.lang ?? '').toLowerCase().split(/[-_]/)[0];
  if (tag && !PARSERS[tag] && /^[a-z]{2,3}$/.test(tag)) {
    const v = parseWithIntlMonths(s, tag, options);
    if (v) return v;
  }
  return parseWithChrono(s, options);
}

function parseWithChrono(s: string, options: DateOptions): string | null {
  const lang = (options.lang ?? '').toLowerCase().split(/[-_]/)[0];
  // The page's language and English when the language is known (cheap); the common languages otherwise.
  const order = lang && PARSERS[lang] ? (lang === 'en' ? ['en'] : [lang, 'en']) : DEFAULT_ORDER.slice();
  if (lang && PARSERS[lang]) {
    for (const [l, re] of MONTH_WORDS) if (!order.includes(l) && re.test(s)) order.push(l);
  }
  // A month written in another script names its parsers whatever the page declares (or when it declares nothing).
  for (const [langs, re] of SCRIPT_WORDS) if (re.test(s)) for (const l of langs) if (!order.includes(l)) order.push(l);
  for (const l of order) {
    let results: chrono.ParsedResult[];
    try {
      results = PARSERS[l].parse(s, options.now ?? new Date());
    } catch {
      continue;
    }
    for (const r of results) {
      // Only dates that state their year, month and day ("5 May 2021"), not "May 2021" or "Tuesday".
      if (!/(?:19|20)\d{2}/.test(r.text)) continue;
      if (!r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) continue;
      const v = valid(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!, options);
      if (v) return v;
    }
  }
  return null;
}

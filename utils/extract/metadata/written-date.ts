// Whether a calendar date is written anywhere in a page's text, in the numeric and word forms pages print.

/** Languages whose month names are looked for (Intl gives the names: no word list to keep). */
const MONTH_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ru', 'uk', 'tr'];
/** Text read at most, and year occurrences looked at most: the work is bounded whatever the page. */
const MAX_TEXT = 400_000;
const MAX_YEARS = 300;
const WINDOW = 40;

const monthCache = new Map<number, RegExp>();
/** Month `m`'s long and short names (and stems of five letters, for declined forms) in every locale. */
function monthPattern(m: number): RegExp {
  let re = monthCache.get(m);
  if (!re) {
    const day = new Date(Date.UTC(2001, m - 1, 15));
    const names = new Set<string>();
    for (const locale of MONTH_LOCALES) {
      for (const month of ['long', 'short'] as const) {
        for (const context of [{}, { day: 'numeric' as const }]) {
          const parts = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC', ...context }).formatToParts(day);
          const name = parts.find((p) => p.type === 'month')?.value.toLowerCase().replace(/\.$/, '');
          if (name && /^\p{L}{3,}$/u.test(name)) names.add(name.length > 5 ? name.slice(0, 5) : name);
        }
      }
    }
    const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<!\\p{L})(?:${escaped.join('|')})`, 'u');
    monthCache.set(m, re);
  }
  return re;
}

/**
 * Whether `iso` (YYYY-MM-DD) is written in `text`: 4.5.2021, 04/05/2021, 5/4/2021, 2021-05-04, or the day and
 * the month's name (in one of MONTH_LOCALES) near the year ("4 May 2021", "May 4th, 2021", "4. Mai 2021").
 */
export function dateIsWritten(text: string, iso: string): boolean {
  const parts = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!parts) return false;
  const [year, m, d] = [parts[1], +parts[2], +parts[3]];
  const D = `0?${d}`;
  const M = `0?${m}`;
  const numeric = new RegExp(
    `(?<!\\d)(?:${D}[./-]\\s?${M}[./-]\\s?${year}|${M}/${D}/${year}|${year}[-/.]${M}[-/.]${D}(?!\\d))`,
  );
  const dayNumber = new RegExp(`(?<!\\d)${D}(?:st|nd|rd|th|\\.|º|er)?(?!\\d)`);
  const month = monthPattern(m);
  const lower = text.slice(0, MAX_TEXT).toLowerCase();
  let seen = 0;
  for (let at = lower.indexOf(year); at >= 0 && seen < MAX_YEARS; at = lower.indexOf(year, at + 4)) {
    if (/\d/.test(lower[at - 1] ?? '') || /\d/.test(lower[at + 4] ?? '')) continue;
    seen++;
    const around = lower.slice(Math.max(0, at - WINDOW), at + 4 + WINDOW);
    if (numeric.test(around)) return true;
    const before = lower.slice(Math.max(0, at - WINDOW), at);
    if (month.test(before) && dayNumber.test(before)) return true;
  }
  return false;
}

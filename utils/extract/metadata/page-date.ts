// The publication date the page shows near its headline: `<time datetime>`, date blocks and labelled dates, and
// failing those the text that follows the headline ("Stand: 12.11.2021", "Mainz, 11. November 2021").
import { boundedText, readText } from '../text';
import { normaliseDate } from './dates';
import { DATE_LABEL, LABEL_TAGS, textAfterLabel } from './labels';
import { inArticleItem, type Placed } from './regions';
import { attr } from '../elements';

/** Class and id words of a date block. */
export const DATE_CLASS = /date|datum|publish|posted|submitted|time|zeit|fecha|data|(?:^|[\s_-])meta(?:$|[\s_-])/i;
/** Words saying a date is when the page was changed, not published. */
// "Reviewed"/"revised" only as a label ("Last reviewed", "Revised: …", "reviewed on …"): "A revised plan" is a title,
// "Reviewed by" names a reviewer.
export const MODIFIED =
  /(?<![\p{L}])(?:updated?|aktualisiert|geändert|modified|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|last edited|zuletzt|last\s+(?:reviewed|revised)|(?:reviewed|revised)(?=\s*:|\s+on\s)|überarbeitet|révisé|revisado)(?![\p{L}])/iu;
/** A citation's access date ("Retrieved 23 October 2018"): when someone read a source, not when this was published. */
const ACCESSED = /\b(?:retrieved|accessed|access-?date|abgerufen|consulté|consultado|consultato|geraadpleegd)\b/i;
// (Boundaries that know letters beyond ASCII: "publié" ends in a letter \b does not see.)
const PUBLISHED = /(?<![\p{L}])(?:published|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|posted|erstellt|datum|date)(?![\p{L}])/iu;

/** The date closest to the headline, publication dates and explicit markup preferred; citations' access dates left out. */
export function bestDate(found: Placed[], lang: string | null | undefined): { value: string; shown: boolean } | null {
  let best: string | null = null;
  let shown = false;
  let bestScore = Infinity;
  const sorted = found.slice().sort((a, b) => a.dist - b.dist || a.order - b.order);
  for (const f of sorted.slice(0, 80)) {
    if (f.dist - 4 >= bestScore) break;
    const el = f.el;
    let text = boundedText(el, 200);
    if (text.length < 25 && (DATE_LABEL.test(text) || LABEL_TAGS.has(el.tagName))) text = textAfterLabel(el);
    // hAtom's <abbr class="published" title="2021-03-04T09:00:00+01:00">09:00</abbr> keeps the date in its title.
    // "Updated 6 March · Published 5 March": the date after the publication label, when a change is named too.
    const published = MODIFIED.test(text) ? text.match(PUBLISHED) : null;
    const afterLabel = published ? text.slice(published.index! + published[0].length) : '';
    const raws = [attr(el, 'datetime'), attr(el, 'content'), el.tagName === 'ABBR' ? attr(el, 'title') : '', afterLabel, text].filter(Boolean);
    let value: string | null = null;
    let from = '';
    for (const raw of raws) {
      value = normaliseDate(raw, { lang });
      from = raw;
      if (value) break;
    }
    if (!value) continue;
    let score = f.dist;
    const context = `${text} ${attr(el, 'class')} ${attr(el, 'itemprop')}`;
    if (ACCESSED.test(context)) continue;
    if (/datepublished/i.test(attr(el, 'itemprop'))) score -= inArticleItem(f.chain) ? 6 : 3;
    if (MODIFIED.test(context) && !PUBLISHED.test(text) && !/publish/i.test(attr(el, 'class'))) score += /update|modif/i.test(attr(el, 'class')) && !MODIFIED.test(text) ? 2 : 8;
    if (el.tagName === 'TIME') score -= 1;
    if (score < bestScore) {
      bestScore = score;
      best = value;
      shown = el.tagName === 'TIME' || ((from === text || from === afterLabel) && el.tagName !== 'META');
    }
  }
  return best && bestScore <= 16 ? { value: best, shown } : null;
}

const AROUND_SKIP = new Set(['NAV', 'ASIDE', 'FORM']);

/**
 * The lines of text that follow the headline in document order (the kicker, byline, dateline and first
 * paragraph), at most `max` characters and 300 nodes, up to the next `<h1>` or `<h2>` (the next article or section),
 * but past an `<h2>` that directly follows the headline: that is its standfirst, with the byline often below.
 */
export function linesAfter(h1: Element, max: number): string[] {
  const root = h1.ownerDocument?.body ?? h1.ownerDocument?.documentElement ?? h1.parentNode;
  if (!root) return [];
  return readText(root, {
    after: h1,
    maxChars: max,
    maxNodes: 300,
    itemLines: true,
    skip: (el) => AROUND_SKIP.has(el.tagName),
    stop: (el) => el.tagName === 'H1' || (el.tagName === 'H2' && el !== h1.nextElementSibling),
  }).lines;
}

/** The text after the headline as one string for reading a date from (see dateText). */
export function textAround(h1: Element, max: number): string {
  return dateText(linesAfter(h1, max), max);
}

/**
 * The text to read the publication date from: as it is, or from the publication label on when an update is named
 * first ("Updated: 6 March | First published: 5 March"), or what comes before an update named with no publication
 * label ("5 March 2024 Updated 6 March"); '' when the text opens with the update alone.
 */
export function dateText(lines: string[], max: number): string {
  const text = lines.join(' | ').slice(0, max);
  const head = text.slice(0, 60);
  const modified = head.match(MODIFIED);
  if (!modified) return text;
  const published = head.match(PUBLISHED);
  if (published) return published.index! > modified.index! ? text.slice(published.index!) : text;
  const before = text.slice(0, modified.index);
  return /\d/.test(before) ? before : '';
}

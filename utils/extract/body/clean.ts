// Removes boilerplate that Readability leaves inside the article element: date lines, image captions and credits,
// share/social bars, newsletter and other calls to action, "related" teasers and paragraphs that are
// nothing but a link to another article, and lists of other articles under a heading that says so. Cues are structural (tag names, class/id words, link density)
// or the labels such lines open with ("Foto:", "Last updated"), never site names or an article's own words.
import { hasBoilerplateClass, headsOtherArticles } from '../boilerplate';
import { dateLineDate } from '../metadata/dates';
import { MODIFIED } from '../metadata/page-date';
import { isBlockTag } from '../text';

/** An element whose own text is at most this long may be dropped on a class cue alone. */
const MAX_CUE_CHARS = 400;
/** ...and it must hold at most this share of the article's text. */
const MAX_CUE_SHARE = 0.25;
/** Paragraph-like blocks (not list items or table cells) at most this long that are (almost) all link text are teasers for other pages. */
const MAX_LINK_BLOCK_CHARS = 200;
const MIN_LINK_SHARE = 0.75;

/** A block of several links and almost nothing else ("See also: <a>…</a><br><a>…</a>…") is a link list. */
const MIN_LIST_LINKS = 3;
const MIN_LIST_LINK_SHARE = 0.9;

const LINK_BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE']);
/** After a "Related" heading, a block this short or at least this share links is a teaser of the list it heads. */
const MAX_TEASER_CHARS = 150;
const MIN_TEASER_LINK_SHARE = 0.3;


const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
const squashLen = (s: string | null | undefined) => squash(s).length;

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += squashLen(a.textContent);
  return n;
}

function insideTag(el: Element, tags: Set<string>, stop: Element): boolean {
  for (let p = el.parentElement; p && p !== stop; p = p.parentElement) if (tags.has(p.tagName.toUpperCase())) return true;
  return false;
}
const LIST_TAGS = new Set(['LI', 'DD', 'TD', 'TH']);

/** A line this short that is mostly `<time>` elements is the article's date line ("Updated <time>…</time>"). */
const MAX_DATE_LINE_CHARS = 80;
const MIN_DATE_LINE_SHARE = 0.5;

/**
 * A line of its own that is mostly `<time>` elements ("Updated <time>…</time>"): metadata, not prose (the date is
 * read elsewhere). A `<time>` inside a sentence stays.
 */
function isDateLine(el: Element): boolean {
  const times = el.tagName.toUpperCase() === 'TIME' ? [el] : Array.from(el.getElementsByTagName('time'));
  if (!times.length || !standsAlone(el)) return false;
  const len = squashLen(el.textContent);
  if (len > MAX_DATE_LINE_CHARS) return false;
  let timeLen = 0;
  for (const t of times) timeLen += squashLen(t.textContent);
  return timeLen >= MIN_DATE_LINE_SHARE * len;
}

const INLINE = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'TIME', 'ABBR', 'BR']);
const TEXT_DATE_TAGS = new Set(['P', 'DIV', 'SPAN', 'SMALL']);
/** Inside these a short date is content (a list of events, a table, a listing), never the article's date line. */
const CONTENT_TAGS = new Set(['PRE', 'CODE', 'TABLE', 'UL', 'OL', 'DL']);
const MIN_TEXT_DATE_CHARS = 6;
export const MAX_TEXT_DATE_WORDS = 5;
/** The article's opening ends at the first block of text this long (a paragraph of prose)… */
const MIN_PROSE_CHARS = 100;
/** …or after this many blocks of text, whatever their length. */
const MAX_OPENING_BLOCKS = 5;
/** Date lines of the opening reported for dating the article, at most. */
const MAX_OPENING_DATES = 2;

/**
 * A short line of its own that is a date with a label at most ("Aktualisiert am 17.01.2021", "5 May 2020"). Asked
 * only in the article's opening (see cleanArticle): further down, a date line is content (an event's date).
 */
function isTextDateLine(el: Element, root: Element): boolean {
  if (!TEXT_DATE_TAGS.has(el.tagName.toUpperCase()) || !onlyInline(el) || insideTag(el, CONTENT_TAGS, root)) return false;
  const text = squash(el.textContent);
  return text.length >= MIN_TEXT_DATE_CHARS && standsAlone(el) && !!dateLineDate(text, MAX_TEXT_DATE_WORDS);
}

/** The element holds text and inline elements only: a line or a paragraph, not a container of blocks. */
function onlyInline(el: Element): boolean {
  for (const c of Array.from(el.children)) if (!INLINE.has(c.tagName.toUpperCase())) return false;
  return true;
}

/** A block (the text walker's) that starts a line of text; a `<br>` only breaks a line inside one. */
const isBlock = (el: Element) => {
  const tag = el.tagName.toUpperCase();
  return tag !== 'BR' && isBlockTag(tag);
};

/** A block element with no block inside: one line or paragraph of text, whatever inline markup (links) it holds. */
function isLeafBlock(el: Element): boolean {
  if (!isBlock(el)) return false;
  for (const c of Array.from(el.children)) if (isBlock(c)) return false;
  return true;
}

/** No text of the element's parent runs beside it: it is a line, not a phrase inside a sentence. */
function standsAlone(el: Element): boolean {
  for (const n of Array.from(el.parentNode?.childNodes ?? [])) if (n.nodeType === 3 && squashLen(n.textContent)) return false;
  return true;
}

// A credit or source line of its own: "Foto: Jane Doe", "Quelle: dpa", "Credit: Getty Images", "Photograph by …", "©
// Jane Doe". Short, and standing alone: "Source: …" inside a sentence or a long paragraph is prose.
const CREDIT_LINE =
  /^(?:(?:foto|fotos|bild|bilder|bildquelle|fotocredit|quelle|quellen|source|sources|credit|credits|photo|photos|image|images|picture|illustration|grafik|copyright|crédits?|fuente|fonte)\s*[:：]|(?:photograph(?:ed)?|photos?|pictures?|images?|illustrations?|fotos?)\s+(?:by|von|de|par)\s|©|\(c\)\s)/i;
const MAX_CREDIT_LINE_CHARS = 100;
/** Inside these a credit or update line is content. */
const LINE_CONTENT_TAGS = new Set([...CONTENT_TAGS, ...LIST_TAGS]);

/** Characters of an element's leading text read to find a label; nodes visited for them, at most. */
const LEAD_CHARS = 40;
const LEAD_NODES = 16;

/**
 * The start of an element's text (its label, if it has one: "<strong>Foto</strong>: dpa", "<a><img></a>Foto:
 * dpa"), found in document order without reading all its text.
 */
function leadingText(el: Element): string {
  let out = '';
  let n: Node | null = el.firstChild;
  for (let steps = 0; n && steps < LEAD_NODES && out.length < LEAD_CHARS; steps++) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    let next: Node | null = n.nodeType === 1 ? n.firstChild : null;
    for (let up: Node | null = n; !next && up && up !== el; up = up.parentNode) next = up.nextSibling;
    n = next;
  }
  return out.replace(/[\s\u00a0]+/g, ' ').trimStart().slice(0, LEAD_CHARS);
}

function isCreditLine(el: Element, lead: string): boolean {
  if (!CREDIT_LINE.test(lead)) return false;
  const text = squash(el.textContent);
  return text.length <= MAX_CREDIT_LINE_CHARS && CREDIT_LINE.test(text) && standsAlone(el);
}

// A line of its own saying when the page was updated ("Aktualisiert am 17.01.2021.", "Last updated: 3 May 2021"),
// wherever it stands: metadata, not prose (an event's date line has no such label).
const UPDATE_LABEL = new RegExp(`^(?:last\\s+)?${MODIFIED.source}`, 'iu');

function isUpdateLine(el: Element, lead: string): boolean {
  if (!UPDATE_LABEL.test(lead)) return false;
  const text = squash(el.textContent);
  return UPDATE_LABEL.test(text) && standsAlone(el) && !!dateLineDate(text, MAX_TEXT_DATE_WORDS);
}

export interface CleanReport {
  captions: number;
  dateLines: number;
  /** The date lines cut from the article's opening (before its first paragraph of prose), first two at most. */
  openingDates: string[];
  /** The update lines cut anywhere ("Aktualisiert am 17.01.2021."), first two at most: a date of last resort. */
  updateDates: string[];
  classCues: number;
  linkBlocks: number;
  /** The removed elements, outermost only, in document order. */
  removed: Element[];
}

/** Cleans `root` (Readability's article element) in place. */
export function cleanArticle(root: Element): CleanReport {
  const report: CleanReport = { captions: 0, dateLines: 0, openingDates: [], updateDates: [], classCues: 0, linkBlocks: 0, removed: [] };
  const total = squashLen(root.textContent);
  if (!total) return report;
  const maxCue = Math.min(MAX_CUE_CHARS, total * MAX_CUE_SHARE);

  const removable = report.removed;
  const all = Array.from(root.querySelectorAll('*'));
  const gone = new Set<Element>();
  const isGone = (el: Element) => {
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (gone.has(p)) return true;
    return false;
  };
  // Only a <time> and the elements holding one can be a date line: found once, not asked of every element.
  const aroundTimes = new Set<Element>();
  for (const time of Array.from(root.getElementsByTagName('time'))) {
    for (let a: Element | null = time; a && a !== root && !aroundTimes.has(a); a = a.parentElement) aroundTimes.add(a);
  }
  // The opening: the blocks of text before the first paragraph of prose, and at most the first few of them.
  let opening = true;
  let openingBlocks = 0;
  for (const el of all) {
    if (isGone(el)) continue;
    const tag = el.tagName.toUpperCase();
    if ((aroundTimes.has(el) && isDateLine(el)) || (opening && isTextDateLine(el, root))) {
      gone.add(el);
      removable.push(el);
      report.dateLines++;
      const line = squash(el.textContent);
      if (opening && report.openingDates.length < MAX_OPENING_DATES) report.openingDates.push(line);
      if (UPDATE_LABEL.test(line) && report.updateDates.length < MAX_OPENING_DATES) report.updateDates.push(line);
      if (opening && ++openingBlocks >= MAX_OPENING_BLOCKS) opening = false;
      continue;
    }
    if (opening && isLeafBlock(el)) {
      const len = squashLen(el.textContent);
      // A long heading is a standfirst, not prose: it counts as one block of the opening.
      const prose = len >= MIN_PROSE_CHARS && !HEADING_TAGS.has(tag);
      if (prose || (len > 0 && ++openingBlocks >= MAX_OPENING_BLOCKS)) opening = false;
    }
    // Not a heading ("Credit: the next crisis"), nor a list item or table cell ("Source: IMF" in a table).
    const lead = isLeafBlock(el) && tag !== 'H1' && !HEADING_TAGS.has(tag) && !LIST_TAGS.has(tag) && !insideTag(el, LINE_CONTENT_TAGS, root) ? leadingText(el) : '';
    if (lead && isCreditLine(el, lead)) {
      gone.add(el);
      removable.push(el);
      report.captions++;
      continue;
    }
    if (lead && isUpdateLine(el, lead)) {
      gone.add(el);
      removable.push(el);
      report.dateLines++;
      if (report.updateDates.length < MAX_OPENING_DATES) report.updateDates.push(squash(el.textContent));
      continue;
    }
    if (tag === 'FIGCAPTION') {
      if (squashLen(el.textContent) <= maxCue) {
        gone.add(el);
        removable.push(el);
        report.captions++;
      }
      continue;
    }
    if (hasBoilerplateClass(el)) {
      const len = squashLen(el.textContent);
      if (len <= maxCue) {
        gone.add(el);
        removable.push(el);
        report.classCues++;
      }
      continue;
    }
    if (LINK_BLOCK_TAGS.has(tag) && !insideTag(el, LIST_TAGS, root)) {
      const text = squash(el.textContent);
      const len = text.length;
      // A bare address ("www.example.org/…") is a cited source, not a teaser.
      const linked = len > 0 && /\s/.test(text) ? linkTextLength(el) : 0;
      const teaser = len <= MAX_LINK_BLOCK_CHARS && linked >= MIN_LINK_SHARE * len;
      const linkList =
        len <= total * MAX_CUE_SHARE &&
        linked >= MIN_LIST_LINK_SHARE * len &&
        el.getElementsByTagName('a').length >= MIN_LIST_LINKS;
      if (linked > 0 && (teaser || linkList)) {
        gone.add(el);
        removable.push(el);
        report.linkBlocks++;
      }
    }
  }
  cutOtherArticles(root, gone, removable);
  cutAuthorNote(all, isGone, gone, removable);
  for (const el of removable) el.parentNode?.removeChild(el);
  return report;
}

const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

const NOTE_HEADING_TAGS = new Set(['H2', 'H3', 'H4']);
// The heading of an author note; not "Authors" or "Experts", which can head the byline or the article's own prose.
const ABOUT_AUTHOR =
  /^(?:about the (?:authors?|contributors?|writers?)|über (?:den|die) autor(?:in|en)?|zur autorin|zum autor|zu den autoren|à propos de l['’]auteur(?:e|s)?|sobre (?:el|la|los) autor(?:a|es)?|sull['’]autore|sugli autori|over de auteur)\s*:?$/i;
/** Blocks after an "About the author" heading that make its note, at most, each at most this long. */
const MAX_NOTE_BLOCKS = 3;
const MAX_NOTE_BLOCK_CHARS = 600;

/**
 * A heading that titles the author note ("About the author", "Über den Autor") and the short blocks under it, up
 * to the next heading: the note is read for affiliations from the cut text, not kept as the article's prose.
 */
function cutAuthorNote(all: Element[], isGone: (el: Element) => boolean, gone: Set<Element>, removable: Element[]): void {
  for (const h of all) {
    if (!NOTE_HEADING_TAGS.has(h.tagName.toUpperCase()) || !ABOUT_AUTHOR.test((h.textContent ?? '').trim()) || isGone(h)) continue;
    gone.add(h);
    removable.push(h);
    let n = 0;
    for (let el = h.nextElementSibling; el && n < MAX_NOTE_BLOCKS && !HEADING_TAGS.has(el.tagName.toUpperCase()); el = el.nextElementSibling, n++) {
      if (squashLen(el.textContent) > MAX_NOTE_BLOCK_CHARS) break;
      if (gone.has(el)) continue;
      gone.add(el);
      removable.push(el);
    }
  }
}

/**
 * A heading that names a box of other articles ("Related", "Das könnte Sie auch interessieren") and what follows
 * it in its container: the list it heads.
 */
function cutOtherArticles(root: Element, gone: Set<Element>, removable: Element[]): void {
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, p, strong, b'))) {
    const tag = h.tagName.toUpperCase();
    if (!HEADING_TAGS.has(tag) && (h.childElementCount > 1 || (h.textContent ?? '').length > 60)) continue;
    if (!headsOtherArticles(h.textContent ?? '')) continue;
    // An inline label stands for the block it opens.
    let start: Element = h;
    while (!HEADING_TAGS.has(start.tagName.toUpperCase()) && start.parentElement && start.parentElement !== root && (start.parentElement.textContent ?? '').trim() === (h.textContent ?? '').trim()) start = start.parentElement;
    for (let el: Element | null = start; el; el = el.nextElementSibling) {
      if (gone.has(el)) continue;
      // The list runs as long as its items are links or teasers; the article's own prose ends it.
      if (el !== start) {
        const len = squashLen(el.textContent);
        if (len > MAX_TEASER_CHARS && linkTextLength(el) < MIN_TEASER_LINK_SHARE * len) break;
      }
      gone.add(el);
      removable.push(el);
    }
  }
}

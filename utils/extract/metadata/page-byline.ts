// The byline the page shows near its headline: `itemprop=author`, `rel=author`, byline and author blocks, and
// labelled names ("Autor: Jane Doe").
import type { Author } from '../../record/schema';
import { boundedText, readText } from '../text';
import { parseByline, parseOrganisations } from './byline';
import { AUTHOR_LABEL, LABEL_TAGS, isAuthorHeading, textAfterLabel, textUnderHeading } from './labels';
import { inArticleItem, type Placed } from './regions';
import { attr } from '../elements';

/** Class and id words of an author block. */
export const AUTHOR_CLASS = /byline|author|autor|auteur|writer|verfasser|submitted|username|reporter|journalist|posted-?by|creator|penulis|yazar/i;
// A link to an author's page on the same site ("/author/jdoe/", "/experts/jane-doe"): its text names them. Not
// "/people/…" or "/person/…", which news sites use for pages about people they write about, and not a link to
// another site (a citation).
const PERSON_PATH = /\/(?:authors?|autor(?:en|in)?|auteurs?|experts?|staff|profiles?|contributors?|journalists?|reporters?|columnists?|writers?|scholars?|fellows?)\/[^/?#]+\/?(?:[?#].*)?$/i;

/** Text around a link to a person's page, at most, for it to be a byline rather than a name in a sentence. */
const MAX_BYLINE_BLOCK_CHARS = 120;

/** A host as isPersonLink compares it: lower case, without "www.". */
const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** The host of the page at `url`, for isPersonLink; null for no or a broken URL. */
export function pageHost(url: string | null | undefined): string | null {
  try {
    return url ? bareHost(new URL(url).hostname) : null;
  } catch {
    return null;
  }
}

/**
 * Whether a link goes to an author's page on the page's own site (`host`: see pageHost), in a
 * block short enough to be a byline ("By <a>Jane Doe</a> | 5 March"), not a sentence that quotes an expert.
 */
export function isPersonLink(el: Element, host: string | null): boolean {
  if (el.tagName !== 'A') return false;
  const href = attr(el, 'href');
  if (!PERSON_PATH.test(href)) return false;
  const abs = href.match(/^(?:https?:)?\/\/([^/?#]+)/i);
  if (abs && !(host && bareHost(abs[1]) === host)) return false;
  const block = el.parentElement;
  return !block || boundedText(block, MAX_BYLINE_BLOCK_CHARS + 1).replace(/\s+/g, ' ').trim().length <= MAX_BYLINE_BLOCK_CHARS;
}

// A byline block also holds the article's category or tags ("<div class=category><a href=/category/…>"): not names.
const TAXONOMY_CLASS = /(?:^|[\s_-])(?:categor(?:y|ies)|tags?|topics?|rubri[ck]|ressort)(?:$|[\s_-])/i;
const TAXONOMY_LINK = /\/(?:categor(?:y|ies)|tags?|topics?|themen?|rubri[ck]|ressort)\//i;
const isTaxonomy = (el: Element) =>
  TAXONOMY_CLASS.test(attr(el, 'class')) || (el.tagName === 'A' && TAXONOMY_LINK.test(attr(el, 'href')));

/**
 * A byline's text, a line per block and `<br>`, names kept whole across inline elements but not glued to the role
 * beside them ("<a>Jane Doe</a><span>Senior Fellow</span>").
 */
function nameText(el: Element, max: number): string {
  return readText(el, { maxChars: max, gluedItemLines: true, skip: isTaxonomy }).lines.join('\n').slice(0, max);
}

function bylineText(el: Element): string {
  if (LABEL_TAGS.has(el.tagName)) return textAfterLabel(el);
  if (isAuthorHeading(el)) return textUnderHeading(el);
  const own = el.childElementCount === 0 ? (el.textContent ?? '').trim() : '';
  // "Redaktion" is a label before a name, or on its own the newsroom's credit (a last-resort author).
  if (own && own.length < 25 && AUTHOR_LABEL.test(own)) return textAfterLabel(el) || own;
  const name = el.querySelector('[itemprop~="name"]');
  if (name) return attr(name, 'content') || nameText(name, 200);
  const content = attr(el, 'content');
  if (content && el.tagName === 'META') return content;
  return nameText(el, 300);
}

/**
 * The byline closest to the headline, explicit markup preferred; failing a person, the closest byline crediting
 * only an organisation, the site or a newsroom (a last resort).
 */
export function bestByline(found: Placed[], siteNames: string[]): { authors: Author[]; org: string | null } {
  let best: Author[] = [];
  let bestScore = Infinity;
  let org: string | null = null;
  let orgScore = Infinity;
  // Closest first; stop once no candidate further away could still win (bonuses are at most 6).
  const sorted = found.slice().sort((a, b) => a.dist - b.dist || a.order - b.order);
  for (const f of sorted.slice(0, 60)) {
    if (f.dist - 6 >= bestScore) break;
    const el = f.el;
    const text = bylineText(el);
    if (!text || text.length > 250) continue; // author boxes with a bio are not bylines
    const authors = parseByline(text, { siteNames });
    // A list of many "names" near a headline is a tag or category list, not a byline.
    if (authors.length > 5) continue;
    // Prefer explicit markup and elements close to the headline.
    let score = f.dist;
    if (/author/i.test(attr(el, 'itemprop')) || /author/i.test(attr(el, 'rel'))) score -= 2;
    // Microdata: the author property of the page's Article item is structured data, wherever the theme puts it.
    if (/\b(?:author|creator)\b/i.test(attr(el, 'itemprop')) && inArticleItem(f.chain)) score -= 8;
    if (/byline/i.test(`${attr(el, 'class')} ${attr(el, 'id')}`)) score -= 1;
    if (LABEL_TAGS.has(el.tagName)) score -= 3;
    if (/avatar|image|img|photo|bio|description|box|about/i.test(attr(el, 'class'))) score += 3;
    if (!authors.length) {
      if (score < orgScore && !best.length && parseOrganisations(text, { siteNames }).length) {
        orgScore = score;
        org = text;
      }
      continue;
    }
    if (score < bestScore) {
      bestScore = score;
      best = authors;
    }
  }
  return bestScore <= 14 ? { authors: best, org: null } : { authors: [], org: orgScore <= 14 ? org : null };
}

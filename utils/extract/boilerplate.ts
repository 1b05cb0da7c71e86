// Page furniture told apart by its class and id words. One list serves the body clean-up (what to cut out of
// the article) and the metadata sources (where a byline or a date belongs to something else).
import { attr } from './elements';

/**
 * Class/id words of page furniture, each with what it marks:
 * - `region`: a part of the page holding other content (related articles, comments, navigation, sidebars,
 *   footers, share bars): its text is not the article's, and neither are its bylines and dates;
 * - `aside`: text inside the article that is not its prose (captions, credits, hidden text, author boxes, ratings,
 *   meta lines): cut from the body, but a byline or date there can still be the article's own.
 */
const BOILERPLATE_WORDS = new Map<string, 'region' | 'aside'>([
  ...[
    'caption', 'captions', 'figcaption', 'credit', 'credits', 'hide', 'hidden',
    // author boxes and bylines (their lines are still read for authors and affiliations), ratings, disclaimers, meta lines
    'author', 'authors', 'bio', 'biography', 'authorbox', 'authorbio', 'authorinfo', 'authorcard', 'aboutauthor', 'authorprofile', 'userprofile', 'entryauthor', 'postauthor',
    // teasers for other pages; only an aside, since many sites also call the article's own lead a teaser
    'teaser', 'teasers',
    'rate', 'rating', 'ratings', 'vote', 'votes', 'stars', 'disclaimer', 'disclosure', 'meta', 'metadata', 'postmeta', 'entrymeta', 'postmetadata',
  ].map((w) => [w, 'aside'] as const),
  ...[
    'copyright', 'share', 'shares', 'sharing', 'sharebar', 'social', 'socials',
    'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'cta',
    'related', 'recommended', 'recommendations', 'readmore',
    'comment', 'comments', 'kommentar', 'kommentare', 'reply', 'respond', 'pingback',
    'sidebar', 'widget', 'widgets', 'popular', 'trending', 'mostread', 'morearticles', 'morestories', 'morenews',
    'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'footer', 'tagcloud', 'archive', 'calendar',
  ].map((w) => [w, 'region'] as const),
]);
/** WordPress and similar CMSs put taxonomy on the article element ("tag-social", "category-newsletter"). */
const TAXONOMY_TOKEN = /^(tag|category|categories|topic|format|type|status)[-_]|^post(id)?-\d/i;

const NEGATION_WORDS = new Set(['no', 'non', 'not', 'without', 'has', 'with', 'is']);

/**
 * The words of each class and id token, split at dashes, underscores, dots and camelCase humps
 * ("responsive-img-caption" → responsive, img, caption), without taxonomy tokens and tokens stating a state
 * ("no-caption", "has-sidebar", "with-share").
 */
function tokenWords(el: Element): string[][] {
  const raw = `${attr(el, 'class')} ${attr(el, 'id')}`;
  const out: string[][] = [];
  for (const token of raw.split(/\s+/)) {
    if (!token || TAXONOMY_TOKEN.test(token)) continue;
    const parts = token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s\-_:./]+/).filter(Boolean);
    if (parts.some((w) => NEGATION_WORDS.has(w))) continue;
    out.push(parts);
  }
  return out;
}

/** Every word of the element's class and id values, and adjacent pairs joined ("read-more" → readmore). */
export function classWords(el: Element): string[] {
  const words = tokenWords(el).flat();
  const n = words.length;
  for (let i = 0; i + 1 < n; i++) words.push(words[i] + words[i + 1]);
  return words;
}

/** Body clean-up: any class word marks furniture ("post-share-buttons", "img-caption"). */
export function hasBoilerplateClass(el: Element): boolean {
  if (!attr(el, 'class') && !attr(el, 'id')) return false;
  return classWords(el).some((w) => BOILERPLATE_WORDS.has(w));
}

/**
 * Metadata: a class token that names a region by its first word or two ("related-posts", "sidebar-left",
 * "read-more"), not one that merely mentions it further on ("elementor-widget-text", "entry-meta-share").
 */
export function namesBoilerplateRegion(el: Element): boolean {
  if (!attr(el, 'class') && !attr(el, 'id')) return false;
  // The same containers are asked about for every byline and date inside them.
  let v = regionCache.get(el);
  if (v === undefined) {
    v = tokenWords(el).some((parts) => BOILERPLATE_WORDS.get(parts[0]) === 'region' || (parts.length > 1 && BOILERPLATE_WORDS.get(parts[0] + parts[1]) === 'region'));
    regionCache.set(el, v);
  }
  return v;
}
const regionCache = new WeakMap<Element, boolean>();

/** A class token that names a footer by its first word ("footer", "footer-meta"). */
export function namesFooter(el: Element): boolean {
  return !!(attr(el, 'class') || attr(el, 'id')) && tokenWords(el).some((parts) => parts[0] === 'footer');
}

/** Headings of boxes that list other articles, in the languages we meet most ("Related", "Meistgelesen", "Lire aussi"). */
const OTHER_ARTICLES_HEADING =
  /^(?:related(?: (?:articles|posts|stories|content|news|reading))?|most (?:read|popular|viewed|shared|recent)|more (?:on this(?: topic)?|from|stories|articles|news|to read|like this)|(?:you )?(?:may|might) also (?:like|enjoy|be interested in)|also read|read (?:more|also|next)|recommended(?: for you)?|top stories|latest(?: news| posts| articles| stories)?|recent (?:posts|articles|news)|popular(?: posts| articles| stories)?|trending(?: now)?|meistgelesen|meist gelesen|meist-diskutiert|beliebt(?:e|este)?(?: artikel| beiträge)?|mehr (?:zum thema|aus|zu|von|news)|lesen sie (?:auch|mehr)|auch interessant|schon gelesen|zum weiterlesen|das könnte (?:sie|dich) (?:auch )?interessieren|weitere (?:artikel|beiträge|news|nachrichten|themen|meldungen)(?: zum thema)?|ähnliche (?:artikel|beiträge|themen)|neueste (?:artikel|beiträge|nachrichten)|aktuelle (?:artikel|beiträge|nachrichten|meldungen)|letzte beiträge|à lire aussi|lire aussi|sur le même sujet|les plus lus|dans la même rubrique|te puede interesar|lo más leído|noticias relacionadas|leggi anche|i più letti|articoli correlati)\s*[:.!?]?$/i;

/** Whether a heading's text names a box of other articles. */
export function headsOtherArticles(text: string): boolean {
  const t = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return t.length > 0 && t.length <= 60 && OTHER_ARTICLES_HEADING.test(t);
}

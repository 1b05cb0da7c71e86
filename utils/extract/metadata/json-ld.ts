import type { Author } from '../../record/schema';
import type { SourceResult } from './candidates';
import { cleanText } from './clean';
import { queryElements, type ElementsByTag } from '../elements';

/** Limits against hostile or broken pages: bytes per block, blocks, objects visited and nesting depth. */
const MAX_BLOCK_CHARS = 1_000_000;
const MAX_BLOCKS = 20;
const MAX_NODES = 3_000;
const MAX_DEPTH = 12;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** `@type` values of a node, without any `schema:`/URL prefix. */
export function typesOf(node: Obj): string[] {
  return asList(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').trim())
    .filter(Boolean);
}

const ARTICLE_TYPE = /(?:Article|Posting|Report|Review|Blog|Story|Thesis|Chapter|Book|Speech|Interview|CreativeWork|Recipe|Guide|HowTo|Question|ClaimReview|AdvertiserContentArticle|LiveBlogPosting)$/;
const PAGE_TYPE = /(?:WebPage|ItemPage|AboutPage|ProfilePage|CollectionPage|QAPage)$/;

/** Parse one JSON-LD block, tolerating common breakage (HTML comments, CDATA, trailing commas, raw newlines). */
export function parseJsonLd(text: string): Json | undefined {
  if (!text || text.length > MAX_BLOCK_CHARS) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    const repaired = text
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .trim();
    try {
      return JSON.parse(repaired) as Json;
    } catch {
      return undefined;
    }
  }
}

// Properties that hold other works than the page's own (a list of related articles, what it cites or mentions):
// their objects are indexed for references but are never the page's article.
const OTHER_WORKS = new Set(['itemListElement', 'relatedLink', 'significantLink', 'citation', 'mentions', 'isBasedOn', 'subjectOf', 'workExample', 'comment']);

/**
 * Every typed object in the blocks that may be the page's own (`@graph`s flattened and nested objects included,
 * bounded; not those under OTHER_WORKS), plus an index by `@id` of all of them, so references like
 * `"author": {"@id": "#person"}` can be resolved.
 */
export function collectNodes(roots: Json[]): { nodes: Obj[]; byId: Map<string, Obj> } {
  const nodes: Obj[] = [];
  const byId = new Map<string, Obj>();
  let visited = 0;
  const stack: Array<[Json, number, boolean]> = roots.slice(0, MAX_BLOCKS).reverse().map((r): [Json, number, boolean] => [r, 0, false]);
  // Iterative depth-first walk: no recursion, so a 10,000-level @graph cannot overflow the stack.
  while (stack.length && visited < MAX_NODES) {
    const [v, depth, other] = stack.pop()!;
    if (depth > MAX_DEPTH || v == null || typeof v !== 'object') continue;
    visited++;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, 500) - 1; i >= 0; i--) stack.push([v[i], depth + 1, other]);
      continue;
    }
    if (v['@type'] !== undefined && !other) nodes.push(v);
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
    const keys = Object.keys(v);
    for (let i = Math.min(keys.length, 200) - 1; i >= 0; i--) {
      const child = v[keys[i]];
      if (child && typeof child === 'object') stack.push([child, depth + 1, other || OTHER_WORKS.has(keys[i])]);
    }
  }
  // Keep document order (the stack reverses siblings back into order, parents before children).
  return { nodes, byId };
}

function resolve(v: Json | undefined, byId: Map<string, Obj>): Json | undefined {
  if (isObj(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
  return v;
}

/** A display string from a string, a `{name}` object, or the first usable item of a list. */
function nameOf(v: Json | undefined, byId: Map<string, Obj>, depth = 0): string {
  if (depth > 3) return '';
  const r = resolve(v, byId);
  if (typeof r === 'string') return cleanText(r);
  if (Array.isArray(r)) {
    for (const item of r.slice(0, 10)) {
      const s = nameOf(item, byId, depth + 1);
      if (s) return s;
    }
    return '';
  }
  if (isObj(r)) {
    const name = nameOf(r.name, byId, depth + 1) || nameOf(r.legalName, byId, depth + 1);
    if (name) return name;
    const given = cleanText(r.givenName);
    const family = cleanText(r.familyName);
    if (given || family) return [given, family].filter(Boolean).join(' ');
    const alt = nameOf(r.alternateName, byId, depth + 1);
    if (alt) return alt;
  }
  return '';
}

/** A bare host name ("example.com"), not a log-in name with a dot. */
const HOST_NAME = /\.(?:com|org|net|info|biz|io|co|de|at|ch|fr|es|it|nl|be|eu|uk|us|ca|au|tv|news|blog|online|media)$/i;

/** Schema.org types of an organisation credited as author (not a person). */
const ORGANISATION_TYPE = /^(?:Organi[sz]ation|NewsMediaOrganization|Corporation|GovernmentOrganization|EducationalOrganization|NGO|Brand|LocalBusiness|OnlineBusiness|ResearchOrganization|PerformingGroup|MusicGroup|SportsTeam|SportsOrganization|Project|FundingScheme|Consortium|LibrarySystem|WorkersUnion|PoliticalParty|MedicalOrganization)$/;

/** Authors of the article, with organisations (typed `Organization` and its subtypes) apart. */
function authorsOf(v: Json | undefined, byId: Map<string, Obj>, organisations: string[] = []): Author[] {
  const out: Author[] = [];
  for (const item of asList(resolve(v, byId)).slice(0, 50)) {
    const a = resolve(item, byId);
    if (typeof a === 'string') {
      const name = cleanText(a);
      if (name) out.push({ name, affiliation: null });
      continue;
    }
    if (!isObj(a)) continue;
    let name = nameOf(a, byId);
    if (!name) continue;
    const types = typesOf(a);
    if (types.length && types.every((t) => ORGANISATION_TYPE.test(t))) {
      // An organisation is credited only when no person is named anywhere (a guess, see choose.ts).
      organisations.push(name);
      continue;
    }
    // A Person given by its log-in name ("jane.doe", "jane_doe"): the two parts are the person's names.
    if (typesOf(a).includes('Person') && /^\p{Ll}{2,}[._]\p{Ll}{2,}$/u.test(name) && !HOST_NAME.test(name)) name = name.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    const affiliation = nameOf(a.affiliation, byId) || nameOf(a.worksFor, byId) || null;
    out.push({ name, affiliation });
  }
  return out;
}

function placeOf(node: Obj, byId: Map<string, Obj>): string {
  for (const key of ['locationCreated', 'contentLocation', 'spatialCoverage']) {
    const loc = resolve(node[key], byId);
    const first = Array.isArray(loc) ? resolve(loc[0], byId) : loc;
    let s = nameOf(first, byId);
    if (!s && isObj(first)) {
      const addr = resolve(first.address, byId);
      s = typeof addr === 'string' ? cleanText(addr) : isObj(addr) ? nameOf(addr.addressLocality, byId) : '';
    }
    if (s) return s;
  }
  const dateline = cleanText(node.dateline, 200);
  // A dateline is often "WASHINGTON, Jan. 5" or "LONDON (Reuters)": keep the place part.
  return dateline.replace(/\s*\(.*$/, '').replace(/,\s*\w+\.?\s*\d.*$/, '').trim();
}

function stringList(v: Json | undefined, byId: Map<string, Obj>): string[] {
  const out: string[] = [];
  for (const item of asList(v).slice(0, 100)) {
    if (typeof item === 'string') out.push(...item.split(/[,;]/).map((k) => cleanText(k, 200)));
    else {
      const s = nameOf(item, byId);
      if (s) out.push(s);
    }
  }
  return [...new Set(out.filter(Boolean))];
}

function dateString(v: Json | undefined): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return cleanText(first, 100) || undefined;
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  return undefined;
}

/** datePublished, else dateCreated, else the page's. */
function publishedOf(main: Obj, page: Obj | null | undefined): string | undefined {
  return dateString(main.datePublished) ?? dateString(main.dateCreated) ?? (page ? dateString(page.datePublished) : undefined);
}

function score(node: Obj): number {
  const types = typesOf(node);
  let s = 0;
  if (types.some((t) => ARTICLE_TYPE.test(t))) s += 10;
  else if (types.some((t) => PAGE_TYPE.test(t))) s += 2;
  else return 0;
  if (node.headline) s += 3;
  if (node.author) s += 2;
  if (node.datePublished) s += 2;
  if (node.articleBody) s += 1;
  return s;
}

/** Read every `application/ld+json` block of the document. */
export function readJsonLdBlocks(doc: Document, elements: ElementsByTag = queryElements(doc)): Json[] {
  const roots: Json[] = [];
  const scripts = elements('script');
  for (let i = 0; i < scripts.length && roots.length < MAX_BLOCKS; i++) {
    const el = scripts[i];
    if (!/ld\+json/i.test(el.getAttribute('type') ?? '')) continue;
    const parsed = parseJsonLd(el.textContent ?? '');
    if (parsed !== undefined) roots.push(parsed);
  }
  return roots;
}

/** The JSON-LD source: the page's main Article (or subtype), else its WebPage node. */
export function fromJsonLd(doc: Document, elements: ElementsByTag = queryElements(doc)): SourceResult {
  const result: SourceResult = { label: 'json-ld', values: {} };
  try {
    const roots = readJsonLdBlocks(doc, elements);
    if (!roots.length) return result;
    Object.assign(result.values, valuesFromJsonLd(roots));
  } catch {
    // Hostile or odd JSON-LD: no values from this source, never an exception.
  }
  return result;
}

export function valuesFromJsonLd(roots: Json[]): SourceResult['values'] {
  const { nodes, byId } = collectNodes(roots);
  let main: Obj | null = null;
  let best = 0;
  for (const n of nodes) {
    const s = score(n);
    if (s > best) {
      best = s;
      main = n;
    }
  }
  if (!main) return {};
  const isArticle = typesOf(main).some((t) => ARTICLE_TYPE.test(t));
  // A WebPage's name is usually the <title> with the site name: only an article's headline is a title.
  const page = isArticle ? nodes.find((n) => typesOf(n).some((t) => PAGE_TYPE.test(t))) : main;
  const types = typesOf(main);
  const reviewed = resolve(main.itemReviewed, byId);
  if (isObj(reviewed)) for (const t of typesOf(reviewed)) types.push(`itemReviewed:${t}`);
  const wc = typeof main.wordCount === 'number' ? main.wordCount : typeof main.wordCount === 'string' ? parseInt(main.wordCount, 10) : NaN;
  const keywords = stringList(main.keywords, byId);
  const language = nameOf(main.inLanguage, byId) || (page ? nameOf(page.inLanguage, byId) : '');
  const organisations: string[] = [];
  const values: SourceResult['values'] = {
    title: (isArticle ? nameOf(main.headline, byId) || nameOf(main.name, byId) : '') || undefined,
    authors: authorsOf(main.author ?? main.creator ?? page?.author, byId, organisations),
    orgByline: organisations.length ? organisations.slice(0, 5).join('; ') : undefined,
    publisher: nameOf(main.publisher, byId) || nameOf(main.sourceOrganization, byId) || (page ? nameOf(page.publisher, byId) : '') || undefined,
    publishedDate: publishedOf(main, page),
    place: placeOf(main, byId) || undefined,
    keywords: keywords.length ? keywords : undefined,
    section: stringList(main.articleSection, byId)[0] || undefined,
    language: language || undefined,
    wordCount: Number.isFinite(wc) && wc > 0 ? wc : undefined,
    types,
  };
  if (!values.authors?.length) delete values.authors;
  if (!values.orgByline) delete values.orgByline;
  return values;
}

// Where an extracted value came from. Drafts and saved records hold identifiers, never display text, so the hint
// beside a field ("from JSON-LD") can be translated without rewriting saved records.
import { t, type MessageKey } from '../i18n/messages';
import type { OrganisationKind } from './metadata/byline';

const SOURCE_TEXT = {
  'json-ld': 'sourceJsonLd',
  citation: 'sourceCitation',
  'dublin-core': 'sourceDublinCore',
  opengraph: 'sourceOpenGraph',
  'meta-tags': 'sourceMetaTags',
  'page-byline': 'sourcePageByline',
  'page-date': 'sourcePageDate',
  'page-text': 'sourcePageText',
  'page-headline': 'sourcePageHeadline',
  'page-title': 'sourcePageTitle',
  'page-self-reference': 'sourcePageSelfReference',
  'page-scripts': 'sourcePageScripts',
  url: 'sourceUrl',
  'url-path': 'sourceUrlPath',
  'host-name': 'sourceHostName',
  readability: 'sourceReadability',
  dateline: 'sourceDateline',
  'article-text': 'sourceArticleText',
  'article-section': 'sourceArticleSection',
  'json-ld-type': 'sourceJsonLdType',
  'first-line': 'sourceFirstLine',
  // PDFs (utils/pdf)
  'pdf-properties': 'sourcePdfProperties',
  'pdf-first-page': 'sourcePdfFirstPage',
  'pdf-author-notes': 'sourcePdfAuthorNotes',
  'pdf-page-headers': 'sourcePdfPageHeaders',
  'pdf-text': 'sourcePdfText',
  'pdf-doi': 'sourcePdfDoi',
  'pdf-abstract': 'sourcePdfAbstract',
} as const satisfies Record<string, MessageKey>;

/** A source of extracted values. */
export type SourceId = keyof typeof SOURCE_TEXT;

/** A draft field's source; for an organisation credited as author, also what it is ("json-ld:organisation"). */
export type SourceRef = SourceId | `${SourceId}:${OrganisationKind}`;

const KIND_TEXT: Record<OrganisationKind, MessageKey> = {
  newsroom: 'sourceAsNewsroom',
  site: 'sourceAsSiteName',
  organisation: 'sourceAsOrganisation',
};

// The display labels records were saved with before sources became identifiers (English, frozen: these are data).
const LEGACY: Record<string, SourceId> = {
  'JSON-LD': 'json-ld',
  'citation tags': 'citation',
  'Dublin Core': 'dublin-core',
  OpenGraph: 'opengraph',
  'meta tags': 'meta-tags',
  'page byline': 'page-byline',
  'page date': 'page-date',
  'page text': 'page-text',
  'page headline': 'page-headline',
  'page title': 'page-title',
  'page self-reference': 'page-self-reference',
  'page scripts': 'page-scripts',
  URL: 'url',
  'URL path': 'url-path',
  'host name': 'host-name',
  Readability: 'readability',
  dateline: 'dateline',
  'article text': 'article-text',
  'article section': 'article-section',
  'JSON-LD type': 'json-ld-type',
  'first line': 'first-line',
};
const LEGACY_KIND: Record<string, OrganisationKind> = { newsroom: 'newsroom', 'site name': 'site', organisation: 'organisation' };

const isSourceId = (s: string): s is SourceId => Object.hasOwn(SOURCE_TEXT, s);

/**
 * The identifier for a stored source value: an identifier as it is, or a label saved by an earlier version
 * ("page byline (site name)" → "page-byline:site"); null for anything else.
 */
export function sourceRef(value: string): SourceRef | null {
  const own = value.match(/^([a-z-]+)(?::([a-z]+))?$/);
  if (own && isSourceId(own[1]) && (own[2] === undefined || Object.hasOwn(KIND_TEXT, own[2]))) return value as SourceRef;
  const m = value.match(/^(.*?)(?: \(([^)]+)\))?$/)!;
  const legacy = Object.hasOwn(LEGACY, m[1]) ? LEGACY[m[1]] : null;
  if (!legacy) return null;
  if (!m[2]) return legacy;
  return Object.hasOwn(LEGACY_KIND, m[2]) ? `${legacy}:${LEGACY_KIND[m[2]]}` : null;
}

/** Display text for a source value, identifier or earlier label; a value from elsewhere is shown as it is. */
export function sourceText(value: string): string {
  const ref = sourceRef(value);
  if (!ref) return value;
  const [id, kind] = ref.split(':') as [SourceId, OrganisationKind | undefined];
  const text = t(SOURCE_TEXT[id]);
  return kind ? t(KIND_TEXT[kind], text) : text;
}

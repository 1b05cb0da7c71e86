import type { Author } from '../../record/schema';
import type { MetaIndex } from './meta-tags';
import type { SourceResult } from './candidates';
import { cleanText, keywordList } from './clean';

/** "Doe, Jane" (one author per tag, as citation and Dublin Core tags give them) → "Jane Doe". */
export function invertName(raw: string): string {
  const s = cleanText(raw, 200);
  const m = s.match(/^([^,]{2,60}),\s*([^,]{1,60})$/);
  if (!m) return s;
  // "Doe, Jr." or "Doe, PhD" are suffixes, not given names.
  if (/^(?:jr|sr|ii|iii|iv|phd|md|esq)\.?$/i.test(m[2].trim())) return s;
  return `${m[2].trim()} ${m[1].trim()}`;
}

/**
 * Scholarly `citation_*` tags (Google Scholar / Highwire): authors with their institutions, dates,
 * journal or report institution, keywords.
 */
export function fromCitation(meta: MetaIndex): SourceResult {
  const names = meta.all('citation_author');
  const institutions = meta.all('citation_author_institution');
  // Institutions are given per author in order when the counts match; otherwise we cannot pair them.
  const authors: Author[] = names.map((n, i) => ({
    name: invertName(n),
    affiliation: institutions.length === names.length ? cleanText(institutions[i], 300) || null : null,
  }));
  if (!names.length) {
    for (const a of meta.all('citation_authors')) for (const n of a.split(';')) if (n.trim()) authors.push({ name: invertName(n), affiliation: null });
  }
  const types: string[] = [];
  if (meta.first('citation_journal_title', 'citation_conference_title', 'citation_doi')) types.push('citation:journal');
  if (meta.first('citation_technical_report_institution', 'citation_technical_report_number')) types.push('citation:report');
  if (meta.first('citation_dissertation_institution')) types.push('citation:thesis');
  if (meta.first('citation_isbn', 'citation_book_title') && !meta.first('citation_journal_title')) types.push('citation:book');
  if (!types.length && meta.first('citation_title')) types.push('citation:article');
  return {
    label: 'citation',
    values: {
      title: cleanText(meta.first('citation_title')) || undefined,
      authors: authors.filter((a) => a.name),
      publishedDate: meta.first('citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date', 'citation_year'),
      publisher:
        cleanText(meta.first('citation_publisher', 'citation_journal_title', 'citation_technical_report_institution', 'citation_conference_title', 'citation_dissertation_institution')) || undefined,
      keywords: keywordList(meta.all('citation_keywords')),
      language: meta.first('citation_language'),
      types,
    },
  };
}

/** Dublin Core (`dc.*`), DCTERMS (`dcterms.*`) and PRISM (`prism.*`) tags. */
export function fromDublinCore(meta: MetaIndex): SourceResult {
  const creators = meta.all('dc.creator', 'dcterms.creator', 'dc.creator.personalname', 'dc.contributor.author');
  const types = meta.all('dc.type', 'dcterms.type', 'prism.genre', 'prism.contenttype').map((t) => `genre:${t}`);
  return {
    label: 'dublin-core',
    values: {
      title: cleanText(meta.first('dc.title', 'dcterms.title', 'prism.title')) || undefined,
      authors: creators.map((c) => ({ name: invertName(c), affiliation: null })).filter((a) => a.name),
      publisher: cleanText(meta.first('dc.publisher', 'dcterms.publisher', 'prism.publicationname')) || undefined,
      publishedDate: meta.first(
        'dcterms.issued', 'dc.date.issued', 'prism.publicationdate', 'dcterms.date', 'dc.date', 'dcterms.created', 'dc.date.created',
        'prism.coverdate',
      ),
      keywords: keywordList(meta.all('dc.subject', 'dcterms.subject', 'prism.keyword')),
      section: cleanText(meta.first('prism.section')) || undefined,
      language: meta.first('dc.language', 'dcterms.language'),
      types,
    },
  };
}

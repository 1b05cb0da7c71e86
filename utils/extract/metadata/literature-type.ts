import { DEFAULT_LITERATURE_TYPES } from '../../record/vocabulary';
import type { SourceId } from '../sources';

/** A guess is always one of the default vocabulary's values. */
export type LiteratureType = (typeof DEFAULT_LITERATURE_TYPES)[number];

export interface LiteratureGuess {
  value: LiteratureType;
  /** Where the guess came from. */
  source: SourceId;
}

/** Schema.org types, most specific first. Review is handled apart (only a reviewed Book makes a Book Review). */
const SCHEMA_TYPES: Array<[RegExp, LiteratureType]> = [
  [/^OpinionNewsArticle$/, 'Opinion/Op-Ed'],
  [/^AnalysisNewsArticle$/, 'Analysis'],
  [/^BackgroundNewsArticle$/, 'Analysis'],
  [/^(?:ReportageNewsArticle|NewsArticle|LiveBlogPosting)$/, 'News'],
  [/^(?:ScholarlyArticle|MedicalScholarlyArticle)$/, 'Research Article'],
  [/^(?:Report)$/, 'Report'],
  [/^(?:BlogPosting|Blog|SocialMediaPosting|DiscussionForumPosting)$/, 'Blog Post'],
  [/^(?:Book|Chapter)$/, 'Book'],
  [/^(?:Thesis)$/, 'Research Article'],
];

/** Section names and URL path segments, in several languages. */
const WORDS: Array<[RegExp, LiteratureType]> = [
  [/^(?:opinions?|op-?eds?|commentary|comment|commentaries|column|columns|columnists?|editorials?|meinung|kommentare?|standpunkt|gastbeitrag|opinion-?\w*|tribunes?|opinions?-\w+|opinión|opinion|editoriales|opinião|opinione|commenti)$/i, 'Opinion/Op-Ed'],
  [/^(?:analysis|analyses|analyse|analysen|analisis|análisis|analisi|explainers?|hintergrund|in-?depth|deep-?dive)$/i, 'Analysis'],
  [/^(?:interviews?|entretiens?|entrevistas?|intervista|gespräch|gespraech|q-?and-?a|qa)$/i, 'Interview'],
  [/^(?:book-?reviews?|buchkritik|rezensionen?|rezension|critique-?livre|reseña)$/i, 'Book Review'],
  [/^(?:policy-?briefs?|briefs?|issue-?briefs?|policy-?papers?|policy-?memos?)$/i, 'Policy Brief'],
  [/^(?:reports?|berichte|rapports?|informes?|research-?reports?|white-?papers?|studie|studien|studies)$/i, 'Report'],
  [/^(?:working-?papers?|discussion-?papers?|research-?papers?|occasional-?papers?|arbeitspapiere?|documents?-de-travail|documentos?-de-trabajo)$/i, 'Research Article'],
  [/^(?:speech|speeches|reden?|discours|discursos?|remarks|testimony|testimonies)$/i, 'Speech'],
  [/^(?:blogs?|blogposts?|blog-?post|weblog)$/i, 'Blog Post'],
  [/^(?:news|nachrichten|actualites|actualités|noticias|notizie|nieuws|breaking-?news|world-?news)$/i, 'News'],
];

function fromWords(segment: string): LiteratureType | null {
  const s = segment.trim();
  if (!s || s.length > 40) return null;
  for (const [re, type] of WORDS) if (re.test(s)) return type;
  return null;
}

export interface LiteratureHints {
  /** Schema.org types of the main JSON-LD node (with `itemReviewed:<Type>` entries), `og:<type>`, `citation:*`, `genre:*`. */
  types: string[];
  /** The article section (article:section, JSON-LD articleSection). */
  section?: string | null;
  /** The label above the headline ("Commentary", "Interview"). */
  kicker?: string | null;
  url?: string | null;
}

/**
 * Guess the Type of Literature from schema types, citation tags, the article section, the label above the
 * headline and the URL path. It is always a guess (the caller marks it so); null when nothing points anywhere.
 */
export function guessLiteratureType(hints: LiteratureHints): LiteratureGuess | null {
  const schema = hints.types.filter((t) => !t.includes(':'));
  // Review: a Book Review only when the reviewed item is a book; other reviews say nothing here.
  if (schema.some((t) => /Review$/.test(t) && t !== 'ClaimReview') && hints.types.some((t) => /^itemReviewed:(?:Book|Chapter)$/.test(t)))
    return { value: 'Book Review', source: 'json-ld-type' };
  for (const [re, type] of SCHEMA_TYPES) if (schema.some((t) => re.test(t))) return { value: type, source: 'json-ld-type' };

  const citation = hints.types.filter((t) => t.startsWith('citation:'));
  if (citation.includes('citation:report')) return { value: 'Report', source: 'citation' };
  if (citation.includes('citation:book')) return { value: 'Book', source: 'citation' };
  if (citation.includes('citation:journal') || citation.includes('citation:thesis')) return { value: 'Research Article', source: 'citation' };

  if (hints.section) {
    for (const part of hints.section.split(/\s*[/>|,]\s*/)) {
      const t = fromWords(part.replace(/\s+/g, '-'));
      if (t) return { value: t, source: 'article-section' };
    }
  }
  if (hints.kicker) {
    const t = fromWords(hints.kicker.trim().replace(/\s+/g, '-'));
    if (t) return { value: t, source: 'page-headline' };
  }
  if (hints.url) {
    let segments: string[];
    try {
      segments = new URL(hints.url).pathname.split('/').filter(Boolean).slice(0, -1).slice(0, 6);
    } catch {
      segments = [];
    }
    for (const seg of segments) {
      let word = seg;
      try {
        word = decodeURIComponent(seg);
      } catch {
        // "sale-50%-off": not an escape; read as written
      }
      const t = fromWords(word.toLowerCase());
      if (t) return { value: t, source: 'url-path' };
    }
  }
  const genre = hints.types.filter((t) => t.startsWith('genre:')).map((t) => t.slice(6));
  for (const g of genre) {
    const t = fromWords(g.replace(/\s+/g, '-'));
    if (t) return { value: t, source: 'dublin-core' };
  }
  if (citation.length) return { value: 'Research Article', source: 'citation' };
  return null;
}

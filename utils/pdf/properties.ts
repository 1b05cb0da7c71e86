import type { Author } from '../record/schema';
import { isPlausibleName } from '../extract/metadata/byline';
import { invertName } from '../extract/metadata/citation';
import { cleanText } from '../extract/metadata/clean';
import type { PdfProperties } from './open';
import { squash } from './layout';
import { pdfDate } from './dates';

/** What the file's Info dictionary and XMP packet say, after the checks below; each value may be missing. */
export interface CheckedProperties {
  title?: string;
  authors?: Author[];
  publisher?: string;
  date?: string;
  keywords?: string[];
  language?: string;
  /** Values the file states that its pages do not bear out, for the record of what was weighed. */
  rejected: string[];
}

// Titles that name the file or the program that made it, not the document.
const JUNK_TITLE =
  /^(?:microsoft\s+(?:word|powerpoint|excel)\s*-|untitled|document\d*$|slide\s*\d|presentation\d*$|title$|new\s+document|print\b|pdf\b|book\d*$)|\.(?:docx?|pdf|indd|tex|rtf|pptx?|xlsx?|odt|pages|qxd)\s*$|^[\w.-]+_[\w.-]+$|^[\w-]+\.\w{2,4}$/i;
const JUNK_AUTHOR = /^(?:admin|administrator|user|owner|author|unknown|default|[a-z]+\d+|[a-z]{1,3})$/i;

/** Whether the pages print the value (letters and digits compared, case and accents ignored). */
const printed = (value: string, pageKey: string) => {
  const k = squash(value);
  return k.length >= 3 && pageKey.includes(k);
};

/** Last name printed is enough for an author ("Clark" for "Corrie E. Clark" printed as "C. E. Clark"). */
const namePrinted = (name: string, pageKey: string) => {
  const words = name.split(/\s+/).filter((w) => w.replace(/\W/g, '').length >= 2);
  return !!words.length && printed(words[words.length - 1], pageKey) && (words.length < 2 || printed(words[0], pageKey) || /^\p{Lu}\.?$/u.test(words[0][0]));
};

/**
 * "Jane Doe, John Roe and Ann Poe", "Doe, Jane; Roe, John" (inverted, one comma each) → names, first name first.
 * Split here rather than as a page byline: a PDF's Author field holds names only, no roles or dates.
 */
export function splitNames(raw: string): string[] {
  const value = cleanText(raw, 1000);
  const groups = value.split(/\s*(?:;|\band\b|&)\s*/).map((g) => g.trim()).filter(Boolean);
  // "Doe, Jane" has one short given name after the comma; "Jane Doe, John Roe" has a whole name there.
  const inverted = (g: string) => {
    const [last, first = ''] = g.split(/\s*,\s*/);
    return (g.match(/,/g) ?? []).length === 1 && last.split(/\s+/).length <= 3 && first.split(/\s+/).length <= 2 && !/\s\p{Lu}\p{Ll}+$/u.test(first);
  };
  if (groups.length && groups.every(inverted)) return groups.map((g) => invertName(g));
  // Five words or more with no separator are names run together ("Alexander H. Pepper Karl E. Schneider"): not one name.
  return groups.flatMap((g) => g.split(/\s*,\s*/)).map((n) => n.trim()).filter((n) => n && n.split(/\s+/).length <= 4);
}

/** Keyword lists that are really notes ("Cover Date: April 20, 2026") are not keywords. */
function keywordsOf(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/\s*[;,]\s*/))
    .map((k) => cleanText(k, 100))
    .filter((k) => k && !/[:\d]/.test(k) && k.split(/\s+/).length <= 6);
}

/**
 * The file's own properties, never taken blindly: a title that names a file or program, or that the first pages
 * do not print, is dropped; so are authors whose names the pages never print (the typist, a log-in name).
 */
export function checkProperties(props: PdfProperties, pagesText: string): CheckedProperties {
  const out: CheckedProperties = { rejected: [] };
  const pageKey = squash(pagesText);
  for (const raw of [props.xmp.title, props.title]) {
    const title = raw ? cleanText(raw, 600) : '';
    if (!title) continue;
    if (JUNK_TITLE.test(title) || !printed(title, pageKey)) {
      out.rejected.push(`title: ${title}`);
      continue;
    }
    out.title = title;
    break;
  }
  const rawAuthors = props.xmp.creators?.length ? props.xmp.creators : props.author ? [props.author] : [];
  const authors = [...new Set(rawAuthors.flatMap(splitNames))].filter((name) => !JUNK_AUTHOR.test(name) && isPlausibleName(name)).map((name) => ({ name, affiliation: null }));
  const kept = authors.filter((a) => namePrinted(a.name, pageKey));
  if (kept.length) out.authors = kept.map((a) => ({ name: a.name, affiliation: null }));
  for (const a of authors) if (!kept.includes(a)) out.rejected.push(`author: ${a.name}`);
  const publisher = props.xmp.publisher ? cleanText(props.xmp.publisher, 300) : '';
  if (publisher) out.publisher = publisher;
  out.date = pdfDate(props.xmp.date) ?? pdfDate(props.xmp.createDate) ?? pdfDate(props.creationDate) ?? undefined;
  const keywords = keywordsOf([...(props.xmp.subjects ?? []), ...(props.keywords ? [props.keywords] : [])]);
  if (keywords.length) out.keywords = [...new Set(keywords)].slice(0, 50);
  const lang = props.xmp.language ?? props.language;
  if (lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang)) out.language = lang;
  return out;
}

import type { Author } from '../../record/schema';
import { fixCaps, squashKey } from './clean';
import { dateLineDate } from './dates';
import { MODIFIED } from './page-date';

const UPPER = '\\p{Lu}';
// "WASHINGTON —", "LONDON (Reuters) -", "SAN JUAN, Puerto Rico —", "Berlin (dpa) -".
const CAPS_DATELINE = new RegExp(
  `^([${UPPER}][${UPPER}'’.\\- ]{1,40}?[${UPPER}.])(?:,\\s*([${UPPER}][\\p{L}.'’ ]{1,30}?))?\\s*(?:\\(([^)]{1,40})\\))?\\s*[—–-]{1,2}\\s*\\S`,
  'u',
);
const AGENCY_DATELINE = new RegExp(`^([${UPPER}][\\p{L}'’.\\- ]{1,40}?)\\s*\\(([^)]{1,40})\\)\\s*[—–:-]{1,2}\\s*\\S`, 'u');


/**
 * The place of a news dateline at the start of the article text: "WASHINGTON — …" → "Washington",
 * "LONDON (Reuters) - …" → "London", "Berlin (dpa) - …" → "Berlin". Null when the text does not open with one.
 */
export function datelinePlace(text: string): string | null {
  const lines = text.split('\n', 4).slice(0, 3);
  for (const raw of lines) {
    const line = raw.slice(0, 300).trim();
    let m = line.match(CAPS_DATELINE);
    if (m && m[1].length >= 3 && !/\s{2}/.test(m[1])) {
      const place = fixCaps(m[1].trim().replace(/[.]$/, ''));
      // A headline in capitals or a one-letter word is not a dateline.
      if (place.split(/\s+/).length <= 4) return place;
    }
    m = line.match(AGENCY_DATELINE);
    if (m && m[1].split(/\s+/).length <= 3 && /^[\p{L} .'’-]+$/u.test(m[2]) && m[2].length <= 20) return m[1].trim();
  }
  return null;
}

/** A date line at the top of the text may carry a label and a reading time ("Published 3 May 2021 · 4 min read"). */
const MAX_LEAD_DATE_WORDS = 6;

/**
 * The date an article's text opens with on a line of its own ("26. Januar 2022", "Published 3 May 2021 · 4 min
 * read"), within its first lines: where the headline sits in a page header apart from the article, this line is
 * the date the article shows. Not a line saying it was updated, nor one after the first paragraph.
 */
export function leadDate(text: string, lang: string | null): string | null {
  for (const raw of text.split('\n', 4).slice(0, 3)) {
    const line = raw.trim();
    // Prose has begun: a date line below the first paragraph belongs to something else (a reference, an event).
    if (line.length >= 100) break;
    if (MODIFIED.test(line)) continue;
    const date = dateLineDate(line, MAX_LEAD_DATE_WORDS, lang);
    if (date) return date;
  }
  return null;
}

// "Jane Doe is a senior fellow at the Baltic Maritime Institute." / "Jane Doe ist Professorin an der Universität Graz."
const BIO = new RegExp(
  String.raw`(?:^|[.!?]\s+|[*—–-]\s*)([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})(?:,\s+[^,.;]{2,60},)?\s+(?:is|was|ist|war|est|es|è)\s+(?:an?\s+|the\s+|ein(?:e|er)?\s+|une?\s+)?([^.;]{0,120}?)\s+(?:at|of|with|for|an der|am|bei|à|au|de la|del|en)\s+(?:the\s+|l[ae’']\s*|der\s+|dem\s+|des\s+)?([\p{Lu}][^,.;()]{2,100}?)(?=\s+(?:and|where|who|und|et|y|in)\s|[,.;()]|$)`,
  'gu',
);
// "director of the Energy Program at the Example Institute": a unit, then "at" and the institution it belongs to.
// Not "University of California at Berkeley" nor "Universität Frankfurt am Main": only a programme, centre,
// department… before the "at", and two words at least after it.
const UNIT_AT = /^(?:[^,;]*\s)?(?:program(?:me)?|project|initiative|department|centre|center|office|unit|desk|division|institute|lab|laboratory|team|group|chair|school|faculty)\s+at\s+(?:the\s+)?(?=\p{Lu}\S*\s+\S)/iu;
const ROLE_WORDS = /fellow|professor|director|researcher|scholar|analyst|economist|lecturer|president|chair|head|editor|associate|scientist|adviser|advisor|founder|member|dean|manager|correspondent|student|candidate|minister|ambassador|partner|officer|forscher|professorin|direktor|leiter|mitarbeiter|chercheu|directeur|investigador|profesor/i;

// A word in capitals ("SENIOR", "NATO") is a heading or an acronym, not part of a name; initials ("A.") are.
const isCapsWord = (w: string) => {
  const letters = w.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
};

interface Bio {
  name: string;
  affiliation: string;
}

/** Bio lines read from one article, at most. */
const MAX_BIOS = 20;

/** Author bio lines ("X is a senior fellow at the Y Institute") at the end (or the start) of an article's text. */
function bioLines(text: string): Bio[] {
  const lines = text.split('\n');
  // Bios sit at the end (or the start) of an article; only look there, and only at short lines.
  const scan = [...lines.slice(-25), ...lines.slice(0, 5)].filter((l) => l.length < 1200);
  const out: Bio[] = [];
  for (const line of scan) {
    // Several bios can share a line ("Jane Doe is … John Roe is …").
    for (const m of line.matchAll(BIO)) {
      if (!ROLE_WORDS.test(m[2])) continue;
      const affiliation = m[3].trim().replace(/\s+/g, ' ').replace(UNIT_AT, '');
      if (affiliation.split(/\s+/).length > 12) continue;
      out.push({ name: m[1].trim(), affiliation });
      if (out.length >= MAX_BIOS) return out;
    }
  }
  return out;
}

/**
 * Affiliations from author bio lines ("X is a senior fellow at the Y Institute") in the article text, attached to
 * the authors already found (matched by surname). Authors without a bio keep what they had.
 */
export function affiliationsFromBio(text: string, authors: Author[]): Author[] {
  if (!authors.length || !text) return authors;
  const need = authors.filter((a) => !a.affiliation);
  if (!need.length) return authors;
  const found = new Map<string, string>();
  for (const bio of bioLines(text)) {
    const name = squashKey(bio.name);
    for (const a of need) {
      const parts = a.name.split(/\s+/);
      const surname = squashKey(parts[parts.length - 1] ?? '');
      if (surname.length >= 2 && (name.endsWith(surname) || name === squashKey(a.name))) found.set(a.name, bio.affiliation);
    }
  }
  if (!found.size) return authors;
  return authors.map((a) => (!a.affiliation && found.has(a.name) ? { ...a, affiliation: found.get(a.name)! } : a));
}

/**
 * The people an article's bio lines introduce ("Jane Doe is a senior fellow at the Y Institute."), with their
 * affiliations: the authors of a piece whose byline is not marked up. Only full names (two to four words) count,
 * at most three bios; more looks like a list of contributors or staff, not an author note.
 */
export function authorsFromBio(text: string): Author[] {
  if (!text) return [];
  const seen = new Set<string>();
  const out: Author[] = [];
  for (const bio of bioLines(text)) {
    const words = bio.name.split(/\s+/);
    if (words.length < 2 || words.length > 4 || words.some(isCapsWord)) continue;
    const key = squashKey(bio.name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: bio.name, affiliation: bio.affiliation });
  }
  return out.length <= 3 ? out : [];
}

import type { LiteratureType } from '../extract/metadata/literature-type';
import type { PdfLine } from './lines';

// What a cover or header calls the document, most specific first.
const WORDS: Array<[RegExp, LiteratureType]> = [
  [/\b(?:policy|issue)\s+(?:brief|memo|paper)s?\b|\bin\s+focus\b|\bbriefing\b|\binsights?\b/i, 'Policy Brief'],
  [/\b(?:working|discussion|white|occasional)\s+paper\b|\breports?\b|\bstudy\b/i, 'Report'],
  [/\beditorial\b/i, 'Opinion/Op-Ed'],
  [/\b(?:research\s+article|original\s+article|replication|journal\s+of|proceedings\s+of)\b|\babstract\b/i, 'Research Article'],
];

/**
 * The Type of Literature a PDF calls itself in the short lines of its first pages ("POLICY BRIEF", "Working Paper
 * No. 12", "Research Article"); a paper with a DOI and an author block is a research article. Always a guess.
 */
export function guessPdfType(lines: PdfLine[], hints: { doi: string | null; hasAuthorsBlock: boolean }): LiteratureType | null {
  const short = lines.filter((l) => l.text.length <= 60).slice(0, 40).map((l) => l.text);
  for (const [re, type] of WORDS) if (short.some((s) => re.test(s))) return type;
  return hints.doi && hints.hasAuthorsBlock ? 'Research Article' : null;
}

/** The default Type of Literature vocabulary; users can edit it (stored in extension storage). */
export const DEFAULT_LITERATURE_TYPES = [
  'Analysis',
  'Opinion/Op-Ed',
  'News',
  'Report',
  'Policy Brief',
  'Research Article',
  'Interview',
  'Book',
  'Book Review',
  'Speech',
  'Blog Post',
  'Other',
] as const;

/** Parse a user-edited vocabulary (one entry a line), dropping blanks and duplicates. */
export function parseVocabulary(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const v = line.trim().slice(0, 200);
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

import type { Author, SummarizedBy } from '../record/schema';

// Field renderings shared by the flat exports (CSV, Markdown, text card), so they agree with each other.

export function authorNames(authors: readonly Author[]): string[] {
  return authors.map((a) => a.name);
}

/**
 * Affiliations: once when every author shares one (or there is one author), otherwise one per author by
 * position, blank where an author has none, so they still line up with the author list.
 */
export function affiliationList(authors: readonly Author[]): string[] {
  const all = authors.map((a) => a.affiliation ?? '');
  const distinct = new Set(all);
  if (distinct.size === 1) return all[0] ? [all[0]] : [];
  return all.some(Boolean) ? all : [];
}

/** "Riyaz ul Khaliq, CIGA Non-resident Research Associate" (the name alone when there is no role). */
export function summarizerLine(by: SummarizedBy | null | undefined): string {
  return [by?.name, by?.role].map((s) => s?.trim()).filter(Boolean).join(', ');
}

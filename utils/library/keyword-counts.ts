import type { StoredRecord } from '../db/database';

export interface KeywordCount {
  /** The spelling most records use (ties: the first seen). */
  keyword: string;
  count: number;
  /** Other spellings of the same keyword differing only in case, e.g. "us" beside "US". */
  variants: string[];
}

/** Every keyword in the records with how many records carry it; spellings differing only in case count as one. */
export function keywordCounts(records: readonly Pick<StoredRecord, 'keywords'>[]): KeywordCount[] {
  const groups = new Map<string, { records: number; spellings: Map<string, number> }>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const k of record.keywords) {
      const key = k.toLocaleLowerCase();
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { records: 0, spellings: new Map() }));
      g.spellings.set(k, (g.spellings.get(k) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        g.records++;
      }
    }
  }
  return [...groups.values()]
    .map((g) => {
      const spellings = [...g.spellings.entries()];
      const best = spellings.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      return { keyword: best, count: g.records, variants: spellings.map(([s]) => s).filter((s) => s !== best) };
    })
    .sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword));
}

/** Distinct non-empty values of a field, sorted, for a filter's choices. */
export function distinctValues<T>(records: readonly T[], pick: (r: T) => string | null): string[] {
  const seen = new Map<string, string>();
  for (const r of records) {
    const v = pick(r)?.trim();
    if (v && !seen.has(v.toLocaleLowerCase())) seen.set(v.toLocaleLowerCase(), v);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

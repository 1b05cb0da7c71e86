import type { PrecisDatabase } from '../../../utils/db/database';
import type { PrecisRecord } from '../../../utils/record/schema';

let n = 0;

/** A valid record; each call gets a fresh id unless one is given. */
export function record(patch: Partial<PrecisRecord> = {}): PrecisRecord {
  n++;
  return {
    id: `id-${n}`, url: `https://example.org/${n}`, title: `Article ${n}`, authors: [{ name: 'Jane Doe', affiliation: null }],
    publisher: 'Example', publishedDate: '2024-01-02', place: null, literatureType: 'Analysis', wordCount: 100,
    keywords: ['Trade'], summary: 'A summary.', summarizedBy: null, section: null, language: 'en',
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...patch,
  };
}

/** Everything the database holds, in a stable order, for "nothing changed" assertions. */
export async function snapshot(db: PrecisDatabase) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { records: (await db.records.toArray()).sort(byId), texts: (await db.texts.toArray()).sort(byId) };
}

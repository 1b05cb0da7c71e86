import type { PrecisDatabase } from '../../../utils/db/database';
import { getAllTexts } from '../../../utils/db/article-texts';
import { getAllRecords } from '../../../utils/db/record-buckets';
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
  const texts = await db.transaction('r', db.textBuckets, async () => getAllTexts(db));
  return { records: (await getAllRecords(db)).sort(byId), texts: [...texts].sort(([a], [b]) => a.localeCompare(b)) };
}

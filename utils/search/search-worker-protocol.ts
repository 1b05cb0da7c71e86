// Messages between the library page and the worker that owns its search index (entrypoints/library/
// search-worker.ts). Building the index for 10,000 records is seconds of CPU; in a worker it holds neither
// typing nor scrolling. The worker handles messages in order, so an edit sent after a bulk load is applied
// after it.
import { RecordIndex, type Searchable } from './record-index';

export type SearchRequest =
  | { type: 'add'; seq: number; records: Searchable[] }
  | { type: 'upsert'; records: Searchable[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'search'; seq: number; query: string };

export type SearchReply = { type: 'added'; seq: number } | { type: 'results'; seq: number; ids: string[] } | { type: 'failed'; seq: number; message: string };

/** Only the fields the index reads cross to the worker (records also carry dates, places, sources…). */
export function searchable(r: Searchable): Searchable {
  return { id: r.id, title: r.title, authors: r.authors, publisher: r.publisher, keywords: r.keywords, summary: r.summary, section: r.section };
}

/**
 * Applies one request to an index; the reply, if the request expects one. `inWorker`: a bulk load runs as one
 * task (nothing else needs the worker's thread meanwhile); in the page it yields between chunks.
 */
export async function handleSearchRequest(index: RecordIndex, request: SearchRequest, { inWorker = true } = {}): Promise<SearchReply | null> {
  try {
    switch (request.type) {
      case 'add':
        await index.addMany(request.records, inWorker ? { chunkSize: Number.MAX_SAFE_INTEGER } : {});
        return { type: 'added', seq: request.seq };
      case 'upsert':
        for (const r of request.records) index.upsert(r);
        return null;
      case 'remove':
        for (const id of request.ids) index.remove(id);
        return null;
      case 'search':
        return { type: 'results', seq: request.seq, ids: index.search(request.query) };
    }
  } catch (e) {
    if (request.type === 'add' || request.type === 'search') return { type: 'failed', seq: request.seq, message: e instanceof Error ? e.message : String(e) };
    throw e;
  }
}

// The library's search index as the page uses it: in a worker (entrypoints/library/search-worker.ts), so that
// indexing thousands of records never holds typing or scrolling; in the page if no worker can run.
import { RecordIndex, type Searchable } from '../../utils/search/record-index';
import { handleSearchRequest, searchable, type SearchReply, type SearchRequest } from '../../utils/search/search-worker-protocol';

export class SearchClient {
  private seq = 0;
  private readonly waiting = new Map<number, { request: SearchRequest; resolve: (reply: SearchReply) => void }>();
  /** What the index holds, as sent: answers `has`, and rebuilds the index in the page if the worker dies. */
  private readonly sent = new Map<string, Searchable>();
  private worker: Worker | null = null;
  private local: { index: RecordIndex; queue: Promise<void> } | null = null;

  constructor() {
    try {
      this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<SearchReply>) => this.receive(e.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.fallBack();
    }
  }

  has(id: string): boolean {
    return this.sent.has(id);
  }

  /**
   * Indexes many records; with `replace: false`, records already indexed (edited meanwhile) are kept. They are
   * left out here, so the worker replaces whatever it is sent.
   */
  async addMany(records: readonly Searchable[], { replace = true }: { replace?: boolean } = {}): Promise<void> {
    const slim = records.filter((r) => replace || !this.sent.has(r.id)).map(searchable);
    for (const r of slim) this.sent.set(r.id, r);
    const reply = await this.request((seq) => ({ type: 'add', seq, records: slim }));
    if (reply.type === 'failed') throw new Error(reply.message);
  }

  upsert(record: Searchable): void {
    const slim = searchable(record);
    this.sent.set(slim.id, slim);
    this.send({ type: 'upsert', records: [slim] });
  }

  remove(id: string): void {
    this.sent.delete(id);
    this.send({ type: 'remove', ids: [id] });
  }

  /** Ids of the records matching every word of `query`, best match first. */
  async search(query: string): Promise<string[]> {
    const reply = await this.request((seq) => ({ type: 'search', seq, query }));
    if (reply.type === 'failed') throw new Error(reply.message);
    return reply.type === 'results' ? reply.ids : [];
  }

  private request(make: (seq: number) => SearchRequest): Promise<SearchReply> {
    const seq = ++this.seq;
    const request = make(seq);
    return new Promise((resolve) => {
      this.waiting.set(seq, { request, resolve });
      this.send(request);
    });
  }

  private receive(reply: SearchReply): void {
    const waiting = this.waiting.get(reply.seq);
    this.waiting.delete(reply.seq);
    waiting?.resolve(reply);
  }

  private send(request: SearchRequest): void {
    if (this.worker) {
      this.worker.postMessage(request);
      return;
    }
    const local = this.local!;
    local.queue = local.queue
      .then(async () => {
        const reply = await handleSearchRequest(local.index, request, { inWorker: false });
        if (reply) this.receive(reply);
      })
      .catch((error: unknown) => console.error('Précis search:', error));
  }

  /**
   * No worker (or it failed to start): index in the page instead, from what was sent so far, and ask again
   * there what is still waiting for an answer.
   */
  private fallBack(): void {
    performance.mark('precis:search-in-page');
    this.worker?.terminate();
    this.worker = null;
    const index = new RecordIndex();
    this.local = { index, queue: index.addMany([...this.sent.values()]).catch((error: unknown) => console.error('Précis search:', error)) };
    for (const { request } of this.waiting.values()) this.send(request);
  }
}

// The whole library, followed live. The records are read in ranges of ids, each range a Dexie live query:
// when records change (in this page, the popup, the side panel or another tab), Dexie re-runs only the
// queries whose range holds a record written or deleted, so a saved record costs the page one range read
// (a few hundred records), not a read of the whole library. Writes of 50 records or more at once (imports,
// keyword changes across many records) are not tracked key by key by Dexie, and re-run every range.
import { liveQuery } from 'dexie';
import type { PrecisDatabase, StoredRecord } from './database';

/** About this many records to a range; a range that grows past twice this is split. */
const RANGE_SIZE = 250;

/** Records added or changed, and ids deleted, as one range's read found them. */
export interface LiveChanges {
  upserted: StoredRecord[];
  removed: string[];
}

interface Range {
  /** First id of the range (inclusive); null from the start. */
  from: string | null;
  /** First id after the range; null to the end. */
  to: string | null;
  /** What the last read found; null until the first read. */
  rows: Map<string, StoredRecord> | null;
  /** Reads begun, and the latest of them whose result has been taken in. */
  begun: number;
  taken: number;
  stop(): void;
}

export class LiveRecords {
  private ranges: Range[] = [];
  private waiting: (() => void)[] = [];
  private stopped = false;

  /** `onChange` hears each change found after the first reads, range by range. */
  constructor(
    private readonly db: PrecisDatabase,
    private readonly onChange: (changes: LiveChanges) => void,
    private readonly rangeSize = RANGE_SIZE,
  ) {}

  /** Reads every record (in ranges of ids, all at once) and follows the records from then on. */
  async start(): Promise<StoredRecord[]> {
    const ids = (await this.db.records.toCollection().primaryKeys()) as string[];
    const bounds = [null, ...cuts(ids, this.rangeSize), null];
    this.ranges = bounds.slice(0, -1).map((from, i) => this.follow(from, bounds[i + 1], null));
    await this.settled();
    return this.ranges.flatMap((r) => [...r.rows!.values()]);
  }

  /**
   * Stops following until `restart`: for the page's own large writes (an import), which would make every
   * range read again what the page already knows.
   */
  pause(): void {
    for (const range of this.ranges) range.stop();
  }

  /**
   * Follows again, in ranges cut anew from `records` (what the page now shows): each range reads once, and
   * `onChange` hears only what differs from `records`.
   */
  restart(records: readonly StoredRecord[]): void {
    this.pause();
    this.ranges = piecesOf([...records].sort(byId), null, null, this.rangeSize).map(([from, to, rows]) => this.follow(from, to, rows));
  }

  /**
   * Resolves once every range has taken in its latest read: every change Dexie has signalled so far (a
   * commit in this page; another page's, once its message has arrived) is then in what `onChange` heard.
   * It looks after the current task: a commit's signal starts the reads it causes only after the code
   * awaiting that commit may already have run.
   */
  async settled(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.wake();
    });
  }

  stop(): void {
    this.stopped = true;
    for (const range of this.ranges) range.stop();
    this.wake();
  }

  private follow(from: string | null, to: string | null, rows: Map<string, StoredRecord> | null): Range {
    // A range made from another's rows counts as unread until its own first read.
    const range: Range = { from, to, rows, begun: rows ? 1 : 0, taken: 0, stop: () => {} };
    const subscription = liveQuery(async () => {
      const read = ++range.begun;
      return { read, rows: await this.read(from, to) };
    }).subscribe({
      next: ({ read, rows: found }) => this.take(range, read, found),
      error: (e: unknown) => {
        console.error('Précis: stopped following a range of records', e);
        range.rows ??= new Map();
        range.taken = range.begun;
        this.wake();
      },
    });
    range.stop = () => subscription.unsubscribe();
    return range;
  }

  /**
   * The records of a range, read in pages of up to twice rangeSize (a range is split past that), so that a
   * range grown large (another tab's import) is never one long task of turning stored rows into objects.
   */
  private async read(from: string | null, to: string | null): Promise<StoredRecord[]> {
    const page = 2 * this.rangeSize + 1;
    const rows: StoredRecord[] = [];
    for (let lower = from, open = false; ; ) {
      const found: StoredRecord[] = await this.query(lower, open, to).limit(page).toArray();
      rows.push(...found);
      if (found.length < page) return rows;
      [lower, open] = [found[found.length - 1].id, true];
    }
  }

  private query(from: string | null, open: boolean, to: string | null) {
    const ids = this.db.records;
    if (from === null) return to === null ? ids.toCollection() : ids.where('id').below(to);
    if (to === null) return open ? ids.where('id').above(from) : ids.where('id').aboveOrEqual(from);
    return ids.where('id').between(from, to, !open, false);
  }

  private take(range: Range, read: number, found: StoredRecord[]): void {
    if (this.stopped) return;
    const now = new Map(found.map((r) => [r.id, r]));
    const before = range.rows;
    range.rows = now;
    range.taken = Math.max(range.taken, read);
    if (before) {
      const upserted = found.filter((r) => changed(before.get(r.id), r));
      const removed = [...before.keys()].filter((id) => !now.has(id));
      if (upserted.length || removed.length) this.onChange({ upserted, removed });
    }
    if (now.size > 2 * this.rangeSize) this.split(range);
    this.wake();
  }

  /** Replaces a range grown too large (another tab's import) by ranges of about rangeSize. */
  private split(range: Range): void {
    range.stop();
    const parts = piecesOf([...range.rows!.values()].sort(byId), range.from, range.to, this.rangeSize);
    this.ranges.splice(this.ranges.indexOf(range), 1, ...parts.map(([from, to, rows]) => this.follow(from, to, rows)));
  }

  private wake(): void {
    if (!this.stopped && !this.ranges.every((r) => r.rows && r.taken >= r.begun)) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/**
 * Whether a record read again differs from what the range held. A new `updatedAt` says so at once; the team
 * library's sync can also change a record without one (a teammate's edit of another field merged in, who
 * clipped it), which only the content shows (a few milliseconds for a range of 250).
 */
function changed(before: StoredRecord | undefined, now: StoredRecord): boolean {
  return !before || before.updatedAt !== now.updatedAt || JSON.stringify(before) !== JSON.stringify(now);
}

/** Every `size`-th of the sorted `ids` after the first: where ranges of about `size` records begin. */
function cuts(ids: readonly string[], size: number): string[] {
  const out: string[] = [];
  for (let i = size; i < ids.length; i += size) out.push(ids[i]);
  return out;
}

const byId = (a: StoredRecord, b: StoredRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Records sorted by id, in ranges [from, to) of about `size` each, between the bounds given. */
function piecesOf(sorted: readonly StoredRecord[], from: string | null, to: string | null, size: number): [string | null, string | null, Map<string, StoredRecord>][] {
  const bounds = [from, ...cuts(sorted.map((r) => r.id), size), to];
  return bounds.slice(0, -1).map((lower, i) => [lower, bounds[i + 1], new Map(sorted.slice(i * size, (i + 1) * size).map((r) => [r.id, r]))]);
}

/**
 * A file made of a head, one piece per record, and a tail. Exports built this way can be joined at once (the
 * exporters' own functions) or built in steps, letting the page paint and saying how far they are.
 */
export interface FilePieces<R> {
  head: string;
  piece(record: R, index: number): string;
  tail: string;
}

/** The file's text, all at once. */
export function joinPieces<R>(pieces: FilePieces<R>, records: readonly R[]): string {
  return piecesOf(pieces, records).join('');
}

/** The file as consecutive strings: the head, one per record, the tail. */
export function piecesOf<R>(pieces: FilePieces<R>, records: readonly R[]): string[] {
  return [pieces.head, ...records.map((r, i) => pieces.piece(r, i)), pieces.tail];
}

export interface Steps {
  /** Records put into the file so far, of all. */
  onProgress?: (done: number, total: number) => void;
  /** Between steps: lets the page paint and answer input. */
  pause: () => Promise<void>;
  /** About how long a step runs before pausing. */
  stepMs?: number;
}

/**
 * A file's pieces, made in any order (as the records' texts arrive, say), then joined in record order. One
 * Blob at the end: in Chromium, Blobs made step by step and joined cost twice as much as one of all the pieces.
 */
export class PieceFile<R> {
  private readonly parts: string[];
  private made = 0;

  constructor(
    private readonly pieces: FilePieces<R>,
    private readonly total: number,
  ) {
    this.parts = new Array<string>(total + 2);
    this.parts[0] = pieces.head;
    this.parts[total + 1] = pieces.tail;
  }

  /** The piece of the record at `index` (of `total`, in file order). */
  put(index: number, record: R): void {
    if (this.parts[index + 1] === undefined) this.made++;
    this.parts[index + 1] = this.pieces.piece(record, index);
  }

  /** How many records have their piece. */
  get done(): number {
    return this.made;
  }

  blob(type: string): Blob {
    if (this.made !== this.total) throw new Error(`The file has ${this.made} of its ${this.total} records.`);
    return new Blob(this.parts, { type });
  }
}

/** The file as a Blob, its pieces made in file order in steps of about `stepMs`. */
export async function blobInSteps<R>(pieces: FilePieces<R>, records: readonly R[], type: string, { onProgress, pause, stepMs = 30 }: Steps): Promise<Blob> {
  const file = new PieceFile(pieces, records.length);
  let since = performance.now();
  for (let i = 0; i < records.length; i++) {
    file.put(i, records[i]);
    if (performance.now() - since < stepMs) continue;
    onProgress?.(i + 1, records.length);
    await pause();
    since = performance.now();
  }
  onProgress?.(records.length, records.length);
  return file.blob(type);
}

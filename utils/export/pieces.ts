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
 * The file as a Blob, its pieces made in steps of about `stepMs` (one Blob at the end: in Chromium, Blobs made
 * step by step and joined cost twice as much as one Blob of all the pieces).
 */
export async function blobInSteps<R>(pieces: FilePieces<R>, records: readonly R[], type: string, { onProgress, pause, stepMs = 30 }: Steps): Promise<Blob> {
  const parts = [pieces.head];
  let since = performance.now();
  for (let i = 0; i < records.length; i++) {
    parts.push(pieces.piece(records[i], i));
    if (performance.now() - since < stepMs) continue;
    onProgress?.(i + 1, records.length);
    await pause();
    since = performance.now();
  }
  parts.push(pieces.tail);
  onProgress?.(records.length, records.length);
  return new Blob(parts, { type });
}

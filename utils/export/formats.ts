import type { PrecisRecord } from '../record/schema';
import { t } from '../i18n/messages';
import { cslJsonPieces, exportCslJson } from './csl-json';
import { csvPieces, exportCsv } from './csv';
import { FILE_EXTENSIONS, type ExportFormatId } from './file-name';
import { exportJsonBlob, jsonPieces } from './json';
import { exportMarkdownZip } from './markdown';
import { blobInSteps, PieceFile, type FilePieces, type Steps } from './pieces';
import { exportRis, RIS_PIECES } from './ris';
import { exportTextCards, textCardPieces } from './text-card';

export { exportFileName, type ExportFormatId } from './file-name';

export interface ExportOptions {
  /** CSV only: start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
  /** JSON only: the envelope's `exportedAt` (now by default). */
  exportedAt?: Date;
  /** JSON and CSV (the formats with `textOption`): add each record's article text. */
  includeText?: boolean;
}

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  extension: string;
  mime: string;
  /**
   * Formats that can carry the article texts offer them as an option (`includeText`), on or off by default.
   * The others never need them, so the library does not read them (10,000 texts are 100 MB).
   */
  textOption?: { default: boolean };
  /** The file's contents; a Blob when it is built from pieces (the JSON backup, too large for one string). */
  build(records: PrecisRecord[], options?: ExportOptions): string | Uint8Array | Blob;
  /** The same file as a head, a piece per record and a tail, so that it can be built in steps (buildExport). */
  pieces?(records: PrecisRecord[], options?: ExportOptions): FilePieces<PrecisRecord>;
}

const dropText = ({ text: _text, ...rest }: PrecisRecord): PrecisRecord => rest;

/** The records as given, or without their article text when the option is off (callers may pass either). */
function withText(records: PrecisRecord[], options?: ExportOptions): PrecisRecord[] {
  const drop = options?.includeText === false && records.some((r) => r.text !== undefined);
  return drop ? records.map(dropText) : records;
}

/** Every export the library offers, in menu order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'json',
    label: t('exportFormatJson'),
    extension: FILE_EXTENSIONS.json,
    mime: 'application/json',
    // Off by default: the file is then the envelope of ../shared/examples/seed-record.json, the records as
    // published (17 MB for 10,000); ticked, a full backup that also brings back every clipped text (105 MB).
    textOption: { default: false },
    build: (records, options) => exportJsonBlob(withText(records, options), options?.exportedAt),
    pieces: (records, options) => {
      const pieces = jsonPieces(records, options?.exportedAt);
      return options?.includeText === false ? { ...pieces, piece: (r, i) => pieces.piece(r.text === undefined ? r : dropText(r), i) } : pieces;
    },
  },
  {
    id: 'csv',
    label: t('exportFormatCsv'),
    extension: FILE_EXTENSIONS.csv,
    mime: 'text/csv;charset=utf-8',
    textOption: { default: false },
    build: (records, options) => exportCsv(records, options),
    pieces: (_records, options) => csvPieces(options),
  },
  {
    id: 'markdown',
    label: t('exportFormatMarkdown'),
    extension: FILE_EXTENSIONS.markdown,
    mime: 'application/zip',
    build: (records) => exportMarkdownZip(records),
  },
  {
    id: 'csl-json',
    label: t('exportFormatCslJson'),
    extension: FILE_EXTENSIONS['csl-json'],
    mime: 'application/vnd.citationstyles.csl+json',
    build: (records) => exportCslJson(records),
    pieces: (records) => cslJsonPieces(records),
  },
  {
    id: 'ris',
    label: t('exportFormatRis'),
    extension: FILE_EXTENSIONS.ris,
    mime: 'application/x-research-info-systems',
    build: (records) => exportRis(records),
    pieces: () => RIS_PIECES,
  },
  {
    id: 'text',
    label: t('exportFormatText'),
    extension: FILE_EXTENSIONS.text,
    mime: 'text/plain;charset=utf-8',
    build: (records) => exportTextCards(records),
    pieces: (records) => textCardPieces(records),
  },
];

/**
 * The file, built in steps that let the page paint, saying how many records are in it so far; formats
 * without pieces (the Markdown zip) are built at once.
 */
export async function buildExport(format: ExportFormat, records: PrecisRecord[], options: ExportOptions, steps: Steps): Promise<string | Uint8Array | Blob> {
  if (!format.pieces) {
    const file = format.build(records, options);
    steps.onProgress?.(records.length, records.length);
    return file;
  }
  return blobInSteps(format.pieces(records, options), records, format.mime, steps);
}

/** Records, some at a time, with their places in the file (what withArticleTexts hands to onPart). */
export type RecordPart = { record: PrecisRecord; index: number }[];

/**
 * The file of `records` with their article texts, made while the texts are read: `readTexts` reads them
 * (withArticleTexts) and hands over each part of the records as its texts arrive, which is written into the
 * file at once, so that writing overlaps reading. Formats without pieces are built once everything is read.
 */
export async function buildExportAsRead(
  format: ExportFormat,
  records: PrecisRecord[],
  options: ExportOptions,
  readTexts: (onPart: (part: RecordPart) => void) => Promise<PrecisRecord[]>,
): Promise<string | Uint8Array | Blob> {
  if (!format.pieces) return format.build(await readTexts(() => {}), options);
  const file = new PieceFile(format.pieces(records, options), records.length);
  await readTexts((part) => {
    for (const { record, index } of part) file.put(index, record);
  });
  return file.blob(format.mime);
}

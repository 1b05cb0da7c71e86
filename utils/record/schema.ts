import * as z from 'zod/mini';
import { issueText } from './issue-text';
import { t } from '../i18n/messages';

// The one definition of a Précis record. Types are inferred from it and imports are validated with it,
// so the export contract (../shared/examples/seed-record.json) cannot drift from the code.
// zod/mini: the same validation as classic zod at a fraction of the popup's bundle size.

const MAX_SHORT = 2_000; // titles, names, places
const MAX_LONG = 200_000; // summaries
const MAX_TEXT = 5_000_000; // clipped article text

const shortText = () => z.string().check(z.maxLength(MAX_SHORT));
const requiredText = (message: string) => z.string().check(z.trim(), z.minLength(1, message), z.maxLength(MAX_SHORT));
const optionalShort = () => z._default(z.nullable(shortText()), null);

/** ISO 8601 calendar date, optionally with a time: 2021-09-30, 2021-09-30T12:00:00Z, 2021-09-30T12:00+02:00. */
export const isoDate = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, t('fieldIsoDate')));

export const AuthorSchema = z.object({
  name: requiredText(t('fieldAuthorNeedsName')),
  affiliation: optionalShort(),
});

export const SummarizedBySchema = z.object({
  name: z._default(shortText(), ''),
  role: z._default(shortText(), ''),
});

/**
 * Where an auto-filled value came from, per field: a source identifier (`{ authors: "json-ld" }`, see
 * utils/extract/sources.ts, whose sourceText gives the display text). Records saved before identifiers hold the
 * display label (`"JSON-LD"`); sourceText reads both, so they are kept as they are.
 */
export const SourcesSchema = z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(200)));

const timestamp = () => z.iso.datetime({ offset: true, error: t('fieldIsoTimestamp') });

export const RecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z._default(z.nullable(z.string().check(z.maxLength(8_192))), null),
  title: requiredText(t('fieldTitleRequired')),
  authors: z._default(z.array(AuthorSchema).check(z.maxLength(500)), []),
  publisher: optionalShort(),
  publishedDate: z._default(z.nullable(isoDate), null),
  place: optionalShort(),
  literatureType: optionalShort(),
  wordCount: z._default(z.nullable(z.int({ error: t('fieldWholeNumber') }).check(z.gte(0, t('fieldNegative')))), null),
  keywords: z._default(z.array(requiredText(t('fieldKeywordEmpty'))).check(z.maxLength(500)), []),
  summary: z._default(z.string().check(z.maxLength(MAX_LONG)), ''),
  summarizedBy: z._default(z.nullable(SummarizedBySchema), null),
  section: optionalShort(),
  language: z._default(z.nullable(z.string().check(z.maxLength(35))), null),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  text: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  sources: z.optional(SourcesSchema),
  /**
   * The team library's user name of whoever first saved the record to the team's server (set by the sync,
   * enforced by the server's validation function). Absent on records that were never in a team library, so
   * records and exports from before the team library read and write unchanged.
   */
  clippedBy: z.optional(z.nullable(shortText())),
});

export type Author = z.infer<typeof AuthorSchema>;
export type SummarizedBy = z.infer<typeof SummarizedBySchema>;
export type PrecisRecord = z.infer<typeof RecordSchema>;
export type RecordInput = z.input<typeof RecordSchema>;

export const EXPORT_FORMAT = 'precis.records';
export const EXPORT_VERSION = 1;

export const ExportEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: timestamp(),
  records: z.array(RecordSchema).check(z.maxLength(100_000)),
});
export type ExportEnvelope = z.infer<typeof ExportEnvelopeSchema>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function explain(error: z.core.$ZodError, input: unknown): string[] {
  return error.issues.slice(0, 20).map((i) => issueText(i, input));
}

export function validateRecord(input: unknown): ValidationResult<PrecisRecord> {
  const r = RecordSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: explain(r.error, input) };
}

export function validateEnvelope(input: unknown): ValidationResult<ExportEnvelope> {
  const r = ExportEnvelopeSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: explain(r.error, input) };
}

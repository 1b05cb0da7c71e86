import { z } from 'zod';

// The one definition of a Précis record. Types are inferred from it and imports are validated with it,
// so the export contract (../shared/examples/seed-record.json) cannot drift from the code.

const MAX_SHORT = 2_000; // titles, names, places
const MAX_LONG = 200_000; // summaries
const MAX_TEXT = 5_000_000; // clipped article text

const shortText = z.string().max(MAX_SHORT);
const optionalShort = shortText.nullable();

/** ISO 8601 calendar date, optionally with a time: 2021-09-30, 2021-09-30T12:00:00Z, 2021-09-30T12:00+02:00. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date');

export const AuthorSchema = z.object({
  name: shortText.trim().min(1, 'an author needs a name'),
  affiliation: optionalShort.default(null),
});

export const SummarizedBySchema = z.object({
  name: shortText.default(''),
  role: shortText.default(''),
});

/** Where an auto-filled value came from, per field (e.g. `{ authors: "JSON-LD" }`). */
export const SourcesSchema = z.record(z.string().max(64), z.string().max(200));

export const RecordSchema = z.object({
  id: z.string().min(1).max(200),
  url: z.string().max(8_192).nullable().default(null),
  title: shortText.trim().min(1, 'a title is required'),
  authors: z.array(AuthorSchema).max(500).default([]),
  publisher: optionalShort.default(null),
  publishedDate: isoDate.nullable().default(null),
  place: optionalShort.default(null),
  literatureType: optionalShort.default(null),
  wordCount: z.number().int().nonnegative().nullable().default(null),
  keywords: z.array(shortText.trim().min(1)).max(500).default([]),
  summary: z.string().max(MAX_LONG).default(''),
  summarizedBy: SummarizedBySchema.nullable().default(null),
  section: optionalShort.default(null),
  language: z.string().max(35).nullable().default(null),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  text: z.string().max(MAX_TEXT).optional(),
  sources: SourcesSchema.optional(),
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
  exportedAt: z.iso.datetime({ offset: true }),
  records: z.array(RecordSchema).max(100_000),
});
export type ExportEnvelope = z.infer<typeof ExportEnvelopeSchema>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function explain(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
}

export function validateRecord(input: unknown): ValidationResult<PrecisRecord> {
  const r = RecordSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: explain(r.error) };
}

export function validateEnvelope(input: unknown): ValidationResult<ExportEnvelope> {
  const r = ExportEnvelopeSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: explain(r.error) };
}

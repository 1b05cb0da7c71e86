import { EXPORT_VERSION } from '../record/schema';

/** Turns the records of an export of version n into those of version n + 1 (still unvalidated data). */
export type Migration = (records: unknown[]) => unknown[];

/**
 * Keyed by the version migrated from. When the export format changes, bump EXPORT_VERSION, add the step from
 * the old version here, and keep tests/fixtures/import/version-*.json importing (tests/unit/import checks it).
 * Version 1 is the first released format, so there is no step yet.
 */
export const EXPORT_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Walk records from `from` up to `to`; null when a step is missing (a version we never released). */
export function migrateRecords(
  records: unknown[],
  from: number,
  to: number = EXPORT_VERSION,
  migrations: Readonly<Record<number, Migration>> = EXPORT_MIGRATIONS,
): unknown[] | null {
  let out = records;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return null;
    out = step(out);
  }
  return out;
}

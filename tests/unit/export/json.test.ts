import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExportEnvelope, exportFileName, exportJson } from '../../../utils/export/json';
import { validateEnvelope, type PrecisRecord } from '../../../utils/record/schema';

const seed = JSON.parse(readFileSync(new URL('../../../../shared/examples/seed-record.json', import.meta.url), 'utf8'));

describe('JSON export', () => {
  it('writes the envelope and field names of the published example', () => {
    const record: PrecisRecord = { ...seed.records[0], text: 'Body', sources: { title: 'JSON-LD' } };
    const parsed = JSON.parse(exportJson([record], new Date('2024-04-15T09:00:00.000Z')));
    expect(parsed).toMatchObject({ format: 'precis.records', version: 1, exportedAt: '2024-04-15T09:00:00.000Z' });
    const seedKeys = Object.keys(seed.records[0]);
    expect(Object.keys(parsed.records[0]).slice(0, seedKeys.length)).toEqual(seedKeys);
    expect(parsed.records[0]).toMatchObject(seed.records[0]);
    expect(validateEnvelope(parsed).ok).toBe(true);
  });

  it('exports an empty library as a valid envelope', () => {
    expect(validateEnvelope(buildExportEnvelope([])).ok).toBe(true);
  });

  it('still names the file for callers that pass no format', () => {
    expect(exportFileName()).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/);
  });
});

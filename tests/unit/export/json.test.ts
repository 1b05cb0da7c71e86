import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExportEnvelope, exportFileName, exportJsonParts } from '../../../utils/export/json';
import { validateEnvelope, type PrecisRecord } from '../../../utils/record/schema';

const seed = JSON.parse(readFileSync(new URL('../../../../shared/examples/seed-record.json', import.meta.url), 'utf8'));

describe('JSON export', () => {
  it('writes the envelope and field names of the published example', () => {
    const record: PrecisRecord = { ...seed.records[0], text: 'Body', sources: { title: 'JSON-LD' } };
    const parsed = JSON.parse(exportJsonParts([record], new Date('2024-04-15T09:00:00.000Z')).join(''));
    expect(parsed).toMatchObject({ format: 'precis.records', version: 1, exportedAt: '2024-04-15T09:00:00.000Z' });
    const seedKeys = Object.keys(seed.records[0]);
    expect(Object.keys(parsed.records[0]).slice(0, seedKeys.length)).toEqual(seedKeys);
    expect(parsed.records[0]).toMatchObject(seed.records[0]);
    expect(validateEnvelope(parsed).ok).toBe(true);
  });

  it('builds, piece by piece, exactly the text of the whole envelope indented by two spaces', () => {
    const now = new Date('2024-04-15T09:00:00.000Z');
    const tricky: PrecisRecord = { ...seed.records[0], id: 'b', title: 'Line\nbreak "quoted" — ünïcode 中文', text: 'Para one.\n\nPara two.', sources: { title: 'JSON-LD', nested: { list: [1, 2] } } };
    for (const records of [[], [seed.records[0]], [seed.records[0], tricky]]) {
      const parts = exportJsonParts(records, now);
      expect(parts.join('')).toBe(`${JSON.stringify(buildExportEnvelope(records, now), null, 2)}\n`);
      expect(parts.length).toBe(records.length ? records.length + 2 : 1);
    }
  });

  it('exports an empty library as a valid envelope', () => {
    expect(validateEnvelope(buildExportEnvelope([])).ok).toBe(true);
  });

  it('still names the file for callers that pass no format', () => {
    expect(exportFileName()).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/);
  });
});

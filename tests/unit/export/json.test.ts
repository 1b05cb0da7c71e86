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

  it('lays out the head as the published example and writes one line per record, which reads back exactly', () => {
    const now = new Date('2024-04-15T09:00:00.000Z');
    const tricky: PrecisRecord = { ...seed.records[0], id: 'b', title: 'Line\nbreak "quoted" — ünïcode 中文 العربية', text: 'Para one.\n\nPara two.', sources: { title: 'JSON-LD', nested: { list: [1, 2] } } };
    for (const records of [[], [seed.records[0]], [seed.records[0], tricky], [tricky, { ...tricky, id: 'c', text: undefined }]] as PrecisRecord[][]) {
      const parts = exportJsonParts(records, now);
      const file = parts.join('');
      expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(buildExportEnvelope(records, now))));
      expect(file.startsWith('{\n  "format": "precis.records",\n  "version": 1,\n  "exportedAt": "2024-04-15T09:00:00.000Z",\n  "records": [')).toBe(true);
      expect(file.endsWith(records.length ? '\n  ]\n}\n' : '"records": []\n}\n')).toBe(true);
      // One piece per record (no 100 MB string), and one line per record with its fields in the example's order.
      expect(parts.length).toBe(records.length + 2);
      const lines = file.split('\n').slice(5, 5 + records.length);
      expect(lines.map((line) => JSON.parse(line.replace(/^ {4}/, '').replace(/,$/, '')))).toEqual(buildExportEnvelope(records, now).records);
      for (const [i, line] of lines.entries()) expect(Object.keys(JSON.parse(line.replace(/,$/, '')))).toEqual(Object.keys(buildExportEnvelope(records, now).records[i]));
    }
  });

  it('exports an empty library as a valid envelope', () => {
    expect(validateEnvelope(buildExportEnvelope([])).ok).toBe(true);
  });

  it('still names the file for callers that pass no format', () => {
    expect(exportFileName()).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/);
  });
});

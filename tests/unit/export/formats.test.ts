import { describe, expect, it } from 'vitest';
import { buildExport, buildExportAsRead, EXPORT_FORMATS, exportFileName } from '../../../utils/export/formats';
import { fixtureRecords } from './fixtures';
import type { PrecisRecord } from '../../../utils/record/schema';

const record: PrecisRecord = {
  id: 'r1', url: null, title: 'A title', authors: [], publisher: null, publishedDate: null, place: null,
  literatureType: null, wordCount: null, keywords: [], summary: 'Summary.', summarizedBy: null, section: null,
  language: null, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('export format registry', () => {
  it('offers each format once, in the order the library lists them', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['json', 'csv', 'markdown', 'csl-json', 'ris', 'text']);
  });

  it('names each file after the local date with the format extension', () => {
    const day = new Date(2024, 3, 5, 23, 59);
    expect(EXPORT_FORMATS.map((f) => exportFileName(f.id, day))).toEqual([
      'precis-records-2024-04-05.json',
      'precis-records-2024-04-05.csv',
      'precis-records-2024-04-05.zip',
      'precis-records-2024-04-05.csl.json',
      'precis-records-2024-04-05.ris',
      'precis-records-2024-04-05.txt',
    ]);
    for (const f of EXPORT_FORMATS) expect(exportFileName(f.id, day).endsWith(`.${f.extension}`)).toBe(true);
  });

  it('builds text for every format except the Markdown archive (zip bytes) and the JSON backup (a Blob)', async () => {
    for (const f of EXPORT_FORMATS) {
      const out = f.build([record], { exportedAt: new Date('2024-05-01T00:00:00Z') });
      if (f.id === 'markdown') {
        expect(out).toBeInstanceOf(Uint8Array);
        expect([...(out as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4"
      } else if (f.id === 'json') {
        expect(out).toBeInstanceOf(Blob);
        expect(JSON.parse(await (out as Blob).text()).records[0].title).toBe('A title');
      } else {
        expect(out).toContain('A title');
      }
    }
  });

  it('offers article texts with the JSON and the CSV only, off unless ticked', async () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.textOption?.default])).toEqual([
      ['json', false], ['csv', false], ['markdown', undefined], ['csl-json', undefined], ['ris', undefined], ['text', undefined],
    ]);
    const withText = { ...record, text: 'The article, word for word.' };
    const json = EXPORT_FORMATS.find((f) => f.id === 'json')!;
    const records = async (options: { includeText?: boolean }) => JSON.parse(await (json.build([withText], options) as Blob).text()).records;
    expect((await records({}))[0].text).toBe('The article, word for word.');
    expect((await records({ includeText: true }))[0].text).toBe('The article, word for word.');
    expect(await records({ includeText: false })).toEqual([record]);
    const csv = EXPORT_FORMATS.find((f) => f.id === 'csv')!;
    expect(csv.build([withText]).toString()).not.toContain('word for word');
    const [header, row] = csv.build([withText], { includeText: true }).toString().split('\r\n');
    expect(header.endsWith(',Article Text')).toBe(true);
    expect(row.endsWith(',"The article, word for word."')).toBe(true);
  });

  it('passes the CSV byte order mark option through', () => {
    const csv = EXPORT_FORMATS.find((f) => f.id === 'csv')!;
    expect(csv.build([record], { bom: true }).toString().startsWith('\uFEFFTitle,')).toBe(true);
    expect(csv.build([record]).toString().startsWith('Title,')).toBe(true);
  });

  it('builds every file in steps byte for byte as at once, saying how many records it holds so far', async () => {
    const records = [...fixtureRecords, ...fixtureRecords.map((r) => ({ ...r, id: `${r.id}-copy`, text: 'Article text.' }))];
    const options = { bom: true, exportedAt: new Date('2024-05-01T00:00:00Z'), includeText: true };
    for (const f of EXPORT_FORMATS) {
      const progress: [number, number][] = [];
      let pauses = 0;
      const stepped = await buildExport(f, records, options, {
        onProgress: (done, total) => progress.push([done, total]),
        pause: async () => void pauses++,
        stepMs: 0,
      });
      const once = f.build(records, options);
      const bytes = async (file: string | Uint8Array | Blob) => new Uint8Array(await new Blob([file as BlobPart]).arrayBuffer());
      expect(await bytes(stepped), f.id).toEqual(await bytes(once));
      expect(progress.at(-1)).toEqual([records.length, records.length]);
      if (f.pieces) expect(pauses, f.id).toBe(records.length);
    }
  });

  it('writes the file as the texts arrive, in any order, byte for byte as once they are all read', async () => {
    const records = [...fixtureRecords, ...fixtureRecords.map((r) => ({ ...r, id: `${r.id}-copy`, text: `Article text of ${r.id}.` }))];
    const withoutTexts = records.map(({ text: _text, ...rest }) => rest);
    const options = { exportedAt: new Date('2024-05-01T00:00:00Z'), includeText: true };
    const bytes = async (file: string | Uint8Array | Blob) => new Uint8Array(await new Blob([file as BlobPart]).arrayBuffer());
    for (const f of EXPORT_FORMATS) {
      const asRead = await buildExportAsRead(f, withoutTexts, options, async (onPart) => {
        // Two parts, the later records first, as ranges of ids may arrive.
        const part = (from: number, to: number) => records.slice(from, to).map((record, i) => ({ record, index: from + i }));
        onPart(part(3, records.length));
        onPart(part(0, 3));
        return records;
      });
      expect(await bytes(asRead), f.id).toEqual(await bytes(f.build(records, options)));
    }
  });
});

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../utils/export/csv';
import { fixtureRecords, readFixture } from './fixtures';

describe('CSV export', () => {
  it('matches the hand-checked file (BOM, CRLF rows, quoted commas, quotes and line breaks, Arabic and Chinese)', () => {
    expect(exportCsv(fixtureRecords, { bom: true })).toBe(readFixture('expected/records.csv'));
  });

  it('reads back as one row per record with every value intact', () => {
    const parsed = Papa.parse<string[]>(exportCsv(fixtureRecords), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(rows).toHaveLength(fixtureRecords.length);
    const col = (name: string) => header!.indexOf(name);
    const quotes = rows[1]!;
    expect(quotes[col('Title')]).toBe('Tariffs, "Trade Wars": What Comes Next?');
    expect(quotes[col('Authors')]).toBe("Jane O'Neil; Ludwig van Beethoven; Reuters");
    expect(quotes[col('Affiliations')]).toBe('Center for Trade, Policy & Law; ; ');
    expect(rows[2]![col('Title')]).toBe('السياسة الخارجية التركية: قراءة في عام 2024');
    expect(rows[3]![col('Keywords')]).toBe('东盟; 经济合作');
  });

  it('ends every row with CRLF and writes no BOM unless asked', () => {
    const csv = exportCsv(fixtureRecords.slice(0, 1));
    expect(csv.startsWith('Title,Authors,Affiliations,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, row, and the empty string after the final CRLF
  });

  it('defuses cells a spreadsheet would run as formulas, even multi-line ones', () => {
    const [, row] = Papa.parse<string[]>(exportCsv(fixtureRecords.slice(1, 2))).data;
    expect(row).toContain("'=SUM(A1:A9); trade, tariffs; -1 scenario");
    expect(row).toContain("'@Geneva");
    expect(row!.find((c) => c.includes('HYPERLINK'))).toMatch(/^'=HYPERLINK/);
    for (const cell of row!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves the article text out unless asked for it', () => {
    const record = fixtureRecords[1]!;
    expect(exportCsv([record])).not.toContain('Article text');
    const [header, row] = Papa.parse<string[]>(exportCsv([record], { includeText: true })).data;
    expect(header!.at(-1)).toBe('Article Text');
    expect(row!.at(-1)).toBe(record.text);
  });
});

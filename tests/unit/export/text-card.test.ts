import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTextCards, textCard } from '../../../utils/export/text-card';
import type { PrecisRecord } from '../../../utils/record/schema';
import { fixtureRecords, readFixture } from './fixtures';

const examples = new URL('../../../../shared/examples/', import.meta.url);
const seedRecord: PrecisRecord = JSON.parse(readFileSync(new URL('seed-record.json', examples), 'utf8')).records[0];
const seedPage = readFileSync(new URL('seed-record.txt', examples), 'utf8');

const trimLines = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n');

describe('text card', () => {
  it('reproduces the header block and summary of the published seed record', () => {
    const lines = seedPage.split('\n');
    // The card is the page without its chrome: from the title (after date and breadcrumb) through "By:".
    const start = lines.indexOf(seedRecord.title);
    const end = lines.findIndex((l) => l.startsWith('By: '));
    const card = lines.slice(start, end + 1).join('\n');
    // seed-record.json shortens the summary; the card is compared with the page's full one.
    const fullSummary = lines[lines.findIndex((l) => l.startsWith('Keywords: ')) + 3]!;
    expect(textCard({ ...seedRecord, summary: fullSummary })).toBe(trimLines(card));
  });

  it('writes the shortened seed summary in the same frame', () => {
    expect(textCard(seedRecord)).toContain(`India\n\n\n${seedRecord.summary}\n\nBy: Riyaz ul Khaliq, CIGA Non-resident Research Associate`);
  });

  it('keeps every label when fields are empty, so the card keeps the shape the publishing template expects', () => {
    expect(textCard(fixtureRecords[4]!)).toBe(
      '../../etc/passwd\n\nAuthor:\n\nAffiliation:\n\nOrganization/Publisher:\n\nDate/Place:\n\nType of Literature:\n\nWord Count:\n\n\nKeywords:\n\n\n\n\nBy:',
    );
  });

  it('joins cards with a rule (hand-checked file with quotes, line breaks, Arabic and Chinese)', () => {
    expect(exportTextCards(fixtureRecords)).toBe(readFixture('expected/records.txt'));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cslItem, cslType, exportCslJson } from '../../../utils/export/csl-json';
import { cslName } from '../../../utils/export/csl-names';
import { DEFAULT_LITERATURE_TYPES } from '../../../utils/record/vocabulary';
import { fixtureRecords, readFixture } from './fixtures';
import { checkJsonSchema } from './json-schema-check';

const schema = JSON.parse(readFileSync(new URL('../../../../shared/schemas/csl-data.json', import.meta.url), 'utf8'));

describe('CSL-JSON export', () => {
  it('matches the hand-checked file', () => {
    expect(exportCslJson(fixtureRecords)).toBe(readFixture('expected/records.csl.json'));
  });

  it('is valid against the CSL data schema, required id and type included', () => {
    const items = JSON.parse(exportCslJson(fixtureRecords));
    expect(schema.items.required).toEqual(['type', 'id']);
    expect(checkJsonSchema(schema, items)).toEqual([]);
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(schema.items.properties.type.enum).toContain(item.type);
    }
  });

  it('the schema check catches what Zotero would reject', () => {
    const bad = [{ id: 1, type: 'web page', author: [{ name: 'X' }], issued: { 'date-parts': [[]] }, tags: [] }, { title: 'no id' }];
    expect(checkJsonSchema(schema, bad)).toEqual([
      '$[0].type: "web page" not in enum',
      '$[0].author[0]: matches no anyOf branch ($[0].author[0]: property name not allowed)',
      '$[0].issued: matches no anyOf branch ($[0].issued.date-parts[0]: fewer than 1 items)',
      '$[0]: property tags not allowed',
      '$[1]: missing required type',
      '$[1]: missing required id',
    ]);
  });

  it('carries authors, date, publisher, keywords (CSL `keyword`; Zotero ignores it, RIS gives it tags) and summary as abstract', () => {
    expect(cslItem(fixtureRecords[0]!)).toMatchObject({
      id: '6a1f0c1e-2d4b-4b8e-9f3a-7c5d2e1b0a99',
      type: 'webpage',
      title: 'Get the Generals Out of Pakistani-U.S. Relations',
      author: [{ family: 'Weinstein', given: 'Adam' }],
      issued: { 'date-parts': [[2021, 9, 30]] },
      'container-title': 'Foreign Policy',
      publisher: 'Foreign Policy',
      'publisher-place': 'Washington, USA',
      keyword: 'Pakistan, US, Pentagon, Spy Agencies, Pakistan Military, Imran Khan, Afghanistan, Taliban, Kashmir, India',
      abstract: fixtureRecords[0]!.summary,
      language: 'en',
    });
  });

  it('maps every default Type of Literature and common user types to a CSL type', () => {
    expect(Object.fromEntries(DEFAULT_LITERATURE_TYPES.map((t) => [t, cslType(t)]))).toEqual({
      Analysis: 'webpage',
      'Opinion/Op-Ed': 'webpage',
      News: 'article-newspaper',
      Report: 'report',
      'Policy Brief': 'report',
      'Research Article': 'article-journal',
      Interview: 'interview',
      Book: 'book',
      'Book Review': 'review-book',
      Speech: 'speech',
      'Blog Post': 'post-weblog',
      Other: 'webpage',
    });
    expect(['News Article', ' journal article ', 'Magazine Article', 'Working Paper', null, 'Podcast'].map(cslType)).toEqual([
      'article-newspaper', 'article-journal', 'article-magazine', 'report', 'webpage', 'webpage',
    ]);
  });

  it('keeps books and reports out of a container, since their publisher is not a periodical', () => {
    const report = cslItem({ ...fixtureRecords[0]!, literatureType: 'Report' });
    expect(report.publisher).toBe('Foreign Policy');
    expect(report['container-title']).toBeUndefined();
  });
});

describe('CSL author names', () => {
  it.each([
    ['Adam Weinstein', { family: 'Weinstein', given: 'Adam' }],
    ['  Adam   Weinstein ', { family: 'Weinstein', given: 'Adam' }],
    ['Weinstein, Adam', { family: 'Weinstein', given: 'Adam' }],
    ['Riyaz ul Khaliq', { family: 'ul Khaliq', given: 'Riyaz' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Martin Luther King, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['محمد عبد الله', { family: 'عبد الله', given: 'محمد' }],
    ['王毅', { literal: '王毅' }],
    ['Reuters', { literal: 'Reuters' }],
    ['Crisis Group', { literal: 'Crisis Group' }],
    ['The Editorial Board', { literal: 'The Editorial Board' }],
    ['Quincy Institute for Responsible Statecraft', { literal: 'Quincy Institute for Responsible Statecraft' }],
    ['Staff Writer 2', { literal: 'Staff Writer 2' }],
  ])('%s → %j', (name, expected) => {
    expect(cslName(name)).toEqual(expected);
  });
});

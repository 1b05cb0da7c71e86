import { readFileSync } from 'node:fs';
import type { PrecisRecord } from '../../../utils/record/schema';

// Records chosen to break naive exporters: commas, quotes and line breaks in fields, formula-like cells,
// Arabic and Chinese text, a path-like title, Windows device names and titles equal but for case.
export const fixtureUrl = (name: string) => new URL(`../../fixtures/export/${name}`, import.meta.url);
export const readFixture = (name: string) => readFileSync(fixtureUrl(name), 'utf8');
export const fixtureRecords: PrecisRecord[] = JSON.parse(readFixture('records.json')).records;

import type { StoredRecord } from '../../../utils/db/database';

/** A stored record with empty fields except those given. */
export function rec(id: string, patch: Partial<StoredRecord> = {}): StoredRecord {
  return {
    id, url: null, title: `Untitled ${id}`, authors: [], publisher: null, publishedDate: null, place: null, literatureType: null,
    wordCount: null, keywords: [], summary: '', summarizedBy: null, section: null, language: null,
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...patch,
  };
}

/** Two records that differ in every searched field. */
export const harbour = rec('harbour', {
  title: 'Plugging In at the Quay',
  authors: [{ name: 'Marta Lindqvist', affiliation: null }],
  publisher: 'The Harbour Review',
  keywords: ['Shore power', 'Ports'],
  summary: 'Small harbours in Gdańsk invest in electricity.',
  section: 'Energy',
});

export const generals = rec('generals', {
  title: 'Get the Generals Out of Pakistani-U.S. Relations',
  authors: [{ name: 'Adam Weinstein', affiliation: null }],
  publisher: 'Foreign Policy',
  keywords: ['Pakistan', 'US'],
  summary: 'Civilian-led diplomatic outreach.',
  section: 'South & Southeast Asia',
});

import { lightStem } from './words';

// Different spellings of the same place or body, folded onto one key so that only one is suggested.
const ALIASES = new Map<string, string>(Object.entries({
  us: 'united state', usa: 'united state', 'united state of america': 'united state', america: 'united state',
  uk: 'united kingdom', britain: 'united kingdom', 'great britain': 'united kingdom',
  eu: 'european union', un: 'united nation', uae: 'united arab emirate', ussr: 'soviet union',
}));

/** The key of one word: lower case, dots of acronyms dropped, plural folded ("U.S." → "us", "Talks" → "talk"). */
export function wordKey(word: string): string {
  return lightStem(word.toLowerCase().replace(/\./g, ''));
}

/** The key two keywords share when they are the same up to case, dots, plurals and known aliases. */
export function keywordKey(keyword: string): string {
  const words = keyword
    .toLowerCase()
    .replace(/(?<=\b\p{L})\.(?=\p{L}\.|\s|$)/gu, '')
    .replace(/\.$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(lightStem);
  const key = words.join(' ');
  return ALIASES.get(key) ?? key;
}

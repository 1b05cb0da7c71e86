// Letters that Unicode decomposition leaves whole but a searcher types without their stroke or ligature.
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };
const NON_ASCII = /[^\x00-\x7f]/;

/** A word as the index compares it: lower case, accents and marks dropped ("Gdańsk" → "gdansk"). */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase();
  // Most words are plain ASCII: skip the (comparatively slow) decomposition for them.
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđðþæœßı]/g, (c) => FOLD[c]);
}

/**
 * English function words left out of the index: about two words in five of running text, they make the index
 * much larger and slower to build while matching nearly every record. ("it" stays: IT is a keyword.)
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by for from had has have he her his in is its of on or she that the their them they this to was were which with'.split(' '),
);

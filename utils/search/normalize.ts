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

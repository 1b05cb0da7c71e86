// Letters that Unicode decomposition leaves whole but a searcher types without their stroke or ligature.
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/** A word as the index compares it: lower case, accents and marks dropped ("Gdańsk" → "gdansk"). */
export function foldTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđðþæœßı]/g, (c) => FOLD[c]);
}

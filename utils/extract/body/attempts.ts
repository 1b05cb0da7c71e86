// Readability makes up to four passes, relaxing one safeguard each time (strip unlikely candidates,
// weight classes, clean conditionally), and stops at the first whose text reaches its threshold
// (500 characters). When none does it returns the longest pass. On a short article the longest pass
// is often a cookie or consent box found only once unlikely candidates are no longer stripped.

export interface Attempt {
  articleContent: Element;
  textLength: number;
}

/** All four passes failed: Readability fell back to the longest. */
const ALL_PASSES = 4;
/** The strictest non-trivial pass wins when it holds at least this share of the longest pass's text. */
const MIN_SHARE_OF_LONGEST = 0.3;
const MIN_CHARS = 80;

/**
 * Given Readability's failed passes in the order they ran, returns the article element to use instead
 * of Readability's choice, or null to keep it: the earliest (strictest) pass that has real text.
 */
export function chooseShortAttempt(attempts: Attempt[]): Element | null {
  if (attempts.length < ALL_PASSES) return null;
  const longest = Math.max(...attempts.map((a) => a.textLength));
  if (!longest) return null;
  for (const a of attempts) {
    if (a.textLength >= MIN_CHARS && a.textLength >= MIN_SHARE_OF_LONGEST * longest) return a.articleContent;
  }
  return null;
}

// One page's figures against its ground truth, as ../shared/tools/score-extraction.mjs scores them
// (reimplemented here so the benchmarks need no second process). A field is scored only where the ground
// truth has it.
import type { Draft } from '../utils/extract/draft';
import { bagF1, dayOf, nameTokens, normTitle, setEq, squash, words } from './common';

export interface PageScore {
  title?: boolean;
  author?: boolean;
  date?: boolean;
  bodyF1?: number;
  /** Share of the include/exclude snippets that came out right. */
  snippets?: number;
}

export function scorePage(d: Draft | null, e: Record<string, unknown>): PageScore {
  const s: PageScore = {};
  const dd = d ?? ({ authors: [], text: '' } as unknown as Draft);
  if (e.title) s.title = normTitle(dd.title) === normTitle(e.title);
  if (e.byline) s.author = setEq(nameTokens(e.byline), nameTokens(dd.authors.map((a) => a.name).join(', ')));
  if (e.publishedTime) s.date = dayOf(dd.publishedDate).includes(dayOf(e.publishedTime)[0]);
  if (typeof e.text === 'string' && e.text) s.bodyF1 = bagF1(words(dd.text ?? ''), words(e.text));
  const inc = Array.isArray(e.textIncludes) ? (e.textIncludes as string[]) : [];
  const exc = Array.isArray(e.textExcludes) ? (e.textExcludes as string[]) : [];
  if (inc.length || exc.length) {
    const t = squash(dd.text ?? '');
    const good = inc.filter((x) => t.includes(squash(x))).length + exc.filter((x) => !t.includes(squash(x))).length;
    s.snippets = good / (inc.length + exc.length);
  }
  return s;
}

import { emptyDraft, type Draft } from './draft';
import { countWords } from './text';

/** A plain-text article (e.g. a `.txt` file): the first line is taken as the title. */
export function draftFromPlainText(text: string, url: string | null = null): Draft {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim()).filter(Boolean);
  const draft = emptyDraft(url);
  draft.text = lines.join('\n');
  draft.wordCount = countWords(draft.text);
  draft.isArticle = lines.length > 0;
  if (lines[0] && lines[0].length <= 300) {
    draft.title = lines[0];
    draft.sources.title = 'first-line';
  }
  if (draft.text) draft.sources.wordCount = 'article-text';
  return draft;
}

// A small, honest stand-in for the news keyphrase hold-out set, which has no development copy: corpus pages
// whose own tags (news_keywords, article:tag, JSON-LD keywords…) serve as the reference keyphrases.
//
//   npx tsx bench/keyphrase-proxy.ts OUT.jsonl [--corpus DIR]
//   node ../shared/tools/score-nlp.mjs --cmd "npx precis extract --manifest" --keyphrases OUT.jsonl
//
// The scorer gives the command only title + text, so the suggestions never see the tags they are scored on.
import { writeFileSync } from 'node:fs';
import { extractDraft } from '../utils/extract/extract-draft';
import { parseHtml } from '../utils/extract/parse-html';
import { DEFAULT_CORPUS, loadCorpus } from './common';

const MIN_WORDS = 150;
const MIN_TAGS = 3;
// Tags that describe the site rather than the article: technical markers, sections, formats.
const NOT_TOPICS = /^(?:news|article|articles|opinion|video|review|trending|premium content|companies|editor.s picks)$/i;
const ENGLISH = new Set('the of and to in is that for it with was on as are be by this'.split(' '));

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? args[corpusAt + 1] : DEFAULT_CORPUS;
if (!out) {
  process.stderr.write('usage: npx tsx bench/keyphrase-proxy.ts OUT.jsonl [--corpus DIR]\n');
  process.exit(2);
}
const pages = loadCorpus(corpus, null);
if (typeof pages === 'string') {
  process.stderr.write(`${pages}\n`);
  process.exit(2);
}
const lines: string[] = [];
for (const page of pages) {
  const d = extractDraft(parseHtml(page.html), { url: page.url, cloneForReadability: false });
  const words = d.text.toLowerCase().split(/\s+/);
  // English pages only (the held-out set is English news): a tenth of the words must be common English ones.
  if ((d.wordCount ?? 0) < MIN_WORDS || words.filter((w) => ENGLISH.has(w)).length / words.length < 0.12) continue;
  const site = (d.publisher ?? '').toLowerCase();
  const tags = [...new Set(d.keywords.map((k) => k.trim()))].filter(
    (k) => !/[@:_/=]|&#|^\W|- cnn/i.test(k) && k.split(/\s+/).length <= 5 && k.toLowerCase() !== site && !NOT_TOPICS.test(k),
  );
  if (tags.length < MIN_TAGS) continue;
  lines.push(JSON.stringify({ id: page.name, title: d.title, text: d.text, keyphrases: tags }));
}
writeFileSync(out, lines.join('\n') + '\n');
process.stdout.write(`${lines.length} pages with at least ${MIN_TAGS} topical tags written to ${out}\n`);

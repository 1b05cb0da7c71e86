// Fit the keyphrase ranker's weights (utils/nlp/keyphrase-model.ts) on a keyphrase set and report how they
// generalise: k-fold cross-validation over documents, each fold scored with weights fitted on the others, as
// F1@5 / F1@10 after the same post-processing suggestKeywords applies, with the scorer's matching
// (lower case, Porter-stemmed tokens, exact match).
//
//   npx tsx bench/keyphrase-weights.ts [DATA.jsonl] [--folds N] [--write]
//
// DATA defaults to ../shared/nlp/duc2001-dev.jsonl. --write replaces utils/nlp/keyphrase-model.ts with the
// model fitted on all of DATA. The model is 20 weights over general features (no word lists are learnt), so
// what it can fit of particular documents is small; the folds show how much.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import { draftFromPlainText } from '../utils/extract/plain-text';
import { FEATURE_NAMES, findPhrases, phraseFeatures, type LinearModel } from '../utils/nlp/keyphrases';
import { keyphraseSuggestions, tagForKeywords } from '../utils/nlp/keywords';
import type { TaggedText } from '../utils/nlp/tagger';
import { REPO_ROOT } from './common';

const args = process.argv.slice(2);
const dataFile = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? join(REPO_ROOT, '../shared/nlp/duc2001-dev.jsonl');
const foldsAt = args.indexOf('--folds');
const FOLDS = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const EPOCHS = 300;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;

interface Doc { id: string; title: string | null; text: string; keyphrases: string[] }
interface Example { doc: Doc; tagged: TaggedText; gold: Set<string>; x: number[][]; y: number[] }

const norm = (p: string) => p.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean).map((w) => stemmer(w)).join(' ');

function f1At(pred: string[], gold: Set<string>, k: number): number {
  const seen = new Set<string>();
  const top: string[] = [];
  for (const p of pred) {
    const n = norm(p);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    top.push(n);
    if (top.length === k) break;
  }
  const hit = top.filter((x) => gold.has(x)).length;
  const p = top.length ? hit / top.length : 0, r = gold.size ? hit / gold.size : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function load(): Example[] {
  return readFileSync(dataFile, 'utf8').split('\n').filter((l) => l.trim()).map((line) => {
    const doc = JSON.parse(line) as Doc;
    // The same input as `precis extract` gets from the scorer: a text file whose first line is the title.
    const draft = draftFromPlainText(doc.title ? `${doc.title}\n\n${doc.text}` : doc.text);
    const tagged = tagForKeywords({ text: draft.text, title: draft.title, language: draft.language });
    const gold = new Set(doc.keyphrases.map(norm).filter(Boolean));
    const phrases = [...findPhrases(tagged).values()];
    const x = phraseFeatures(tagged, phrases);
    const y = phrases.map((p) => ([...p.surfaces.keys()].some((s) => gold.has(norm(s))) ? 1 : 0));
    return { doc, tagged, gold, x, y };
  });
}

/** Logistic regression by full-batch gradient descent on standardised features, L2-regularised. */
function fit(examples: Example[]): LinearModel {
  const X = examples.flatMap((e) => e.x);
  const Y = examples.flatMap((e) => e.y);
  const dim = FEATURE_NAMES.length;
  const mean = Array.from({ length: dim }, (_, j) => X.reduce((s, r) => s + r[j], 0) / X.length);
  const scale = mean.map((m, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - m) ** 2, 0) / X.length) || 1);
  const Z = X.map((r) => r.map((v, j) => (v - mean[j]) / scale[j]));
  const w = new Float64Array(dim);
  let b = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const g = new Float64Array(dim);
    let gb = 0;
    for (let i = 0; i < Z.length; i++) {
      let z = b;
      for (let j = 0; j < dim; j++) z += w[j] * Z[i][j];
      const err = 1 / (1 + Math.exp(-z)) - Y[i];
      gb += err;
      for (let j = 0; j < dim; j++) g[j] += err * Z[i][j];
    }
    b -= (LEARNING_RATE * gb) / Z.length;
    for (let j = 0; j < dim; j++) w[j] -= LEARNING_RATE * (g[j] / Z.length + L2 * w[j]);
  }
  return { mean, scale, weights: [...w], bias: b };
}

function evaluate(examples: Example[], model: LinearModel): { f5: number; f10: number } {
  let f5 = 0, f10 = 0;
  for (const e of examples) {
    const pred = keyphraseSuggestions(e.tagged, model).map((k) => k.keyword);
    f5 += f1At(pred, e.gold, 5);
    f10 += f1At(pred, e.gold, 10);
  }
  return { f5: (100 * f5) / examples.length, f10: (100 * f10) / examples.length };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const examples = load();
const rows: string[] = [];
let cv5 = 0, cv10 = 0;
for (let k = 0; k < FOLDS; k++) {
  const test = examples.filter((_, i) => i % FOLDS === k);
  const model = fit(examples.filter((_, i) => i % FOLDS !== k));
  const r = evaluate(test, model);
  cv5 += r.f5 * test.length;
  cv10 += r.f10 * test.length;
  rows.push(`fold ${k + 1}: ${test.length} documents, F1@5 ${r.f5.toFixed(2)}  F1@10 ${r.f10.toFixed(2)}`);
}
const model = fit(examples);
const all = evaluate(examples, model);
process.stdout.write(`${examples.length} documents from ${dataFile}\n${rows.join('\n')}\n`);
process.stdout.write(`cross-validated (${FOLDS} folds): F1@5 ${(cv5 / examples.length).toFixed(2)}  F1@10 ${(cv10 / examples.length).toFixed(2)}\n`);
process.stdout.write(`fitted on all, scored on all: F1@5 ${all.f5.toFixed(2)}  F1@10 ${all.f10.toFixed(2)}\n`);
process.stdout.write(`weights (standardised features):\n${FEATURE_NAMES.map((n, j) => `  ${model.weights[j].toFixed(3).padStart(7)}  ${n}`).join('\n')}\n`);

if (args.includes('--write')) {
  const file = join(REPO_ROOT, 'utils/nlp/keyphrase-model.ts');
  const list = (a: number[]) => `[${a.map(round).join(', ')}]`;
  writeFileSync(
    file,
    `import type { LinearModel } from './keyphrases';\n\n` +
      `// Written by bench/keyphrase-weights.ts --write (logistic regression over FEATURE_NAMES, fitted on the\n` +
      `// ${examples.length} DUC-2001 development documents; ${FOLDS}-fold cross-validated F1@5 ${(cv5 / examples.length).toFixed(1)}, F1@10 ${(cv10 / examples.length).toFixed(1)}). Do not edit by hand.\n` +
      `export const KEYPHRASE_MODEL: LinearModel = {\n` +
      `  mean: ${list(model.mean)},\n  scale: ${list(model.scale)},\n  weights: ${list(model.weights)},\n  bias: ${round(model.bias)},\n};\n`,
  );
  process.stdout.write(`wrote ${file}\n`);
}

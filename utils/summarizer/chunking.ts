import { abortError } from './engine';
import { t } from '../i18n/messages';

/** How much of the model's input quota a text uses (the Summarizer's `measureInputUsage`). */
export type MeasureUsage = (text: string) => Promise<number>;

// Room left for the engine's own prompt around our text, which the measure may not count.
const SAFETY = 0.9;

/**
 * Split `text` into pieces that each fit `quota`, cutting at paragraph ends, else sentence ends, else
 * words, and keeping the pieces in order. A text that fits comes back whole. Measuring is costly (the
 * model tokenises), so pieces are packed by an estimate from the first measure and only checked after.
 */
export async function splitForQuota(text: string, quota: number, measure: MeasureUsage, signal?: AbortSignal): Promise<string[]> {
  const whole = text.trim();
  if (!whole) return [];
  const check = async (s: string) => {
    if (signal?.aborted) throw abortError();
    return measure(s);
  };
  const usage = await check(whole);
  if (!Number.isFinite(quota) || usage <= quota) return [whole];
  const budgetChars = Math.max(1, Math.floor((whole.length * quota * SAFETY) / usage));
  const pieces: string[] = [];
  for (const packed of pack(units(whole, budgetChars), budgetChars)) pieces.push(...(await fit(packed, quota, check)));
  return pieces;
}

/** Paragraphs, with any paragraph longer than the budget cut into sentences, then words. */
function units(text: string, budget: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean)) {
    if (para.length <= budget) out.push(para);
    else for (const sentence of para.split(/(?<=[.!?…])\s+/)) out.push(...cutWords(sentence, budget));
  }
  return out;
}

function cutWords(text: string, budget: number): string[] {
  if (text.length <= budget) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    // A single "word" longer than the budget (a URL, a script without spaces) is cut where it must be.
    for (let i = 0; i < word.length; i += budget) {
      const bit = word.slice(i, i + budget);
      if (line && line.length + 1 + bit.length > budget) {
        out.push(line);
        line = bit;
      } else line = line ? `${line} ${bit}` : bit;
    }
  }
  if (line) out.push(line);
  return out;
}

function pack(parts: string[], budget: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current && current.length + 2 + part.length > budget) {
      out.push(current);
      current = part;
    } else current = current ? `${current}\n\n${part}` : part;
  }
  if (current) out.push(current);
  return out;
}

/** The estimate can be wrong for a piece (dense text, other scripts): halve what still does not fit. */
async function fit(piece: string, quota: number, measure: MeasureUsage): Promise<string[]> {
  if ((await measure(piece)) <= quota) return [piece];
  const half = Math.floor(piece.length / 2);
  if (half < 1) throw new Error(t('aiCannotReadAnything'));
  const cut = nearestBreak(piece, half);
  const [a, b] = [piece.slice(0, cut).trim(), piece.slice(cut).trim()];
  return [...(a ? await fit(a, quota, measure) : []), ...(b ? await fit(b, quota, measure) : [])];
}

/** The whitespace nearest the middle, so a halved piece is not cut inside a word. */
function nearestBreak(text: string, middle: number): number {
  for (let d = 0; d < middle; d++) {
    if (/\s/.test(text[middle + d] ?? '')) return middle + d;
    if (/\s/.test(text[middle - d] ?? '')) return middle - d;
  }
  return middle;
}

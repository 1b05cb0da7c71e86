import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/nlp/sentences';

const texts = (t: string, lang?: string) => splitSentences(t, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('does not break after titles, initials, "e.g." or dotted acronyms followed by a name', () => {
    expect(texts('Mr. Smith met Dr. Jones at the U.S. Army base. J. R. R. Tolkien wrote books, e.g. The Hobbit, in Oxford.')).toEqual([
      'Mr. Smith met Dr. Jones at the U.S. Army base.',
      'J. R. R. Tolkien wrote books, e.g. The Hobbit, in Oxford.',
    ]);
  });

  it('breaks after a dotted acronym that ends a sentence', () => {
    expect(texts('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
  });

  it('keeps decimals and numbered references inside the sentence', () => {
    expect(texts('Growth was 3.5 per cent, see No. 4 in the table. Prices rose by 0.25 points.')).toEqual([
      'Growth was 3.5 per cent, see No. 4 in the table.',
      'Prices rose by 0.25 points.',
    ]);
  });

  it('ends a sentence after a closing quotation mark, with the mark kept', () => {
    expect(texts('He said "Go home." Then he left. She wrote: “It is over!” Nobody answered.')).toEqual([
      'He said "Go home."',
      'Then he left.',
      'She wrote: “It is over!”',
      'Nobody answered.',
    ]);
  });

  it('keeps an exclamation inside quotes within the sentence that goes on in lower case', () => {
    expect(texts('When does that "a-ha!" moment occur? Nobody knows.')).toEqual(['When does that "a-ha!" moment occur?', 'Nobody knows.']);
  });

  it('never joins sentences across blocks, and numbers them in article order', () => {
    const s = splitSentences('First block ends here\nSecond block. Third sentence.');
    expect(s.map((x) => [x.text, x.block, x.index])).toEqual([
      ['First block ends here', 0, 0],
      ['Second block.', 1, 1],
      ['Third sentence.', 1, 2],
    ]);
  });

  it('falls back to a working segmenter for an unknown language tag', () => {
    expect(texts('Ein Satz. Noch ein Satz.', 'not a language!')).toEqual(['Ein Satz.', 'Noch ein Satz.']);
  });
});

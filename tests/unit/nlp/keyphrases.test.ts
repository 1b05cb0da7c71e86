import { describe, expect, it } from 'vitest';
import { findPhrases, modelScore, phraseFeatures, positionRank, FEATURE_NAMES } from '../../../utils/nlp/keyphrases';
import { KEYPHRASE_MODEL } from '../../../utils/nlp/keyphrase-model';
import { tagText } from '../../../utils/nlp/tagger';

const phrasesOf = (text: string, title = '') => [...findPhrases(tagText(text, title, 'en')).values()];
const keysOf = (text: string, title = '') => phrasesOf(text, title).map((p) => p.key);

describe('findPhrases (candidate selection)', () => {
  it('takes runs of adjectives and nouns that end in a noun, and nothing across a verb or a function word', () => {
    const keys = keysOf('The biggest oil spill in history spread crude oil across the sound, and cleanup efforts failed.');
    expect(keys).toEqual(expect.arrayContaining(['biggest oil spill', 'history', 'crude oil', 'sound', 'cleanup effort']));
    expect(keys.some((k) => /spread|across|the |failed/.test(k))).toBe(false);
  });

  it('drops a trailing adjective and keeps numbers out', () => {
    const keys = keysOf('Officials called the 1990 census results historical. The census results were final.');
    expect(keys).toContain('census result');
    expect(keys.some((k) => /1990|historical$/.test(k))).toBe(false);
  });

  it('joins names over "of" and splits titles from the names after them', () => {
    const keys = keysOf('The Bank of England met WeWork CEO Adam Neumann in London.');
    expect(keys).toEqual(expect.arrayContaining(['bank of england', 'wework', 'adam neumann', 'london']));
    expect(keys.some((k) => k.includes('ceo'))).toBe(false);
  });

  it('counts the names inside a longer phrase as mentions of their own', () => {
    const boeing = phrasesOf('Emirates ordered Boeing jets. Boeing said the Boeing jets arrive soon.').find((p) => p.key === 'boeing');
    expect(boeing?.count).toBe(3);
    expect(boeing?.name).toBe(true);
  });

  it('counts each phrase once per occurrence, folding case and plurals, and notes whether it is in the title', () => {
    const p = phrasesOf('Peace talks resumed on Monday. The peace talk failed. Both Peace Talks were short.', 'Peace talks were resumed');
    const talks = p.find((x) => x.key === 'peace talk');
    expect(talks?.count).toBe(4);
    expect(talks?.inTitle).toBe(true);
    expect([...talks!.surfaces.keys()]).toEqual(expect.arrayContaining(['Peace talks', 'peace talk', 'Peace Talks']));
  });
});

describe('positionRank', () => {
  it('scores words that recur early and with many neighbours above a word mentioned once at the end', () => {
    const rank = positionRank(tagText(
      'Hurricane season starts in June. Hurricane experts expect a busy hurricane season. Forecasters track every hurricane. Fishermen stayed home.',
      '', 'en',
    ));
    expect(rank.get('hurricane')!).toBeGreaterThan(rank.get('fishermen')!);
    expect(rank.get('season')!).toBeGreaterThan(rank.get('fishermen')!);
  });
});

describe('the keyphrase model', () => {
  it('has one weight, mean and scale per feature', () => {
    for (const a of [KEYPHRASE_MODEL.weights, KEYPHRASE_MODEL.mean, KEYPHRASE_MODEL.scale]) expect(a).toHaveLength(FEATURE_NAMES.length);
    expect(KEYPHRASE_MODEL.scale.every((s) => s > 0)).toBe(true);
  });

  it('ranks a repeated phrase of the title and the lead above one mentioned once at the end', () => {
    const text = 'An oil spill hit the coast of Alaska on Friday. The oil spill spread for miles, and the oil spill cleanup began. ' +
      'Divers counted dead birds. Months later, a harbour pilot spoke of a quiet afternoon.';
    const tagged = tagText(text, 'Oil spill hits Alaska', 'en');
    const phrases = [...findPhrases(tagged).values()];
    const features = phraseFeatures(tagged, phrases);
    const score = (key: string) => modelScore(KEYPHRASE_MODEL, features[phrases.findIndex((p) => p.key === key)]);
    expect(score('oil spill')).toBeGreaterThan(score('quiet afternoon'));
    expect(score('oil spill')).toBeGreaterThan(score('harbour pilot'));
  });
});

import { describe, expect, it } from 'vitest';
import { suggestKeywords } from '../../../utils/nlp/index';
import { keywordKey } from '../../../utils/nlp/keywords';
import { stopwordsFor } from '../../../utils/nlp/words';

const TEXT = [
  'Pakistan and the Pentagon held talks on Monday.',
  'Prime Minister Imran Khan said the Taliban must join the peace talks.',
  'The U.S. wants the Taliban at the table, and the United States will send envoys.',
  'Khan met US officials in Islamabad, where the Pentagon delegation arrived.',
  'Pakistan says the peace talks with the Taliban could start soon.',
].join(' ');
const keywords = (input: Parameters<typeof suggestKeywords>[0], limit?: number) =>
  suggestKeywords(input, limit).map((k) => k.keyword);

describe('keywordKey', () => {
  it('folds case, dots, plurals and known aliases onto one key', () => {
    expect(keywordKey('U.S.')).toBe(keywordKey('US'));
    expect(keywordKey('US')).toBe(keywordKey('United States'));
    expect(keywordKey('Peace Talks')).toBe(keywordKey('peace talk'));
    expect(keywordKey('Britain')).toBe(keywordKey('U.K.'));
    expect(keywordKey('Pakistan')).not.toBe(keywordKey('Taliban'));
  });
});

describe('suggestKeywords', () => {
  it('puts the named entities of a news text among the first suggestions', () => {
    const top = keywords({ text: TEXT }, 6);
    for (const name of ['Pakistan', 'Pentagon', 'Imran Khan', 'Taliban']) expect(top).toContain(name);
  });

  it('suggests each entity once: no "US" beside "United States", no "Khan" beside "Imran Khan"', () => {
    const all = suggestKeywords({ text: TEXT }, 50).map((k) => k.keyword);
    const keys = all.map(keywordKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === keywordKey('United States'))).toHaveLength(1);
    expect(all).not.toContain('Khan');
    expect(all).not.toContain('Prime Minister Imran Khan');
  });

  it('ranks library tags that occur in the text first, then the page tags, without near-duplicates', () => {
    const out = suggestKeywords({
      text: TEXT,
      libraryKeywords: ['peace talks', 'Cats', 'taliban'],
      pageKeywords: ['Taliban', 'South Asia', 'u.s.'],
    });
    expect(out.slice(0, 4).map((k) => [k.keyword, k.kind])).toEqual([
      ['peace talks', 'library'],
      ['taliban', 'library'],
      ['South Asia', 'page'],
      ['u.s.', 'page'],
    ]);
    expect(out.map((k) => k.keyword)).not.toContain('Cats');
    expect(out.map((k) => keywordKey(k.keyword)).filter((k) => k === keywordKey('US'))).toHaveLength(1);
  });

  it('respects the limit and returns nothing for empty text without tags', () => {
    expect(suggestKeywords({ text: TEXT }, 3)).toHaveLength(3);
    expect(suggestKeywords({ text: '' })).toEqual([]);
  });

  it('takes the names around a title, not the title', () => {
    const text = 'Investors met WeWork CEO Adam Neumann on Monday. Later, WeWork CEO Adam Neumann resigned from WeWork.';
    const all = keywords({ text }, 20);
    expect(all).toEqual(expect.arrayContaining(['WeWork', 'Adam Neumann']));
    expect(all.some((k) => /CEO/.test(k))).toBe(false);
  });

  it('uses the stopwords of the language the text is in when the page declares another', () => {
    const all = keywords({ text: TEXT, language: 'de' }, 50).map((k) => k.toLowerCase());
    for (const word of ['the', 'and', 'could', 'with']) expect(all).not.toContain(word);
  });

  it('does not take a capitalised sentence opener for a name', () => {
    expect(keywords({ text: TEXT }, 50)).not.toContain('The');
  });
});

describe('suggestKeywords: names first, variants merged, generic words left out', () => {
  const SEED = [
    'Pakistan\'s military has long worked with US spy agencies, and the Pentagon relies on it in Afghanistan.',
    'Prime Minister Imran Khan told reporters in Islamabad that the Taliban should join talks.',
    'Khan said Pakistan would not let the United States use its bases, while India watched Kashmir closely.',
    'The U.S. team met Pakistani officials, and the Pentagon said the problem was one of trust.',
    'Khan also met the Taliban envoy; the service chiefs of Pakistan and the U.S. will meet again.',
  ].join(' ');

  it('puts the people, places and bodies of the text among the first five suggestions', () => {
    const top = keywords({ text: SEED }, 5);
    expect(top).toEqual(expect.arrayContaining(['Pakistan', 'Imran Khan', 'Pentagon']));
  });

  it('merges "U.S." with "United States" and "Khan" with "Imran Khan", keeping one form of each', () => {
    const all = keywords({ text: SEED }, 30);
    expect(all.filter((k) => keywordKey(k) === keywordKey('United States'))).toHaveLength(1);
    expect(all).toContain('Imran Khan');
    expect(all).not.toContain('Khan');
  });

  it('never suggests a generic word on its own', () => {
    const text = 'The team fixed the page. The team said the service had a problem; the problem hit the page again. ' +
      'The service team now runs Kubernetes clusters, and Kubernetes upgrades fixed the problem.';
    const all = keywords({ text }, 30).map((k) => k.toLowerCase());
    for (const w of ['team', 'page', 'service', 'problem']) expect(all).not.toContain(w);
    expect(all).toContain('kubernetes');
  });
});

describe('suggestKeywords in other languages', () => {
  const ENGLISH_STOPWORDS = new Set('the a an of and to in is that for it with on as by at from this be are was'.split(' '));
  const TEXTS: Record<string, string> = {
    de: 'Die Bundesregierung hat am Montag in Berlin ein neues Klimaschutzgesetz vorgestellt. Bundeskanzler Olaf Scholz sagte, das Gesetz sei ein wichtiger Schritt. Die Opposition kritisierte, dass die Ziele nicht ausreichen. Das Klimaschutzgesetz soll im Herbst im Bundestag beraten werden.',
    fr: "Le gouvernement a présenté lundi à Paris une nouvelle réforme des retraites. Le Premier ministre Édouard Philippe a déclaré que la réforme des retraites était nécessaire. Les syndicats ont appelé à une grève nationale contre la réforme.",
    es: 'El Gobierno de España aprobó el martes en Madrid un nuevo plan de vivienda. El presidente Pedro Sánchez dijo que el plan de vivienda ayudará a los jóvenes. El Banco de España advirtió sobre el precio de la vivienda.',
  };
  for (const [language, text] of Object.entries(TEXTS)) {
    it(`gives a ${language} page its own phrases, with no stopword of English or ${language} at either end`, () => {
      const stop = stopwordsFor(language);
      const out = keywords({ text, language }, 10);
      expect(out.length).toBeGreaterThan(4);
      for (const k of out) {
        const words = k.toLowerCase().split(/\s+/);
        for (const w of [words[0], words[words.length - 1]]) {
          expect(ENGLISH_STOPWORDS.has(w), `${k}`).toBe(false);
          expect(stop.has(w), `${k}`).toBe(false);
        }
      }
      // A page labelled English but written in another language gets the same.
      expect(keywords({ text, language: 'en' }, 10)).toEqual(out);
    });
  }

  it('suggests whole words for Chinese and Japanese text: no punctuation, single characters or particles', () => {
    const texts = [
      '中国国家航天局周二宣布，嫦娥五号探测器成功在月球表面着陆。专家表示，嫦娥五号将采集月球样本并返回地球。',
      '日本政府は月曜日、東京で新しい経済対策を発表した。岸田文雄首相は、経済対策によって物価高騰に対応すると述べた。',
    ];
    for (const text of texts) {
      const out = keywords({ text }, 10);
      expect(out.length).toBeGreaterThan(2);
      for (const k of out) {
        expect([...k].length, k).toBeGreaterThan(1);
        expect(k, k).not.toMatch(/[\p{P}\s\p{sc=Hiragana}]/u);
      }
    }
    expect(keywords({ text: texts[1] }, 10)).toContain('経済対策');
  });
});

describe('suggestKeywords on words that are also JavaScript property names', () => {
  it('treats "constructor" and "toString" as plain words', () => {
    const text = 'The constructor of the bridge said toString was a constructor trick. The constructor left.';
    expect(() => suggestKeywords({ text })).not.toThrow();
    expect(keywordKey('constructor')).toBe('constructor');
  });
});

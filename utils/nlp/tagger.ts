// A coarse part-of-speech tagger made of rules: enough to find noun phrases and names for keyword
// suggestions. It was measured against wink-nlp's English model and compromise (bench/README.md): on the
// DUC-2001 keyphrase set the rules lose 1 point of F1@10 to wink-nlp, whose model costs about 1 MB gzipped and
// 0.1 s to load, and beat compromise, which takes longer than our whole budget to tag a 1,500-word article.
import { splitSentences } from './sentences';
import { stopwordsFor } from './words';

/** name: a capitalised word used as a name; other: function words; punct: punctuation that ends a phrase. */
export type Tag = 'name' | 'noun' | 'adj' | 'verb' | 'adv' | 'num' | 'other' | 'punct';

export interface Token {
  word: string;
  lower: string;
  tag: Tag;
  /** Index of the sentence the token is in; the title, when given, is sentence 0. */
  sentence: number;
  /** Position of the token in the whole text, from 0. */
  at: number;
  /** The word had a possessive "'s" ("Ethiopia's water minister"). */
  possessive?: boolean;
}

export interface TaggedText {
  sentences: Token[][];
  /** The language whose rules were applied (a two-letter code), "cjk" for Chinese, Japanese and Korean. */
  language: string;
  tokens: number;
}

// Function words beyond the stopword list the summary uses: prepositions, quantifiers, adverbs of time and
// degree, calendar words and the titles that precede names. None of them heads or opens a keyword.
const ENGLISH_FUNCTION_WORDS = `across along alongside amid amidst behind beside besides beyond inside outside
  throughout underneath unlike versus past till unto whereas wherever whenever whichever whoever nobody everybody
  anybody somebody everyone none nothing everything somewhere anywhere everywhere nowhere hence therefore meanwhile
  moreover furthermore nevertheless nonetheless otherwise instead indeed sometimes usually seldom rarely soon later
  earlier recently currently lately fewer various certain lot lots plenty daily weekly monthly yearly annually
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov
  dec mr mrs ms dr rep sen gov gen lt col sgt capt st jr sr ii iii am pm oh yes okay ok please thanks hello
  eleven twelve twenty thirty forty fifty hundred thousand million billion trillion dozen dozens hundreds thousands
  millions billions long ago`;
// Frequent verbs; base, third-person and -ing forms are generated, irregular past forms listed. A word after
// "to", a modal or a pronoun is taken for a verb too ("they occur", "to exclude").
const VERB_STEMS = `suggest show read mean remain appear seem include involve provide require allow help give keep lead
  hold bring put set run grow play turn start continue become believe expect hope plan want try use call look feel
  work court seek face cost warn claim argue admit deny urge vow pledge reveal insist offer accept reject launch
  order ask need make take come get see know think tell say find leave meet pay sell spend send stand win lose rise
  fall stop open close move live die kill buy build cut hit let raise reach serve drive walk talk speak agree report
  add happen occur predict announce declare describe explain mention consider decide refuse fail manage intend
  prove tend prefer destroy injure accuse sue prevent protect oppose approve elect appoint resign retire join
  arrive depart carry throw wear beat shut hang reduce improve receive create develop discover remember forget
  learn teach understand rely depend wonder suffer emerge exist belong contain deliver ensure establish examine
  express identify imagine indicate inform obtain operate perform prepare pursue recall recognise recognize
  recommend reflect relate remove replace represent respond select settle solve survive threaten transform
  translate treat deserve encourage enjoy finish gain handle hire ignore invest obey owe persuade pray publish
  realise realize refer regard remind rescue resist retain seize shoot sink smile struggle suspect tolerate vanish
  wait confirm criticise criticize condemn deploy evacuate investigate negotiate withdraw weaken strengthen confront
  defend discuss dismiss expand generate halt impose kidnap maintain occupy organise organize overthrow plead
  postpone propose provoke rebuild recover reinforce renew restore resume insist`;
const IRREGULAR_PAST = `saw went held led kept left brought began begun won lost ran rose risen fell fallen met paid sold
  spent sent stood wrote written grew grown knew known chose chosen fought thought bought built drove driven spoke
  spoken gave given took taken made got gotten said told found came become became felt meant heard flew flown threw
  thrown caught broke broken wore worn beat beaten struck hung shut spread hit cut let put set cost hurt quit`;
// Words that are never part of a keyword whatever their place: reporting verbs, vague quantities.
const NEVER_KEYWORD = `according including included percent cent per today yesterday tomorrow tonight able whether
  however although though despite such much many more most less least`;
/** Words after which a lower-case word is a verb ("to exclude", "they occur", "will spread"). */
const VERB_CONTEXT = new Set(
  'to will would could can may might must should shall cannot did does do not never he she they we i it who'.split(' '),
);
/** Verbs after which the word before is a noun rather than a verb ("peace talks were…"). */
const AUXILIARIES = new Set('is are was were has have had will would could can may might must should'.split(' '));
/** Words after which an -ing or -ed form is a noun or a modifier ("the meeting", "a planned attack"). */
const DETERMINERS = new Set('the a an this that these those his her its their our my your each every no any some'.split(' '));

function inflect(stem: string): string[] {
  const s = /(?:s|sh|ch|x|z|o)$/.test(stem) ? `${stem}es` : /[^aeiou]y$/.test(stem) ? `${stem.slice(0, -1)}ies` : `${stem}s`;
  const base = stem.replace(/e$/, '');
  const past = /[^aeiou]y$/.test(stem) ? `${stem.slice(0, -1)}ied` : stem.endsWith('e') ? `${stem}d` : `${stem}ed`;
  return [stem, s, `${base}ing`, past];
}

const words = (list: string) => list.split(/\s+/).filter(Boolean);
const IRREGULAR = new Set(words(IRREGULAR_PAST));
const ENGLISH_VERBS = new Set([...words(VERB_STEMS).flatMap(inflect), ...IRREGULAR]);
const ENGLISH_NEVER = new Set(words(NEVER_KEYWORD));
// Calendar words and frequent prepositions and adverbs that the short stopword lists of other languages lack.
const OTHER_FUNCTION_WORDS: Record<string, string> = {
  de: `montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august
    september oktober november dezember heute gestern morgen jahr jahre jahren uhr prozent sowie bereits etwa
    rund laut seit während wegen trotz gegenüber innerhalb außerdem jedoch allerdings immer ebenfalls`,
  fr: `lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre aujourd'hui hier demain an ans année années contre selon pendant sans sous
    chez vers depuis lors dont ainsi encore déjà toujours alors donc puis cependant notamment environ`,
  es: `lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre hoy ayer mañana año años hacia tras mediante además aunque entonces
    todavía siempre ahora así pues sino luego casi unas`,
  it: `lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio
    agosto settembre ottobre novembre dicembre oggi ieri domani anno anni dopo senza sotto verso contro secondo`,
  pt: `segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto
    setembro outubro novembro dezembro hoje ontem amanhã ano anos após sob contra segundo durante desde`,
  nl: `maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli
    augustus september oktober november december vandaag gisteren morgen jaar jaren tijdens volgens sinds`,
};
// Verb forms frequent in news that the stopword lists lack (past and future endings, "said" and its kin).
const ROMANCE_VERB: Record<string, RegExp> = {
  es: /(?:[^i]ó|aron|ieron|aba|aban|ará|arán|erá|erán|irá|irán|ando|iendo|^dijo|^dice|^dicen|^tiene|^tienen|^puede|^pueden|^hizo)$/,
  pt: /(?:ou|aram|eram|iram|ava|avam|ará|arão|erá|irá|ando|endo|^disse|^diz|^dizem|^tem|^têm|^pode|^podem)$/,
  fr: /(?:ait|aient|èrent|eront|erait|eraient|^dit|^déclaré|^annoncé|^indiqué|^estimé|^expliqué|^affirmé|^présenté|^appelé|^souligné)$/,
  it: /(?:ò|arono|erono|irono|ava|avano|erà|irà|ando|endo|^detto|^dice|^dicono|^ha|^hanno)$/,
};
const functionWordCache = new Map<string, Set<string>>();

/** The words of a language that never head or open a keyword: its stopwords and a longer list of our own. */
function functionWords(language: string): Set<string> {
  let set = functionWordCache.get(language);
  if (!set) {
    const extra = language === 'en' ? ENGLISH_FUNCTION_WORDS : (OTHER_FUNCTION_WORDS[language] ?? '');
    set = new Set([...stopwordsFor(language), ...words(extra)]);
    functionWordCache.set(language, set);
  }
  return set;
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const CJK_ALL = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;
/** Whether a text is mostly Chinese, Japanese or Korean (by letters, sampled at its start). */
export function isCjkText(text: string): boolean {
  const sample = text.slice(0, 4000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && (sample.match(CJK_ALL)?.length ?? 0) / letters > 0.3;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*|[,;:()"“”!?—–[\]]/gu;

interface RawToken {
  possessive?: boolean;
  word: string;
  lower: string;
  capitalised: boolean;
  start: boolean;
}

function rawTokens(sentence: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of sentence.matchAll(WORD)) {
    // Possessives and contractions ("Khan's", "They'll", "didn't") are the word before them.
    const word = m[0].replace(/['’](?:s|ll|re|ve|d|m)$|n['’]t$/i, '');
    const possessive = word.length < m[0].length && /['’]s$/i.test(m[0]);
    out.push({ word, lower: word.toLowerCase(), capitalised: /^\p{Lu}/u.test(word), start: out.length === 0, possessive });
  }
  return out;
}

/** Chinese and Japanese words from the segmenter: a run of 2+ Han or Katakana characters is a noun candidate. */
function cjkTokens(sentence: string, segmenter: Intl.Segmenter): RawToken[] {
  const out: RawToken[] = [];
  for (const s of segmenter.segment(sentence)) {
    if (!s.isWordLike) {
      if (/[\p{P}]/u.test(s.segment)) out.push({ word: ',', lower: ',', capitalised: false, start: false });
      continue;
    }
    if (CJK.test(s.segment)) out.push({ word: s.segment, lower: s.segment, capitalised: false, start: out.length === 0 });
    else out.push(...rawTokens(s.segment).map((t) => ({ ...t, start: out.length === 0 })));
  }
  return out;
}
// Frequent Chinese function words of two or more characters (pronouns, conjunctions, auxiliaries).
const CJK_FUNCTION_WORDS = new Set(
  words(`我们 你们 他们 她们 它们 这个 那个 这些 那些 一个 没有 什么 怎么 因为 所以 但是 如果 可以 已经 还是 就是 不是 这样
  那样 以及 或者 而且 并且 其中 之后 之前 时候 自己 这里 那里 现在 今天 目前 表示 认为 进行 通过 由于 对于 关于 以上 以下
  これ それ あれ この その あの ここ そこ ため こと もの よう 周一 周二 周三 周四 周五 周六 周日 星期一 星期二 星期三 星期四
  星期五 星期六 星期日 今年 去年 明年 月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 今日 昨日 明日`),
);

/**
 * Tag the words of a text: its sentences (the title first, as sentence 0), each word with a coarse tag. A
 * capitalised word is a name unless it only ever appears capitalised at the start of a sentence or in the title
 * and is written in lower case elsewhere.
 */
export function tagText(text: string, title: string | null | undefined, language: string): TaggedText {
  const cjk = isCjkText(`${title ?? ''} ${text}`);
  const lang = cjk ? 'cjk' : language;
  const segmenter = cjk ? new Intl.Segmenter(/^(?:ja|zh|ko)/.test(language) ? language : 'ja', { granularity: 'word' }) : null;
  const parts = [title?.trim() ?? '', ...splitSentences(text, language).map((s) => s.text)];
  const raw = parts.map((s) => (segmenter ? cjkTokens(s, segmenter) : rawTokens(s)));

  const capitalisedInside = new Set<string>();
  const lowerSeen = new Set<string>();
  for (let i = 1; i < raw.length; i++) {
    for (const t of raw[i]) {
      if (t.capitalised && !t.start) capitalisedInside.add(t.lower);
      else if (!t.capitalised) lowerSeen.add(t.lower);
    }
  }
  const fn = cjk ? CJK_FUNCTION_WORDS : functionWords(language);
  const english = language === 'en' && !cjk;
  // In a title-cased headline capitals say nothing: its words are names only where the body capitalises them.
  const titleWords = raw[0].filter((t) => /\p{L}/u.test(t.word) && !fn.has(t.lower));
  const titleCased = titleWords.length > 2 && titleWords.filter((t) => t.capitalised).length / titleWords.length > 0.6;
  /** The tag of a word from its form and the word before it, capitals aside. */
  let prevTag: Tag | undefined;
  const lowerTag = (l: string, prev: string | undefined, next?: RawToken): Tag => {
    // German capitalises its nouns: a word in lower case is an adjective before one, else a verb or an adverb.
    if (lang === 'de') return next?.capitalised && /(?:e|en|er|es|em)$/.test(l) ? 'adj' : 'verb';
    if (ROMANCE_VERB[lang]?.test(l)) return 'verb';
    if (!english) return 'noun';
    if (prev !== undefined && VERB_CONTEXT.has(prev)) return 'verb';
    if (ENGLISH_VERBS.has(l)) {
      // "the report", "new talks", and a noun before a verb: "peace talks resumed", "oil spills were".
      if (prev !== undefined && DETERMINERS.has(prev)) return 'noun';
      const nounBefore = prevTag === 'noun' || prevTag === 'adj' || prevTag === 'name';
      const verbAfter = next !== undefined && (AUXILIARIES.has(next.lower) || /^\p{Ll}\p{L}+ed$/u.test(next.word) || IRREGULAR.has(next.lower));
      return nounBefore && verbAfter ? 'noun' : 'verb';
    }
    if (l.length > 4 && l.endsWith('ly')) return 'adv';
    if (l.length > 5 && /(?:ed|ing)$/.test(l)) return prev !== undefined && DETERMINERS.has(prev) ? 'noun' : 'verb';
    if (/(?:al|ic|ous|ive|ful|less|able|ible|ary|ian|ese|ish)$/.test(l)) return 'adj';
    return 'noun';
  };
  let at = 0;
  const sentences = raw.map((s, si) =>
    s.map((t, i): Token => {
      const l = t.lower;
      const prev = s[i - 1]?.lower;
      let tag: Tag;
      if (!/[\p{L}\p{N}]/u.test(t.word)) tag = 'punct';
      else if (/^\p{N}+(?:[.,]\p{N}+)*$/u.test(t.word)) tag = 'num';
      else if (fn.has(l) || (english && ENGLISH_NEVER.has(l))) tag = 'other';
      else if (cjk && CJK.test(t.word)) tag = [...t.word].length >= 2 && !/\p{sc=Hiragana}/u.test(t.word) ? 'noun' : 'other';
      else if (!t.capitalised) tag = lowerTag(l, prev, s[i + 1]);
      else if (si === 0 ? !titleCased : !t.start) tag = 'name';
      else if (capitalisedInside.has(l) || /^\p{Lu}[\p{Lu}\p{N}.&-]+$/u.test(t.word)) tag = 'name';
      else if (si === 0) tag = lowerTag(l, prev, s[i + 1]);
      else {
        // Capitalised only where every word is (a sentence's start, a headline): a name if never written in
        // lower case and not a verb or an adverb by its form ("Pakistan said…", but not "Hosting the talks…").
        const form = lowerTag(l, undefined);
        tag = !lowerSeen.has(l) && (form === 'noun' || form === 'adj') ? 'name' : form;
      }
      prevTag = tag;
      return { word: t.word, lower: l, tag, sentence: si, at: at++, ...(t.possessive ? { possessive: true } : {}) };
    }),
  );
  return { sentences, language: lang, tokens: at };
}

// Word-level helpers shared by the summary ranker and the keyword finder: tokens, stopwords, a light stemmer.

const STOPWORDS: Record<string, string> = {
  en: `a about above after again against ago all almost also although always am among an and another any anyone
    anything are around as at away back be became because become been before being below between both but by can
    cannot could did do does doing done down during each either else enough even ever every few first for from
    further get gets getting go going got had has have having he her here hers herself him himself his how however
    i if in into is it its itself just last least less like made make many may me might more most much must my
    myself near neither never next no nor not now of off often on once one only onto or other others our ours
    ourselves out over own per perhaps put quite rather really said same say says see seen several shall she should
    since so some someone something still such than that the their theirs them themselves then there these they
    this those though through thus to together too toward towards under until up upon us used very via was we well
    were what whatever when where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves told according including including year years time week day today yesterday
    tomorrow mr mrs ms dr also s t don didn doesn isn wasn aren weren won wouldn couldn shouldn ve ll re d m two
    three four five six seven eight nine ten`,
  de: `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei
    bin bis bist da damit dann das dass dein deine dem den denn der des dessen dich die dies diese diesem diesen dieser
    dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen hab habe
    haben hat hatte hatten hier hin hinter ich ihr ihre im in indem ins ist jede jedem jeden jeder jedes jetzt kann
    kein keine können man manche mehr mein meine mit muss nach nicht nichts noch nun nur ob oder ohne schon sehr sein
    seine sich sie sind so solche soll sollte sondern sonst über um und uns unser unter viel vom von vor war waren
    warum was weil welche wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen`,
  fr: `à au aux avec ce ces cette dans de des du elle elles en est et été être eu il ils je la le les leur leurs lui
    ma mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que qui sa sans se ses son sont sur ta
    te tes toi ton tu un une vos votre vous y a plus comme aussi tout tous fait peut entre après avant très bien`,
  es: `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en
    entre era es esa ese eso esta este esto estos fue fueron ha han hasta hay la las le les lo los más me mi mucho muy
    nada ni no nos o otra otro para pero poco por porque que quien se ser si sin sobre su sus también te tiene todo
    tu un una uno unos y ya sido son está están cada según`,
  it: `a ad al alla alle anche che chi ci come con da dal dalla dei del della delle di dove e è ed era gli ha hanno
    i il in io la le lei lo loro lui ma mi nei nel nella no noi non o per perché più quale quando questa questo se si
    sia sono su sua sue suo suoi tra tu un una uno voi anche ancora essere stato stata fra molto`,
  nl: `aan al als bij dan dat de der deze die dit door een en er geen had heb hebben heeft hem het hier hij hoe hun
    ik in is je kan kon maar me meer men met mij mijn na naar niet niets nog nu of om omdat ons ook op over te tegen
    toe tot u uit van veel voor want waren was wat we wel werd wie wij worden wordt zal ze zei zich zij zijn zo zonder`,
  pt: `a ao aos as até com como da das de dela dele do dos e é ela ele eles em entre era essa esse esta este eu foi
    foram há isso isto já lhe mais mas me mesmo muito na não nas nem no nos o os ou para pela pelo por quando que
    quem se sem ser seu seus sua suas também te tem um uma você sobre ainda foi são está`,
};

const stopwordCache = new Map<string, Set<string>>();
/** The stopword list for a language code ("en-GB" → English); an empty set when there is none. */
export function stopwordsFor(language: string | null | undefined): Set<string> {
  const code = (language ?? 'en').toLowerCase().slice(0, 2);
  let set = stopwordCache.get(code);
  if (!set) {
    set = new Set((STOPWORDS[code] ?? '').split(/\s+/).filter(Boolean));
    stopwordCache.set(code, set);
  }
  return set;
}

const SAMPLE_WORDS = 400;

/**
 * The language of the text among those with a stopword list (a two-letter code): the declared one, unless the
 * text's common words belong clearly more to another (pages mislabel their language often enough, e.g.
 * `lang="de"` on an English article). A declared language without a list is kept as it is.
 */
export function languageOfText(text: string, declared: string | null | undefined): string {
  const sample = wordTokens(text.slice(0, SAMPLE_WORDS * 8)).slice(0, SAMPLE_WORDS);
  const hits = (code: string) => {
    const list = stopwordsFor(code);
    return sample.filter((w) => list.has(w)).length;
  };
  const declaredCode = (declared ?? 'en').toLowerCase().slice(0, 2);
  const declaredHits = hits(declaredCode);
  let best = declaredCode, bestHits = declaredHits;
  // The best fit among the lists that beat the declared one clearly (Spanish shares many words with French).
  for (const code of Object.keys(STOPWORDS)) {
    const n = hits(code);
    if (n > declaredHits * 2 && n > bestHits) { best = code; bestHits = n; }
  }
  return best;
}

/** The stopword list that fits the text (see `languageOfText`). */
export function stopwordsForText(text: string, declared: string | null | undefined): Set<string> {
  return stopwordsFor(languageOfText(text, declared));
}

/** Lower-cased word tokens (letters and digits, inner apostrophes and hyphens kept), possessive "'s" dropped. */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    out.push(m[0].replace(/['’]s$/, ''));
  }
  return out;
}

/** A light English stemmer for matching: plural and possessive forms fold onto the singular. */
export function lightStem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

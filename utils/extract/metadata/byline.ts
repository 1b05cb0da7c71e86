import type { Author } from '../../record/schema';
import { cleanText, fixCaps, squashKey } from './clean';
import { isSiteName } from './site-name';

// The work, then "by" ("Report by", "Guest post by", "Prepared by"): only with "by", not "Report from Kyiv".
const WORK_BY = String.raw`(?:report|paper|brief|study|research|review|reporting|guest(?:\s+(?:post|article|column|essay|blog))?|gast|prepared|authored|contributed|compiled)\s+by\b`;
// Chinese and Japanese credit labels, with the colon or slash they are always written with ("作者：", "文／", "記者 ").
const CJK_CREDIT = String.raw`(?:作者|撰文|撰稿|文|筆者|笔者|記者|记者)\s*[:：／/]|(?:記者|记者)\s+`;
// Words that introduce a byline, in the languages we meet most ("By", "Von", "Por", "Par", "Door", "Av"…), with up to
// four words of page furniture before them ("Written by", "Erstellt von", "View all posts by", "Ein Beitrag von").
// Plural labels and combined credits ("Authors:", "Text & Fotos:") only with their colon, or a combined credit with
// a by-word ("Text and photos by"): "Authors Guild" is a name.
const CREDIT_LABEL = String.raw`(?:autor(?:innen|en)|authors|auteurs|autor[ei]s|(?:text|texte|texto|words)\s*(?:&|\+|\/|und|and|et|y|e)\s*(?:fotos?|photos?|bild(?:er)?|images?|illustrations?))`;
const BY_PREFIX = new RegExp(
  String.raw`^(?:(?:view|see|show|zeige|alle?|all|more|mehr|weitere|posts?|articles?|stories|beiträge|beitrag|artikel|einträge|erstellt|post|written|posted|published|reported|submitted|text|story|words|article|gespeichert|eingestellt|blog\s*beitrag|ein|eine|gastbeitrag|kommentar|commentary|analysis|opinion|essay|column|geschrieben|verfasst|gepostet|veröffentlicht|publié|écrit|escrito|publicado|scritto|pubblicato|redigido|rezept|recipe|receta|recette|zum|profil)\s+){0,4}(?:(?:${CREDIT_LABEL}|words)\s*[:：]|${CREDIT_LABEL}\s+(?:by|von|par|por|door)\b|${WORK_BY}|(?:by|von|vom|from|por|par|door|av|przez|autor(?:in)?|author|auteur|autore|text|texte|texto|written|yazar|yazan)\b\s*[:：\-–]?|(?:автор|авторы|автори|текст)\s*[:：]?(?=\s)|بقلم|${CJK_CREDIT})\s*`,
  'i',
);
// "for" and a capitalised publication after a name (no i flag: \p{Lu} must stay upper case); "for" left at the end
// once an address is cut ("Jane Doe For Dailymail.com").
const FOR_PUBLICATION = /\s+(?:for|For|FOR)(?:\s+(?:the\s+|The\s+|THE\s+)?\p{Lu}.*)?$/u;
// Head words of organisations named with "for" ("International Union for …", "Campaign for …").
const ORGANISATION_HEAD =
  /(?<![\p{L}])(?:union|organi[sz]ation|alliance|committee|commission(?:er)?|endowment|campaign|coalition|federation|league|fund|party|movement|service|board|authority|women|men|americans|citizens|friends|people|parents|students|doctors|lawyers|scientists|reporters|journalists|partnership|society|the)(?![\p{L}])/iu;

/**
 * The publication written for, cut after a person's name in a byline ("By Jane Doe for The Mail on Sunday",
 * "By Jane Doe For Reuters"); an organisation named with "for" ("Centre for European Reform", "Concerned Women
 * for America") stays whole, and so does any name not credited by a by-word.
 */
function withoutPublication(s: string): string {
  const m = s.match(FOR_PUBLICATION);
  if (!m) return s;
  const before = s.slice(0, m.index);
  const words = before.split(/\s+/).length;
  return words >= 2 && words <= 3 && !INSTITUTION.test(before) && !ORGANISATION_HEAD.test(before) && writtenAsName(before) ? before : s;
}
// Short lower-case prefixes that are also surnames when capitalised ("di Mario Rossi" but "Di Maio").
const LOWER_PREFIX = /^(?:di|da|de|av|af)\s+/;
// Labels that end a byline in glued page text ("Hans MüllerQuelle: Agentur").
const TRAILING_LABEL = /\s*(?:Quelle|Source|Fuente|Fonte|Datum|Date|Fecha|Foto|Fotos|Photo|Photos|Bild|Bilder|Image|Kategorien?|Categor(?:y|ies)|Tags?|Schlagworte|Rubrik|Published|Posted|Last\s+updated|Updated|Aktualisiert|Veröffentlicht|Erschienen|Stand|Mis à jour|Publié le|Actualizado|Publicado|Lesezeit|Lesedauer|Reading time|Read time|Min\.? read|Tiempo de lectura|Temps de lecture|Tempo di lettura|Tempo de leitura|Leestijd|Comments?|Kommentare?|Filed\s+(?:to|under|in))\b\s*[:：]?.*$/;
// Lower-case date labels after a name also end it ("Par Jean Dupont, publié le 5 mars"): no name holds these words.
const TRAILING_DATE_LABEL =
  /(?:^|[\s,;])(?:published|posted|updated|last updated|publiée?\s+le|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|veröffentlicht|aktualisiert|erschienen|gepubliceerd)\b.*$/u;
// Credits for another part of the work after the author's ("By Jane Doe; edited by John Roe", "Jane Doe in
// conversation with John Roe"): an editor, translator, photographer or interviewer is not the author. Not one
// joined to the author's own credit ("Text and photos by Jane Doe").
const OTHER_CREDIT =
  /(?<!(?:\band|\bund|\bet|\by|&|\+)\s*)(?:^|[\s,;(])(?:(?:edited|editing|translated|translation|photos?|photographs?|photography|illustrations?|illustrated|graphics|video|produced|moderated|fact-?checked|interviewed|interview|redigiert|bearbeitet|übersetzt|übersetzung|fotos?|bilder|illustrationen?|moderiert|interviewt|édité|traduit|traduction|illustré|editado|traducido|traducción|tradotto|traduzione)\s+(?:by|von|par|por|da|de)|in\s+(?:conversation|an\s+interview|dialogue)\s+with|propos\s+recueillis\s+par|das\s+(?:interview|gespräch)\s+führten?|im\s+(?:gespräch|interview)\s+mit|en\s+(?:conversation|dialogue|entretien)\s+avec|en\s+(?:conversación|diálogo)\s+con|in\s+conversazione\s+con)\b.*$/iu;
// Between authors: separators, "and"/"und" in any case, and other conjunctions in lower case (in capitals in a
// byline set in capitals).
const SPLIT = /(\s*(?::\s|,|，|、|;|；|&|\+|\/|(?<!\p{L})(?:[Aa][Nn][Dd]|[Uu][Nn][Dd]|et|y|with|mit|sowie|avec|con)(?!\p{L}))\s*)/u;
const SPLIT_CAPS = /(\s*(?::\s|,|，|、|;|；|&|\+|\/|(?<!\p{L})(?:AND|UND|ET|Y|WITH|MIT|SOWIE|AVEC|CON)(?!\p{L}))\s*)/u;
// An institution in brackets is one piece ("Jane Doe (Centre for Science and Policy)"): its separators and
// conjunctions are masked while the byline is split, and restored in the pieces.
const MASKS: Record<string, string> = { ',': '\uE000', ';': '\uE001', '&': '\uE002', '/': '\uE003', '+': '\uE004' };
const UNMASKS: Record<string, string> = Object.fromEntries(Object.entries(MASKS).map(([k, v]) => [v, k]));
function guardInstitutions(seg: string): string {
  return seg.replace(/\(([^()]{3,120})\)/g, (whole, inner: string) =>
    INSTITUTION.test(inner)
      ? `(${inner.replace(/[,;&/+]/g, (c) => MASKS[c]).replace(/(?<!\p{L})(and|und|et|y|with|mit|sowie|avec|con)(?!\p{L})/giu, (w) => `${w[0]}\u2060${w.slice(1)}`)})`
      : whole,
  );
}
const unguard = (piece: string) => piece.replace(/[\uE000-\uE004]/g, (c) => UNMASKS[c]).replace(/\u2060/g, '');
// Two to four words in capitals, then words that are not ("JANE DOE Associated Press").
// (Two letters or more a word: "J. K. Rowling" is initials and a name, not a name in capitals.)
const CAPS_NAME_BEFORE_WORDS = /^((?:\p{Lu}{2,}[\p{Lu}'’-]*\s+){1,3}\p{Lu}{2,}[\p{Lu}'’-]*)\s+(\p{Lu}\p{Ll}.*)$/u;
const ACRONYM = /^\p{Lu}{2,5}$/u;
const ACRONYM_WORD = /(?:^|\s)\p{Lu}{2,5}(?:\s|$)/u;
// Words of news organisations' names, to tell "BBC News" after a name from a co-author.
const MEDIA_WORD = /(?<![\p{L}])(?:news|times|post|press|herald|tribune|journal|gazette|daily|radio|tv|television|media|magazine|magazin|zeitung|nachrichten|online|agency|agentur|wire|network|broadcasting)(?![\p{L}])/iu;
// A place written from after a name: "in Brussels", "aus Berlin" (capitalised place names only).
const WRITTEN_FROM = /\s+(?:in|aus)\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)?$/u;
// Job titles and roles that follow a name ("Jane Doe, Senior Editor").
const ROLE =
  /(?<![\p{L}])(?:editor|editors|correspondent|reporter|writer|contributor|columnist|journalist|staff|producer|analyst|photographer|fotograf(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|chefredakteur(?:in)?|autor(?:in)?|ressortleiter(?:in)?|rédact(?:eur|rice)|journaliste|envoyée?\s+spéciale?|periodista|redactor(?:a)?|corresponsal|giornalista|inviato|bureau\s+chief|chief|senior|deputy|managing|director|head\s+of|fellow|professor|contributing|special\s+to|experte|expertin|expert|übersetzung|translation|translated|translator|traduction|traducción|illustrations?|fotos?|photos?|bilder?|grafik|leiter(?:in)?|leitung|\p{L}*redaktion|desk|bureau|ressort|newsroom|volontär(?:in)?|praktikant(?:in)?|mitarbeiter(?:in)?|freelancer?|intern|moderator(?:in)?|presenter|host)(?![\p{L}])/iu;
// Values that never credit anybody, organisation or person: log-ins, anonymity, technical defaults, and
// strings without a letter or digit in any script (Unicode-aware, so "Анна Петрова" is not punctuation).
const NOBODY_WORDS =
  'admin|administrator|administrador|root|webmaster|webmistress|user|guest|gast|anonymous|anonym|anonyme|anónimo|anonimo|unknown|unbekannt|author|autor|auteur|null|undefined|none|n\\/?a|nobody|no author|kein autor|sin autor|sans auteur|posted|by|von|default|wordpress|blogger|website|homepage|support|info|test|demo|system|editor|[^\\p{L}\\p{N}]+';
const NOBODY = new RegExp(`^(?:${NOBODY_WORDS})$`, 'iu');
// Values that are not a person's name at all: nobody, or a desk ("Staff", "Team", "Redaktion:").
const PLACEHOLDER = new RegExp(
  `^(?:${NOBODY_WORDS}|staff|editors|team|redaktion\\s*:|follow|folgen|contact|contactar|kontakt|more|mehr|profil|profile|(?:weitere|alle|all|more) (?:beiträge|posts|articles)|about (?:the )?authors?|(?:über|zum) (?:den |die )?autor(?:in|en)?|zur person|à propos de l'auteur|sobre el autor|sull'autore)$`,
  'iu',
);
const DATE_LIKE =
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?=\s|$)|\b(?:am|pm)\b(?=\s*$)|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}\.?\s*(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|fev|avr|juil|déc|ene|abr|ago|dic|gen|giu|lug|set|ott)[a-zäéû]*\.?(?:\s+\d{2,4})?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/gi;
// Academic degrees and honorifics after a name ("Jane Doe, MA").
const DEGREE = /^(?:ma|ms|msc|md|phd|ph\.d\.|mph|mba|rn|do|dds|bsc|ba|llm|jd|mfa|dr|prof|jr|sr|ii|iii|iv|esq)\.?$/i;
// Weekdays and page furniture that cling to a byline ("Hans Müller Fr", "Jane Doe More").
const TRAILING_WORDS =
  /(?:\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|mehr|more|follow|folgen|profile|profil|abonnieren|subscribe|email|e-mail|twitter|facebook|linkedin|instagram|kontakt|contact|view|bio)\.?,?)+$/i;
const RELATIVE_TIME = /\b(?:vor|il y a|hace|há|fa)\s+\d+\s+\S+|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?|min|std|stunden?|tagen?|wochen?|monaten?|jahren?)\s*(?:ago)?\b/gi;

// Words that make a byline part an institution, not a co-author ("Jane Doe, Baltic Maritime Institute").
const INSTITUTION =
  /(?<![\p{L}])(?:institut(?:e|o|ion)?|universit(?:y|ät|é|à|ad|eit)|college|school|academy|akademie|académie|center|centre|zentrum|centro|foundation|stiftung|fondation|fundación|council|association|verband|society|gesellschaft|agency|ministry|ministerium|laboratory|lab|commission|think\s*tank|forum|programme|program|initiative|department|observatory|bank|trust|project|projekt|projet|proyecto|network|netzwerk|group|gruppe|office)(?![\p{L}])/iu;

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+\.(?:com|org|net|de|at|ch|fr|es|it|uk|io|info)\b/gi;

// The start of a byline written as text: "By Jane Doe", "Von Hans Müller", "Text: Ann Lee", with a name after it.
// Plural labels and combined credits only with their colon ("Authors: …", "Text & Fotos: …"); not "Published by",
// which opens a publisher's line. The name after it must start with a capital (tested apart: /i would lower \p{Lu}).
const BYLINE_START = new RegExp(
  String.raw`^(?:${CREDIT_LABEL}\s*[:：]\s*|${CREDIT_LABEL}\s+(?:by|von|par|por|door)\s+|(?:by|von|par|por|door|av|(?:written|words|reporting|posted|commentary|analysis|opinion|essay|column|story|article|report|paper|brief|guest(?:\s+(?:post|article|column|essay|blog))?|prepared|authored|contributed|compiled)\s+by|(?:geschrieben|verfasst)\s+von|écrit\s+par|escrito\s+por|scritto\s+da|text|texte|texto|autor(?:in)?|author|yazar|yazan|автор|авторы|автори|текст)\s*[:：]?\s+|${CJK_CREDIT}\s*)`,
  'iu',
);
// Lower-case words that belong in a name ("Ursula von der Leyen", "Jose de la Cruz").
const NAME_PARTICLE = /^(?:von|vom|van|der|den|dem|de|del|della|di|da|das|dos|do|du|la|le|les|y|e|bin|ibn|al|el|zu|ter|ten|op|af|av)$/;
const BY_WORD_AT_END = /(?:^|\s)(by|von|par|por|door)$/i;

/** Capitalised words (or words of a script without capitals) and name particles only. */
function writtenAsName(name: string): boolean {
  // \p{Lo}: letters of scripts without capitals (Chinese, Japanese, Arabic…), where a name is not marked by case.
  return name.split(/\s+/).every((w) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(w) || NAME_PARTICLE.test(w));
}

/**
 * Authors from a line of page text that is a byline ("By Jane Doe and John Roe", "Von Hans Müller | 3. Mai"),
 * or none. Only short lines whose names are written as names (capitalised words and name particles) count:
 * "Von Montag an gilt …" is a sentence.
 */
export function bylineFromLine(line: string, options: BylineOptions = {}): Author[] {
  const start = line.length <= 160 ? line.match(BYLINE_START) : null;
  if (!start || !/^[\p{Lu}\p{Lo}]/u.test(line.slice(start[0].length))) return [];
  const authors = parseByline(line, options);
  return authors.length && authors.every((a) => writtenAsName(a.name)) ? authors : [];
}

export interface BylineOptions {
  /** Site and publisher names that must not pass for authors. */
  siteNames?: string[];
}

/** Whether a cleaned string looks like a person's (or an organisation's) name rather than page furniture. */
export function isPlausibleName(name: string, options: BylineOptions = {}): boolean {
  if (name.length < 2 || name.length > 80) return false;
  if (!/\p{L}/u.test(name)) return false;
  if (PLACEHOLDER.test(name)) return false;
  if (/[<>{}[\]=|@#*/\\]/.test(name) || /https?:|www\./i.test(name)) return false;
  if (/\d/.test(name)) return false;
  // Log-in names and URL slugs ("jane.doe", "hans-mueller") are not how a byline names a person.
  if (!/\s/.test(name) && /[._-]/.test(name) && name === name.toLowerCase()) return false;
  // Words glued together by page furniture ("JaneProfileFollowUnfollow").
  if (/\p{Ll}{2}\p{Lu}\p{Ll}+\p{Lu}/u.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  // Sentences and labels are not names; an initial or a generational suffix ("Jr.", "Sr.") may end one with a stop.
  if (/[.!?:]$/.test(name) && !/\b(?:\p{Lu}|Jr|Sr)\.$/u.test(name)) return false;
  if (!squashKey(name)) return false;
  // A person a blog is named after ("Jane Doe" on "Jane Doe's blog") is a person; one word of the site's name is not.
  return !isSiteName(name, options.siteNames ?? [], !/\s/.test(name));
}

/** cleanText line by line, keeping the line breaks; at most `max` characters in all. */
function cleanLines(text: string, max: number): string {
  return text.split('\n').map((l) => cleanText(l, max)).filter(Boolean).join('\n').slice(0, max);
}

/** Drop the "By", dates, roles and labels around one name (and, in a by-line, the publication written for). */
function cleanPart(part: string, credited: boolean): string {
  let s = part.replace(BY_PREFIX, '').replace(BY_PREFIX, '');
  s = s.replace(/^[\s,;:·•|/–—→←›»«‹-]+|[\s,;:·•|/–—→←›»«‹-]+$/g, '');
  s = s.replace(TRAILING_WORDS, '');
  if (credited) s = withoutPublication(s);
  s = s.replace(/\s*(?:\([^)]*\)|\[[^\]]*\])\s*/g, ' ').trim(); // "(Reuters)", "(dpa)", "[Text]"
  // A bracket left open by a cut ("Jane Doe (Reuters"): drop it and what follows; one left closed: drop it.
  s = s.replace(/\s*[([][^)\]]*$/, '').replace(/^([^([]*)[)\]]/, '$1').trim();
  return s;
}

/**
 * Split a byline such as "By Jane Doe and John Roe | Updated 5 May 2021" into authors: strips the "By"
 * (By, Von, Por, Par…), dates, times, roles, URLs and e-mail addresses, splits several authors on
 * `,` `;` `&` `and` `und` `et` `y`, and drops placeholders ("admin", "staff") and site names. Names in capitals
 * are fixed when the whole byline is in capitals (an acronym alone, "AFP", stays), or when they stand before an
 * organisation written in words ("JANE DOE Associated Press").
 */
export function parseByline(byline: string, options: BylineOptions = {}): Author[] {
  // Line breaks separate a name from a role or desk under it ("Jane Doe<br>Staff writer"): keep them.
  let s = cleanLines(byline, 600);
  if (!s) return [];
  s = s.replace(LOWER_PREFIX, '');
  const bare = s.replace(BY_PREFIX, '');
  const allCaps = /\p{L}{2}/u.test(bare) && bare === bare.toUpperCase() && bare !== bare.toLowerCase();
  // Segments separated by "|", "·", "•", newlines: keep the one that says "By …", else those that are not dates.
  s = s.replace(URL_OR_EMAIL, ' ').replace(/(?:^|\s)@[\w.]+/g, ' ');
  let segments = s.split(/\s*(?:\||·|•|\n|\s[–—]\s|\s\/\s|\s-\s)\s*/).map((x) => x.trim()).filter(Boolean);
  // A segment ending in the by-word ("Essay | Von" above "Jane Doe"): the name is in the next one.
  segments = segments.flatMap((seg, i) => {
    const m = seg.match(BY_WORD_AT_END);
    if (!m || i + 1 >= segments.length) return [seg];
    segments[i + 1] = `${m[1]} ${segments[i + 1]}`;
    return [];
  });
  const withPrefix = segments.filter((seg) => BY_PREFIX.test(seg) && seg.replace(BY_PREFIX, '').trim());
  if (withPrefix.length) segments = withPrefix;
  const names: string[] = [];
  const affiliations: (string | undefined)[] = [];
  for (let seg of segments) {
    // "Datum: 19.11.2021 Autor: Hans Müller": start after an author label when there is one.
    const label = seg.match(/(?:^|\s|\p{Ll})(?:Autor(?:in)?|Author|Auteur|Autore|Von|By|Por|Par|Text|Texte)\s*:\s*/u);
    if (label && label.index! > 0) seg = seg.slice(label.index! + label[0].length);
    seg = seg.replace(/([\p{Ll}.])(?=(?:Quelle|Source|Datum|Foto|Fotos|Bild|Kategorien?|Tags?)\b)/gu, '$1 ');
    // A label after the name ends the byline; one that opens it ("Posted by", "Veröffentlicht von") is its by-word.
    const by = seg.match(BY_PREFIX)?.[0] ?? '';
    seg = seg.slice(by.length).replace(TRAILING_LABEL, '').replace(OTHER_CREDIT, '').replace(TRAILING_DATE_LABEL, '');
    // (Lower case only: "Minh Le" ends in a name.)
    seg = seg.replace(RELATIVE_TIME, ' ').replace(DATE_LIKE, ' ').replace(/(?<!\p{L})(?:am|on|le|el|il|um|at|Uhr|h)\s*$/u, '');
    seg = seg.replace(/[\s\u00a0]+/g, ' ').trim();
    if (!seg) continue;
    // Parts with the separator before each: after a role ("Jane Doe, Senior Fellow, …") the parts joined by commas
    // are its qualifiers (an institute, a programme), not co-authors; "and", "&", ";" start the next author.
    // Word boundaries that know letters beyond ASCII: "y" is not split out of "Yılmaz".
    // "And" in any case; the others in lower case only, since "Con Coughlin" and "Jane Y. Doe" are names.
    const pieces = guardInstitutions(seg).split(allCaps ? SPLIT_CAPS : SPLIT).map(unguard);
    let afterRole = false;
    for (let k = 0; k < pieces.length; k += 2) {
      const before = (pieces[k - 1] ?? '').trim();
      let name = cleanPart(pieces[k], !!by);
      if (!name) continue;
      // "By Jane Doe, For The Mail on Sunday": the publication written for, not a co-author.
      if (by && names.length && /^(?:for|For|FOR)\s/.test(name)) continue;
      // "…, Senior Fellow, and John Roe" is the next author; "…, Head of Health & Science" is still the role.
      if (before && before !== ',' && before !== ':' && /\s/.test(name)) afterRole = false;
      if (ROLE.test(name) && names.length > 0) {
        afterRole = true; // "Jane Doe, Senior Editor"
        continue;
      }
      if (ROLE.test(name)) {
        // "Senior Editor Jane Doe" or "Jane Doe Redakteurin": keep capitalised words that are not roles; a
        // sentence about a role ("A professor at the University of …") names nobody.
        if (!writtenAsName(name) || name.split(/\s+/).length > 5) continue;
        const kept = name.split(/\s+/).filter((w) => !ROLE.test(w) && /^\p{Lu}/u.test(w));
        if (kept.length < 2) continue;
        name = kept.join(' ');
      }
      // News agencies after a name ("Hans Müller/AB-C", "Jane Doe (dpa)") are not co-authors.
      // After a full name any short word counts as one ("Jane Doe; Read"); after a single name only one in capitals:
      // "Tobi und Lars" names two people.
      const prevName = names[names.length - 1];
      if (prevName && /^(?:[A-Z]{2,4}(?:-[A-Z]{1,2})?|dpa|afp|ap|reuters|kna|epd|apa|sda|sid|ansa|efe)$/i.test(name) && name.length <= 7) {
        if (/\s/.test(prevName) || (!allCaps && /^[A-Z]{2,4}(?:-[A-Z]{1,2})?$/.test(name)) || name.length > 4) continue;
      }
      // A lower-case word after a name is left-over text ("PTI, Washington, ist"), not a co-author.
      if (prevName && /^\p{Ll}+$/u.test(name)) continue;
      if (DEGREE.test(name)) {
        if (names.length && /^(?:jr|sr|ii|iii|iv)\.?$/i.test(name)) names[names.length - 1] += `, ${name}`;
        continue;
      }
      // "JANE DOE Associated Press": a name set in capitals before the organisation written as words.
      const capsName = allCaps ? null : name.match(CAPS_NAME_BEFORE_WORDS);
      if (capsName) name = fixCaps(capsName[1]);
      // An acronym standing alone ("AFP", "ORF") keeps its capitals.
      if (allCaps && !(ACRONYM.test(name) && squashKey(name) === squashKey(bare))) name = fixCaps(name);
      // "Jane Doe in Brussels", "Hans Müller aus Berlin": where she wrote from.
      name = name.replace(WRITTEN_FROM, '');
      const prev = names[names.length - 1];
      // After a full name, "The New York Times", "BBC News" or a lone word after a comma ("…, Berlin", "…,
      // Bloomberg") is where she works or writes from, not a co-author.
      const publication = !!prev && (/^the\s/i.test(name) || (ACRONYM_WORD.test(name) && MEDIA_WORD.test(name)));
      const loneWord = !!prev && before === ',' && /\s/.test(prev) && !/\s/.test(name);
      if (names.length && (afterRole || publication || loneWord || INSTITUTION.test(name))) {
        if (INSTITUTION.test(name) || publication) affiliations[names.length - 1] ??= name;
        continue;
      }
      if (isPlausibleName(name, options)) {
        names.push(name);
        // "Jane Doe (Example Institute)": the institution in brackets is her affiliation.
        const bracket = pieces[k].match(/\(([^()]{3,120})\)/)?.[1];
        if (bracket && INSTITUTION.test(bracket)) affiliations[names.length - 1] = cleanText(bracket, 120);
      }
    }
  }
  const seen = new Set<string>();
  const out: Author[] = [];
  // Beside a full name, a lone token of one or two letters is an avatar's initials ("JD" over "Jane Doe").
  const initials = (n: string) => !/\s/.test(n) && n.replace(/[^\p{L}]/gu, '').length <= 2;
  const hasFullName = names.some((n) => /\s/.test(n));
  for (const [i, name] of names.entries()) {
    const key = squashKey(name);
    if (seen.has(key) || (hasFullName && initials(name))) continue;
    seen.add(key);
    out.push({ name, affiliation: affiliations[i] ?? null });
    if (out.length >= 30) break;
  }
  return out;
}

/** Clean authors that a structured source gave one by one (JSON-LD, citation tags): same rules per name. */
export function cleanAuthors(authors: Author[], options: BylineOptions = {}): Author[] {
  const out: Author[] = [];
  const seen = new Set<string>();
  for (const a of authors.slice(0, 100)) {
    const raw = cleanText(a.name, 300);
    if (!raw) continue;
    // A structured author can still hold "By Jane Doe" or "Jane Doe and John Roe".
    const names = parseByline(raw, options).map((p) => p.name);
    for (const name of names) {
      const key = squashKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const affiliation = a.affiliation ? cleanText(a.affiliation, 300) || null : null;
      out.push({ name, affiliation: affiliation && squashKey(affiliation) !== key ? affiliation : null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Last resort: an organisation, the site itself or a newsroom credited as author.

/** Newsroom placeholders: the desk is credited, not a person ("Redaktion", "Staff", "Newsroom", "Editorial team"). */
const NEWSROOM =
  /^(?:the\s+)?(?:redaktion|online-?redaktion|nachrichtenredaktion|lokalredaktion|sportredaktion|red\.|staff|staff\s+(?:writers?|reporters?)|newsroom|news\s*(?:desk|team|room)|editorial(?:\s+(?:team|staff|board|desk|office))?|editors|editorial\s+department|web\s*desk|digital\s+(?:desk|team)|rédaction|redacción|redação|redazione|redactie|redakcja)(?=\s|$)/i;

export type OrganisationKind = 'newsroom' | 'site' | 'organisation';

export interface OrganisationOptions extends BylineOptions {
  /**
   * The value was stated as the author in metadata (JSON-LD author, an `author` meta tag): any organisation name
   * is accepted. Otherwise (visible page text) only a newsroom placeholder or the site's own name is.
   */
  stated?: boolean;
}

/**
 * An organisation, the site itself or a newsroom credited as the author ("Redaktion", "The Daily", "Staff",
 * "Redaktion Lokales"). For use only when no person is named anywhere: the result is a guess.
 * Never returns log-in names ("admin"), "Anonymous", URLs, e-mail addresses or dates.
 */
export function parseOrganisations(byline: string, options: OrganisationOptions = {}): Array<Author & { kind: OrganisationKind }> {
  let s = cleanText(byline, 300);
  if (!s || /(?:https?:\/\/|www\.)|\S@\S/i.test(s)) return [];

  const siteNames = options.siteNames ?? [];
  const out: Array<Author & { kind: OrganisationKind }> = [];
  const seen = new Set<string>();
  s = s.replace(RELATIVE_TIME, ' ');
  for (let seg of s.split(/\s*(?:\||·|•|\n|\s[–—]\s|\s-\s|;|,|\s\/\s)\s*/)) {
    seg = seg.replace(TRAILING_LABEL, '').replace(DATE_LIKE, ' ').replace(/\b(?:am|on|le|el|il|um|at|Uhr)\s*$/i, '');
    // "By", "Von", "Autor:" in front, but "Redaktion" is kept: it is the credit itself.
    seg = seg.replace(/^(?:(?:written|posted|published|veröffentlicht|geschrieben)\s+)?(?:by|von|vom|from|por|par|door|autor(?:in)?|author|auteur|autore)\b\s*[:：\-–]?\s*/i, '');
    seg = seg.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/[\s\u00a0]+/g, ' ').replace(/^[\s,;:·•|/–—-]+|[\s,;:·•|/–—-]+$/g, '').trim();
    if (!seg || seg.length > 80 || seg.split(/\s+/).length > 8) continue;
    // A bare host name ("example.com") is an address, not a credit.
    if (/^[\p{L}\p{N}.-]+\.\p{L}{2,6}$/u.test(seg)) continue;
    if (NOBODY.test(seg) || /\d/.test(seg) || /[<>{}[\]=|@#*\\]/.test(seg) || !/\p{L}{2}/u.test(seg)) continue;
    if (/[.!?:]$/.test(seg) && !/\b\p{Lu}\.$/u.test(seg) && !/\bred\.$/i.test(seg)) continue;
    // Log-in names and slugs ("jdoe-web", "jdoe_admin").
    if (!/\s/.test(seg) && /[._]/.test(seg) && seg === seg.toLowerCase()) continue;
    if (/\p{Ll}{2}\p{Lu}\p{Ll}+\p{Lu}/u.test(seg)) continue; // words glued by page furniture
    let kind: OrganisationKind | null = null;
    if (NEWSROOM.test(seg)) kind = 'newsroom';
    else if (isSiteName(seg, siteNames)) kind = 'site';
    else if (options.stated && /^\p{Lu}|^\p{Lo}/u.test(seg)) kind = 'organisation';
    if (!kind) continue;
    const key = squashKey(seg);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: seg, affiliation: null, kind });
    if (out.length >= 3) break;
  }
  return out;
}

/** A CSL name: a person split into family and given names, or an organisation as one literal. */
export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

// Bylines on news and policy sites are often organisations ("Reuters", "Crisis Group", "Editorial Board").
// Citation styles would otherwise print "Group, C." for them.
const ORGANISATION_WORDS =
  /\b(agency|association|bank|board|bureau|cent(?:er|re)|commission|committee|company|corp(?:oration)?|council|department|desk|editors?|foundation|fund|group|inc|institute|institution|ltd|ministry|network|news|office|organi[sz]ation|press|program(?:me)?|project|reuters|service|society|staff|team|trust|university|wire)\b/i;
// Words kept with the family name that follows: particles ("Riyaz ul Khaliq" → "ul Khaliq") and the first half
// of Arabic compound names ("محمد عبد الله" → "عبد الله", "Abu Bakr").
const PARTICLES = new Set([
  'abd', 'abdul', 'abu', 'al', 'bin', 'binti', 'da', 'de', 'del', 'della', 'der', 'di', 'dos', 'du', 'el', 'la', 'le',
  'ten', 'ter', 'ul', 'van', 'von', 'عبد', 'أبو', 'بن',
]);
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

export function cslName(name: string): CslName {
  const clean = name.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  // One word (a mononym, a wire service, or a name in a script written without spaces) or an organisation.
  if (words.length < 2 || ORGANISATION_WORDS.test(clean) || /\d/.test(clean)) return { literal: clean };
  const comma = clean.indexOf(',');
  if (comma > 0) {
    // "Weinstein, Adam" is already family-first; "Adam Weinstein, Jr." carries a suffix.
    const rest = clean.slice(comma + 1).trim();
    const before = clean.slice(0, comma).trim();
    if (SUFFIX.test(rest)) return { ...splitPerson(before.split(' ')), suffix: rest };
    return rest ? { family: before, given: rest } : { literal: before };
  }
  const last = words.at(-1)!;
  if (SUFFIX.test(last) && words.length > 2) return { ...splitPerson(words.slice(0, -1)), suffix: last };
  return splitPerson(words);
}

function splitPerson(words: string[]): { family: string; given?: string } {
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  const given = words.slice(0, start).join(' ');
  return given ? { family: words.slice(start).join(' '), given } : { family: words.join(' ') };
}

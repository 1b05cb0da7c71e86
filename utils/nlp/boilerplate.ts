// Sentences no summary should quote, and the dateline/byline residue news text often starts with.

const BOILERPLATE: RegExp[] = [
  /\b(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletter|updates|e-?mails?|alerts)\b/i,
  /^(?:read|see|click|tap|find out) (?:more|here|also|the full)\b/i,
  /\bclick here\b/i,
  /^follow (?:us|me|@|\w+ on (?:twitter|x|facebook|instagram))/i,
  /\bfollow us on\b/i,
  /©|\bcopyright\b|\ball rights reserved\b/i,
  /^(?:photo|image|picture|video|graphic)s?(?: credit| courtesy)?\s*:/i,
  /^(?:share|tweet|email|print|comment on) (?:this|the) (?:article|story|page)\b/i,
  /^(?:advertisement|sponsored|related(?: articles?| stories| coverage)?|trending|most read)\b:?/i,
  /\bwe use cookies\b/i,
  /\b(?:download|get) (?:our|the) app\b/i,
  /\blog ?in to (?:comment|continue)\b/i,
  /^(?:this (?:article|story) (?:was|has been) (?:updated|corrected|amended))\b/i,
];

/** Phrases that page furniture leaves inside sentences (e.g. before a photo caption). */
const INLINE_FURNITURE = /\b(?:scroll down for (?:video|more)|advertisement)\b\.?\s*/gi;

export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.some((re) => re.test(sentence));
}

// Openings of news text that are not part of the story: "By Jane Doe .", "PUBLISHED: 10:02 EST, 2 May 2014 .",
// "(Agency) --", "CITY, Country (Agency) —".
const LEADING_RESIDUE: RegExp[] = [
  /^by\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:and\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})?[.|,:-]\s+/u,
  /^(?:published|updated|last updated|posted)\s*:?\s*\.?\s*[\d:]+\s*(?:[ap]\.?m\.?)?\s*\w*,?\s*\d{1,2}\s+\w+\s+\d{4}\s*[.|]*\s*/i,
  /^\(\s*[\p{Lu}][\p{L}.\s]{0,30}\)\s*[-—–:]*\s*/u,
  /^[\p{Lu}][\p{Lu}\s.,'’-]{2,40}(?:\([\p{L}\s.]{1,30}\))?\s*[-—–]{1,2}\s+/u,
];

/** The sentence without dateline, byline or timestamp residue at its start, and without inline furniture. */
export function stripResidue(sentence: string): string {
  let s = sentence.replace(INLINE_FURNITURE, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING_RESIDUE) {
      const next = s.replace(re, '');
      if (next !== s && next.trim()) {
        s = next;
        changed = true;
      }
    }
  }
  return s.trim();
}

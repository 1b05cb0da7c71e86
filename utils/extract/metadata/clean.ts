// Small string helpers shared by the metadata sources. Metadata values are untrusted page text: they are only
// ever treated as strings (never parsed as HTML), tags are stripped and lengths are capped.

/** Longest single metadata string we keep (titles, names, places). */
export const MAX_VALUE = 1_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bdquo: '„', middot: '·', bull: '•',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
  aacute: 'á', oacute: 'ó', iacute: 'í', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', agrave: 'à', ecirc: 'ê',
};

/** Decode the HTML entities that turn up in JSON-LD and meta values (`&amp;`, `&#8211;`, `&#x2019;`). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[ent] ?? NAMED_ENTITIES[ent.toLowerCase()] ?? m;
  });
}

/**
 * A metadata string made safe and tidy: capped, tags stripped (the text of `<b>x</b>` stays, `<script>…</script>`
 * goes entirely), entities decoded, whitespace collapsed. Returns '' for anything that is not a string.
 */
export function cleanText(value: unknown, max = MAX_VALUE): string {
  if (typeof value !== 'string') return '';
  let s = value.length > max * 4 ? value.slice(0, max * 4) : value;
  if (s.includes('<')) {
    s = s
      .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?[a-z!][^>]*>?/gi, ' ');
  }
  s = decodeEntities(s);
  if (s.includes('<')) s = s.replace(/<\/?[a-z!][^>]*>?/gi, ' ');
  s = s.replace(/\u00ad|\u200c|\u200d|\u2060/g, '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
  return s.length > max ? s.slice(0, max).trim() : s;
}

/** Lower-case letters and digits only: for comparing site names, titles and hosts. */
export function squashKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Title-case text written entirely in capitals: "JANE O'NEIL" → "Jane O'Neil". */
export function fixCaps(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’\-.])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Keywords from meta values that list several ("a, b; c"): cleaned, de-duplicated; undefined when none. */
export function keywordList(values: string[]): string[] | undefined {
  const out = values.flatMap((v) => v.split(/[;,]/)).map((k) => cleanText(k, 200)).filter(Boolean);
  return out.length ? [...new Set(out)] : undefined;
}

/** An address rather than a name: "https://…", "//…", "www.…", "example.com/jane". */
export function isUrlLike(v: string): boolean {
  return /^(?:https?:)?\/\/|^www\.|^[\w.-]+\.[a-z]{2,}\/\S*$/i.test(v.trim());
}

import type { Author } from '../../record/schema';

const BY_PREFIX = /^(?:by|von|por|par|di|door|av|de)\s*[:\-]?\s+/i;

/** Split a byline such as "By Jane Doe and John Roe" into authors. */
export function parseByline(byline: string): Author[] {
  const cleaned = byline.replace(/[\s\u00a0]+/g, ' ').trim().replace(BY_PREFIX, '');
  if (!cleaned) return [];
  return cleaned
    .split(/\s*(?:,|;|&|\band\b|\bund\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 1 && name.length < 120 && !/^https?:/i.test(name))
    .map((name) => ({ name, affiliation: null }));
}

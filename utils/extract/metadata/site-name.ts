// The names a site goes by: from its host, its feed links; and telling a site's name apart from an article's.
import { cleanText, squashKey } from './clean';

/**
 * Whether a text is (a form of) one of the site's names: the same letters and digits, or one holding the other
 * when both are at least 4 long and the shorter is at least 40% of the longer ("Weinwelt.de" and "weinwelt",
 * "The Daily" and "daily", "ACME Online" and "acme"; not "Anna Schmidt" on anna.example). The one test used
 * for titles, headlines and bylines. With `partOf` false, a text that is only part of a site's name does not
 * count: a person a blog is named after ("Jane Doe" on "Jane Doe's blog") is still a person.
 */
export function isSiteName(text: string, siteNames: string[], partOf = true): boolean {
  const key = squashKey(text);
  if (key.length < 2) return false;
  for (const site of siteNames) {
    const s = squashKey(site);
    if (!s) continue;
    if (key === s) return true;
    const contains = key.includes(s) || (partOf && s.includes(key));
    if (s.length >= 4 && key.length >= 4 && contains && Math.min(s.length, key.length) / Math.max(s.length, key.length) >= 0.4) return true;
  }
  return false;
}

/** A readable publisher name from a URL's host: `www.thedaily.example` → `thedaily.example`. */
export function publisherFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { hostname, protocol } = new URL(url);
    if (!/^https?:$/.test(protocol) || !hostname || /^[\d.]+$|^\[|^localhost$/.test(hostname)) return null;
    return hostname.replace(/^(?:www\d*|m|amp|mobile)\./, '');
  } catch {
    return null;
  }
}

/** Names a site may go by, from its host: `blog.example.co.uk` → `example.co.uk`, `example`. */
export function hostNames(url: string | null | undefined): string[] {
  const host = publisherFromUrl(url);
  if (!host) return [];
  const labels = host.split('.');
  // Registrable part: the label before the public suffix (a short second-level like co.uk counts as suffix).
  const sld = labels.length >= 3 && /^(?:co|com|org|net|gov|ac|edu)$/.test(labels[labels.length - 2]) ? labels.length - 3 : labels.length - 2;
  const name = labels[Math.max(0, sld)];
  return [...new Set([host, labels.slice(Math.max(0, sld)).join('.'), name].filter((s) => s && s.length >= 3))];
}

/**
 * The site's name from its feed links: WordPress and most blog engines title them "Site Name » Feed",
 * "Site Name » Comments Feed", "Site Name - RSS".
 */
export function siteNameFromFeeds(doc: Document): string | null {
  const head = doc.head ?? doc.documentElement;
  if (!head) return null;
  const links = head.querySelectorAll('link[rel~="alternate"][title]');
  for (let i = 0; i < links.length && i < 10; i++) {
    const type = links[i].getAttribute('type') ?? '';
    if (!/rss|atom/i.test(type)) continue;
    const m = cleanText(links[i].getAttribute('title') ?? '', 300).match(/^(.{2,80}?)\s+(?:»|›|-|–|—|\||:)\s+(?:[\p{L}-]+\s+)?(?:feed|rss|atom)\b/iu);
    if (m) return m[1].trim();
  }
  return null;
}

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|ref_src|cmpid|ito)$/i;

/**
 * The address a record is filed under: the fragment and tracking parameters are dropped, so the same
 * article reached from a newsletter and from a search counts as one page. Non-web URLs are kept as given.
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed || null;
  }
  if (!/^https?:$/.test(parsed.protocol)) return trimmed;
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING_PARAM.test(key)) parsed.searchParams.delete(key);
  return parsed.toString();
}

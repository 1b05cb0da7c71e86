/** A readable publisher name from a URL's host: `www.foreignpolicy.com` → `foreignpolicy.com`. */
export function publisherFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { hostname, protocol } = new URL(url);
    if (!/^https?:$/.test(protocol) || !hostname || /^[\d.]+$|^\[|^localhost$/.test(hostname)) return null;
    return hostname.replace(/^www\d*\./, '');
  } catch {
    return null;
  }
}

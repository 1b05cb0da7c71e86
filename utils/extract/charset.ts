/**
 * Decode page bytes as a browser would, enough for saved pages: valid UTF-8 (or a BOM) wins; otherwise
 * the charset the page declares in its first bytes; otherwise windows-1252.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i)?.[1];
    for (const label of [declared, 'windows-1252']) {
      if (!label) continue;
      try {
        return new TextDecoder(label).decode(bytes);
      } catch {
        // unknown label: try the next
      }
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
}

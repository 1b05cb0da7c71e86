// Base64 of UTF-8 text and back, for CouchDB's inline attachments (`_attachments.*.data`), in the browser and
// in Node alike (btoa/atob work on "binary strings": one character per byte).

const CHUNK = 0x8000; // String.fromCharCode takes its bytes as arguments: keep each call well under the engine's limit

export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The text, or null when `data` is not base64. Bytes that are not UTF-8 become U+FFFD. */
export function base64ToUtf8(data: string): string | null {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

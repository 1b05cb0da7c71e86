import { parseHTML } from 'linkedom';

/** A Document from a small hand-written page. */
export function doc(html: string): Document {
  return parseHTML(`<!DOCTYPE html><html>${html}</html>`).document as unknown as Document;
}

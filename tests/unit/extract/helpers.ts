import { parseHTML } from 'linkedom';

/** A Document from a small hand-written page, in the language given if any. */
export function doc(html: string, lang?: string): Document {
  return parseHTML(`<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}>${html}</html>`).document as unknown as Document;
}

import { normaliseDate } from './dates';

/** A date in the URL path: `/2019/01/18/`, `/2019-01-18-title`, `/20190118/`. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  // Separated (`/2019/01/18/`, `2019-01-18`, `/2019.01.18/`), or written together as a folder of the path
  // (`/20190118/`). Not glued to a slug ("uk-politics-20101112" is a story id) nor a version ("/2023.10.1/").
  const m =
    path.match(/(?:^|\/|\D)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:\/|[_-]|\.|$)/) ??
    path.match(/(?:^|\/)((?:19|20)\d{2})\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])(?=\/|$)/) ??
    path.match(/\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/)/);
  if (!m) return null;
  return normaliseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

// File names made from titles, safe on Windows, macOS and Linux and inside zip archives: no path separators
// or reserved characters (so no "../" escapes the archive), no reserved device names, a length cap, and no two
// names that differ only in letter case (case-insensitive file systems would overwrite one with the other).

const MAX_STEM = 80; // characters; well below the 255-byte limit even for 3-byte scripts
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function stem(title: string): string {
  let s = title.normalize('NFC').replace(RESERVED_CHARS, ' ').replace(/\s+/g, ' ').trim();
  s = Array.from(s).slice(0, MAX_STEM).join(''); // by code point, so no emoji or CJK character is cut in half
  s = s.replace(/^[.\s]+|[.\s]+$/g, ''); // Windows drops trailing dots; leading dots hide files
  if (!s) s = 'Untitled';
  return RESERVED_NAMES.test(s) ? `${s}_` : s;
}

/** A factory, so names stay unique within one archive: "Title.md", "Title (2).md", … */
export function uniqueFileNames(extension: string): (title: string) => string {
  const used = new Set<string>();
  return (title) => {
    const base = stem(title);
    let name = `${base}.${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).${extension}`;
    used.add(name.toLowerCase());
    return name;
  };
}

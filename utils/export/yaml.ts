// Just enough YAML to write front matter safely: every string double-quoted and escaped, so titles with
// colons, quotes, "#", leading dashes, line breaks or words YAML would read as booleans ("no", "on") stay text.

const ESCAPES: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0',
  '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

export function yamlString(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) =>
    ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}

export type YamlValue = string | number | readonly string[] | { readonly raw: string };

/** `key: value` lines; lists as block sequences. `{ raw }` is written unquoted (for plain dates). */
export function yamlLines(fields: ReadonlyArray<readonly [string, YamlValue]>): string {
  return fields
    .map(([key, value]) => {
      if (typeof value === 'number') return `${key}: ${value}`;
      if (typeof value === 'string') return `${key}: ${yamlString(value)}`;
      if ('raw' in value) return `${key}: ${value.raw}`;
      return `${key}:\n${value.map((v) => `  - ${yamlString(v)}`).join('\n')}`;
    })
    .join('\n');
}

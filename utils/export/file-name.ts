/** The export formats, by id; `formats.ts` holds what each one is. */
export type ExportFormatId = 'json' | 'csv' | 'markdown' | 'csl-json' | 'ris' | 'text';

export const FILE_EXTENSIONS: Readonly<Record<ExportFormatId, string>> = {
  json: 'json',
  csv: 'csv',
  markdown: 'zip',
  'csl-json': 'csl.json',
  ris: 'ris',
  text: 'txt',
};

/** `precis-records-YYYY-MM-DD.<ext>`, dated in the user's local time. `exportFileName()` is the JSON name. */
export function exportFileName(format: ExportFormatId = 'json', date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `precis-records-${day}.${FILE_EXTENSIONS[format]}`;
}

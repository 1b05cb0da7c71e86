/**
 * A file's text (UTF-8 unless a byte order mark says otherwise), telling as the browser reads it how many of
 * its bytes are read: File.text() says nothing until it is done, which for a 100 MB backup is a second or two.
 */
export function readFileText(file: Blob, onProgress?: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

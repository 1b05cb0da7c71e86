/** Offer text (or bytes, e.g. a zip, or a Blob) as a file download from an extension page (Blob URL + <a download>; needs no permission). */
export function downloadText(fileName: string, text: string | Uint8Array | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

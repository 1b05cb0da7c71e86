/** Waits until the page has painted what was just rendered (before work that holds the thread). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

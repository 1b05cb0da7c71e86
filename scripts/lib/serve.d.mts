export interface StaticServer {
  origin: string;
  url(name: string): string;
  /** Every request received, in order. */
  requests: Array<{ path: string; origin: string | null; referer: string | null }>;
  close(): Promise<void>;
}
export function serveDir(dir: string, options?: { pages?: Record<string, () => string>; htmlCharset?: boolean }): Promise<StaticServer>;

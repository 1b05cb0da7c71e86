export interface StaticServer {
  origin: string;
  url(name: string): string;
  close(): Promise<void>;
}
export function serveDir(dir: string): Promise<StaticServer>;

import type { Browser, Page } from 'puppeteer-core';

export function findFirefox(): string | null;
export function firefoxBuildDir(): string;
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>` of the installed extension. */
  origin: string;
  downloadDir: string;
  findPage(prefix: string, timeout?: number): Promise<Page>;
  waitForDownload<T>(pattern: RegExp, parse: (bytes: Buffer) => T, timeout?: number): Promise<{ file: string; value: T }>;
  reset(keep: Page): Promise<void>;
  close(): Promise<void>;
}
export function launchFirefoxWithExtension(options: { extensionDir: string; firefoxPath?: string }): Promise<FirefoxWithExtension>;
export function waitForFunction<T>(
  page: Page,
  // The arguments arrive in the page as values (element handles as their elements).
  predicate: (...args: any[]) => T,
  options?: { timeout?: number },
  ...args: unknown[]
): Promise<import('puppeteer-core').JSHandle<T>>;

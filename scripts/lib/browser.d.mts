import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export const ROOT: string;
export const FIXTURE_PAGES: string;
export function buildDir(mode?: 'production' | 'e2e'): string;
export function requireBuild(mode?: 'production' | 'e2e'): string;
export function extensionIdForPath(dir: string): string;

export interface TargetInfo {
  targetId: string;
  type: string;
  title: string;
  url: string;
}

export class ExtensionBrowser {
  readonly context: BrowserContext;
  readonly cdp: CDPSession;
  readonly extensionId: string;
  extensionUrl(page: string): string;
  helper(): Promise<Page>;
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  extractInTab(tabId: number): Promise<any>;
  waitForTarget(match: (t: TargetInfo) => boolean, timeout?: number): Promise<TargetInfo>;
  reset(): Promise<void>;
  tabTargetFor(url: string): Promise<TargetInfo>;
  clickToolbarButton(page: Page, options?: { closePopup?: boolean }): Promise<TargetInfo | null>;
  evaluateInTarget(targetId: string, expression: string): Promise<any>;
  openExtensionPage(name: string, options?: { tabId?: number; viewport?: { width: number; height: number } }): Promise<Page>;
  openPopup(tabId: number, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export function launchWithExtension(options: {
  extensionDir: string;
  chromiumPath?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  handleSignals?: boolean;
}): Promise<ExtensionBrowser>;

// Shared setup for the Firefox end-to-end tests: one Firefox with the e2e build per file, found by its library
// tab (which the build's background opens), brought back to a fresh install's state before every test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { firefoxBuildDir, launchFirefoxWithExtension, waitForFunction, type FirefoxWithExtension } from '../../scripts/lib/firefox.mjs';

export interface FirefoxHarness {
  ff: FirefoxWithExtension;
  library: Page;
}

/** The harness of one test file, filled in once `beforeAll` has run. */
export function useFirefox(): FirefoxHarness {
  const h = {} as FirefoxHarness;
  beforeAll(async () => {
    h.ff = await launchFirefoxWithExtension({ extensionDir: firefoxBuildDir() });
    h.library = await h.ff.findPage(`${h.ff.origin}/library.html`);
  });
  beforeEach(async () => {
    await h.ff.reset(h.library);
  });
  afterAll(async () => {
    await h.ff?.close();
  });
  return h;
}

/** The form control labelled `label` (the label's text starts with it). */
export async function control(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await waitForFunction(
    page,
    (l) => {
      const found = [...document.querySelectorAll('label')].find((el) => (el.textContent ?? '').trim().startsWith(l));
      return (found as HTMLLabelElement | undefined)?.control ?? null;
    },
    { timeout: 20_000 },
    label,
  );
  return handle.asElement() as ElementHandle<HTMLInputElement>;
}

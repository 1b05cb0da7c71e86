// axe-core over an extension page in the light and the dark theme: serious and critical findings fail,
// the rest are printed.
import axe from 'axe-core';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (evaluated over CDP, which the pages' CSP does not block) in one colour scheme. */
async function audit(page: Page, colorScheme: 'light' | 'dark'): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme });
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const r = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return results;
}

export async function expectAccessible(page: Page, name: string) {
  // The whole page in the window: a field scrolled under the sticky button bar counts, for axe, as a target
  // too small to hit, though the user scrolls it into view.
  const width = page.viewportSize()?.width ?? 1280;
  const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await page.setViewportSize({ width, height: Math.max(height, page.viewportSize()?.height ?? 0) });
  for (const scheme of ['light', 'dark'] as const) {
    const findings = await audit(page, scheme);
    const minor = findings.filter((f) => f.impact !== 'serious' && f.impact !== 'critical');
    if (minor.length) console.log(`${name} (${scheme}) minor axe findings:`, JSON.stringify(minor, null, 1));
    expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical'), `${name} in the ${scheme} theme`).toEqual([]);
  }
}


#!/usr/bin/env node
// npm start: build the extension, serve the bundled sample article on 127.0.0.1, and
//  - with a display (DISPLAY or WAYLAND_DISPLAY): open Chromium with the extension loaded on the article,
//    ready for you to click the toolbar button (or press Alt+Shift+P);
//  - without one: run clip → save → export headless on the article and print the exported record.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureChromium, ChromiumNotFoundError } from './lib/chromium.mjs';
import { ROOT, FIXTURE_PAGES, buildDir, requireBuild, launchWithExtension } from './lib/browser.mjs';
import { serveDir } from './lib/serve.mjs';
import { clipSaveExport } from './lib/flow.mjs';

const SAMPLE = 'sample-article.html';

function run(cmd, args) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

async function main() {
  let chromiumPath;
  try {
    chromiumPath = ensureChromium();
  } catch (e) {
    if (e instanceof ChromiumNotFoundError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  run('npx', ['wxt', 'build']);
  const extensionDir = requireBuild('production');
  const buildRel = path.relative(ROOT, buildDir('production'));
  const server = await serveDir(FIXTURE_PAGES);
  const articleUrl = server.url(SAMPLE);
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

  if (hasDisplay) {
    // Signals are handled here (not by Playwright) so that Ctrl+C, even during the launch, closes the
    // browser and deletes its temporary profile.
    const launching = launchWithExtension({ extensionDir, chromiumPath, headless: false, viewport: null, handleSignals: false });
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await launching.then((b) => b.close()).catch(() => {});
      await server.close();
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
    const browser = await launching;
    if (stopping) return;
    browser.context.on('close', stop);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(articleUrl);
    console.log(`
Chromium is open with Précis loaded (unpacked, from ${buildRel}) on a sample article:
  ${articleUrl}
Click the Précis button in the toolbar (under the puzzle-piece icon; pin it for quick access) or press
Alt+Shift+P: the popup opens already filled from the page. Close the browser or press Ctrl+C to stop.
To install it in your own Chrome: chrome://extensions → Developer mode → Load unpacked → ${path.join(ROOT, buildRel)}`);
    return;
  }

  console.log('\nNo display (DISPLAY/WAYLAND_DISPLAY unset): running clip → save → export headless on the sample article.');
  const browser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
  try {
    const downloadDir = path.join(ROOT, '.output', 'sample-export');
    const { data, file } = await clipSaveExport(browser, articleUrl, downloadDir);
    // The clipped article text is long: shorten it on screen (the file holds all of it).
    const shown = {
      ...data,
      records: data.records.map((r) =>
        typeof r.text === 'string' && r.text.length > 240 ? { ...r, text: `${r.text.slice(0, 240)}… [${r.text.length} characters in the file]` } : r,
      ),
    };
    console.log(`\nExported record (${path.relative(ROOT, file)}):`);
    console.log(JSON.stringify(shown, null, 2));
    console.log(`\nThe extension build is in ${buildRel} (${path.join(ROOT, buildRel)}).`);
    console.log('Load it in Chrome: chrome://extensions → Developer mode → Load unpacked → that folder.');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});

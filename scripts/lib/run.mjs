// Runs the pipeline steps of `npm test` / `npm run test:e2e` and keeps the test counts for the closing line.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './browser.mjs';
import { ensureChromium, ChromiumNotFoundError } from './chromium.mjs';
import { findFirefox } from './firefox.mjs';

export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Stops at once, with the reason, on a Node.js older than the toolchain needs (package.json "engines"). */
function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  console.error(`Précis needs Node.js 22.12 or newer (this is ${process.version}): see README.md, "Install and run".`);
  process.exit(1);
}

export class Pipeline {
  constructor() {
    requireNode();
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
    /** Why the run failed outside of test counts (a failed typecheck or build, no tests at all…). */
    this.problems = [];
    /** Steps skipped for lack of a local tool, listed at the end. */
    this.skippedSteps = [];
    this.started = Date.now();
  }

  header(title) {
    console.log(`\n━━ ${title} ━━`);
  }

  /** Runs a command with inherited output; true when it exits 0. */
  exec(cmd, args, env = {}) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    if (r.error) console.error(String(r.error));
    return r.status === 0;
  }

  /** A non-test step (typecheck, build…): on failure the run stops. */
  step(title, cmd, args, env) {
    this.header(title);
    if (this.exec(cmd, args, env)) return true;
    this.problems.push(`${title} failed`);
    return false;
  }

  /** Finds (or installs) Chromium and exports it as CHROMIUM_PATH for the end-to-end tests. */
  chromium() {
    this.header('Chrome/Chromium');
    try {
      const p = ensureChromium();
      process.env.CHROMIUM_PATH = p;
      console.log(`Using ${p}`);
      return true;
    } catch (e) {
      console.error(e instanceof ChromiumNotFoundError ? e.message : String(e));
      this.problems.push('no Chrome/Chromium for the end-to-end tests');
      return false;
    }
  }

  /**
   * Finds Firefox for its end-to-end tests and exports it as FIREFOX_PATH. Without one the Firefox tests
   * are skipped with a clear line locally, and fail in CI (`.ci/run` installs firefox-esr).
   */
  firefox() {
    this.header('Firefox');
    const p = findFirefox();
    if (p) {
      process.env.FIREFOX_PATH = p;
      console.log(`Using ${p}`);
      return true;
    }
    if (process.env.CI) {
      console.error('firefox-esr not found (apt-get install -y firefox-esr).');
      this.problems.push('no Firefox for the end-to-end tests (CI must install firefox-esr)');
      return false;
    }
    console.log('SKIPPED: firefox-esr not found (apt-get install -y firefox-esr to run the Firefox end-to-end tests).');
    this.skippedSteps.push('Firefox end-to-end tests (firefox-esr not found)');
    return false;
  }

  /**
   * Runs Vitest with the JSON reporter next to the default one and adds its counts. A run that fails
   * without a failing test (a file that does not load, a crash) counts as at least one failure.
   */
  vitest(title, name, extraArgs = [], env) {
    this.header(title);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const out = path.join(RESULTS_DIR, `${name}.json`);
    fs.rmSync(out, { force: true });
    const ok = this.exec('npx', ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
    let report = null;
    try {
      report = JSON.parse(fs.readFileSync(out, 'utf8'));
    } catch {
      /* no report: counted below */
    }
    const passed = report?.numPassedTests ?? 0;
    const failed = report?.numFailedTests ?? 0;
    const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
    this.passed += passed;
    this.failed += failed;
    this.skipped += skipped;
    console.log(`${title}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    if (!ok && failed === 0) {
      const suites = Math.max(1, report?.numFailedTestSuites ?? 0);
      this.failed += suites;
      this.problems.push(`${title}: Vitest failed without a failing test (${report ? `${suites} test file(s) failed to run` : 'no report written'}; counted as ${suites} failure(s))`);
    }
    if (ok && passed + failed === 0) {
      this.failed += 1;
      this.problems.push(`${title}: no tests were executed (counted as a failure)`);
      return false;
    }
    return ok;
  }

  /** Prints the summary and the closing line, and exits. */
  finish() {
    if (this.problems.length === 0 && this.failed === 0 && this.passed === 0) {
      this.problems.push('no tests were executed (counted as a failure)');
      this.failed += 1;
    }
    const ok = this.problems.length === 0 && this.failed === 0;
    console.log(`\n${ok ? 'All green' : 'FAILED'} in ${((Date.now() - this.started) / 1000).toFixed(1)} s.`);
    for (const p of this.problems) console.log(`  - ${p}`);
    for (const s of this.skippedSteps) console.log(`  - SKIPPED: ${s}`);
    if (!ok && this.problems.length && this.failed === 0) this.failed = 1;
    console.log(`${this.passed} passed, ${this.failed} failed${this.skipped ? `, ${this.skipped} skipped` : ''}`);
    process.exit(ok ? 0 : 1);
  }
}

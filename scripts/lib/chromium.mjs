// Finding (and, on Debian/Ubuntu as root, installing) a Chrome or Chromium to run the extension in.
// Used by `npm test`, `npm start` and the end-to-end tests; never falls back to skipping browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const STANDARD_PATHS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: [
    path.join(process.env.LOCALAPPDATA ?? '', 'Chromium/Application/chrome.exe'),
    path.join(process.env.PROGRAMFILES ?? 'C:/Program Files', 'Google/Chrome/Application/chrome.exe'),
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:/Program Files (x86)', 'Google/Chrome/Application/chrome.exe'),
    path.join(process.env.LOCALAPPDATA ?? '', 'Google/Chrome/Application/chrome.exe'),
  ],
};

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

export class ChromiumNotFoundError extends Error {}

export function installHelp() {
  return [
    'No Chrome or Chromium was found. The end-to-end tests need one; they are never skipped.',
    'Install one, or point CHROMIUM_PATH at an existing binary:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium   (Ubuntu: chromium-browser)',
    '  Fedora:         sudo dnf install -y chromium',
    '  macOS:          brew install --cask chromium   (or install Google Chrome)',
    '  Windows:        install Google Chrome',
    '  any system:     CHROMIUM_PATH=/path/to/chrome npm test',
  ].join('\n');
}

/**
 * The browser binary to use: `CHROMIUM_PATH` when set (it must exist), otherwise the first standard
 * location or PATH entry that exists. Returns null when nothing is found.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new ChromiumNotFoundError(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  for (const p of STANDARD_PATHS[process.platform] ?? []) if (isExecutable(p)) return p;
  for (const n of NAMES_ON_PATH) {
    const p = onPath(n);
    if (p) return p;
  }
  return null;
}

function isDebianLike() {
  try {
    const osRelease = fs.readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

/**
 * Like findChromium, but on Debian/Ubuntu running as root installs Debian's `chromium` package when none
 * is found. Throws ChromiumNotFoundError with installation help otherwise.
 */
export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && isDebianLike() && onPath('apt-get')) {
    log('No Chrome/Chromium found: installing Debian\'s chromium package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', 'chromium']]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (r.status !== 0) throw new ChromiumNotFoundError(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n${installHelp()}`);
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new ChromiumNotFoundError(installHelp());
}

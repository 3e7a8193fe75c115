// What the demo and the tests need before they run: node modules and a Chromium to drive.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

export function ensureModules() {
  const needed = ['.package-lock.json', 'wxt', 'addons-linter', 'happy-dom', 'backstory-lint-ts/node_modules/typescript-eslint', 'prettier'];
  if (needed.every((p) => fs.existsSync(path.join(ROOT, 'node_modules', p)))) return;
  console.log('› installing node modules (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
}

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  return [process.env.CHROMIUM, ...CANDIDATES].filter(Boolean).find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Debian's chromium ships its English UI only: the French reader's tests and demo need its other
 * languages (chromium-l10n), installed with apt when we are root.
 */
function ensureChromiumLocales(binary) {
  const locales = path.join(path.dirname(binary), 'locales');
  if (!fs.existsSync(path.join(locales, 'en-US.pak')) || fs.existsSync(path.join(locales, 'fr.pak'))) return;
  if (os.userInfo().uid !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    console.log('› Chromium has no French UI: the French tests will fail (Debian: sudo apt-get install -y chromium-l10n)');
    return;
  }
  console.log('› installing Chromium’s languages (apt-get install -y chromium-l10n)…');
  run('apt-get', ['install', '-y', 'chromium-l10n'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Debian's chromium, installed with apt when we are root; otherwise a clear instruction. */
export function ensureChromium() {
  let found = findChromium();
  if (found) {
    ensureChromiumLocales(found);
    return found;
  }
  const root = os.userInfo().uid === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (root && hasApt) {
    console.log('› installing Chromium (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', 'chromium'], { env }) !== 0) {
      run('apt-get', ['update'], { env });
      run('apt-get', ['install', '-y', 'chromium'], { env });
    }
    found = findChromium();
  }
  if (!found)
    throw new Error(
      'Chromium is required for the end-to-end tests and the demo, and it is not installed.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and set CHROMIUM=/path/to/the/binary',
    );
  ensureChromiumLocales(found);
  return found;
}

export function build(browser = 'chrome') {
  const args = ['wxt', 'build', ...(browser === 'chrome' ? [] : ['-b', browser])];
  console.log(`› building the extension (${browser})…`);
  if (run('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) throw new Error(`wxt build (${browser}) failed`);
}

/** Install what is missing, build the Chrome extension, then run a TypeScript script with tsx. */
export function prepareAndRun(script, args) {
  try {
    ensureModules();
    ensureChromium();
    build('chrome');
  } catch (e) {
    console.error(`✗ ${e.message}`);
    return 1;
  }
  return run('npx', ['tsx', script, ...args], { cwd: ROOT });
}

/**
 * Firefox ESR for the live Firefox smoke test: installed with apt when we are root, otherwise that
 * one test skips with a message (Chrome is the first target; its tests never skip).
 */
export function ensureFirefox() {
  const path = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  if (fs.existsSync(path)) return path;
  if (os.userInfo().uid === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('› installing Firefox ESR (apt-get install -y firefox-esr)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', 'firefox-esr'], { env }) !== 0) {
      run('apt-get', ['update'], { env });
      run('apt-get', ['install', '-y', 'firefox-esr'], { env });
    }
  }
  return fs.existsSync(path) ? path : null;
}

// npm test: every unit and end-to-end test, then one line "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, build, ensureChromium, ensureFirefox, ensureModules, run } from './ensure.mjs';

const OUT = path.join(ROOT, 'out/test');
fs.mkdirSync(OUT, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;

function suite(name, config) {
  const json = path.join(OUT, `${name}.json`);
  fs.rmSync(json, { force: true });
  console.log(`\n› ${name} tests`);
  const code = run('npx', ['vitest', 'run', ...(config ? ['-c', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  if (!fs.existsSync(json)) {
    console.error(`✗ ${name}: vitest produced no report (exit ${code})`);
    crashed = true;
    failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(json, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A failing hook or a file that cannot load fails no test but fails the suite: count it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  failed += brokenFiles;
  if (code !== 0 && r.numFailedTests === 0 && brokenFiles === 0) {
    crashed = true;
    failed += 1;
  }
}

let setupError = null;
try {
  ensureModules();
  ensureChromium();
  if (!ensureFirefox()) console.warn('! Firefox ESR is not installed and cannot be installed here: its live smoke test will skip.');
  build('chrome');
  build('firefox');
} catch (e) {
  setupError = e;
  console.error(`\n✗ ${e.message}`);
}

// The type check counts as one test: a type error anywhere fails the run.
console.log('\n› type check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit']) === 0) passed += 1;
else failed += 1;

suite('unit');
if (!setupError) suite('e2e', 'vitest.e2e.config.ts');
else failed += 1;

const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(OUT, 'summary.txt'), line + '\n');
console.log(`\n${skipped ? `(${skipped} skipped) ` : ''}${crashed ? '(a suite crashed) ' : ''}`);
console.log(line);
process.exit(failed || crashed ? 1 : 0);

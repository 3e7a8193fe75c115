// npm test: every unit and end-to-end test, then one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
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

// The type check, the lint (page-code import boundaries included) and the format check count as one
// test each: a finding anywhere fails the run.
console.log('\n› type check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit']) === 0) passed += 1;
else failed += 1;

console.log('\n› lint (eslint .)');
if (run('npx', ['eslint', '.']) === 0) passed += 1;
else failed += 1;

console.log('\n› format check (prettier --check .)');
if (run('npx', ['prettier', '--check', '.']) === 0) passed += 1;
else failed += 1;

/** Warning codes the README's "Firefox lint" section explains (in backticks). */
function explainedLintCodes() {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^### Firefox lint\n([\s\S]*?)(?=^#{1,3} )/m.exec(readme + '\n# end')?.[1] ?? '';
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)].map((m) => m[1]));
}

/**
 * The Firefox build through addons-linter, the linter `web-ext lint` runs (and AMO on upload): one
 * test, failed by any error or by a warning the README does not explain. Every finding is printed.
 */
function lintFirefox() {
  console.log('\n› Firefox build lint (addons-linter .output/firefox-mv2)');
  const bin = path.join(ROOT, 'node_modules/.bin/addons-linter');
  const r = spawnSync(bin, ['--output', 'json', path.join(ROOT, '.output/firefox-mv2')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    console.error(`✗ addons-linter gave no report (exit ${r.status}): ${r.error?.message ?? r.stderr.slice(0, 2000)}`);
    return false;
  }
  for (const kind of ['errors', 'warnings', 'notices'])
    for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
  const { errors, warnings, notices } = report.summary;
  console.log(`  ${errors} errors, ${warnings} warnings, ${notices} notices`);
  const explained = explainedLintCodes();
  const unexplained = [...new Set(report.warnings.map((w) => w.code).filter((c) => !explained.has(c)))];
  if (unexplained.length) console.error(`✗ warnings not explained in README "Firefox lint": ${unexplained.join(', ')}`);
  return errors === 0 && unexplained.length === 0;
}
if (!setupError && lintFirefox()) passed += 1;
else failed += 1;

suite('unit');
if (!setupError) suite('e2e', 'vitest.e2e.config.ts');
else failed += 1;

const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(OUT, 'summary.txt'), line + '\n');
console.log(`\n${skipped ? `(${skipped} skipped) ` : ''}${crashed ? '(a suite crashed) ' : ''}`);
console.log(line);
process.exit(failed || crashed ? 1 : 0);

// npm run demo [-- --headed] [-- --lang=en]: install what is needed, build, then show what a reader sees.
import { ROOT, build, ensureChromium, ensureModules, run } from './ensure.mjs';

try {
  ensureModules();
  ensureChromium();
  build('chrome');
} catch (e) {
  console.error(`✗ ${e.message}`);
  process.exit(1);
}
process.exit(run('npx', ['tsx', 'scripts/demo-run.ts', ...process.argv.slice(2)], { cwd: ROOT }));

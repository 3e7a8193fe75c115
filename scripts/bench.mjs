// npm run bench [-- --pages=N --tiers=10,1000,100000 --repeat=N]
import { ROOT, build, ensureChromium, ensureModules, run } from './ensure.mjs';

try {
  ensureModules();
  ensureChromium();
  build('chrome');
} catch (e) {
  console.error(`✗ ${e.message}`);
  process.exit(1);
}
process.exit(run('npx', ['tsx', 'scripts/bench-run.ts', ...process.argv.slice(2)], { cwd: ROOT }));

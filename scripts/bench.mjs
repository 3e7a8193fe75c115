// npm run bench [-- --pages=N --tiers=10,1000,100000 --repeat=N --cpu=1,4 --runs=N --label=name]
import { prepareAndRun } from './ensure.mjs';

process.exit(prepareAndRun('scripts/bench-run.ts', process.argv.slice(2)));

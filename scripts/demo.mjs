// npm run demo [-- --headed] [-- --lang=en]: install what is needed, build, then show what a reader sees.
import { prepareAndRun } from './ensure.mjs';

process.exit(prepareAndRun('scripts/demo-run.ts', process.argv.slice(2)));

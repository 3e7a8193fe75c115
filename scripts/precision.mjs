// npm run precision [-- --pages=N --check]: every highlighted mention on the corpus, against the reviewed verdicts.
import { prepareAndRun } from './ensure.mjs';

process.exit(prepareAndRun('scripts/precision-review.ts', process.argv.slice(2)));

import { provideCardUi } from '@/utils/in-page/card-ui';
import { CARD_UI } from '@/components/card/card-ui';
import { PAGE_TARGETS } from '@/utils/in-page/page-targets';

// The card's drawing, in a script of its own so that no single task compiles the whole content
// script (card-ui.ts says why). At document_end: before the main script, which runs at document_idle.
export default defineContentScript({
  ...PAGE_TARGETS,
  runAt: 'document_end',
  main() {
    provideCardUi(CARD_UI);
  },
});

import { sendFromContentScript as send } from './send';
import { currentSelection } from './card-host';
import { VisibilityJudge } from './visibility';
import { visibleQuote } from './quote';

/**
 * Ask for the side panel on `key`. The reader's selection, if any, goes along as a quote for a note:
 * only on their click, and only the part of it they can see. `selection` defaults to the live one;
 * the card passes what was selected when its button was pressed (or null).
 */
export function requestPanel(key: string, selection: Range | null = currentSelection()): void {
  const judge = new VisibilityJudge(document);
  judge.reset();
  const quote = visibleQuote(selection, judge);
  void send('panel.open', quote ? { key, quote } : { key }).catch(() => {});
}

/**
 * The card's drawing (Preact, its components, its styles) comes in a content script of its own,
 * `entrypoints/card.content.ts`, injected into the same world at `document_end`, a task before this
 * script's `document_idle` one. Compiling a script is one task that no slicing can shorten, and on a
 * slow CPU a site's first page made the whole script's compile a long task by itself; split in two,
 * each task compiles only its part. Nothing here is visible to the page: the content scripts' world
 * has a global object of its own.
 */
import type { EntityCardProps } from '@/components/card/EntityCard';

/** What the card's script leaves for the content script. */
export interface CardUi {
  /** The card's style sheet, and the one for dark mode and forced colours, which goes after it. */
  css: string;
  modesCss: string;
  /** Draw the card into `mount`, or empty it (null). */
  render(mount: Element, props: EntityCardProps | null): void;
  /**
   * The language the card's words are in, and its writing direction (utils/i18n): the main script
   * asks the worker for the pack's words in that language, and sets the direction on the card. Here,
   * so that the catalogue's reader is compiled with the card, not with the main script.
   */
  lang(): string;
  direction(): 'ltr' | 'rtl';
}

const KEY = '__backstoryCardUi';

/** Called by the card's script as it is evaluated. */
export function provideCardUi(ui: CardUi): void {
  (globalThis as Record<string, unknown>)[KEY] = ui;
}

/** The card's drawing; throws, saying so, when the card's script has not run in this page. */
export function cardUi(): CardUi {
  const ui = (globalThis as Record<string, unknown>)[KEY] as CardUi | undefined;
  if (!ui) throw new Error("Backstory: the card's script has not run in this page, so no card can be shown.");
  return ui;
}

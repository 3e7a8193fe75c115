import { cardUi } from './card-ui';
import { sendFromContentScript as send } from './send';
import { Highlighter } from './highlight';
import { Scanner } from './scanner';
import { CardHost } from './card-host';
import { wireInteraction, type Interaction } from './interaction';
import { requestPanel } from './panel-request';
import { pageReporter, type PageReporter } from './page-report';
import type { PageStats } from './stats';
import { notThisOneActions } from './not-this-one';
import { yieldToPage } from './schedule';
import type { HiddenMentions } from './hidden-mentions';

/** The content script's working parts on one page, all tied to its `signal`. */
export interface PageParts {
  highlighter: Highlighter;
  card: CardHost;
  scanner: Scanner;
  reporter: PageReporter;
  interaction: Interaction;
  /** The card's own host is neither scanned nor observed. */
  exclude: (el: Element) => boolean;
}

/**
 * Build the highlighter, card, scanner and page report, and wire the reader's hover, focus and clicks.
 * `hidden` is the page view's hidden mentions, which outlive these parts (a pause, a resume).
 * Built in two tasks: this is the first run of most of the content script's code, compiled as it
 * goes, and on a slow CPU all of it at once is a long task. The card's elements wait for its first
 * showing. Rejects if `signal` aborts meanwhile.
 */
export async function assemblePage(signal: AbortSignal, stats: PageStats, hidden?: HiddenMentions): Promise<PageParts> {
  // The pack's words (summaries, facts) in the language the card's own words are in: asked on the
  // first card, not at start-up (a page's first i18n call waits on the browser process, 15 ms).
  let lang: string | undefined;
  // Each part is logged as a slice of start-up: the benchmark tells our long tasks by them.
  let t = performance.now();
  const highlighter = new Highlighter(document);
  signal.addEventListener('abort', () => highlighter.destroy());
  stats.slices.record('start', t, performance.now());
  await yieldToPage(signal);
  t = performance.now();
  // Builds nothing until the first card opens.
  const card = new CardHost({
    signal,
    loadCard: (key) => send('entity.card', { key, lang: (lang ??= cardUi().lang()) }),
    onPainted: (ms) => stats.card(ms),
    onOpenPanel: (key, selection) => requestPanel(key, selection),
    // The scanner is built below (it must not scan the card): the card reaches it only once the reader acts.
    notThisOne: notThisOneActions(() => scanner),
  });
  const exclude = (el: Element) => el === card.host;
  // The scanner reports its changes, and the report reads the scanner's counts when it goes.
  const reporter = pageReporter(() => scanner.counts, signal);
  const scanner = new Scanner({
    match: (texts) => send('page.match', { texts }),
    highlighter,
    exclude,
    signal,
    onChange: reporter.report,
    slices: stats.slices,
    ...(hidden ? { hidden } : {}),
  });
  const interaction = wireInteraction({ registry: scanner.registry, card, highlighter, onMentionClick: (key) => requestPanel(key), signal });
  stats.slices.record('start', t, performance.now());
  return { highlighter, card, scanner, reporter, interaction, exclude };
}

/**
 * The benchmark's library phase: at each size, a fresh profile gets generated notes through the
 * extension's own restore path (`notes.import`, sent from an extension page), then library.html is
 * opened and reloaded, and a query is typed into its search one key at a time. The page's own
 * performance measures (components/ext-pages/library/timing.ts) give the times.
 */
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/support/harness';
import { LIBRARY_MEASURES } from '../components/ext-pages/library/timing';
import { generateNotes, notesBackup } from './bench-notes';
import type { LibraryRun } from './bench-report';

/** What a reader types: French without accents (found in accented text), then deleted, then a two-word English query. */
const TYPED = ['securite donnees', '\b'.repeat('securite donnees'.length), 'police contract'];
const LOADS = 5;

async function restore(s: Session, text: string): Promise<number> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  const t0 = Date.now();
  const r = await page.evaluate(async (t) => (globalThis as any).chrome.runtime.sendMessage({ type: 'notes.import', text: t }), text);
  const ms = Date.now() - t0;
  await page.close();
  if (!r?.ok || !r.data?.ok) throw new Error(`bench notes import failed: ${JSON.stringify(r).slice(0, 500)}`);
  return ms;
}

const measures = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/** Load (or reload) the library and wait until every note is in: [first page loaded, first render, all loaded] in ms from navigation. */
async function loadOnce(page: Page, url: string): Promise<[number, number, number]> {
  await page.goto(url);
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, LIBRARY_MEASURES.allLoaded, { timeout: 120_000 });
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, LIBRARY_MEASURES.firstRender, { timeout: 60_000 });
  const [loaded = NaN] = await measures(page, LIBRARY_MEASURES.loaded);
  const [first = NaN] = await measures(page, LIBRARY_MEASURES.firstRender);
  const [all = NaN] = await measures(page, LIBRARY_MEASURES.allLoaded);
  return [loaded, first, all];
}

/** Type one key at a time; after each, wait for the page's measure of that key's rendered result. */
async function typeAndMeasure(page: Page): Promise<{ keys: number[]; matches: string[] }> {
  const input = page.getByRole('searchbox');
  await input.focus();
  const keys: number[] = [];
  const matches: string[] = [];
  for (const text of TYPED) {
    for (const ch of text) {
      const before = (await measures(page, LIBRARY_MEASURES.search)).length;
      await page.keyboard.press(ch === '\b' ? 'Backspace' : ch === ' ' ? 'Space' : ch);
      await page.waitForFunction(({ n, c }) => performance.getEntriesByName(n).length > c, { n: LIBRARY_MEASURES.search, c: before });
      const all = await measures(page, LIBRARY_MEASURES.search);
      keys.push(all[all.length - 1] ?? NaN);
    }
    matches.push(`"${await input.inputValue()}": ${await page.getByTestId('match-count').textContent()}`);
  }
  return { keys, matches };
}

export async function benchLibrary(sizes: number[]): Promise<LibraryRun[]> {
  const runs: LibraryRun[] = [];
  for (const size of sizes) {
    const s = await launch();
    try {
      const importMs = await restore(s, notesBackup(generateNotes(size)));
      const page = await s.context.newPage();
      const url = `chrome-extension://${s.extensionId}/library.html`;
      const loads: [number, number, number][] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await loadOnce(page, url));
      const { keys, matches } = await typeAndMeasure(page);
      runs.push({
        notes: size,
        importMs,
        loadedMs: loads.map((l) => l[0]),
        firstRenderMs: loads.map((l) => l[1]),
        allLoadedMs: loads.map((l) => l[2]),
        keystrokeMs: keys,
        matches,
        offHostRequests: s.offHost().length,
      });
      await page.close();
    } finally {
      await s.close();
    }
  }
  return runs;
}

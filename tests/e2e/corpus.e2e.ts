import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { corpusDir, launch, scanStats, startServer, tabIdOf, type Session } from '../support/harness';

const corpus = corpusDir();
const pages = corpus
  ? fs
      .readdirSync(path.join(corpus, 'pages'))
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
if (!corpus) console.warn('corpus tests skipped: no corpus at ../shared/corpus (set BACKSTORY_CORPUS to its folder)');

/** Mentions planted in every fifth page: exactly these must be highlighted inside the planted block. */
const PLANTED = `<section id="bs-planted"><p>Regulators fined Clearview AI again; <b>Cambridge</b> Analytica and PimEyes were cited.</p><p>Not a name: never evening, clearviewing, Clearview<br>AI.</p><textarea>Clearview AI</textarea></section>`;
const EXPECTED = ['Clearview AI', 'Cambridge Analytica', 'PimEyes', 'Clearview'];
const plantedIn = new Set(pages.filter((_, i) => i % 5 === 0));

describe.skipIf(!corpus)(`the ${pages.length} corpus pages`, () => {
  let s: Session;
  let srv: Awaited<ReturnType<typeof startServer>>;
  let page: Page;
  const results: { name: string; errors: string[]; textChanged: boolean; inSkipped: number; planted: string[] | null; highlights: number }[] = [];

  beforeAll(async () => {
    srv = await startServer({}, { staticCorpus: true, inject: (name) => (plantedIn.has(name) ? PLANTED : null) });
    s = await launch();
    page = await s.context.newPage();
    // Text as the page had it before any extension code ran (main world, at DOMContentLoaded).
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __text: string }).__text = document.body?.textContent ?? '';
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const name of pages) {
      errors.length = 0;
      await page.goto(`${srv.origin}/corpus/${name}`, { waitUntil: 'load' });
      const tabId = await tabIdOf(s, page);
      const stats = await scanStats(s, tabId);
      const probe = await page.evaluate(() => {
        const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
        const ranges = h ? [...h] : [];
        const inSkipped = ranges.filter((r) =>
          r.startContainer.parentElement?.closest('script,style,noscript,textarea,input,select,template,[contenteditable]'),
        ).length;
        const planted = document.getElementById('bs-planted');
        return {
          textChanged: (window as unknown as { __text: string }).__text !== (document.body?.textContent ?? ''),
          inSkipped,
          planted: planted
            ? ranges
                .filter((r) => planted.contains(r.startContainer))
                .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
                .map((r) => r.toString())
            : null,
          highlights: ranges.length,
        };
      });
      results.push({ name, errors: [...errors], ...probe, highlights: stats.highlights });
    }
  }, 20 * 60_000);

  afterAll(async () => {
    await s?.close();
    await srv?.close();
  });

  it('raise no page error with the extension running', () => {
    expect(results.filter((r) => r.errors.length).map((r) => `${r.name}: ${r.errors.join('; ')}`)).toEqual([]);
  });

  it('keep their text content unchanged', () => {
    expect(results.filter((r) => r.textChanged).map((r) => r.name)).toEqual([]);
  });

  it('get no highlight inside scripts, styles, form fields or editable areas', () => {
    expect(results.filter((r) => r.inSkipped).map((r) => r.name)).toEqual([]);
  });

  it('highlight exactly the planted mentions', () => {
    const planted = results.filter((r) => r.planted);
    expect(planted.length).toBe(plantedIn.size);
    for (const r of planted) expect(r.planted, r.name).toEqual(EXPECTED);
  });

  it('made no network request beyond the test server', () => {
    expect(s.offHost()).toEqual([]);
  });
});

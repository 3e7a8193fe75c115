import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, startServer, tabIdOf, tabState, waitForHighlights, type Session } from '../support/harness';
import { samplePack } from '../support/packs';

/**
 * Issue #11, context words: "Predator" is spyware in one paragraph and a film in the next. A name
 * that is also a word counts only in a paragraph that has one of its context words, and a weak one
 * still needs a strong name of its entity on the page.
 */

const PACK = 'user.context';

const fact = (id: string, en: string) => ({
  id,
  text: { en, fr: en },
  date: '2023',
  attribution: 'reported' as const,
  sourceIds: ['src-1'],
  evidence: [{ source: 'src-1', text: en, lang: 'en' }],
  key: true,
});

/** A format-2 pack with a context alias, a weak context alias and the strong name it waits for. */
const CONTEXT_PACK = () =>
  samplePack({
    schema: 2,
    id: PACK,
    name: 'Context test pack',
    version: '1.0.0',
    entities: [
      {
        id: 'predator',
        name: 'Predator (spyware)',
        kind: 'product',
        aliases: [{ text: 'Predator', context: ['spyware', 'logiciel espion'] }, { text: 'Intellexa Predator' }],
        summary: { en: 'Spyware sold by Intellexa.', fr: 'Logiciel espion vendu par Intellexa.' },
        facts: [fact('predator.greece', 'Predator was found on phones in Greece.')],
        reviewed: '2026-11-01',
      },
      {
        id: 'graphite',
        name: 'Graphite (spyware)',
        kind: 'product',
        aliases: [{ text: 'Paragon Graphite' }, { text: 'Graphite', strength: 'weak', context: ['spyware'] }],
        summary: { en: 'Spyware sold by Paragon.', fr: 'Logiciel espion vendu par Paragon.' },
        facts: [fact('graphite.italy', 'Graphite was found on phones in Italy.')],
        reviewed: '2026-11-01',
      },
    ],
  });

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const tmp = path.join(ROOT, '.e2e-tmp');

beforeAll(async () => {
  srv = await startServer({
    // The weak "Graphite" beside its context word, but no strong name of its entity on the page.
    '/weak-only.html':
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p id="weak">The Predator spyware, and Graphite spyware too.</p></body></html>',
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

/** Each highlighted range as "text in #paragraph-id", in document order. */
function highlightedParagraphs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges = [...new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]))];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => `${r.toString()} in #${r.startContainer.parentElement?.closest('p')?.id ?? '?'}`);
  });
}

describe('context words', () => {
  it('imports a format-2 pack with context aliases from the options page', async () => {
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.locator('.packs li').first().waitFor();
    fs.mkdirSync(tmp, { recursive: true });
    const file = path.join(tmp, 'context-pack.json');
    fs.writeFileSync(file, JSON.stringify(CONTEXT_PACK()));
    await options.getByLabel('Pack file').setInputFiles(file);
    const preview = options.getByTestId('pack-preview');
    await preview.waitFor();
    // Not discreet, so its names are painted and the test can read which ones.
    await preview.getByRole('checkbox', { name: /Discreet/ }).uncheck();
    await options.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/Imported Context test pack 1\.0\.0/);
    // The bundled packs know Predator and Graphite too (Intellexa, Paragon): off, so each span is this pack's.
    for (const name of ['Surveillance technology', 'Platforms’ privacy record']) {
      const row = options.locator('.packs li', { hasText: name });
      await row.getByRole('button', { name: 'Disable' }).click();
      await row.getByRole('button', { name: 'Enable' }).waitFor();
    }
    await options.close();
  });

  it('highlights "Predator" in the paragraph about spyware, not in the one about the film', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/pages/context-en.html`);
    await waitForHighlights(page, 4);
    // Later scans (none are expected) would have had time to add a wrong one.
    await page.waitForTimeout(500);
    expect(await highlightedParagraphs(page)).toEqual([
      'Predator in #spyware',
      'Prédator in #french',
      'Graphite in #graphite-spyware',
      'Paragon Graphite in #strong',
    ]);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabState(s, tabId))?.counts ?? {}, { timeout: 10_000 }).toEqual({ [`${PACK}:predator`]: 2, [`${PACK}:graphite`]: 2 });
    await page.close();
  });

  it('still keeps a weak alias beside its context word waiting for a strong name of its entity', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/weak-only.html`);
    await waitForHighlights(page, 1);
    await page.waitForTimeout(500);
    expect(await highlightedParagraphs(page)).toEqual(['Predator in #weak']);
    await page.close();
  });

  it('finds the name again when the film paragraph is rewritten to be about spyware', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/pages/context-en.html`);
    await waitForHighlights(page, 4);
    await page.evaluate(() => {
      document.getElementById('film')!.textContent = 'Predator, the spyware, not the film.';
    });
    await waitForHighlights(page, 5);
    expect(await highlightedParagraphs(page)).toContain('Predator in #film');
    await page.close();
  });
});

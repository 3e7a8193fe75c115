import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, startServer, waitForHighlights, highlightedTexts, type Session } from '../support/harness';
import { generatePack } from '../../scripts/bench-names';
import { PACK_CHUNK_CHARS } from '../../utils/messaging/pack-upload-limits';

// A pack of 30,000 aliases is about 2 M characters: several chunks, through the same path a 100 MB pack takes.
const pack = generatePack(30_000);
// Parsing and validating megabytes on a busy shared machine: a ceiling, not a speed check.
const SLOW = 180_000;
const text = JSON.stringify(pack);
const org = pack.entities.find((e) => e.kind === 'organization');
const name = org?.name ?? '';

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  srv = await startServer({
    '/news.html': `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><main><p>Yesterday ${name} announced a merger.</p></main></body></html>`,
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

async function options(): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.locator('.packs li').first().waitFor();
  return page;
}

const packIds = (page: Page) => page.locator('.packs li[data-pack]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-pack')));

describe('importing a pack bigger than one message chunk', () => {
  it('is sent in several chunks', () => {
    expect(org).toBeDefined();
    expect(text.length).toBeGreaterThan(3 * PACK_CHUNK_CHARS);
  });

  it(
    'refuses a big pack whose last chunk holds an error, and installs nothing',
    async () => {
      const page = await options();
      const before = await packIds(page);
      const bad = structuredClone(pack) as { entities: { aliases: { text: string }[] }[] };
      const last = bad.entities[bad.entities.length - 1];
      if (last) last.aliases = [];
      await page.getByLabel('Pack file').setInputFiles({ name: 'big-bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      await expect
        .poll(async () => (await page.getByTestId('pack-errors').textContent()) ?? '', { timeout: SLOW })
        .toContain(`entities[${bad.entities.length - 1}].aliases`);
      expect(await page.getByTestId('pack-preview').count()).toBe(0);
      await page.reload();
      await page.locator('.packs li').first().waitFor();
      expect(await packIds(page)).toEqual(before);
      await page.close();
    },
    SLOW,
  );

  it(
    'previews it, imports it when the reader confirms, and its names are found on a page',
    async () => {
      const page = await options();
      await page.getByLabel('Pack file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const preview = page.getByTestId('pack-preview');
      await preview.waitFor({ timeout: SLOW });
      expect(await preview.textContent()).toContain(`(${pack.id})`);
      expect(await preview.textContent()).toContain(`${pack.entities.length.toLocaleString('en-US')} entities`);
      // Painted in pages: the reader unticks "discreet" before importing.
      await preview.getByRole('checkbox').uncheck();
      await preview.getByRole('button', { name: 'Import' }).click();
      await page.locator(`li[data-pack="${pack.id}"]`).waitFor({ timeout: SLOW });
      await page.close();

      const news = await s.context.newPage();
      await news.goto(`${srv.origin}/news.html`);
      await waitForHighlights(news, 1, 30_000);
      expect(await highlightedTexts(news)).toContain(name);
      await news.close();
    },
    SLOW,
  );
});

describe('privacy', () => {
  it('made no network request', () => {
    expect(s.offHost()).toEqual([]);
  });
});

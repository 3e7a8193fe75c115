import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  highlightedTexts,
  launch,
  mentionPoint,
  openExtensionPage,
  readCard,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
} from '../support/harness';
import { globexEntity, samplePack } from '../support/packs';

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const tmp = path.join(ROOT, '.e2e-tmp');

const GLOBEX = () =>
  samplePack({
    id: 'user.globex',
    name: 'Globex test pack',
    entities: [
      globexEntity([
        {
          id: 'globex.founded',
          text: { en: 'Founded in 1989.', fr: 'Fondé en 1989.' },
          date: '1989',
          attribution: 'company-statement',
          sourceIds: ['src-1'],
          key: true,
        },
      ]),
    ],
  });

function writePack(name: string, value: unknown): string {
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  srv = await startServer({
    '/typo.html':
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p>Whistle-blowers at Cambrige Analytica spoke again.</p></body></html>',
    '/globex.html':
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p>Shares of Globex Corporation rose. Globex said little.</p></body></html>',
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

async function options() {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.locator('.packs li').first().waitFor();
  return page;
}

describe('importing fact packs from the options page', () => {
  it('lists the bundled pack', async () => {
    const page = await options();
    const text = await page.locator('.packs').textContent();
    expect(text).toMatch(/Surveillance technology/);
    expect(text).toMatch(/\d+ entities · \d+ facts · \d+ sources/);
    await page.close();
  });

  it('refuses a broken pack with every reason and changes nothing', async () => {
    const page = await options();
    const before = await page.locator('.packs').textContent();
    const bad = GLOBEX() as any;
    bad.sources[0].url = 'javascript:alert(1)';
    bad.entities[0].facts[0].sourceIds = ['src-1', 'nowhere'];
    await page.getByLabel('Pack file').setInputFiles(writePack('bad.json', bad));
    const errors = page.getByTestId('pack-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    // A sentence first, then the precise problems.
    expect(await page.getByTestId('pack-refusal').textContent()).toBe('This fact pack has problems, listed below: fix them in the file, then import it again.');
    expect(text).toContain('bad.json was not imported. Nothing was changed.');
    expect(text).toContain('sources[0].url: must be an http or https URL');
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await page.reload();
    await page.locator('.packs li').first().waitFor();
    expect(await page.locator('.packs').textContent()).toBe(before);

    await page.getByLabel('Pack file').setInputFiles(writePack('truncated.json', JSON.stringify(GLOBEX()).slice(0, 200)));
    await expect.poll(async () => (await errors.textContent()) ?? '').toMatch(/not valid JSON/);
    expect(await page.getByTestId('pack-refusal').textContent()).toBe('This file is not a fact pack: it is not JSON. Choose the pack’s .json file.');
    await page.close();

    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/globex.html`);
    await p.waitForTimeout(800);
    expect(await highlightedTexts(p)).toEqual([]);
    await p.close();
  });

  it('previews and imports a pack as discreet: the popup counts its names, the page sees nothing', async () => {
    const page = await options();
    const file = writePack('globex.json', GLOBEX());
    await page.getByLabel('Pack file').setInputFiles(file);
    const preview = page.getByTestId('pack-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/Globex test pack 1\.0\.0 \(user\.globex\): 1 entity, 2 aliases, 1 fact, 1 source\./);
    expect(await preview.getByRole('checkbox', { name: /Discreet/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import' }).click();
    // The first status line may be the upload's progress ("Sending the file… 100 %"): wait for the outcome.
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Imported Globex test pack 1\.0\.0/);
    await expect.poll(() => page.locator('li[data-pack="user.globex"]').textContent()).toContain('discreet');

    const p = await s.context.newPage();
    // The page's own record of every change made to its DOM.
    await p.addInitScript(() => {
      const w = window as unknown as { __mutations: number };
      w.__mutations = 0;
      new MutationObserver((r) => (w.__mutations += r.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      // The parser's own insertions are not ours: count from the moment the document is complete.
      document.addEventListener('DOMContentLoaded', () => queueMicrotask(() => (w.__mutations = 0)));
    });
    await p.goto(`${srv.origin}/globex.html`);
    const tabId = await tabIdOf(s, p);
    await expect.poll(async () => (await tabState(s, tabId))?.counts ?? {}, { timeout: 10_000 }).toEqual({ 'user.globex:globex': 2 });
    const pt = await p.evaluate(() => {
      const r = document.createRange();
      const t = document.querySelector('p')!.firstChild!;
      r.setStart(t, 10);
      r.setEnd(t, 28);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await p.mouse.move(pt.x, pt.y);
    await p.waitForTimeout(800);
    const probe = await p.evaluate(() => ({
      highlights: [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.keys()],
      sheets: document.adoptedStyleSheets.length,
      mutations: (window as unknown as { __mutations: number }).__mutations,
    }));
    // Nothing registered, adopted, or added to the DOM: not even the card's host.
    expect(probe).toEqual({ highlights: [], sheets: 0, mutations: 0 });
    expect(await readCard(p)).toBeNull();
    const popup = await openExtensionPage(s, 'popup', tabId);
    await expect.poll(() => popup.locator('body').textContent()).toContain('Globex Corporation');
    await popup.close();
    await p.close();
    await page.close();
  });

  it('highlights the pack in pages once the reader says so; re-import changes nothing', async () => {
    const page = await options();
    const row = page.locator('li[data-pack="user.globex"]');
    await row.getByRole('button', { name: 'Highlight in pages' }).click();
    await row.getByRole('button', { name: 'Make discreet' }).waitFor();
    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/globex.html`);
    await waitForHighlights(p, 2);
    expect(await highlightedTexts(p)).toEqual(['Globex Corporation', 'Globex']);
    const pt = await mentionPoint(p, 'Globex Corporation');
    await p.mouse.move(pt.x, pt.y);
    const card = await waitForCard(p, (c) => c.text.includes('fictional'));
    expect(card.text).toContain('Company’s own statement');
    await p.close();

    const preview = page.getByTestId('pack-preview');
    await page.getByLabel('Pack file').setInputFiles(writePack('globex.json', GLOBEX()));
    await preview.waitFor();
    await preview.getByRole('checkbox', { name: /Discreet/ }).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/already installed: nothing changed/);
    await page.close();
  });

  it('disables and removes a user pack', async () => {
    const page = await options();
    const row = page.locator('li[data-pack="user.globex"]');
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByRole('button', { name: 'Enable' }).waitFor();
    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/globex.html`);
    await p.waitForTimeout(800);
    expect(await highlightedTexts(p)).toEqual([]);
    await row.getByRole('button', { name: 'Remove' }).click();
    // Removing asks first, in the row (options-packs.e2e.ts tests the question itself).
    await row.getByTestId('remove-confirm').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.locator('li[data-pack="user.globex"]').count()).toBe(0);
    await page.close();
    await p.close();
  });
});

describe('one-typo tolerance', () => {
  it('is on by default and can be switched off in the options', async () => {
    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/typo.html`);
    await waitForHighlights(p, 1);
    expect(await highlightedTexts(p)).toEqual(['Cambrige Analytica']);

    const page = await options();
    const box = page.getByRole('checkbox');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => page.getByRole('checkbox').isChecked()).toBe(false);
    await p.reload();
    await p.waitForTimeout(800);
    expect(await highlightedTexts(p)).toEqual([]);
    await page.getByRole('checkbox').check();
    await expect.poll(() => page.getByRole('checkbox').isChecked()).toBe(true);
    await p.reload();
    await waitForHighlights(p, 1);
    await page.close();
    await p.close();
  });
});

describe('French reader', () => {
  it('gets the card in French', async () => {
    const fr = await launch({ locale: 'fr-FR' });
    try {
      const p = await fr.context.newPage();
      await p.goto(`${srv.origin}/pages/clearview-fr.html`);
      await waitForHighlights(p, 3);
      const pt = await mentionPoint(p, 'Clearview AI');
      await p.mouse.move(pt.x, pt.y);
      const card = await waitForCard(p, (c) => c.buttons.length > 1);
      expect(card.text).toMatch(/reconnaissance faciale/);
      expect(card.text).toMatch(/Régulateur|Presse|Déclaration de l’entreprise|Tribunal/);
      expect(card.buttons).toContain('Voir tout l’historique');
      expect(fr.offHost()).toEqual([]);
    } finally {
      await fr.close();
    }
  });
});

describe('privacy', () => {
  it('made no network request other than to the test server', () => {
    expect(s.offHost()).toEqual([]);
  });
});

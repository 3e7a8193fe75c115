import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  launch,
  mentionPoint,
  openExtensionPage,
  readCard,
  startServer,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  worker,
  type Session,
} from '../support/harness';
import { globexEntity, samplePack } from '../support/packs';

/**
 * Issue #10, "Flag a fact": a reader reads what the source says, flags the fact as wrong with a
 * reason, finds the flag again after a reload, lists and exports it from the options page. The flag
 * stays in the extension: the web page that names the entity never sees it.
 */

const PACK = 'user.flagtest';
const ENTITY = `${PACK}:globex`;
const FACT = 'globex.founded';
const EXCERPT = 'Globex was founded in 1989 by Hank Scorpio, the company says.';

/** A format-2 pack of its own, so the test does not depend on the bundled packs' content. */
const FORMAT_2_PACK = () =>
  samplePack({
    schema: 2,
    id: PACK,
    name: 'Flag test pack',
    version: '1.2.0',
    languages: ['en', 'fr'],
    entities: [
      globexEntity([
        {
          id: FACT,
          text: { en: 'Founded in 1989.', fr: 'Fondé en 1989.' },
          date: '1989',
          attribution: 'company-statement',
          sourceIds: ['src-1'],
          evidence: [{ source: 'src-1', text: EXCERPT, lang: 'en' }],
          key: true,
        },
        {
          id: 'globex.hq',
          text: { en: 'Moved its headquarters to Cypress Creek.', fr: 'A déménagé son siège à Cypress Creek.' },
          date: '1996-11',
          attribution: 'reported',
          sourceIds: ['src-1'],
          evidence: [{ source: 'src-1', text: 'The company moved to Cypress Creek in November 1996.', lang: 'en' }],
          key: true,
        },
      ]),
    ],
  });

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const tmp = path.join(ROOT, '.e2e-tmp');
const pageErrors: string[] = [];
// Words a page could not guess: if they show up anywhere a page can read, the flag leaked.
const REASON = `Registry filing says 1988 not 1989 ref ${Date.now()}`;

beforeAll(async () => {
  srv = await startServer({
    '/globex.html':
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Globex news</title></head><body><article><p>Shares of Globex Corporation rose after the announcement.</p></article></body></html>',
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

async function optionsPage(): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`options: ${e.message}`));
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.locator('.packs li').first().waitFor();
  return page;
}

/** The web page, recording from its own main world everything it is shown or sent. */
async function webPage(): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`web page: ${e.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') seen.push(r.target.textContent ?? '');
        if (r.type === 'attributes') seen.push(String((r.target as Element).getAttribute(r.attributeName ?? '')));
        for (const n of r.addedNodes) seen.push(n.textContent ?? '', n instanceof Element ? n.outerHTML : '');
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
    addEventListener('storage', (e) => seen.push(`${e.key}=${e.newValue}`), true);
  });
  await page.goto(`${srv.origin}/globex.html?id=1`);
  return page;
}

let page: Page;
let tabId: number;

describe('flagging a fact', () => {
  it('imports a format-2 pack with evidence from the options page, highlighted in pages', async () => {
    const options = await optionsPage();
    const file = path.join(tmp, 'flag-test-pack.json');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(FORMAT_2_PACK()));
    await options.getByLabel('Pack file').setInputFiles(file);
    const preview = options.getByTestId('pack-preview');
    await preview.waitFor();
    // Not discreet: the page then gets the card, so the test can check the flag stays out of it.
    await preview.getByRole('checkbox', { name: /Discreet/ }).uncheck();
    await options.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/Imported Flag test pack 1\.2\.0/);
    await options.close();

    page = await webPage();
    await waitForHighlights(page, 1);
    tabId = await tabIdOf(s, page);
  });

  it('shows what the source says under the fact in the side panel', async () => {
    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    panel.on('pageerror', (e) => pageErrors.push(`side panel: ${e.message}`));
    await panel.getByRole('button', { name: 'Globex Corporation' }).click();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Globex Corporation');
    const fact = panel.locator(`li[data-fact="${FACT}"]`);
    const excerpt = fact.locator('details.evidence blockquote');
    expect(await excerpt.isVisible()).toBe(false);
    await fact.locator('details.evidence summary').click();
    await excerpt.waitFor({ state: 'visible' });
    expect(await excerpt.textContent()).toBe(`“${EXCERPT}”`);
    await panel.close();
  });

  it('files a flag with the keyboard (Wrong + a reason), shows it on the fact, and keeps it across a reload', async () => {
    // What a page's content script is sent from now on (the worker's messages to tabs).
    const w = await worker(s);
    await w.evaluate(() => {
      const g = globalThis as unknown as { __toTabs: string[]; chrome: { tabs: { sendMessage: (...a: unknown[]) => Promise<unknown> } } };
      g.__toTabs = [];
      const real = g.chrome.tabs.sendMessage.bind(g.chrome.tabs);
      g.chrome.tabs.sendMessage = (...a: unknown[]) => (g.__toTabs.push(JSON.stringify(a)), real(...a));
    });

    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    panel.on('pageerror', (e) => pageErrors.push(`side panel: ${e.message}`));
    await panel.getByRole('button', { name: 'Globex Corporation' }).click();
    const fact = panel.locator(`li[data-fact="${FACT}"]`);
    await fact.getByRole('button', { name: 'Flag this fact' }).focus();
    await panel.keyboard.press('Enter');
    // The form opens on its first choice; Space picks it, Tab reaches the reason, then Save.
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('wrong');
    await panel.keyboard.press('Space');
    expect(await fact.getByRole('radio', { name: 'Wrong' }).isChecked()).toBe(true);
    await panel.keyboard.press('Tab');
    await panel.keyboard.type(REASON);
    expect(await fact.getByRole('textbox', { name: 'Reason' }).inputValue()).toBe(REASON);
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Enter');

    const shown = `You flagged this as wrong: ${REASON}`;
    await expect.poll(() => fact.locator('.flag-note').textContent()).toMatch(new RegExp(`^${shown}`));
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    // The other fact is not flagged.
    expect(await panel.locator('li[data-fact="globex.hq"]').getByRole('button', { name: 'Flag this fact' }).count()).toBe(1);

    await panel.reload();
    await panel.getByRole('button', { name: 'Globex Corporation' }).click();
    await expect.poll(() => panel.locator(`li[data-fact="${FACT}"] .flag-note`).textContent()).toMatch(new RegExp(`^${shown}`));
    await panel.close();
  });

  it('lists the flag on the options page and exports it as JSON, CSV and Markdown', async () => {
    const options = await optionsPage();
    const section = options.locator('section.flags');
    const row = section.locator(`li[data-flag="${PACK}:${FACT}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const part of ['Globex Corporation', 'Wrong', 'Founded in 1989.', REASON, `${PACK} 1.2.0`]) expect(text).toContain(part);
    expect(await row.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const files: Record<string, string> = {};
    for (const label of ['JSON', 'CSV', 'Markdown']) {
      const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: label, exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^backstory-corrections-\d{4}-\d{2}-\d{2}\.(json|csv|md)$/);
      files[label] = fs.readFileSync(await download.path(), 'utf8');
    }
    const json = JSON.parse(files.JSON ?? '');
    expect(json).toMatchObject({ format: 'backstory-corrections', version: 1 });
    expect(json.flags).toEqual([
      expect.objectContaining({
        id: `${PACK}:${FACT}`,
        packId: PACK,
        packVersion: '1.2.0',
        entityKey: ENTITY,
        entityName: 'Globex Corporation',
        factId: FACT,
        factText: 'Founded in 1989.',
        kind: 'wrong',
        reason: REASON,
      }),
    ]);
    expect(files.CSV).toContain(`"${REASON}"`);
    expect(files.CSV).toContain('"wrong"');
    expect(files.Markdown).toContain(`Reason: ${REASON}`);
    expect(files.Markdown).toContain('### Globex Corporation');
    await options.close();
  });

  it('never shows the flag to the web page: not in its DOM, its card, its messages or what the worker sends it', async () => {
    // The page's card for the entity, read through the closed shadow root as the reader sees it.
    const pt = await mentionPoint(page, 'Globex Corporation');
    await page.mouse.move(pt.x, pt.y);
    const card = await waitForCard(page, (c) => c.text.includes('Founded in 1989'));
    expect(card.text).not.toContain(REASON);
    expect(card.text).not.toMatch(/flagged/i);
    await page.mouse.move(2, 2);
    await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();

    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The recorder works: it saw the card's host arrive.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).not.toContain(REASON);
    expect(await page.content()).not.toContain(REASON);
    const toTabs = await (await worker(s)).evaluate(() => (globalThis as unknown as { __toTabs?: string[] }).__toTabs ?? []);
    expect(toTabs.join('\n')).not.toContain(REASON);
    expect(toTabs.join('\n')).not.toMatch(/flag\./);
  });

  it('removes the flag from the options page; the side panel offers to flag the fact again', async () => {
    const options = await optionsPage();
    const row = options.locator(`li[data-flag="${PACK}:${FACT}"]`);
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => options.locator('section.flags').textContent()).toContain('No flags yet.');
    await options.close();

    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await panel.getByRole('button', { name: 'Globex Corporation' }).click();
    await panel.locator(`li[data-fact="${FACT}"]`).getByRole('button', { name: 'Flag this fact' }).waitFor();
    expect(await panel.locator('.flag-note').count()).toBe(0);
    await panel.close();
  });
});

describe('privacy and robustness', () => {
  it('made no network request other than to the test server', () => {
    expect(s.offHost()).toEqual([]);
  });

  it('caused no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});

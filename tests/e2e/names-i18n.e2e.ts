import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  clickCardButton,
  launch,
  mentionPoint,
  openExtensionPage,
  spyOnSidePanel,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
} from '../support/harness';

/**
 * Issue 13, localised entity names: the bundled pack names Pegasus "Pegasus (spyware)" in English and
 * "Pegasus (logiciel espion)" in French. A reader sees the name in their browser's language, whatever
 * the page's: on the card, in the side panel (sheet, page list, related entities), in the popup's list
 * and in the notes library (even for a note kept with the English name).
 */

const PEGASUS = 'backstory.surveillance-tech:pegasus-spyware';
const FR = 'Pegasus (logiciel espion)';
const EN = 'Pegasus (spyware)';
const ARTICLE =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Pegasus</title></head><body><main><article>' +
  '<p>Le logiciel espion Pegasus, conçu par NSO Group, a visé des journalistes.</p>' +
  '</article></main></body></html>';

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer({ '/pegasus-fr.html': ARTICLE });
});
afterAll(async () => {
  await srv?.close();
});

let opened = 0;
async function article(s: Session, errors: string[]): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.origin}/pegasus-fr.html?id=${++opened}`);
  await waitForHighlights(page, 2);
  return page;
}

/** Hover the name, then open the side panel from the card's button, as a reader does; the panel page for that tab. */
async function cardThenPanel(s: Session, page: Page, button: RegExp) {
  const opens = await spyOnSidePanel(s);
  const p = await mentionPoint(page, 'logiciel espion Pegasus');
  await page.mouse.move(p.x, p.y);
  const card = await waitForCard(page, (c) => c.buttons.some((b) => button.test(b)));
  await clickCardButton(page, button);
  await expect.poll(opens, { timeout: 5000 }).toEqual(['ok']);
  const tabId = await tabIdOf(s, page);
  await expect.poll(async () => (await tabState(s, tabId))?.focus, { timeout: 5000 }).toBe(PEGASUS);
  return { card, tabId, panel: await openExtensionPage(s, 'sidepanel', tabId) };
}

describe('a reader whose browser speaks French', () => {
  let s: Session;
  const errors: string[] = [];
  beforeAll(async () => {
    s = await launch({ locale: 'fr-FR' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sees the French name on the card, in the side panel and in the popup', async () => {
    const page = await article(s, errors);
    const { card, tabId, panel } = await cardThenPanel(s, page, /Voir tout l’historique/);
    expect(card.text.startsWith(FR), card.text).toBe(true);
    expect(card.text).not.toContain(EN);

    await expect.poll(() => panel.locator('h1').textContent()).toBe(FR);
    await expect.poll(() => panel.locator('.page-entities').textContent()).toContain(FR);
    // NSO Group's sheet lists Pegasus among its related entities, in French too.
    await panel.locator('.page-entities').getByRole('button', { name: 'NSO Group' }).click();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('NSO Group');
    await expect.poll(() => panel.locator('.related').getByRole('button', { name: FR }).count()).toBe(1);
    expect(await panel.locator('body').textContent()).not.toContain(EN);
    await panel.close();

    const popup = await openExtensionPage(s, 'popup', tabId);
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain(FR);
    expect(await popup.locator('body').textContent()).not.toContain(EN);
    await popup.close();
    await page.close();
    expect(errors).toEqual([]);
  });

  it('sees it in the notes library too, for a note kept with the English name', async () => {
    // A backup written in an English browser: the note keeps the name as it was shown then.
    const file = path.join(ROOT, '.e2e-tmp', `names-i18n-backup-${process.pid}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const note = {
      id: 'names-i18n-0001',
      entityKey: PEGASUS,
      entityName: EN,
      text: 'À relire.',
      createdAt: '2026-05-01T09:00:00.000Z',
      updatedAt: '2026-05-01T09:00:00.000Z',
    };
    fs.writeFileSync(file, JSON.stringify({ format: 'backstory-notes', version: 1, exportedAt: '2026-05-02T00:00:00.000Z', notes: [note] }));
    try {
      const options = await s.context.newPage();
      await options.goto(`chrome-extension://${s.extensionId}/options.html`);
      // The notes restore is the options page's last file input (the first imports packs).
      await options.locator('input[type=file]').last().setInputFiles(file);
      await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/\b1\b/);
      await options.close();
    } finally {
      fs.rmSync(file, { force: true });
    }

    const library = await s.context.newPage();
    await library.goto(`chrome-extension://${s.extensionId}/library.html`);
    await expect.poll(() => library.locator('.lib-note .lib-entity').textContent()).toBe(FR);
    const options = await library.locator('select option').allTextContents();
    expect(
      options.some((o) => o.startsWith(FR)),
      options.join(' | '),
    ).toBe(true);
    expect(
      options.some((o) => o.startsWith(EN)),
      options.join(' | '),
    ).toBe(false);
    await library.close();
  });
});

describe('a reader whose browser speaks English, on the same French page', () => {
  let s: Session;
  const errors: string[] = [];
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sees the English name on the card and in the side panel', async () => {
    const page = await article(s, errors);
    const { card, panel } = await cardThenPanel(s, page, /Open full backstory/);
    expect(card.text.startsWith(EN), card.text).toBe(true);
    await expect.poll(() => panel.locator('h1').textContent()).toBe(EN);
    await expect.poll(() => panel.locator('.page-entities').textContent()).toContain(EN);
    expect(await panel.locator('body').textContent()).not.toContain(FR);
    await panel.close();
    await page.close();
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, openExtensionPage, startServer, tabIdOf, type Session } from '../support/harness';
import { samplePack, sampleNote } from '../support/packs';
import { notesToJson } from '../../utils/export/json';

/**
 * A reader whose browser speaks French gets the options page and the popup in French, with the
 * pages' language and direction declared, and a notes restore given the wrong file explains itself
 * in French instead of quoting the validator, leaving their notes as they were.
 */

let s: Session;
let site: Awaited<ReturnType<typeof startServer>>;
const dir = path.join(ROOT, '.e2e-tmp');

beforeAll(async () => {
  site = await startServer();
  s = await launch({ locale: 'fr-FR' });
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await s?.close();
  await site?.close();
});

/** What the page declares on its root element: language, direction, and its title. */
const declared = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));

const notesCount = (page: Page) =>
  page.evaluate(async () => ((await (globalThis as any).chrome.runtime.sendMessage({ type: 'notes.list' })).data.notes as unknown[]).length);

describe('the extension pages in French', () => {
  it('shows the options page in French, declared as French, left to right', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.locator('.packs li').first().waitFor();
    expect(await declared(page)).toEqual({ lang: expect.stringMatching(/^fr/), dir: 'ltr', title: 'Backstory — paquets et données' });
    expect(await page.locator('html[lang^="fr"][dir="ltr"]').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Backstory — paquets de faits');
    for (const name of ['Paquets installés', 'Importer un paquet', 'Vos signalements', 'Vos données'])
      expect(await page.getByRole('heading', { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole('button', { name: 'Supprimer toutes mes données' }).count()).toBe(1);
    expect(await page.getByLabel('Fichier du paquet').count()).toBe(1);
    await page.close();
  });

  it('restores a notes export, then refuses a fact pack given as one with a clear French sentence, and keeps the notes', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.locator('.packs li').first().waitFor();
    const backup = path.join(dir, `notes-fr-${Date.now()}.json`);
    fs.writeFileSync(backup, notesToJson([sampleNote], '2026-11-26T00:00:00.000Z'));
    await page.getByLabel('Sauvegarde des notes').setInputFiles(backup);
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe('1 note restaurée.');
    expect(await notesCount(page)).toBe(1);

    // The reader picks a fact pack by mistake.
    const wrong = path.join(dir, `pack-not-notes-${Date.now()}.json`);
    fs.writeFileSync(wrong, JSON.stringify(samplePack({ id: 'user.wrong' })));
    await page.getByLabel('Sauvegarde des notes').setInputFiles(wrong);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Non restauré : ce fichier n’est pas un export de notes Backstory\./);
    const message = (await page.getByRole('alert').textContent()) ?? '';
    expect(message).toContain('« Exporter les notes »');
    expect(message).toMatch(/Rien n’a été modifié\.$/);
    expect(message).not.toMatch(/Invalid input|Unrecognized|expected|format:/);
    expect(await notesCount(page)).toBe(1);
    await page.close();
  });

  it('shows the popup in French, declared as French, left to right', async () => {
    const article = await s.context.newPage();
    await article.goto(`${site.origin}/pages/clearview-fr.html`);
    const popup = await openExtensionPage(s, 'popup', await tabIdOf(s, article));
    const summary = popup.getByTestId('page-summary');
    await expect.poll(async () => (await summary.textContent()) ?? '').toMatch(/· \d+ entités?, \d+ mentions?$/);
    expect(await summary.textContent()).not.toMatch(/entities/);
    expect(await declared(popup)).toEqual({ lang: expect.stringMatching(/^fr/), dir: 'ltr', title: 'Backstory' });
    expect(await popup.locator('html[lang^="fr"][dir="ltr"]').count()).toBe(1);
    expect(await popup.getByRole('heading', { name: 'Sur cette page' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Markdown' }).count()).toBe(1);
    await popup.close();
    await article.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { CLEARVIEW_KEY, ROOT, launch, openExtensionPage, startServer, tabIdOf, waitForHighlights, type Session } from '../support/harness';

/**
 * Issue 12, the notes library: a reader restores a backup of notes, finds one by typing without
 * accents, narrows by tag and site, opens the notes of one page, exports what the filters show and
 * restores that file into an empty browser profile's store; the side panel links to the library,
 * and the popup exports this page's notes.
 */

const PIMEYES = 'backstory.surveillance-tech:pimeyes';
const tmp = path.join(ROOT, '.e2e-tmp');

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const pageErrors: string[] = [];

/** The notes the reader had, as their JSON backup; two were written on the test server's Clearview page. */
function backup(origin: string) {
  const n = (i: number, over: Record<string, unknown>) => ({
    id: `library-e2e-${String(i).padStart(4, '0')}`,
    entityKey: CLEARVIEW_KEY,
    entityName: 'Clearview AI',
    createdAt: `2026-0${i}-01T09:00:00.000Z`,
    updatedAt: `2026-0${i}-01T09:00:00.000Z`,
    ...over,
  });
  const onPage = `${origin}/pages/clearview-en.html`;
  return {
    format: 'backstory-notes',
    version: 1,
    exportedAt: '2026-09-01T00:00:00.000Z',
    notes: [
      n(1, { text: 'Sécurité des données : la CNIL a infligé une amende.', tags: ['RGPD'], pageUrl: 'https://www.lemonde.fr/a1', pageTitle: 'Le Monde, CNIL' }),
      n(2, {
        text: 'Sécurité : demander le contrat de la police.',
        tags: ['RGPD', 'police'],
        pageUrl: 'https://www.liberation.fr/b2',
        pageTitle: 'Libération',
      }),
      n(3, { text: 'Client list stolen, says the company.', quote: 'an intruder gained unauthorized access', pageUrl: onPage, pageTitle: 'Clearview breach' }),
      n(4, { text: 'Second note on the breach page.', pageUrl: onPage, pageTitle: 'Clearview breach', tags: ['follow-up'] }),
      n(5, {
        entityKey: PIMEYES,
        entityName: 'PimEyes',
        text: 'Face search for anyone; securite des enfants?',
        tags: ['rgpd'],
        pageUrl: 'https://www.lemonde.fr/c3',
      }),
    ],
  };
}

async function extensionPage(name: string): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  await page.goto(`chrome-extension://${s.extensionId}/${name}`);
  return page;
}

/** The options page's restore, as a person uses it: choose the file, read the message. */
async function restore(file: string, count: number) {
  const options = await extensionPage('options.html');
  await options.getByLabel('Notes backup').setInputFiles(file);
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe(`Restored ${count} note${count === 1 ? '' : 's'}.`);
  await options.close();
}

const listed = (library: Page) => library.locator('.lib-note .lib-text').allTextContents();
const count = (library: Page) => library.getByTestId('match-count').textContent();

beforeAll(async () => {
  srv = await startServer();
  s = await launch({ locale: 'en-US' });
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

let library: Page;
let exported = '';

describe('the notes library', () => {
  it('explains that there are no notes yet', async () => {
    library = await extensionPage('library.html');
    await expect.poll(() => library.locator('.lib-empty').textContent()).toMatch(/^No notes yet\./);
    expect(await count(library)).toBe('0 notes');
  });

  it('lists restored notes newest first, each with its entity, quote, tags, date and page', async () => {
    const file = path.join(tmp, 'library-backup.json');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(backup(srv.origin)));
    await restore(file, 5);
    await library.reload();
    await expect.poll(() => count(library)).toBe('5 notes');
    expect((await listed(library))[0]).toMatch(/^Face search/);
    const breach = library.locator('.lib-note', { hasText: 'Client list stolen' });
    expect(await breach.locator('.lib-entity').textContent()).toBe('Clearview AI');
    expect(await breach.locator('.lib-quote').textContent()).toBe('an intruder gained unauthorized access');
    // The browser is in American English: its dates are written as Americans write them.
    expect(await breach.locator('time').first().textContent()).toBe('Mar 1, 2026');
    const link = breach.getByRole('link', { name: 'Clearview breach' });
    expect(await link.getAttribute('href')).toBe(`${srv.origin}/pages/clearview-en.html`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noreferrer');
  });

  it('finds "Securite" in "Sécurité" as the reader types, every word required', async () => {
    await library.getByRole('searchbox', { name: 'Search notes' }).pressSequentially('Securite');
    await expect.poll(() => count(library)).toBe('3 of 5 notes');
    expect(await listed(library)).toEqual([
      'Face search for anyone; securite des enfants?',
      'Sécurité : demander le contrat de la police.',
      'Sécurité des données : la CNIL a infligé une amende.',
    ]);
    await library.getByRole('searchbox', { name: 'Search notes' }).pressSequentially(' police');
    await expect.poll(() => count(library)).toBe('1 of 5 notes');
    await library.getByRole('searchbox', { name: 'Search notes' }).fill('securite');
    await expect.poll(() => count(library)).toBe('3 of 5 notes');
  });

  it('narrows by tag (any case) and by site, and keeps the filters in the address across a reload', async () => {
    // The tag is listed once, in its newest note's spelling, and finds every spelling.
    expect(await library.getByLabel('Tag').locator('option').allTextContents()).toEqual(['All tags', 'rgpd (3)', 'follow-up (1)', 'police (1)']);
    await library.getByLabel('Tag').selectOption('rgpd');
    await expect.poll(() => count(library)).toBe('3 of 5 notes');
    await library.getByLabel('Site').selectOption('www.lemonde.fr');
    await expect.poll(() => count(library)).toBe('2 of 5 notes');
    expect(await listed(library)).toEqual(['Face search for anyone; securite des enfants?', 'Sécurité des données : la CNIL a infligé une amende.']);
    await library.getByLabel('Entity').selectOption(CLEARVIEW_KEY);
    await expect.poll(() => listed(library)).toEqual(['Sécurité des données : la CNIL a infligé une amende.']);
    // The address follows the filters in an effect after the list is drawn: wait for it.
    await expect.poll(() => new URL(library.url()).search).toBe(`?q=securite&entity=${encodeURIComponent(CLEARVIEW_KEY)}&tag=rgpd&site=www.lemonde.fr`);
    await library.reload();
    await expect.poll(() => count(library)).toBe('1 of 5 notes');
    expect(await library.getByRole('searchbox', { name: 'Search notes' }).inputValue()).toBe('securite');
    expect(await library.getByLabel('Site').inputValue()).toBe('www.lemonde.fr');
  });

  it('says when nothing matches, and clears everything in one click', async () => {
    await library.getByLabel('From', { exact: true }).fill('2026-02-01');
    await expect.poll(() => library.locator('.lib-empty').textContent()).toMatch(/^No note matches this search and these filters\./);
    expect(await count(library)).toBe('0 of 5 notes');
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => count(library)).toBe('5 notes');
    await expect.poll(() => new URL(library.url()).search).toBe('');
  });

  it('exports what the filters show as JSON, and says so', async () => {
    await library.getByLabel('Tag').selectOption('rgpd');
    await library.getByLabel('To', { exact: true }).fill('2026-04-30');
    await expect.poll(() => count(library)).toBe('2 of 5 notes');
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'JSON', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-notes-filtered-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    exported = path.join(tmp, download.suggestedFilename());
    fs.copyFileSync(await download.path(), exported);
    await expect.poll(() => library.locator('.export [role="status"]').textContent()).toBe(`Exported 2 filtered notes to ${download.suggestedFilename()}`);
    const file = JSON.parse(fs.readFileSync(exported, 'utf8'));
    expect(file.notes.map((n: { id: string }) => n.id).sort()).toEqual(['library-e2e-0001', 'library-e2e-0002']);
  });

  it('shows only the notes written on a page when opened with ?page=', async () => {
    // The popup links here with the tab's address; fragments and trackers do not change the page.
    const page = await extensionPage(`library.html?page=${encodeURIComponent(`${srv.origin}/pages/clearview-en.html?utm_source=x#top`)}`);
    await expect.poll(() => count(page)).toBe('2 of 5 notes');
    expect(await listed(page)).toEqual(['Second note on the breach page.', 'Client list stolen, says the company.']);
    expect(await page.getByTestId('page-filter').textContent()).toContain('Written on Clearview breach');
    await page.getByRole('button', { name: 'Show every page' }).click();
    await expect.poll(() => count(page)).toBe('5 notes');
    await page.close();
  });

  it('exports this page’s notes from the popup', async () => {
    const web = await s.context.newPage();
    await web.goto(`${srv.origin}/pages/clearview-en.html`);
    await waitForHighlights(web, 1);
    const tabId = await tabIdOf(s, web);
    const popup = await openExtensionPage(s, 'popup', tabId);
    await popup.getByRole('radio', { name: 'This page’s notes (2)' }).check();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-notes-page-127.0.0.1-\d+-\d{4}-\d{2}-\d{2}-\d{4}\.md$/);
    const md = fs.readFileSync(await download.path(), 'utf8');
    expect(md).toContain('Client list stolen');
    expect(md).not.toContain('CNIL');
    await expect.poll(() => popup.locator('.export [role="status"]').textContent()).toBe(`Exported 2 notes on this page to ${download.suggestedFilename()}`);
    await popup.close();

    // The side panel's link opens the library in a new tab, on the entity's notes.
    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await panel.locator('.page-entities').getByRole('button', { name: 'Clearview AI' }).click();
    const link = panel.getByRole('link', { name: /Notes library/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    const [opened] = await Promise.all([s.context.waitForEvent('page'), link.click()]);
    await expect.poll(() => count(opened)).toBe('4 of 5 notes');
    expect(await opened.getByLabel('Entity').inputValue()).toBe(CLEARVIEW_KEY);
    await opened.close();
    await panel.close();
    await web.close();
  });

  it('edits a note in place: the search finds its new words and tag, not its old words', async () => {
    await library.goto(`chrome-extension://${s.extensionId}/library.html`);
    await expect.poll(() => count(library)).toBe('5 notes');
    const row = library.locator('.lib-note', { hasText: 'Second note on the breach page.' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const box = library.getByRole('textbox', { name: 'Edit the note' });
    await box.fill('Reported to the regulator in March.');
    await library.locator('.lib-note').getByRole('textbox', { name: 'Tags' }).fill('regulateur');
    await library.keyboard.press('Enter');
    await library.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => library.getByRole('textbox', { name: 'Edit the note' }).count()).toBe(0);
    // Edited just now: the newest note, first in the list, its tags still filter.
    await expect.poll(async () => (await listed(library))[0]).toBe('Reported to the regulator in March.');
    const edited = library.locator('.lib-note', { hasText: 'Reported to the regulator' });
    expect(await edited.locator('.lib-tag').allTextContents()).toEqual(['follow-up', 'regulateur']);
    expect(await edited.locator('.lib-note-head').textContent()).toMatch(/^Clearview AIApr 1, 2026 · edited /);
    expect(await count(library)).toBe('5 notes');

    const search = library.getByRole('searchbox', { name: 'Search notes' });
    await search.pressSequentially('regulator');
    await expect.poll(() => listed(library)).toEqual(['Reported to the regulator in March.']);
    expect(await count(library)).toBe('1 of 5 notes');
    await search.fill('second');
    await expect.poll(() => count(library)).toBe('0 of 5 notes');
    await search.fill('');
    expect(await library.getByLabel('Tag').locator('option').allTextContents()).toContain('regulateur (1)');
    await library.getByLabel('Tag').selectOption('regulateur');
    await expect.poll(() => listed(library)).toEqual(['Reported to the regulator in March.']);
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => count(library)).toBe('5 notes');
  });

  it('deletes a note with Undo in its place; Undo brings it back; another deleted stays gone after a reload', async () => {
    const stolen = 'Client list stolen, says the company.';
    await library.locator('.lib-note', { hasText: stolen }).getByRole('button', { name: 'Delete' }).click();
    const gone = library.locator('.lib-note.note-deleted');
    await expect.poll(() => gone.getByRole('status').textContent()).toBe('Note deleted. Undo');
    expect(await count(library)).toBe('4 notes');
    // Where the note was: third of five rows, between the notes written before and after it.
    expect(await library.locator('.lib-list > li').nth(2).getAttribute('class')).toContain('note-deleted');
    await library.getByRole('searchbox', { name: 'Search notes' }).fill('stolen');
    await expect.poll(() => count(library)).toBe('0 of 4 notes');
    // Still offered while the search would show the note: the reader can take it back from here.
    expect(await gone.count()).toBe(1);
    await gone.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => listed(library)).toEqual([stolen]);
    expect(await count(library)).toBe('1 of 5 notes');
    await library.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await expect.poll(() => count(library)).toBe('5 notes');

    const face = 'Face search for anyone; securite des enfants?';
    await library.locator('.lib-note', { hasText: face }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => count(library)).toBe('4 notes');
    expect(await library.getByLabel('Entity').locator('option').allTextContents()).toEqual(['All entities', 'Clearview AI (4)']);
    await library.reload();
    await expect.poll(() => count(library)).toBe('4 notes');
    expect(await listed(library)).not.toContain(face);
    expect(await listed(library)).toContain(stolen);
    // The edit was stored, not only shown.
    expect((await listed(library))[0]).toBe('Reported to the regulator in March.');
    expect(await library.locator('.note-deleted').count()).toBe(0);
  });

  it('restores the exported file into an emptied store: the same notes come back', async () => {
    expect(exported).not.toBe('');
    const options = await extensionPage('options.html');
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Delete all my data' }).click();
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/All your data was deleted/);
    await options.close();
    await library.goto(`chrome-extension://${s.extensionId}/library.html`);
    await expect.poll(() => count(library)).toBe('0 notes');

    await restore(exported, 2);
    await library.reload();
    await expect.poll(() => count(library)).toBe('2 notes');
    const original = backup(srv.origin).notes.filter((n) => n.id === 'library-e2e-0001' || n.id === 'library-e2e-0002');
    const restored = await library.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'notes.list' })).data.notes);
    expect(restored).toEqual(original.reverse());
    expect(await listed(library)).toEqual(['Sécurité : demander le contrat de la police.', 'Sécurité des données : la CNIL a infligé une amende.']);
  });

  it('threw no error in any extension page and asked nothing of the network', () => {
    expect(pageErrors).toEqual([]);
    expect(s.offHost()).toEqual([]);
  });
});

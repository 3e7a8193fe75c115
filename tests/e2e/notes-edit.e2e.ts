import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickCardButton,
  launch,
  mentionPoint,
  openExtensionPage,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
  CLEARVIEW_KEY,
} from '../support/harness';

/**
 * Issue 12, notes as a reader keeps them: a note with a quote and two tags is edited (text changed,
 * quote removed), deleted and brought back with Undo, identical; a second note takes a suggested
 * tag; a note half written survives closing the side panel. All through the side panel's own
 * controls, as a person clicks and types.
 */

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
let opened = 0;

beforeAll(async () => {
  srv = await startServer();
  s = await launch();
});

afterAll(async () => {
  await s?.close();
  await srv?.close();
});

async function openArticle(): Promise<{ page: Page; tabId: number }> {
  const page = await s.context.newPage();
  // A unique URL per tab (`id` is a parameter the worker keeps), so the tab is unambiguous.
  await page.goto(`${srv.origin}/pages/clearview-en.html?id=notes-${++opened}`);
  await waitForHighlights(page, 3);
  return { page, tabId: await tabIdOf(s, page) };
}

/** The side panel of a tab, showing Clearview AI (picked from the page's list, as a reader does). */
async function panelOn(tabId: number): Promise<Page> {
  const panel = await openExtensionPage(s, 'sidepanel', tabId);
  await panel.locator('.page-entities').getByRole('button', { name: 'Clearview AI' }).click();
  await expect.poll(() => panel.locator('h1').textContent()).toBe('Clearview AI');
  return panel;
}

/** A message to the worker from an extension page, as the page's own code sends it; the reply's data. */
async function ask(panel: Page, message: Record<string, unknown>): Promise<unknown> {
  return panel.evaluate(async (m) => {
    const g = globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ data: unknown }> } } };
    return (await g.chrome.runtime.sendMessage(m)).data;
  }, message);
}

/** The notes the worker holds on Clearview AI, as stored. */
async function storedNotes(panel: Page): Promise<{ id: string; text: string; quote?: string; tags?: string[]; createdAt: string; updatedAt: string }[]> {
  return ((await ask(panel, { type: 'notes.list', entityKey: CLEARVIEW_KEY })) as { notes: Awaited<ReturnType<typeof storedNotes>> }).notes;
}

const noteItem = (panel: Page, text: string) => panel.locator('.note-list > li.note').filter({ hasText: text });

describe('editing, deleting and tagging notes in the side panel', () => {
  let page: Page;
  let tabId: number;
  const first = `Their denial, verbatim ${Date.now()}`;
  const edited = `${first}, checked against the filing`;

  beforeAll(async () => {
    ({ page, tabId } = await openArticle());
  });

  it('writes a note with a quote and two tags', async () => {
    // The reader selects a sentence, then opens the full backstory from the card: it becomes the offered quote.
    const sentence = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((x) => x.textContent.includes('lawyer'))!;
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return p.textContent.replace(/\s+/g, ' ').trim();
    });
    const pt = await mentionPoint(page, 'Clearview AI', 2);
    await page.mouse.move(pt.x, pt.y);
    await waitForCard(page, (c) => c.buttons.includes('Open full backstory'));
    await clickCardButton(page, /Open full backstory/);
    await expect.poll(async () => (await tabState(s, tabId))?.quote).toBe(sentence);

    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Clearview AI');
    await panel.locator('.quote-option input').check();
    await panel.getByRole('textbox', { name: 'Your notes' }).fill(first);
    // Tags: a comma ends one, Enter the other.
    const tagBox = panel.locator('.note-new').getByRole('textbox', { name: 'Tags' });
    await tagBox.click();
    await panel.keyboard.type('court, privacy');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.note-new .tag-chip').allTextContents()).toEqual(['court×', 'privacy×']);
    await panel.getByRole('button', { name: 'Save note' }).click();

    const item = noteItem(panel, first);
    await expect.poll(() => item.locator('.note-quote').textContent()).toBe(sentence);
    expect(await item.locator('.tag-chip').allTextContents()).toEqual(['court', 'privacy']);
    expect(await item.locator('.note-dates').textContent()).toMatch(/^written (\d{1,2} \w+|\w+ \d{1,2},) \d{4}$/);
    // The form starts empty again: no tags carried over to the next note.
    expect(await panel.locator('.note-new .tag-chip').count()).toBe(0);
    await panel.close();
  });

  it('edits its text and removes its quote; the note says it was edited', async () => {
    const panel = await panelOn(tabId);
    const [before] = (await storedNotes(panel)).filter((n) => n.text === first);
    expect(before?.quote).toBeTruthy();
    const item = noteItem(panel, first);
    await item.getByRole('button', { name: 'Edit' }).click();
    const box = panel.getByRole('textbox', { name: 'Edit the note' });
    // The editor opens with the focus in the note's text.
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);

    // Esc cancels: nothing changes.
    await panel.keyboard.type(' (draft that goes nowhere)');
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.getByRole('textbox', { name: 'Edit the note' }).count()).toBe(0);
    expect(await noteItem(panel, first).locator('.note-text').textContent()).toBe(first);

    await noteItem(panel, first).getByRole('button', { name: 'Edit' }).click();
    await box.fill(edited);
    await panel.getByRole('button', { name: 'Remove quote' }).click();
    // Ctrl+Enter saves.
    await box.press('Control+Enter');
    const after = noteItem(panel, edited);
    await expect.poll(() => after.locator('.note-text').textContent()).toBe(edited);
    expect(await after.locator('.note-quote').count()).toBe(0);
    expect(await after.locator('.note-dates').textContent()).toMatch(/^written .+ · edited .+$/);

    const [stored] = (await storedNotes(panel)).filter((n) => n.id === before?.id);
    // Same note: id, creation date and tags kept, a later updatedAt, no quote.
    expect(stored).toMatchObject({ text: edited, createdAt: before?.createdAt, tags: ['court', 'privacy'] });
    expect(stored?.quote).toBeUndefined();
    expect(stored!.updatedAt > before!.updatedAt).toBe(true);
    await panel.close();
  });

  it('deletes it, and Undo brings back the identical note, still there after a reload', async () => {
    const panel = await panelOn(tabId);
    const [before] = (await storedNotes(panel)).filter((n) => n.text === edited);
    expect(before).toBeTruthy();
    await noteItem(panel, edited).getByRole('button', { name: 'Delete' }).click();
    const status = panel.getByRole('status').filter({ hasText: 'Note deleted.' });
    await expect.poll(() => status.textContent()).toBe('Note deleted. Undo');
    expect((await storedNotes(panel)).some((n) => n.id === before?.id)).toBe(false);
    // The focus moved to Undo: the keyboard reader undoes with Enter.
    const undo = status.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.keyboard.press('Enter');
    await expect.poll(() => noteItem(panel, edited).locator('.note-text').textContent()).toBe(edited);
    expect((await storedNotes(panel)).find((n) => n.id === before?.id)).toEqual(before);

    await panel.reload();
    await panel.locator('.page-entities').getByRole('button', { name: 'Clearview AI' }).click();
    const back = noteItem(panel, edited);
    await expect.poll(() => back.locator('.note-dates').textContent()).toMatch(/ · edited /);
    expect(await back.locator('.tag-chip').allTextContents()).toEqual(['court', 'privacy']);
    await panel.close();
  });

  it('offers the tags already in use on a second note, one click away', async () => {
    const panel = await panelOn(tabId);
    const second = `Ask the regulator about the fine ${Date.now()}`;
    await panel.getByRole('textbox', { name: 'Your notes' }).fill(second);
    await panel.locator('.note-new').getByRole('textbox', { name: 'Tags' }).fill('co');
    await panel.getByRole('button', { name: 'Add tag court' }).click();
    await expect.poll(() => panel.locator('.note-new .tag-chip').allTextContents()).toEqual(['court×']);
    // A tag already on the note is no longer suggested.
    expect(await panel.getByRole('button', { name: 'Add tag court' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => noteItem(panel, second).locator('.tag-chip').allTextContents()).toEqual(['court']);
    await panel.close();
  });

  it('keeps a note half written when the side panel closes, and forgets it once saved', async () => {
    let panel = await panelOn(tabId);
    const draft = `Half a thought about the client list ${Date.now()}`;
    await panel.getByRole('textbox', { name: 'Your notes' }).click();
    await panel.keyboard.type(draft);
    await panel.close();

    panel = await panelOn(tabId);
    const box = panel.getByRole('textbox', { name: 'Your notes' });
    await expect.poll(() => box.inputValue()).toBe(draft);
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => noteItem(panel, draft).count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    await panel.close();

    panel = await panelOn(tabId);
    // The saved note's draft is gone from the worker, so the box stays empty.
    const { draft: kept } = (await ask(panel, { type: 'draft.get', entityKey: CLEARVIEW_KEY })) as { draft: { text: string } | null };
    expect(kept?.text ?? '').toBe('');
    await expect.poll(() => noteItem(panel, draft).count()).toBe(1);
    expect(await panel.getByRole('textbox', { name: 'Your notes' }).inputValue()).toBe('');
    await panel.close();
  });
});

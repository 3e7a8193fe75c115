import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import {
  CLEARVIEW_KEY,
  ROOT,
  clickCardButton,
  launch,
  mentionPoint,
  openExtensionPage,
  startServer,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  type Session,
} from '../support/harness';
import { accessibilityTree, axeCard, axePage, blocking, describeViolations, rulesSeenInShadow, type AxeSummary } from '../support/a11y';

/**
 * Issue 13, accessibility checked by a machine: axe-core on the five surfaces — the hover card (in
 * its closed shadow root), the side panel, the popup, the options page and the notes library — with
 * no serious or critical violation, in the light and the dark colour scheme. Each surface is checked
 * in the states a reader brings it to (a note saved, a choice open, a notice shown), and the notices
 * a reader cannot see while they work (Saved, Exported, Undo) are read from live regions.
 */

// Each check runs in both (page.emulateMedia): the dark styles are measured for contrast like the light ones.
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
let page: Page;
let tabId: number;
const pageErrors: string[] = [];

/** axe in each colour scheme; fails with every serious or critical violation's id, targets and help. */
async function expectNoBlocking(target: Page, run: (scheme: Scheme) => Promise<AxeSummary>): Promise<AxeSummary[]> {
  const results: AxeSummary[] = [];
  for (const scheme of SCHEMES) {
    await target.emulateMedia({ colorScheme: scheme });
    const r = await run(scheme);
    const bad = blocking(r);
    expect(bad, `${scheme} colour scheme, ${target.url()}:\n${describeViolations(bad)}`).toEqual([]);
    results.push(r);
  }
  await target.emulateMedia({ colorScheme: null });
  return results;
}

/** The rules axe ran on at least one node of the page: a check that looked at nothing cannot pass. */
function examined(r: AxeSummary): string[] {
  return [...r.passes, ...r.incomplete, ...r.violations].filter((x) => x.nodes.length > 0).map((x) => x.id);
}

/** How many nodes axe measured the contrast of (passes only: an undetermined ratio is not a check). */
function contrastChecked(r: AxeSummary, inShadow = false): number {
  return r.passes.find((x) => x.id === 'color-contrast')?.nodes.filter((n) => !inShadow || n.inShadow).length ?? 0;
}

/**
 * A screen reader announces what is written into a live region it already knows; a region that
 * arrives with its message may go unheard. The test remembers the regions a page has before an action…
 */
async function rememberLiveRegions(p: Page) {
  await p.evaluate(() => {
    (window as unknown as { __liveBefore: Set<Element> }).__liveBefore = new Set(document.querySelectorAll('[role="status"],[role="alert"],[aria-live]'));
  });
}

/** …then finds the live region the message is in: its role, its aria-live, and whether it was there before. */
async function liveRegionOf(p: Page, text: string) {
  return p.evaluate((t) => {
    let inner: Element | null = null;
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    // Document order visits an element before its descendants: the last match is the innermost.
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.textContent?.includes(t)) inner = n as Element;
    const region = inner?.closest('[role="status"],[role="alert"],[aria-live]');
    if (!region) return null;
    const before = (window as unknown as { __liveBefore?: Set<Element> }).__liveBefore;
    return { role: region.getAttribute('role'), live: region.getAttribute('aria-live'), before: !!before?.has(region) };
  }, text);
}

beforeAll(async () => {
  srv = await startServer();
  s = await launch({ locale: 'en-US' });
  page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`page: ${e.message}`));
  await page.goto(`${srv.origin}/pages/clearview-en.html?id=a11y`);
  await waitForHighlights(page, 3);
  tabId = await tabIdOf(s, page);
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

describe('the hover card, in its closed shadow root', () => {
  it('has no serious or critical violation, and axe really examined the card', async () => {
    const p = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, (c) => c.buttons.includes('Open full backstory'));
    const [light] = await expectNoBlocking(page, () => axeCard(page));
    // Targets inside a shadow root are two selectors (host, node): these rules looked at the card's own nodes.
    expect(rulesSeenInShadow(light!)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'aria-dialog-name', 'link-name', 'list', 'listitem']));
    // And the contrast of its text was measured, not left undetermined.
    expect(contrastChecked(light!, true)).toBeGreaterThan(10);
    // Nothing at all, even minor: the card, shown in any page, adds no landmark of its own (a page's
    // banner and contentinfo are the page's).
    expect(light!.violations, describeViolations(light!.violations)).toEqual([]);
    // What a screen reader announces on entering it: a dialog named by the entity, described by its summary.
    const tree = await accessibilityTree(page);
    const dialog = tree.find((n) => n.role === 'dialog');
    expect(dialog).toMatchObject({ name: 'Clearview AI' });
    expect(dialog?.description).toMatch(/facial-recognition/i);
    // The product never opened its root for axe.
    expect(await page.evaluate(() => [...document.documentElement.children].some((e) => e.shadowRoot !== null))).toBe(false);
  });

  it('"Not this one": its choices, then its notice with Undo', async () => {
    await clickCardButton(page, /Not this one/);
    await waitForCard(page, (c) => c.buttons.some((b) => /Hide this mention/.test(b)));
    await expectNoBlocking(page, () => axeCard(page));
    await clickCardButton(page, /Hide this mention/);
    await waitForCard(page, (c) => c.buttons.includes('Undo'));
    await expectNoBlocking(page, () => axeCard(page));
    // The notice is a polite live region (its Undo button, focused, comes right after it).
    const notice = (await accessibilityTree(page)).find((n) => n.text === 'Hidden on this page until you reload it.' && n.live);
    expect(notice).toMatchObject({ role: 'status', live: 'polite' });
    await clickCardButton(page, /Undo/);
    await waitForCard(page, (c) => !c.buttons.includes('Undo'));
  });
});

describe('the extension pages', () => {
  describe('the side panel', () => {
    let panel: Page;
    beforeAll(async () => {
      panel = await openExtensionPage(s, 'sidepanel', tabId);
      panel.on('pageerror', (e) => pageErrors.push(`sidepanel: ${e.message}`));
    });
    afterAll(() => panel?.close());

    it('a sheet, with a note just saved', async () => {
      await panel.locator('.page-entities').getByRole('button', { name: 'Clearview AI' }).click();
      await expect.poll(() => panel.locator('main h1').textContent()).toBe('Clearview AI');
      await panel.getByRole('textbox', { name: 'Your notes' }).fill('Ask the council about the contract.');
      await rememberLiveRegions(panel);
      await panel.getByRole('button', { name: 'Save note' }).click();
      await panel.locator('.note-list .note').first().waitFor();
      // The box empties and the note joins the list: said aloud too, in the region that said "Saving…".
      await expect.poll(() => liveRegionOf(panel, 'Note saved.')).toEqual({ role: 'status', live: null, before: true });
      const [light] = await expectNoBlocking(panel, () => axePage(panel));
      expect(examined(light!)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label', 'landmark-one-main', 'list']));
      expect(contrastChecked(light!)).toBeGreaterThan(20);
    }, 120_000);

    it('a fact being flagged', async () => {
      await panel.locator('.timeline .fact').first().getByRole('button', { name: 'Flag this fact' }).click();
      await panel.locator('.timeline .fact').first().getByRole('textbox', { name: 'Reason' }).waitFor();
      await expectNoBlocking(panel, () => axePage(panel));
    }, 120_000);

    it('a note deleted, with its Undo', async () => {
      await panel.locator('.note-list .note').first().getByRole('button', { name: 'Delete' }).click();
      await panel.locator('.note-list').getByRole('button', { name: 'Undo' }).waitFor();
      expect(await liveRegionOf(panel, 'Note deleted.')).toMatchObject({ role: 'status' });
      await expectNoBlocking(panel, () => axePage(panel));
    }, 120_000);

    it('the page’s briefing', async () => {
      await panel.getByRole('button', { name: 'This page' }).click();
      await panel.locator('.briefing').waitFor();
      await expectNoBlocking(panel, () => axePage(panel));
    });
  });

  it('the popup', async () => {
    const popup = await openExtensionPage(s, 'popup', tabId);
    popup.on('pageerror', (e) => pageErrors.push(`popup: ${e.message}`));
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('Clearview AI');
    const [light] = await expectNoBlocking(popup, () => axePage(popup));
    expect(examined(light!)).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
    expect(contrastChecked(light!)).toBeGreaterThan(5);

    // Pausing, resuming and the briefing's export: each says what it did in a live region that was already there.
    await rememberLiveRegions(popup);
    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await expect.poll(() => liveRegionOf(popup, `Paused on ${new URL(srv.origin).host}.`)).toEqual({ role: 'status', live: null, before: true });
    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(() => liveRegionOf(popup, `Resumed on ${new URL(srv.origin).host}.`)).toEqual({ role: 'status', live: null, before: true });
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Save this page’s briefing (.md)' }).click()]);
    await expect.poll(() => liveRegionOf(popup, `to ${download.suggestedFilename()}`)).toEqual({ role: 'status', live: null, before: true });
    await expectNoBlocking(popup, () => axePage(popup));
    await popup.close();
  });

  it('the options page, after a backup of notes was restored', async () => {
    const options = await s.context.newPage();
    options.on('pageerror', (e) => pageErrors.push(`options: ${e.message}`));
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.locator('.pack-row').first().waitFor();
    await options.getByLabel('Notes backup').setInputFiles(backupFile());
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Restored' }).textContent()).toBe('Restored 3 notes.');
    expect(await liveRegionOf(options, 'Restored 3 notes.')).toMatchObject({ role: 'status' });
    const [light] = await expectNoBlocking(options, () => axePage(options));
    expect(examined(light!)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label']));
    expect(contrastChecked(light!)).toBeGreaterThan(10);
    await options.close();
  });

  it('the notes library, with a few notes, one deleted', async () => {
    const library = await s.context.newPage();
    library.on('pageerror', (e) => pageErrors.push(`library: ${e.message}`));
    await library.goto(`chrome-extension://${s.extensionId}/library.html`);
    await expect.poll(() => library.locator('.lib-note').count()).toBeGreaterThanOrEqual(3);
    const [light] = await expectNoBlocking(library, () => axePage(library));
    expect(examined(light!)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label', 'list']));
    expect(contrastChecked(light!)).toBeGreaterThan(10);
    await rememberLiveRegions(library);
    await library.locator('.lib-note').first().getByRole('button', { name: 'Delete' }).click();
    await library.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await liveRegionOf(library, 'Note deleted.')).toMatchObject({ role: 'status' });
    await expectNoBlocking(library, () => axePage(library));
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'JSON', exact: true }).click()]);
    await expect.poll(() => liveRegionOf(library, `to ${download.suggestedFilename()}`)).toEqual({ role: 'status', live: null, before: true });
    await library.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** A notes backup with three notes, written where the options page's file input can take it. */
function backupFile(): string {
  const note = (i: number, text: string, tags: string[]) => ({
    id: `a11y-e2e-${i}`,
    entityKey: CLEARVIEW_KEY,
    entityName: 'Clearview AI',
    text,
    tags,
    pageUrl: `https://www.example.org/article-${i}`,
    pageTitle: `Article ${i}`,
    createdAt: `2026-0${i}-01T09:00:00.000Z`,
    updatedAt: `2026-0${i}-01T09:00:00.000Z`,
  });
  const file = path.join(ROOT, '.e2e-tmp', 'a11y-notes.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const notes = [
    note(1, 'The regulator’s fine, to follow up.', ['fines']),
    note(2, 'Ask the police about their contract.', ['police', 'fines']),
    note(3, 'A third note.', []),
  ];
  fs.writeFileSync(file, JSON.stringify({ format: 'backstory-notes', version: 1, exportedAt: '2026-09-01T00:00:00.000Z', notes }));
  return file;
}

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
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
  CLEARVIEW_KEY,
} from '../support/harness';

/**
 * Issue 12, the side panel as a reader uses it: the Clearview AI sheet with its key facts first,
 * years that fold, filters by who says so and a search; a related entity followed, then Back and
 * Forward (buttons and Alt+arrows); the "This page" briefing, copied as Markdown (read back from the
 * real clipboard) and exported from the popup as a file.
 */

interface PackFact {
  id: string;
  key: boolean;
  attribution: string;
  date: string;
  text: { en: string };
}
const pack = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/packs/surveillance-tech.json'), 'utf8')) as {
  entities: { id: string; name: string; facts: PackFact[] }[];
};
const clearview = pack.entities.find((e) => e.id === 'clearview-ai');
if (!clearview) throw new Error('the bundled pack lost Clearview AI');
const FACTS = clearview.facts;
// The test's own folding (not the extension's): diacritics off, lower case.
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const pageErrors: string[] = [];
const NOTE = `Ask the police about their contract ${Date.now()}`;

beforeAll(async () => {
  srv = await startServer({
    '/clipboard.html': '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Clipboard</title></head><body></body></html>',
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

let page: Page;
let panel: Page;
let tabId: number;

const heading = () => panel.locator('main h1').textContent();
const scrollY = () => panel.evaluate(() => window.scrollY);
const shownCount = () => panel.locator('.facts-shown').textContent();
const back = () => panel.getByRole('button', { name: 'Back' });
const forward = () => panel.getByRole('button', { name: 'Forward' });

describe('the fact sheet, as a reader works through it', () => {
  it('opens on Clearview AI from the card, key facts first, the notes below the facts', async () => {
    page = await s.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`page: ${e.message}`));
    await page.goto(`${srv.origin}/pages/clearview-en.html?id=1`);
    await waitForHighlights(page, 3);
    const p = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, (c) => c.buttons.includes('Open full backstory'));
    await clickCardButton(page, /Open full backstory/);
    tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabState(s, tabId))?.focus).toBe(CLEARVIEW_KEY);

    panel = await openExtensionPage(s, 'sidepanel', tabId);
    panel.on('pageerror', (e) => pageErrors.push(`side panel: ${e.message}`));
    await expect.poll(heading).toBe('Clearview AI');
    // Nothing before it: Back and Forward are there, and disabled.
    expect(await back().isDisabled()).toBe(true);
    expect(await forward().isDisabled()).toBe(true);

    // The first facts a reader meets are the key ones, and all of them.
    const keyIds = FACTS.filter((f) => f.key).map((f) => f.id);
    const firstFacts = await panel.locator('.sheet .fact').evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute('data-fact')), keyIds.length);
    expect([...firstFacts].sort()).toEqual([...keyIds].sort());
    expect(await panel.getByRole('heading', { name: `Key facts (${keyIds.length})` }).isVisible()).toBe(true);
    expect(await shownCount()).toBe(`${FACTS.length} facts`);
    // Every fact is on the sheet once, the others in the timeline.
    expect(await panel.locator('.sheet .fact').count()).toBe(FACTS.length);

    // The notes come after the facts, not between the summary and the timeline.
    const order = await panel.evaluate(() => {
      const at = (sel: string) => [...document.querySelectorAll('main *')].indexOf(document.querySelector(sel)!);
      return { keyFacts: at('.key-facts'), timeline: at('.timeline'), notes: at('section.notes') };
    });
    expect(order.keyFacts).toBeGreaterThan(0);
    expect(order.timeline).toBeGreaterThan(order.keyFacts);
    expect(order.notes).toBeGreaterThan(order.timeline);
  });

  it('folds the timeline by year: the latest open, an older one opened and closed by click and by keyboard', async () => {
    const years = await panel
      .locator('.timeline details.year-group')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-year'), (e as HTMLDetailsElement).open]));
    expect(years[0]).toEqual(['2025', true]);
    expect(years.find(([y]) => y === '2017')).toEqual(['2017', false]);

    const y2017 = panel.locator('details.year-group[data-year="2017"]');
    const oldFact = y2017.locator('.fact').first();
    expect(await oldFact.isVisible()).toBe(false);
    await y2017.locator(':scope > summary').click();
    await oldFact.waitFor({ state: 'visible' });
    await y2017.locator(':scope > summary').click();
    await oldFact.waitFor({ state: 'hidden' });

    // Enter on the year's heading folds it, as a keyboard user would.
    const y2025 = panel.locator('details.year-group[data-year="2025"]');
    await y2025.locator(':scope > summary').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => y2025.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await panel.keyboard.press('Enter');
    await expect.poll(() => y2025.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it('filters to court facts, then searches a word in any case and without its accents', async () => {
    const court = FACTS.filter((f) => f.attribution === 'court');
    await panel.getByRole('button', { name: /^Courts/ }).click();
    expect(await panel.getByRole('button', { name: /^Courts/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(shownCount).toBe(`${court.length} of ${FACTS.length} facts`);
    const badges = await panel.locator('.sheet .fact > .fact-meta .badge').allTextContents();
    expect(badges).toEqual(court.map(() => 'Court'));
    // Every year with a court fact is open: what the reader asked for is in view.
    const visible = await panel.locator('.sheet .fact').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(court.length);

    const search = panel.getByRole('searchbox', { name: 'Search the facts' });
    await search.fill('TRIBUNAL');
    const tribunals = court.filter((f) => plain(f.text.en).includes('tribunal'));
    expect(tribunals.length).toBeGreaterThan(0);
    await expect.poll(shownCount).toBe(`${tribunals.length} of ${FACTS.length} facts`);
    expect((await panel.locator('.sheet .fact').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')))).sort()).toEqual(
      tribunals.map((f) => f.id).sort(),
    );

    // "nien" finds "Niên" (a press report: the court filter goes first).
    await panel.getByRole('button', { name: /^Courts/ }).click();
    await search.fill('nien');
    const nien = FACTS.filter((f) => plain(f.text.en).includes('nien'));
    expect(nien.length).toBeGreaterThan(0);
    await expect.poll(shownCount).toBe(`${nien.length} of ${FACTS.length} facts`);

    // Nothing found says so, and offers the way back.
    await search.fill('zzz no such word');
    await expect.poll(shownCount).toBe(`0 of ${FACTS.length} facts`);
    expect(await panel.getByText('No fact matches these filters.').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(shownCount).toBe(`${FACTS.length} facts`);
    expect(await search.inputValue()).toBe('');
  });

  it('keeps evidence, disputes and flags on the facts', async () => {
    const founded = panel.locator('li[data-fact="clearview-ai.founded-2017"]');
    expect(await founded.locator('.disputes .dispute-text').textContent()).toMatch(/2019/);
    await founded.locator('details.evidence summary').click();
    await expect.poll(() => founded.locator('details.evidence blockquote').first().isVisible()).toBe(true);
    expect(await founded.getByRole('button', { name: 'Flag this fact' }).isVisible()).toBe(true);
  });

  it('writes a note, which the briefing will carry', async () => {
    await panel.getByRole('textbox', { name: 'Your notes' }).fill(NOTE);
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => panel.locator('.note-list').textContent()).toContain(NOTE);
  });
});

describe('following related entities, back and forward', () => {
  it('opens a related entity in one click, goes back and forward with the buttons, back to where the reader was', async () => {
    await panel.locator('.related').getByRole('button', { name: 'Hoan Ton-That' }).click();
    await expect.poll(heading).toBe('Hoan Ton-That');
    expect(await back().isEnabled()).toBe(true);
    expect(await forward().isDisabled()).toBe(true);

    await back().click();
    await expect.poll(heading).toBe('Clearview AI');
    expect(await back().isDisabled()).toBe(true);
    expect(await forward().isEnabled()).toBe(true);
    // The filters start afresh on every sheet.
    expect(await shownCount()).toBe(`${FACTS.length} facts`);

    // The reader scrolls down the long sheet, goes forward (that sheet starts at its top) and back:
    // they are where they left it.
    await panel.mouse.move(200, 400);
    await panel.mouse.wheel(0, 900);
    await expect.poll(scrollY).toBeGreaterThan(0);
    const left = await scrollY();
    await forward().click();
    await expect.poll(heading).toBe('Hoan Ton-That');
    await expect.poll(scrollY).toBe(0);
    await back().click();
    await expect.poll(heading).toBe('Clearview AI');
    await expect.poll(async () => Math.abs((await scrollY()) - left)).toBeLessThan(40);

    await forward().click();
    await expect.poll(heading).toBe('Hoan Ton-That');
    expect(await forward().isDisabled()).toBe(true);
  });

  it('does the same with Alt+Left and Alt+Right, and a new entity drops what was ahead', async () => {
    await panel.locator('main h1').click();
    await panel.keyboard.press('Alt+ArrowLeft');
    await expect.poll(heading).toBe('Clearview AI');
    await panel.keyboard.press('Alt+ArrowRight');
    await expect.poll(heading).toBe('Hoan Ton-That');
    await panel.keyboard.press('Alt+ArrowLeft');
    await expect.poll(heading).toBe('Clearview AI');

    // Opening another entity from the page's list after going back: there is no forward any more.
    await panel.locator('.page-entities').getByRole('button', { name: 'PimEyes' }).click();
    await expect.poll(heading).toBe('PimEyes');
    expect(await forward().isDisabled()).toBe(true);
    await back().click();
    await expect.poll(heading).toBe('Clearview AI');
  });
});

let copied = '';

describe('the "This page" briefing', () => {
  it('lists every entity on the page, most mentioned first, with summary, dated and attributed key facts, sources and notes', async () => {
    const view = panel.getByRole('button', { name: 'This page' });
    await view.focus();
    await panel.keyboard.press('Enter');
    await panel.locator('.briefing-entity').first().waitFor();
    expect(await view.getAttribute('aria-pressed')).toBe('true');

    const counts = (await tabState(s, tabId))?.counts ?? {};
    const names = await panel.locator('.briefing-entity .briefing-name button').allTextContents();
    expect(names.length).toBe(Object.keys(counts).length);
    const shownCounts = (await panel.locator('.briefing-entity .briefing-name .count').allTextContents()).map((t) => Number.parseInt(t, 10));
    expect(shownCounts).toEqual([...shownCounts].sort((a, b) => b - a));
    expect(shownCounts.reduce((a, b) => a + b, 0)).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(names[0]).toBe('Clearview AI');

    const cv = panel.locator('.briefing-entity').first();
    expect(await cv.locator('.summary').textContent()).toMatch(/facial-recognition/i);
    const keyIds = FACTS.filter((f) => f.key).map((f) => f.id);
    expect((await cv.locator('.fact').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')))).sort()).toEqual([...keyIds].sort());
    for (const fact of await cv.locator('.fact').all()) {
      expect(await fact.locator('time').first().getAttribute('datetime')).toMatch(/^\d{4}/);
      expect(await fact.locator('.badge').first().textContent()).toMatch(/\S/);
      expect(await fact.locator('.fact-sources a').count()).toBeGreaterThan(0);
    }
    expect(await cv.locator('.note-text').allTextContents()).toContain(NOTE);
    // Every entity has its summary and at least one fact.
    for (const row of await panel.locator('.briefing-entity').all()) {
      expect(await row.locator('.summary').textContent()).toMatch(/\S/);
      expect(await row.locator('.fact').count()).toBeGreaterThan(0);
    }
  });

  it('copies the briefing as Markdown to the clipboard', async () => {
    // Chromium grants no clipboard permission to an extension's origin, so a plain page of the test
    // server reads the clipboard back: the browser's one clipboard, whatever page wrote to it.
    const reader = await s.context.newPage();
    await reader.goto(`${srv.origin}/clipboard.html`);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
    // Something else first, so the test reads what the click wrote.
    await reader.evaluate(() => navigator.clipboard.writeText('before'));
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe('before');

    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => panel.locator('.briefing-actions [role="status"]').textContent()).toBe('Copied to the clipboard.');
    await reader.bringToFront();
    copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();

    expect(copied).toMatch(/^# Briefing: Clearview AI says intruder took its client list/);
    const names = await panel.locator('.briefing-entity .briefing-name button').allTextContents();
    const headings = [...copied.matchAll(/^## (.+) — \d+ mentions?$/gm)].map((m) => m[1]);
    expect(headings.length).toBe(names.length);
    expect(headings[0]).toBe('Clearview AI');
    expect(copied).toContain(NOTE);
    // Dated in the browser's own English ("3 Sept 2024" in Britain, "Sep 3, 2024" in the US).
    expect(copied).toMatch(/^- (\d{1,2} \w{3,4}|\w{3,4} \d{1,2},) \d{4} · Regulator: /m);
  });

  it('opens an entity from the briefing; Back returns to the briefing', async () => {
    await panel.locator('.briefing-entity .briefing-name').getByRole('button', { name: 'PimEyes' }).click();
    await expect.poll(heading).toBe('PimEyes');
    await back().click();
    await panel.locator('.briefing-entity').first().waitFor();
    expect(await panel.getByRole('button', { name: 'This page' }).getAttribute('aria-pressed')).toBe('true');
    await panel.close();
  });

  it('exports the same briefing from the popup as a Markdown file', async () => {
    const popup = await openExtensionPage(s, 'popup', tabId);
    popup.on('pageerror', (e) => pageErrors.push(`popup: ${e.message}`));
    await popup.locator('.page-entities').waitFor();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Save this page’s briefing (.md)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-briefing-127\.0\.0\.1-\d+-\d{4}-\d{2}-\d{2}-\d{4}\.md$/);
    const file = fs.readFileSync(await download.path(), 'utf8');
    // The same text as the clipboard's, but for the line saying when it was made.
    const undated = (md: string) => md.replace(/^.*Made by Backstory on .*$/m, '');
    expect(copied).not.toBe('');
    expect(undated(file)).toBe(undated(copied));
    await expect
      .poll(() => popup.locator('.briefing-export [role="status"]').textContent())
      .toMatch(/^Exported the briefing of \d+ names to backstory-briefing-/);
    await popup.close();
  });
});

describe('privacy and robustness', () => {
  it('never puts the note or the briefing into the web page', async () => {
    const html = await page.content();
    expect(html).not.toContain(NOTE);
    expect(html).not.toContain('# Briefing');
  });

  it('made no network request other than to the test server', () => {
    expect(s.offHost()).toEqual([]);
  });

  it('caused no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  launch,
  openExtensionPage,
  readCard,
  spyOnSidePanel,
  startServer,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  worker,
  type Session,
} from '../support/harness';
import { cardFocus, focused, pressShortcut, tabUntil, type CardFocus } from '../support/keyboard';

// The reader's main journey with the keyboard alone: no mouse event anywhere in this file. Names in
// plain text and in a link, below the fold, with the page's own links before and after them.
const TOUR = `<!doctype html><html lang="en"><head><title>Keyboard tour</title><link rel="icon" href="data:,"></head><body>
<header><a id="home" href="#home">Site home</a></header>
<main>
<div style="height: 1000px"></div>
<p id="p1">The facial-recognition firm Clearview AI scraped billions of photos from the web.</p>
<p><a id="after" href="#after">Read the court ruling</a></p>
<p id="p2">Its rival <a id="pim" href="#pim">PimEyes</a> sells face search to anyone.</p>
<p id="p3">Cambridge Analytica harvested millions of Facebook profiles.</p>
<div style="height: 1400px"></div>
<footer><a id="contact" href="#contact">Contact</a></footer>
</main></body></html>`;

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
let keys: { next: string; previous: string };

beforeAll(async () => {
  srv = await startServer({ '/tour.html': TOUR });
  s = await launch();
});

afterAll(async () => {
  await s?.close();
  await srv?.close();
});

/** The page's focused element's id, or its tag when it has none ('body': focus is on no control). */
const pageFocus = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.localName || null);

async function inCard(page: Page): Promise<CardFocus> {
  const f = await cardFocus(page);
  if (!f) throw new Error('keyboard focus is not in the card');
  return f;
}

describe('keyboard shortcuts', () => {
  it('are really assigned by the browser: next and previous name', async () => {
    const all = await (await worker(s)).evaluate(() => chrome.commands.getAll());
    const key = (name: string) => all.find((c) => c.name === name)?.shortcut ?? '';
    // Alt+Shift+N, the former key, is one of Chrome's own (a new split tab): it was left unset.
    expect(key('next-mention')).toBe('Alt+Shift+J');
    expect(key('previous-mention')).toBe('Alt+Shift+K');
    keys = { next: key('next-mention'), previous: key('previous-mention') };
  });
});

describe('the reader’s journey, keyboard only', () => {
  let page: Page;
  let tabId: number;
  let secret: string;

  beforeAll(async () => {
    page = await s.context.newPage();
    await page.goto(`${srv.origin}/tour.html`);
    await waitForHighlights(page, 3);
    tabId = await tabIdOf(s, page);
  });

  it('reaches a name in plain text with the shortcut: its card opens with focus on its heading', async () => {
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await pressShortcut(page, keys.next);
    const card = await waitForCard(page, (c) => c.buttons.includes('Open full backstory'));
    expect(card.text).toMatch(/^Clearview AI/);
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name', text: 'Clearview AI' });
    // Brought into view: the first name below the window, since the reader was on none.
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  });

  it('Tab goes through the card in visual order, source links included, and never leaves it', async () => {
    const host = (await readCard(page))!.host;
    const seen: CardFocus[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe(host);
      const f = await inCard(page);
      seen.push(f);
      if (f.className.includes('open')) break;
    }
    expect(seen[0]?.className).toBe('close');
    const open = seen.findIndex((f) => f.className.includes('open'));
    const firstSource = seen.findIndex((f) => f.tag === 'a' && /^https:\/\//.test(f.href));
    expect(open).toBeGreaterThan(0);
    expect(firstSource).toBeGreaterThan(0);
    expect(firstSource).toBeLessThan(open);
    // After the last control ("Not this one"), Tab comes round to the first, not to the top of the page.
    await page.keyboard.press('Tab');
    expect((await inCard(page)).className).toBe('nto-toggle');
    await page.keyboard.press('Tab');
    expect((await inCard(page)).className).toBe('close');
    await page.keyboard.press('Shift+Tab');
    expect((await inCard(page)).className).toBe('nto-toggle');
  });

  it('N and P in the card step to the next and previous name', async () => {
    await page.keyboard.press('n');
    await waitForCard(page, (c) => c.text.startsWith('PimEyes'));
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name', text: 'PimEyes' });
    await page.keyboard.press('p');
    await waitForCard(page, (c) => c.text.startsWith('Clearview AI') && c.buttons.includes('Open full backstory'));
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name', text: 'Clearview AI' });
  });

  it('opens the side panel from the card, and a note is written and saved there', async () => {
    // From the heading, Shift+Tab goes round to the last controls: "Not this one", then the button.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await inCard(page)).text).toBe('Open full backstory');
    const opens = await spyOnSidePanel(s);
    await page.keyboard.press('Enter');
    await expect.poll(opens).toEqual(['ok']);

    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Clearview AI');
    const box = panel.getByRole('textbox', { name: 'Your notes' });
    await tabUntil(panel, focused(box), { max: 200 });
    secret = `Typed without a mouse ${Date.now()}`;
    await panel.keyboard.type(secret);
    await tabUntil(panel, focused(panel.getByRole('button', { name: 'Save note' })));
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.note-list').textContent()).toContain(secret);
    await panel.close();
  });

  it('the popup shows the assigned keys and exports the notes from the keyboard', async () => {
    const popup = await openExtensionPage(s, 'popup', tabId);
    await expect.poll(() => popup.locator('[data-command="next-mention"] kbd').textContent()).toBe(keys.next);
    expect(await popup.locator('[data-command="previous-mention"] kbd').textContent()).toBe(keys.previous);
    await tabUntil(popup, focused(popup.getByRole('button', { name: 'Markdown' })));
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
    expect(fs.readFileSync(await download.path(), 'utf8')).toContain(secret);
    // "Change keys" takes the reader to the browser's own page for extension shortcuts.
    await tabUntil(popup, focused(popup.getByRole('button', { name: 'Change keys' })));
    const [settings] = await Promise.all([s.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
    await settings.close();
    await popup.close();
  });

  it('Esc closes the card where the reader left it: the page stays put and Tab goes on from the name', async () => {
    await page.bringToFront();
    await waitForCard(page, (c) => c.text.startsWith('Clearview AI'));
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.press('Escape');
    await expect.poll(() => readCard(page)).toBeNull();
    expect(await page.evaluate(() => scrollY)).toBe(y);
    // A name in plain text cannot hold focus (the page would see it): the next Tab starts from it.
    expect(await pageFocus(page)).toBe('body');
    await page.keyboard.press('Tab');
    expect(await pageFocus(page)).toBe('after');
  });

  it('a name inside a link: the shortcut steps to it, Esc gives focus back to its link without reopening the card', async () => {
    await pressShortcut(page, keys.next);
    await waitForCard(page, (c) => c.text.startsWith('PimEyes'));
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name' });
    await page.keyboard.press('Escape');
    await expect.poll(() => pageFocus(page)).toBe('pim');
    expect(await readCard(page)).toBeNull();
    // The card's close button does the same as Esc.
    await pressShortcut(page, keys.next);
    await waitForCard(page, (c) => c.text.startsWith('Cambridge Analytica'));
    await pressShortcut(page, keys.previous);
    await waitForCard(page, (c) => c.text.startsWith('PimEyes'));
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name', text: 'PimEyes' });
    await page.keyboard.press('Tab');
    expect((await inCard(page)).className).toBe('close');
    await page.keyboard.press('Enter');
    await expect.poll(() => pageFocus(page)).toBe('pim');
    expect(await readCard(page)).toBeNull();
    // The previous-name shortcut goes back from the name the reader is on.
    await pressShortcut(page, keys.previous);
    await waitForCard(page, (c) => c.text.startsWith('Clearview AI'));
    await expect.poll(() => cardFocus(page)).toMatchObject({ className: 'name', text: 'Clearview AI' });
    await page.keyboard.press('Escape');
    await expect.poll(() => readCard(page)).toBeNull();
  });

  it('with no card open, N and P are the page’s own keys', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __keys: string[] };
      w.__keys = [];
      addEventListener('keydown', (e) => w.__keys.push(e.key));
    });
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual(['n', 'p']);
    expect(await readCard(page)).toBeNull();
  });
});

declare const chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

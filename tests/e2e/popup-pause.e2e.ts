import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightCount,
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
import { cleanPageUrl } from '../../utils/url/clean-page-url';

// Two servers are two sites: a site is a host with its port.
let s: Session;
let siteA: Awaited<ReturnType<typeof startServer>>;
let siteB: Awaited<ReturnType<typeof startServer>>;
const hostA = () => new URL(siteA.origin).host;

let opened = 0;
/** A page in a new tab, each with its own address so the extension's tab for it is unambiguous. */
async function open(origin: string, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await s.context.newPage();
  await page.goto(`${origin}${path}?id=${++opened}`);
  // The page's own marker: still there at the end means the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  return { page, tabId: await tabIdOf(s, page) };
}
const notReloaded = (p: Page) => p.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

/** The toolbar badge Chrome shows for a tab. */
async function badge(tabId: number): Promise<string> {
  const w = await worker(s);
  return w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await openExtensionPage(s, 'popup', tabId);
  await popup.getByTestId('page-summary').waitFor();
  return popup;
}

/** Click a popup button and wait for the notice saying what it did: the reply comes once the popup's tab applied it. */
async function press(popup: Page, button: string, notice: string) {
  await popup.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => popup.locator('p.ok').textContent()).toBe(notice);
}

beforeAll(async () => {
  [siteA, siteB] = await Promise.all([startServer(), startServer()]);
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await siteA?.close();
  await siteB?.close();
});

describe('pausing from the popup applies at once, without a reload', () => {
  it('clears every tab of the site (highlights and card) and shows paused; resuming brings them back', async () => {
    const a1 = await open(siteA.origin, '/pages/clearview-en.html');
    const a2 = await open(siteA.origin, '/pages/clearview-fr.html');
    const b = await open(siteB.origin, '/pages/clearview-en.html');
    for (const t of [a1, a2, b]) await waitForHighlights(t.page, 3);
    const bBefore = await highlightCount(b.page);
    // The reader has a card open on the first tab.
    const pt = await mentionPoint(a1.page, 'Clearview AI');
    await a1.page.mouse.move(pt.x, pt.y);
    await waitForCard(a1.page, (c) => c.buttons.length > 0);

    const popup = await popupFor(a1.tabId);
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('Clearview AI');
    expect(await badge(a1.tabId)).toBe('');

    await press(popup, 'Pause on this site', `Paused on ${hostA()}.`);
    // Once the popup says so, its tab is clear: no waiting, no reload. The site's other tab follows.
    expect(await highlightCount(a1.page)).toBe(0);
    expect(await readCard(a1.page)).toBeNull();
    await expect.poll(() => highlightCount(a2.page)).toBe(0);
    // The other site is untouched.
    expect(await highlightCount(b.page)).toBe(bBefore);
    // The popup says paused and lists nothing.
    expect(await popup.getByTestId('paused-state').textContent()).toBe('Paused on this site: nothing is highlighted or counted.');
    expect(await popup.locator('.page-entities').count()).toBe(0);
    expect(await popup.getByTestId('page-summary').textContent()).toContain('0 entities, 0 mentions');
    // The toolbar button says so on the site's tabs only.
    expect(await badge(a1.tabId)).toBe('off');
    await expect.poll(() => badge(a2.tabId)).toBe('off');
    expect(await badge(b.tabId)).toBe('');
    // The side panel says why it lists nothing, rather than that the page names nothing.
    const panel = await openExtensionPage(s, 'sidepanel', a2.tabId);
    await expect.poll(() => panel.getByTestId('page-entities-empty').textContent()).toBe('Paused on this site: nothing is highlighted or counted.');
    await panel.close();
    // The page gets no highlight back as it changes.
    await a1.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Clearview AI again.</p>'));
    await a1.page.waitForTimeout(700);
    expect(await highlightCount(a1.page)).toBe(0);

    await press(popup, 'Resume on this site', `Resumed on ${hostA()}.`);
    // The rescan has reported by the time the popup says so: highlights and counts are back.
    expect(await highlightCount(a1.page)).toBeGreaterThan(0);
    await expect.poll(() => highlightCount(a2.page)).toBeGreaterThan(0);
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('Clearview AI');
    expect(await popup.getByTestId('paused-state').count()).toBe(0);
    expect(await badge(a1.tabId)).toBe('');
    await expect.poll(() => badge(a2.tabId)).toBe('');
    // The text added while paused is read too.
    await waitForHighlights(a1.page, bBefore + 1);
    for (const t of [a1, a2, b]) expect(await notReloaded(t.page)).toBe(true);
    await popup.close();
    for (const t of [a1, a2, b]) await t.page.close();
  });

  it('"Pause everywhere" says so and clears another site’s tab too; "Resume everywhere" restores it', async () => {
    const a = await open(siteA.origin, '/pages/clearview-en.html');
    const b = await open(siteB.origin, '/pages/clearview-fr.html');
    for (const t of [a, b]) await waitForHighlights(t.page, 3);
    const popup = await popupFor(a.tabId);

    await press(popup, 'Pause everywhere', 'Paused everywhere.');
    expect(await highlightCount(a.page)).toBe(0);
    await expect.poll(() => highlightCount(b.page)).toBe(0);
    expect(await popup.getByTestId('paused-state').textContent()).toBe('Paused everywhere: nothing is highlighted or counted.');
    expect(await badge(a.tabId)).toBe('off');
    await expect.poll(() => badge(b.tabId)).toBe('off');

    await press(popup, 'Resume everywhere', 'Resumed everywhere.');
    expect(await highlightCount(a.page)).toBeGreaterThan(0);
    await expect.poll(() => highlightCount(b.page)).toBeGreaterThan(0);
    await expect.poll(() => badge(b.tabId)).toBe('');
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('Clearview AI');
    expect(await notReloaded(b.page)).toBe(true);
    await popup.close();
    for (const t of [a, b]) await t.page.close();
  });

  it('a page opened while its site is paused can be resumed from the popup; the badge follows the tab’s navigation', async () => {
    const first = await open(siteA.origin, '/pages/clearview-en.html');
    await waitForHighlights(first.page, 3);
    const popup = await popupFor(first.tabId);
    await press(popup, 'Pause on this site', `Paused on ${hostA()}.`);
    await popup.close();

    // A new tab on the paused site: nothing painted, the popup knows its site and offers to resume.
    // Its address reached the worker (tabIdOf waited for it) only once the tab had found its site paused.
    const later = await open(siteA.origin, '/pages/clearview-fr.html');
    expect(await badge(later.tabId)).toBe('off');
    expect(await highlightCount(later.page)).toBe(0);

    // The tab goes to another site (badge cleared), then back (paused again).
    await later.page.goto(`${siteB.origin}/pages/clearview-en.html?id=${++opened}`);
    await waitForHighlights(later.page, 3);
    await expect.poll(() => badge(later.tabId)).toBe('');
    await later.page.goto(`${siteA.origin}/pages/clearview-fr.html?id=${++opened}`);
    await expect.poll(() => badge(later.tabId)).toBe('off');
    await later.page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    const again = await popupFor(later.tabId);
    expect(await again.getByTestId('page-summary').textContent()).toContain(hostA());
    await press(again, 'Resume on this site', `Resumed on ${hostA()}.`);
    expect(await highlightCount(later.page)).toBeGreaterThan(0);
    await expect.poll(() => again.locator('.page-entities').textContent()).toContain('Clearview AI');
    expect(await badge(later.tabId)).toBe('');
    expect(await notReloaded(later.page)).toBe(true);
    await again.close();
    await first.page.close();
    await later.page.close();
  });
});

describe('the popup’s links', () => {
  /**
   * Click a link in the popup; the address the new tab was opened on, as the browser records it: the
   * notes library is another branch's page, and where it is not built yet the tab shows an error page.
   */
  async function follow(popup: Page, name: string | RegExp): Promise<string> {
    const cdp = await s.context.browser()!.newBrowserCDPSession();
    try {
      type Info = { targetInfo: { targetId: string; type: string; url: string } };
      let created: string | null = null;
      const urls: string[] = [];
      const seen = ({ targetInfo: t }: Info) => {
        if (t.targetId === created && t.url.startsWith('chrome-extension://')) urls.push(t.url);
      };
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      cdp.on('Target.targetCreated', (e: Info) => {
        if (e.targetInfo.type === 'page' && created === null) created = e.targetInfo.targetId;
        seen(e);
      });
      cdp.on('Target.targetInfoChanged', seen);
      const [tab] = await Promise.all([s.context.waitForEvent('page'), popup.getByRole('link', { name }).click()]);
      await tab.waitForLoadState('domcontentloaded').catch(() => {});
      await tab.close();
      expect(new Set(urls).size, urls.join(', ')).toBe(1);
      return urls[0] ?? '';
    } finally {
      await cdp.detach();
    }
  }

  it('open the options page, the notes library, and the library filtered to this page’s notes', async () => {
    const { page, tabId } = await open(siteA.origin, '/pages/clearview-en.html');
    await waitForHighlights(page, 3);
    // The reader writes a note about Clearview AI on this page, in the side panel.
    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await panel.locator('.page-entities').getByRole('button', { name: 'Clearview AI' }).click();
    await panel.getByRole('textbox', { name: 'Your notes' }).fill('Check the 2020 breach.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => panel.locator('.note-list').textContent()).toContain('Check the 2020 breach.');
    await panel.close();

    const popup = await popupFor(tabId);
    const base = `chrome-extension://${s.extensionId}`;
    expect(await follow(popup, 'Packs and settings')).toBe(`${base}/options.html`);
    expect(await follow(popup, 'Notes library')).toBe(`${base}/library.html`);
    await expect.poll(() => popup.getByTestId('notes-on-page').textContent()).toBe('1 note written on this page');
    expect(await follow(popup, '1 note written on this page')).toBe(`${base}/library.html?page=${encodeURIComponent(cleanPageUrl(page.url()))}`);
    await popup.close();
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request', () => {
    expect(s.offHost()).toEqual([]);
  });
});

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };

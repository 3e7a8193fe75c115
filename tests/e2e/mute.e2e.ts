import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickCardButton,
  highlightedTexts,
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
  readCard,
  cardButtonPoint,
} from '../support/harness';

/**
 * "Not this one", as a reader does it: from the hover card (hide one mention, mute on this site,
 * mute everywhere, each undone right there), from the side panel's list, and back from the popup and
 * the options page. Two sites (two servers: a site is a host with its port), and two tabs of one.
 */

const PIMEYES = 'backstory.surveillance-tech:pimeyes';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Face search</title></head><body><main>
  <p>Clearview AI sold face search to police departments.</p>
  <p>PimEyes runs a face search engine open to anyone.</p>
  <p>Regulators in Europe fined Clearview AI several times.</p>
  <p>In 2022 Clearview AI settled a lawsuit in Illinois.</p>
</main></body></html>`;

let s: Session;
let siteA: Awaited<ReturnType<typeof startServer>>;
let siteB: Awaited<ReturnType<typeof startServer>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  siteA = await startServer({ '/mute.html': PAGE });
  siteB = await startServer({ '/mute.html': PAGE });
  s = await launch();
});

afterAll(async () => {
  await s?.close();
  await siteA?.close();
  await siteB?.close();
});

let opened = 0;
/** A tab on a site, whose own scripts count every change made to its DOM (as a hostile page would watch). */
async function open(origin: string): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __mutations: number };
    w.__mutations = 0;
    new MutationObserver((r) => (w.__mutations += r.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.goto(`${origin}/mute.html?id=${++opened}`);
  await waitForHighlights(page, 4);
  return page;
}

const mutations = (page: Page) => page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);
const resetMutations = (page: Page) => page.evaluate(() => void ((window as unknown as { __mutations: number }).__mutations = 0));
const clearviews = async (page: Page) => (await highlightedTexts(page)).filter((t) => t === 'Clearview AI').length;
const countOf = async (tabId: number, key = CLEARVIEW_KEY) => (await tabState(s, tabId))?.counts[key] ?? 0;

/** Rest the pointer on the n-th "Clearview AI" until its card is there with its "Not this one". */
async function hoverCard(page: Page, nth = 0) {
  const p = await mentionPoint(page, 'Clearview AI', nth);
  await page.mouse.move(p.x, p.y);
  await waitForCard(page, (c) => c.buttons.includes('Not this one'));
}

let a1: Page;
let a2: Page;
let b1: Page;
let tabA1: number;
let tabA2: number;
let tabB1: number;

describe('"Not this one" from the hover card', () => {
  beforeAll(async () => {
    a1 = await open(siteA.origin);
    a2 = await open(siteA.origin);
    b1 = await open(siteB.origin);
    [tabA1, tabA2, tabB1] = await Promise.all([tabIdOf(s, a1), tabIdOf(s, a2), tabIdOf(s, b1)]);
  });

  it('hides one mention on this page and takes it out of the count; Undo (from the keyboard) brings it back', async () => {
    for (const t of [tabA1, tabA2, tabB1]) await expect.poll(() => countOf(t)).toBe(3);
    await hoverCard(a1, 1);
    await clickCardButton(a1, /Not this one/);
    await waitForCard(a1, (c) => c.buttons.includes('Hide this mention'));
    await clickCardButton(a1, /Hide this mention/);
    const card = await waitForCard(a1, (c) => c.buttons.includes('Undo'));
    expect(card.text).toContain('Hidden on this page until you reload it.');
    await expect.poll(() => clearviews(a1)).toBe(2);
    // The one hidden is the mention the card was on: the second paragraph's.
    const left = await a1.evaluate(() =>
      [...new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]))]
        .filter((r) => r.toString() === 'Clearview AI')
        .map((r) => r.startContainer.parentElement?.textContent?.slice(0, 12)),
    );
    expect(left.sort()).toEqual(['Clearview AI', 'In 2022 Clea']);
    await expect.poll(() => countOf(tabA1)).toBe(2);
    // Nothing else moved: the other tab of the site still has all three.
    expect(await clearviews(a2)).toBe(3);

    // Undo has the focus: Enter reaches it without the mouse.
    await a1.keyboard.press('Enter');
    await waitForCard(a1, (c) => c.text.includes('Undone: shown as before.'));
    await expect.poll(() => clearviews(a1)).toBe(3);
    await expect.poll(() => countOf(tabA1)).toBe(3);
  });

  it('mutes on this site: gone at once from both tabs of the site, with no reload and no DOM change a page can see; still shown on the other site', async () => {
    await a1.mouse.move(5, 5);
    await hoverCard(a1, 0);
    await clickCardButton(a1, /Not this one/);
    await waitForCard(a1, (c) => c.buttons.includes('Mute on this site'));
    await Promise.all([resetMutations(a1), resetMutations(a2), resetMutations(b1)]);
    const before = await a2.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
    await clickCardButton(a1, /Mute on this site/);
    const card = await waitForCard(a1, (c) => c.buttons.includes('Undo'));
    expect(card.text).toContain('Clearview AI is muted on this site');

    await expect.poll(() => clearviews(a1)).toBe(0);
    await expect.poll(() => clearviews(a2)).toBe(0);
    await expect.poll(() => countOf(tabA1)).toBe(0);
    await expect.poll(() => countOf(tabA2)).toBe(0);
    // Other names stay, and the other site keeps Clearview AI.
    expect(await highlightedTexts(a2)).toEqual(['PimEyes']);
    expect(await countOf(tabA2, PIMEYES)).toBe(1);
    expect(await clearviews(b1)).toBe(3);
    expect(await countOf(tabB1)).toBe(3);
    // The page's own scripts saw no DOM change at all, only the highlight gone (same registry names).
    expect(await mutations(a2)).toBe(0);
    expect(await mutations(a1)).toBe(0);
    expect(await a2.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()])).toEqual(before);
    // Hovering the muted name opens no card; hovering a name not muted still does.
    const muted = await a2.evaluate(() => {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const i = n.textContent?.indexOf('Clearview AI') ?? -1;
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 'Clearview AI'.length);
        const b = r.getBoundingClientRect();
        if (b.width > 0 && b.top >= 0 && b.bottom <= innerHeight) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    });
    expect(muted).not.toBeNull();
    await a2.mouse.move(5, 5);
    await a2.mouse.move(muted!.x, muted!.y, { steps: 4 });
    await a2.waitForTimeout(800);
    expect(await readCard(a2)).toBeNull();
    await a2.mouse.move(5, 5);
    const pim = await mentionPoint(a2, 'PimEyes');
    await a2.mouse.move(pim.x, pim.y, { steps: 4 });
    expect((await waitForCard(a2)).text).toContain('PimEyes');
    await a2.mouse.move(5, 5);
    // That card's host (added, shown, hidden) was the page's first DOM change: the next tests count from here.
    await expect.poll(() => readCard(a2)).toBeNull();
    await resetMutations(a2);
  });

  it('leaves muted names out of the popup’s list, which says how many are muted here and lists them', async () => {
    const popup = await openExtensionPage(s, 'popup', tabA2);
    await expect.poll(() => popup.getByTestId('muted-here').textContent()).toMatch(/^1 muted on this site/);
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('PimEyes');
    expect(await popup.locator('.page-entities').textContent()).not.toContain('Clearview AI');
    await popup.getByTestId('muted-here').getByRole('button', { name: 'Show' }).click();
    expect(await popup.locator('.mutes li').textContent()).toMatch(/Clearview AI · on this site/);
    await popup.close();

    const other = await openExtensionPage(s, 'popup', tabB1);
    await expect.poll(() => other.locator('.page-entities').textContent()).toContain('Clearview AI');
    expect(await other.getByTestId('muted-here').count()).toBe(0);
    await other.close();
  });

  it('lists the mute in the options page (entity, where, since); Remove brings the name back in the open tabs', async () => {
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    const row = options.locator('.mute-list li', { hasText: 'Clearview AI' });
    await row.waitFor();
    const host = new URL(siteA.origin).host;
    expect(await row.textContent()).toMatch(new RegExp(`Clearview AI · on ${host.replace(/\./g, '\\.')} · since (\\d{1,2} \\w+|\\w+ \\d{1,2},) 20\\d\\d`));
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Clearview AI is no longer muted here.');
    await expect.poll(() => options.locator('.mute-list li').count()).toBe(0);
    await options.close();

    await expect.poll(() => clearviews(a1)).toBe(3);
    await expect.poll(() => clearviews(a2)).toBe(3);
    await expect.poll(() => countOf(tabA2)).toBe(3);
    expect(await mutations(a2)).toBe(0);
  });

  it('mutes everywhere: gone on both sites; the card’s Undo brings it back everywhere', async () => {
    await hoverCard(b1, 2);
    await clickCardButton(b1, /Not this one/);
    await waitForCard(b1, (c) => c.buttons.includes('Mute everywhere'));
    await clickCardButton(b1, /Mute everywhere/);
    const card = await waitForCard(b1, (c) => c.buttons.includes('Undo'));
    expect(card.text).toContain('Clearview AI is muted everywhere');
    for (const p of [a1, a2, b1]) await expect.poll(() => clearviews(p)).toBe(0);
    for (const t of [tabA1, tabA2, tabB1]) await expect.poll(() => countOf(t)).toBe(0);

    await clickCardButton(b1, /Undo/);
    await waitForCard(b1, (c) => c.text.includes('Undone: shown as before.'));
    for (const p of [a1, a2, b1]) await expect.poll(() => clearviews(p)).toBe(3);
    for (const t of [tabA1, tabA2, tabB1]) await expect.poll(() => countOf(t)).toBe(3);
  });

  it('Unmute in the popup brings the name back to its list while it stays open, once the tab re-counted', async () => {
    await a2.mouse.move(5, 5);
    await hoverCard(a2, 0);
    await clickCardButton(a2, /Not this one/);
    await waitForCard(a2, (c) => c.buttons.includes('Mute on this site'));
    await clickCardButton(a2, /Mute on this site/);
    await waitForCard(a2, (c) => c.buttons.includes('Undo'));
    await expect.poll(() => countOf(tabA2)).toBe(0);
    await a2.mouse.move(5, 5);

    const popup = await openExtensionPage(s, 'popup', tabA2);
    await expect.poll(() => popup.getByTestId('muted-here').textContent()).toMatch(/^1 muted on this site/);
    expect(await popup.locator('.page-entities').textContent()).not.toContain('Clearview AI');
    await popup.getByTestId('muted-here').getByRole('button', { name: 'Show' }).click();
    await popup.locator('.mutes li', { hasText: 'Clearview AI' }).getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => popup.locator('.page-entities').textContent()).toContain('Clearview AI');
    await expect.poll(() => clearviews(a2)).toBe(3);
    await popup.close();
  });

  it('a page cannot mute: not with a forged click, nor with a real click lured onto a card it has faded out', async () => {
    await b1.mouse.move(5, 5);
    await hoverCard(b1, 0);
    // A page script clicking at the card's place dispatches at the host, and the closed root drops untrusted events.
    await b1.evaluate(() => {
      for (const el of document.documentElement.children)
        if (!['HEAD', 'BODY'].includes(el.tagName)) el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    expect((await waitForCard(b1)).buttons).toContain('Not this one');
    expect(await clearviews(b1)).toBe(3);
    // Clickjacking: the page fades everything (the card with it) and lures the reader's real click onto the
    // card's button: the card closes, or refuses the click, and nothing is muted.
    await clickCardButton(b1, /Not this one/);
    await waitForCard(b1, (c) => c.buttons.includes('Mute on this site'));
    const button = await cardButtonPoint(b1, /Mute on this site/);
    await b1.evaluate(() => void (document.documentElement.style.opacity = '0.3'));
    await b1.mouse.click(button.x, button.y);
    await b1.waitForTimeout(500);
    expect(await clearviews(b1)).toBe(3);
    expect(await countOf(tabB1)).toBe(3);
    await b1.evaluate(() => void (document.documentElement.style.opacity = ''));
  });
});

describe('"Not this one" from the side panel’s list of the page’s entities', () => {
  it('mutes on this site from a row, with Undo in the panel', async () => {
    const panel = await openExtensionPage(s, 'sidepanel', tabA1);
    const row = panel.locator('.page-entities li', { hasText: 'PimEyes' });
    await row.waitFor();
    await row.getByText('Not this one').click();
    await row.getByRole('button', { name: 'Mute on this site' }).click();
    // The panel has other live regions (the sheet's "N facts"): this one is the mute's notice.
    const notice = panel.getByRole('status').filter({ hasText: 'PimEyes' });
    await expect.poll(() => notice.textContent()).toMatch(/^PimEyes is muted on this site\.\s*Undo$/);
    await expect.poll(async () => (await highlightedTexts(a1)).includes('PimEyes')).toBe(false);
    await expect.poll(async () => (await highlightedTexts(a2)).includes('PimEyes')).toBe(false);
    expect(await highlightedTexts(b1)).toContain('PimEyes');
    // The muted row leaves the panel's list as the tab reports; the notice and its Undo stay.
    await expect.poll(() => panel.locator('.page-entities').textContent()).not.toContain('PimEyes');

    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notice.textContent()).toBe('PimEyes is no longer muted here.');
    await expect.poll(async () => (await highlightedTexts(a1)).includes('PimEyes')).toBe(true);
    await expect.poll(async () => (await highlightedTexts(a2)).includes('PimEyes')).toBe(true);
    await expect.poll(() => panel.locator('.page-entities').textContent()).toContain('PimEyes');
    await panel.close();
  });

  it('threw no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});

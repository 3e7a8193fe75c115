import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  clickCardButton,
  launch,
  readCard,
  spyOnSidePanel,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
  CLEARVIEW_KEY,
  closedRootNodes,
} from '../support/harness';

/**
 * The card as a reader meets it at any window size and wherever the name sits in the window: the
 * whole card inside the window, its "Open full backstory" button clickable, following its name as
 * the page scrolls, and a fact it cut expandable in place.
 */

const OPEN = /Open full backstory/;

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

async function open(width: number, height: number): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${srv.origin}/pages/card-fit.html?id=${++opened}`);
  await waitForHighlights(page, 2);
  return page;
}

type Rect = { left: number; top: number; right: number; bottom: number };

/**
 * Scrolls the page so that the name in paragraph `id` has its middle at `fy` of the window's height
 * (as a reader scrolling would), and returns the name's box.
 */
async function nameAt(page: Page, id: string, fy: number): Promise<Rect & { x: number; y: number }> {
  return page.evaluate(
    ([pid, f]) => {
      const p = document.getElementById(pid)!;
      const all = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
      const range = all.find((r) => p.contains(r.startContainer))!;
      const first = range.getClientRects()[0]!;
      window.scrollBy(0, first.top + first.height / 2 - f * document.documentElement.clientHeight);
      const r = range.getClientRects()[0]!;
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    [id, fy] as const,
  );
}

/** The name's box in paragraph `id`, where it is now. */
const nameBox = (page: Page, id: string): Promise<Rect> =>
  page.evaluate((pid) => {
    const p = document.getElementById(pid)!;
    const all = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
    const r = all.find((x) => p.contains(x.startContainer))!.getClientRects()[0]!;
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, id);

/** The window's size as the page lays out in it (without scroll bars). */
const viewport = (page: Page) => page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));

/** The card's box, as the page itself can read it (the host's). */
const cardBox = (page: Page): Promise<Rect | null> =>
  page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName));
    if (!host || getComputedStyle(host).display === 'none') return null;
    const r = host.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

interface Found {
  attrs: Record<string, string>;
  box: Rect;
}

/** Elements of the card (in its closed shadow root, reached as a person's eyes would: through CDP). */
async function inCard(page: Page, selector: string): Promise<Found[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const out: Found[] = [];
    {
      for (const nodeId of await closedRootNodes(cdp, selector)) {
        const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
        const attrs: Record<string, string> = {};
        for (let i = 0; i + 1 < attributes.length; i += 2) attrs[attributes[i]!] = attributes[i + 1]!;
        const { model } = await cdp.send('DOM.getBoxModel', { nodeId }).catch(() => ({ model: null }));
        const q = model?.border ?? [0, 0, 0, 0, 0, 0, 0, 0];
        out.push({ attrs, box: { left: q[0]!, top: q[1]!, right: q[4]!, bottom: q[5]! } });
      }
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

const inside = (r: Rect, v: { width: number; height: number }) => r.left >= 0 && r.top >= 0 && r.right <= v.width && r.bottom <= v.height;
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Hover the name and wait until its card has its content and has been placed for it. */
async function hover(page: Page, at: { x: number; y: number }) {
  await page.mouse.move(at.x, at.y);
  await waitForCard(page, (c) => c.buttons.some((b) => OPEN.test(b)));
  // Placed in the frame its content arrived in: wait for that frame to be painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('the card fits the window', () => {
  const sizes = [
    { width: 1280, height: 800 },
    { width: 800, height: 600 },
    { width: 390, height: 700 },
  ];
  const spots = [
    { where: 'near the top', id: 'left', fy: 0.1 },
    { where: 'in the middle', id: 'left', fy: 0.5 },
    { where: 'near the bottom, at the right edge', id: 'right', fy: 0.9 },
  ];
  // A tab per case: the worker opens a tab's side panel at most once a second.
  for (const size of sizes)
    for (const spot of spots)
      it(`at ${size.width}×${size.height}, for a name ${spot.where}: the whole card is in the window, beside the name, and a click on its button opens the side panel`, async () => {
        const page = await open(size.width, size.height);
        const tabId = await tabIdOf(s, page);
        const v = await viewport(page);
        const name = await nameAt(page, spot.id, spot.fy);
        await hover(page, name);
        const box = await cardBox(page);
        const label = `card ${JSON.stringify(box)}, name ${JSON.stringify(name)}, window ${JSON.stringify(v)}`;
        expect(box, label).not.toBeNull();
        expect(inside(box!, v), label).toBe(true);
        // Beside the name, not over it: every one of these windows has room for that.
        expect(overlaps(box!, name), label).toBe(false);
        const [button] = (await inCard(page, 'button.open')).map((b) => b.box);
        expect(button && inside(button, v) && inside(button, { width: box!.right, height: box!.bottom }), label).toBe(true);

        const opens = await spyOnSidePanel(s);
        await clickCardButton(page, OPEN);
        await expect.poll(opens, { timeout: 5000 }).toEqual(['ok']);
        // The worker records the focus once the panel's opening resolved, just after the spy sees it.
        await expect.poll(async () => (await tabState(s, tabId))?.focus, { timeout: 5000 }).toBe(CLEARVIEW_KEY);
        await page.close();
      });

  it('shows that its facts scroll: a fade at the edge that has more, gone once scrolled to the end', async () => {
    const page = await open(800, 600);
    const name = await nameAt(page, 'left', 0.5);
    await hover(page, name);
    const mount = async () => (await inCard(page, 'div:has(> .card)'))[0]?.attrs ?? {};
    expect(await mount()).toHaveProperty('data-more-below');
    expect(await mount()).not.toHaveProperty('data-more-above');
    // The reader scrolls the facts with the wheel over them.
    const [body] = await inCard(page, '.body');
    await page.mouse.move((body!.box.left + body!.box.right) / 2, (body!.box.top + body!.box.bottom) / 2, { steps: 4 });
    await page.mouse.wheel(0, 100);
    await expect.poll(mount).toHaveProperty('data-more-above');
    // Scrolled on to the end of the facts (then the page would scroll: the reader stops there).
    for (let i = 0; i < 30 && 'data-more-below' in (await mount()); i++) await page.mouse.wheel(0, 100);
    expect(await mount()).toHaveProperty('data-more-above');
    expect(await mount()).not.toHaveProperty('data-more-below');
    await page.close();
  });
});

describe('the card and a scrolling page', () => {
  it('follows its name as the page scrolls, and closes once the name has left the window', async () => {
    const page = await open(1280, 800);
    const name = await nameAt(page, 'left', 0.3);
    await hover(page, name);
    const before = (await cardBox(page))!;
    const gap = before.top - name.bottom;
    expect(gap).toBeGreaterThan(0);
    // The reader scrolls the page with the wheel, the pointer resting on the name.
    await page.mouse.wheel(0, 150);
    await expect.poll(async () => (await nameBox(page, 'left')).bottom).toBeLessThan(name.bottom - 100);
    // Still just below its name, at the same distance.
    await expect.poll(async () => (await cardBox(page))!.top - (await nameBox(page, 'left')).bottom).toBeCloseTo(gap, 0);
    expect((await cardBox(page))!.left).toBe(before.left);
    // All the page sees of it is the host's position and display, under names drawn for this page.
    const hostStyle = await page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName)) as HTMLElement;
      return [...host.style].map((p) => host.style.getPropertyValue(p));
    });
    expect(hostStyle).toHaveLength(3);
    expect(hostStyle.sort()).toEqual([expect.stringMatching(/^\d+px$/), expect.stringMatching(/^\d+px$/), 'block']);
    // Scrolled on (the card may now be under the pointer, and the wheel would scroll its facts: the
    // reader uses the keyboard) until the name is above the window: the card has gone.
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await nameBox(page, 'left')).bottom).toBeLessThan(0);
    await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();
    await page.close();
  });
});

describe('a fact the card cut', () => {
  it('opens in place with "Read more" and closes again with "Show less"', async () => {
    const page = await open(1280, 800);
    await hover(page, await nameAt(page, 'left', 0.2));
    // The reader scrolls the facts until a "Read more" is in sight, and clicks it.
    const [body] = await inCard(page, '.body');
    await page.mouse.move((body!.box.left + body!.box.right) / 2, (body!.box.top + body!.box.bottom) / 2, { steps: 4 });
    const inSight = async () => (await inCard(page, '.cut-toggle')).findIndex((t) => t.box.top >= body!.box.top && t.box.bottom <= body!.box.bottom - 28);
    for (let i = 0; i < 10 && (await inSight()) < 0; i++) await page.mouse.wheel(0, 80);
    const index = await inSight();
    expect(index).toBeGreaterThanOrEqual(0);
    const toggle = (await inCard(page, '.cut-toggle'))[index]!;
    expect(toggle.attrs['aria-expanded']).toBe('false');
    const textBox = async () => (await inCard(page, 'p:has(+ .cut-toggle)'))[index]!.box;
    const cutHeight = (await textBox()).bottom - (await textBox()).top;
    await page.mouse.move((toggle.box.left + toggle.box.right) / 2, (toggle.box.top + toggle.box.bottom) / 2, { steps: 4 });
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await inCard(page, '.cut-toggle'))[index]?.attrs['aria-expanded']).toBe('true');
    expect((await readCard(page))?.buttons).toContain('Show less');
    const expanded = await textBox();
    expect(expanded.bottom - expanded.top).toBeGreaterThan(cutHeight);
    // The card stayed open, in the window. The button kept the focus the click gave it: Enter on
    // it ("Show less") cuts the fact again.
    expect(inside((await cardBox(page))!, await viewport(page))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await inCard(page, '.cut-toggle'))[index]?.attrs['aria-expanded']).toBe('false');
    expect((await textBox()).bottom - (await textBox()).top).toBeCloseTo(cutHeight, 0);
    await page.close();
  });
});

describe('the card and the keyboard', () => {
  it('shows for a link naming the entity that the reader tabs to, inside the window; Escape closes it and leaves focus on the link', async () => {
    const page = await open(800, 600);
    await page.keyboard.press('Tab');
    await waitForCard(page, (c) => c.buttons.some((b) => OPEN.test(b)));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('link');
    const v = await viewport(page);
    expect(inside((await cardBox(page))!, v)).toBe(true);
    expect(overlaps((await cardBox(page))!, await nameBox(page, 'link'))).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('link');
    await page.close();
  });

  it('clears the name’s active highlight whatever closed the card (here its own × button)', async () => {
    const page = await open(1280, 800);
    const sizes = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].map((h) => h.size).sort());
    const before = await sizes();
    await hover(page, await nameAt(page, 'left', 0.2));
    // One more range: the name the card describes, in the active highlight.
    expect((await sizes()).reduce((a, b) => a + b)).toBe(before.reduce((a, b) => a + b) + 1);
    const [close] = await inCard(page, 'button.close');
    await page.mouse.click((close!.box.left + close!.box.right) / 2, (close!.box.top + close!.box.bottom) / 2);
    await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();
    expect(await sizes()).toEqual(before);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, reportedFrames, scanStats, startServer, tabIdOf, tabState, waitForCard, type Session, CLEARVIEW_KEY } from '../support/harness';
import { pressShortcut } from '../support/keyboard';
import { screenshotRgba, type Clip } from '../support/pixels';

/**
 * Coverage of modern pages: names inside open shadow roots (nested, and in a feed of custom elements
 * that upgrade and keep loading) and in same-origin and about:blank frames are found (the tab's
 * counts, as the popup shows them), painted (ranges in that document's highlight registry, and
 * highlight colour on screen) and hover-able (the real mouse over the name opens the card). A closed
 * shadow root stays out of reach.
 */

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
/** A blank page that decodes screenshots into pixels, away from the pages under test. */
let pixels: Page;
let opened = 0;

const CLOSED =
  '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p>Clearview AI in the open.</p>' +
  '<div id="sealed"></div><script>document.getElementById("sealed").attachShadow({ mode: "closed" }).innerHTML = "<p>Clearview AI sealed away.</p>";</script></body></html>';

// No element on the way to the names has an id: their rules name them by position, which the page then shifts.
const SHIFTING =
  '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><style>body { font: 20px sans-serif; color: #444; background: #eee; }</style></head>' +
  '<body><section><p>An article.</p><p><span>Clearview AI</span> sold face search to police.</p></section>' +
  '<section><p>PimEyes did it for anyone.</p></section></body></html>';

// The names' rules start at the id of the section around them, which the page then changes.
const RENAMED =
  '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><style>body { font: 20px sans-serif; color: #444; background: #eee; }</style></head>' +
  '<body><main id="story"><p>An article.</p><p><span>Clearview AI</span> sold face search to police.</p></main></body></html>';

// Text right under a shadow root has no parent element: its highlight style comes from the host.
const BARE_SHADOW =
  '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><style>body { font: 20px sans-serif; color: #444; background: #eee; }</style></head>' +
  '<body><p>A post:</p><x-post></x-post><script>document.querySelector("x-post").attachShadow({ mode: "open" }).textContent = "Clearview AI sold face search to police.";</script></body></html>';

beforeAll(async () => {
  srv = await startServer({ '/closed.html': CLOSED, '/shifting.html': SHIFTING, '/renamed.html': RENAMED, '/bare-shadow.html': BARE_SHADOW });
  s = await launch();
  pixels = await s.context.newPage();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

async function open(path: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`${srv.origin}${path}?id=${++opened}`);
  return page;
}

/** The document's painted ranges (read in its main world, as harness.highlightedTexts does), whitespace folded. */
function painted(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]))].map((r) =>
      r.toString().replace(/\s+/g, ' '),
    ),
  );
}

/** The painted range inside element #id (looked up through open shadow roots), in the top page's viewport. */
async function rangeBox(frame: Page | Frame, id: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const box = await frame.evaluate((target) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.getElementById(target);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot ? find(el.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const el = find(document);
    if (!el) return null;
    const ranges = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
    const range = ranges.find((r) => el.contains(r.startContainer));
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
  }, id);
  if (!box) return null;
  // A frame's coordinates start at its element's content box in the top page.
  const owner = 'frameElement' in frame ? await (await frame.frameElement()).boundingBox() : null;
  return owner ? { ...box, x: box.x + owner.x, y: box.y + owner.y } : box;
}

/** Pixels of the page's screenshot inside `clip` that carry the highlight's yellow (the text and paper are grey). */
async function yellowPixels(page: Page, clip: Clip): Promise<number> {
  const d = await screenshotRgba(pixels, page, clip);
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 0) - (d[i + 2] ?? 0) > 40) n++;
  return n;
}

/** The tab's count of Clearview AI, as the popup reads it from the worker's tab state. */
async function countOf(page: Page): Promise<number> {
  const tabId = await tabIdOf(s, page);
  return (await tabState(s, tabId))?.counts[CLEARVIEW_KEY] ?? 0;
}

/** The element (id) holding the name the card is open on: the one range in the smaller highlight. */
function activeName(frame: Page | Frame): Promise<string | null> {
  return frame.evaluate(() => {
    const marks = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].filter((h) => h.size === 1);
    const r = marks.length === 1 ? [...marks[0]!][0] : undefined;
    return r ? (r.startContainer.parentElement?.closest('[id]')?.id ?? null) : null;
  });
}

/**
 * Whether the frame's document shows a card: a host beside its head and body, not hidden (it hides
 * through a custom property set to none on its style, as harness.readCard reads it).
 */
function cardShown(frame: Page | Frame): Promise<boolean> {
  return frame.evaluate(() =>
    [...document.documentElement.children].some((e) => e !== document.head && e !== document.body && !/:\s*none\b/.test(e.getAttribute('style') ?? '')),
  );
}

/** The real mouse over the name at `box`: the card opens on it. */
async function hover(page: Page, box: { x: number; y: number; width: number; height: number }) {
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return waitForCard(page, (c) => c.text.includes('Clearview AI') && c.buttons.length > 0);
}

describe('an article inside nested open shadow roots', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/pages/shadow-article.html');
    await page.waitForFunction(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].some((h) => h.size >= 3), null, {
      timeout: 10_000,
    });
  });

  it('finds the names in both shadow levels, across inline markup, and counts them for the tab', async () => {
    expect((await painted(page)).sort()).toEqual(['Clearview AI', 'Clearview AI', 'PimEyes']);
    await expect.poll(() => countOf(page), { timeout: 10_000 }).toBe(2);
  });

  it('paints them on screen', async () => {
    for (const id of ['headline', 'deep']) {
      const box = await rangeBox(page, id);
      expect(box, id).not.toBeNull();
      expect(await yellowPixels(page, box!), id).toBeGreaterThan(20);
    }
  });

  it('opens the card when the mouse rests on a name two shadow roots deep', async () => {
    const box = await rangeBox(page, 'deep');
    const card = await hover(page, box!);
    expect(card.text).toContain('Clearview AI');
  });

  it('steps through the names in page order with the shortcut, from one shadow tree into another', async () => {
    await page.mouse.move(5, 5);
    // Ranges in different trees cannot be compared by the DOM (it throws): the order crosses the hosts.
    const seen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await activeName(page);
      await pressShortcut(page, 'Alt+Shift+J');
      await expect.poll(() => activeName(page), { timeout: 10_000 }).not.toBe(before);
      seen.push(await activeName(page));
    }
    // Stepping goes on from the name the reader was last on (hovered above): the page's order, wrapping round.
    const order = ['headline', 'deep', 'rival'];
    const start = order.indexOf(seen[0] ?? '');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(seen).toEqual([0, 1, 2].map((i) => order[(start + i) % 3]));
  });

  it('opens the card when keyboard focus lands on a link inside a shadow tree', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const card = await waitForCard(page, (c) => c.text.includes('PimEyes'));
    expect(card.text).toContain('PimEyes');
  });
});

describe('a closed shadow root', () => {
  it('is out of reach: its name is neither counted nor painted', async () => {
    const page = await open('/closed.html');
    await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(() => countOf(page), { timeout: 10_000 }).toBe(1);
    // The paragraph in the open is painted; the text in the closed root shows no highlight colour.
    const closed = await page.evaluate(() => {
      const r = document.getElementById('sealed')!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    expect(await yellowPixels(page, closed)).toBe(0);
  });
});

describe('a feed of custom elements that upgrade late and keep loading', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/pages/shadow-feed.html');
    await page.waitForSelector('body[data-loaded]');
  });

  it('finds every post, those upgraded after the first scan and those appended later', async () => {
    await expect.poll(() => painted(page), { timeout: 15_000 }).toHaveLength(6);
    await expect.poll(() => countOf(page), { timeout: 10_000 }).toBe(6);
  });

  it('opens the card on a name in a post that upgraded late, and on one that was appended', async () => {
    for (const n of [1, 6]) {
      const box = await page.evaluate((i) => {
        const post = document.querySelector(`feed-post[data-n="${i}"]`)!;
        const text = post.shadowRoot!.querySelector('p')!.firstChild!;
        const ranges = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
        const r = ranges.find((x) => x.startContainer === text)!.getClientRects()[0]!;
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }, n);
      const card = await hover(page, box);
      expect(card.text).toContain('Clearview AI');
    }
  });
});

describe('a page with a same-origin frame and an about:blank frame written by script', () => {
  let page: Page;
  let post: Frame;
  let comments: Frame;
  beforeAll(async () => {
    page = await open('/pages/frames.html');
    await page.waitForLoadState('load');
    const byId = async (id: string) => (await (await page.$(`#${id}`))!.contentFrame())!;
    post = await byId('post');
    comments = await byId('comments');
  });

  it('scans each frame and adds its names to the tab’s counts', async () => {
    await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(() => painted(post), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(() => painted(comments), { timeout: 10_000 }).toEqual(['Clearview AI']);
    // One in the page, one in each frame: the frames' reports add up, none replaces another.
    await expect.poll(() => countOf(page), { timeout: 10_000 }).toBe(3);
  });

  it('paints the names inside the frames', async () => {
    for (const [frame, id] of [
      [post, 'embedded'],
      [comments, 'comment'],
    ] as const) {
      const box = await rangeBox(frame, id);
      expect(box, id).not.toBeNull();
      expect(await yellowPixels(page, box!), id).toBeGreaterThan(20);
    }
  });

  it('opens the card inside the frame under the mouse', async () => {
    for (const [frame, id] of [
      [post, 'embedded'],
      [comments, 'comment'],
    ] as const) {
      const card = await hover(page, (await rangeBox(frame, id))!);
      expect(card.text).toContain('Clearview AI');
      // The card belongs to the frame's document, where the name is: a host beside its head and body
      // (polled: the card read above may still be the previous frame's, closing).
      await expect.poll(() => cardShown(frame), { timeout: 5_000 }).toBe(true);
    }
  });

  it('closes a frame’s card when the pointer leaves the frame', async () => {
    await page.mouse.move(5, 5);
    await expect.poll(() => Promise.all([post, comments].map(cardShown)), { timeout: 5_000 }).toEqual([false, false]);
  });

  it('the step key opens one card, on the top page’s name, not one per frame', async () => {
    await pressShortcut(page, 'Alt+Shift+J');
    await expect.poll(() => cardShown(page), { timeout: 10_000 }).toBe(true);
    expect(await Promise.all([post, comments].map(cardShown))).toEqual([false, false]);
  });

  it('answers scan.stats with the top frame’s text, and each frame with its own when asked by its frameId (the benchmark reads them so)', async () => {
    const tabId = await tabIdOf(s, page);
    // Characters each document's walk reads: the text of its paragraphs and heading.
    const textOf = (frame: Page | Frame) => frame.evaluate(() => [...document.querySelectorAll('h1, p')].reduce((n, e) => n + (e.textContent ?? '').length, 0));
    const top = await scanStats(s, tabId);
    expect([top.chars, top.mentions]).toEqual([await textOf(page), 1]);
    // A visible tab paints: the scan waited for a real frame before judging visibility, never for its limit.
    expect(top.frameWaits).toBeGreaterThan(0);
    expect(top.frameTimeouts).toBe(0);
    await expect.poll(() => reportedFrames(s, tabId), { timeout: 10_000 }).toHaveLength(3);
    const frameIds = (await reportedFrames(s, tabId)).filter((id) => id !== 0);
    const own = await Promise.all(frameIds.map(async (id) => (await scanStats(s, tabId, 10_000, id)).chars));
    expect(own.sort((a, b) => a - b)).toEqual((await Promise.all([post, comments].map(textOf))).sort((a, b) => a - b));
    for (const id of frameIds) expect((await scanStats(s, tabId, 10_000, id)).mentions).toBe(1);
  });
});

describe('a page with empty about:blank frames, one written into later', () => {
  it('leaves an empty frame alone, and reads one once text is written into it', async () => {
    const page = await open('/pages/frame-late.html');
    const tabId = await tabIdOf(s, page);
    await scanStats(s, tabId);
    // The empty frames built nothing and asked nothing: only the top page reported.
    await page.waitForTimeout(500);
    expect(await reportedFrames(s, tabId)).toEqual([0]);
    const late = (await (await page.$('#late'))!.contentFrame())!;
    await expect.poll(() => painted(late), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(() => countOf(page), { timeout: 10_000 }).toBe(1);
    // The slot that stayed empty still has not started.
    expect(await reportedFrames(s, tabId)).toHaveLength(2);
    await page.close();
  });
});

describe('a page whose body is replaced', () => {
  it('reads the new body, and what is added to it afterwards', async () => {
    const page = await open('/pages/body-swap.html');
    await scanStats(s, await tabIdOf(s, page));
    await expect.poll(async () => (await painted(page)).sort(), { timeout: 10_000 }).toEqual(['Clearview AI', 'PimEyes']);
    await page.close();
  });
});

describe('a page that shifts what comes before its names', () => {
  /** The painted range holding `name`, in the viewport. */
  const boxOf = (page: Page, name: string) =>
    page.evaluate((n) => {
      const ranges = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
      const rect = ranges.find((r) => r.toString() === n)?.getClientRects()[0];
      return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
    }, name);

  it('keeps them painted: the rules follow each name to its new place', async () => {
    const page = await open('/shifting.html');
    await expect.poll(async () => (await painted(page)).sort(), { timeout: 10_000 }).toEqual(['Clearview AI', 'PimEyes']);
    for (const name of ['Clearview AI', 'PimEyes']) expect(await yellowPixels(page, (await boxOf(page, name))!), name).toBeGreaterThan(20);
    // Chromium: the rules name the elements holding the names, not every element of the page (whose
    // style the browser would then recompute in full when they go in).
    const selectors = await page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sh) => [...sh.cssRules].map((r) => (r as CSSStyleRule).selectorText ?? '')),
    );
    expect(selectors.filter((t) => t.includes('::highlight(')).length).toBeGreaterThan(0);
    for (const t of selectors) expect(t).not.toMatch(/(^|,\s*)::highlight/);
    // New elements before each name, and before their sections: every position on the way changes.
    await page.evaluate(() => {
      for (const sec of document.querySelectorAll('section')) sec.prepend(Object.assign(document.createElement('p'), { textContent: 'Update.' }));
      document.body.prepend(Object.assign(document.createElement('div'), { textContent: 'Live: the latest.' }));
      document.querySelector('section p:nth-child(3)')!.prepend(Object.assign(document.createElement('i'), { textContent: 'Earlier: ' }));
    });
    for (const name of ['Clearview AI', 'PimEyes']) {
      await expect.poll(async () => yellowPixels(page, (await boxOf(page, name))!), { timeout: 10_000, message: name }).toBeGreaterThan(20);
    }
    await page.close();
  });

  it('keeps them painted when an id on the way changes, though no text moved', async () => {
    const page = await open('/renamed.html');
    await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(async () => yellowPixels(page, (await boxOf(page, 'Clearview AI'))!), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.evaluate(() => (document.getElementById('story')!.id = 'story-live'));
    await expect.poll(async () => yellowPixels(page, (await boxOf(page, 'Clearview AI'))!), { timeout: 10_000 }).toBeGreaterThan(20);
    // Then gone altogether: the rule climbs to the root.
    await page.evaluate(() => document.getElementById('story-live')!.removeAttribute('id'));
    await expect.poll(async () => yellowPixels(page, (await boxOf(page, 'Clearview AI'))!), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.close();
  });

  it('paints a name written right under a shadow root, with no element around it', async () => {
    const page = await open('/bare-shadow.html');
    await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(['Clearview AI']);
    await expect.poll(async () => yellowPixels(page, (await boxOf(page, 'Clearview AI'))!), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.close();
  });
});

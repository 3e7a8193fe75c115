import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickCardButton,
  highlightedTexts,
  launch,
  mentionPoint,
  readCard,
  spyOnSidePanel,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  type Session,
  CLEARVIEW_KEY,
  worker,
} from '../support/harness';

/**
 * What a hostile page's own scripts can learn about the reader's packs (issue: "a hostile page
 * learns nothing the reader did not show it"). Every probe runs in the page's main world, as the
 * page's scripts would.
 */

const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">';

/** Known names planted where the reader cannot see them, one way each, next to visible ones. */
const PLANTED = `${head}<style>
  body { margin: 0; font: 16px/1.4 serif; }
  .offscreen { position: absolute; left: -9999px; top: 0; }
  .transparent { opacity: 0; }
  .tiny { font-size: 1px; }
  .clipped { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .under { position: relative; height: 30px; }
  .under .cover { position: absolute; inset: 0; background: #fff; }
  .far { margin-top: 3000px; }
</style></head><body>
  <p id="seen">Clearview AI is named in plain sight.</p>
  <p class="offscreen">PimEyes off-screen.</p>
  <p class="transparent">Palantir Technologies in transparent text.</p>
  <p class="tiny">NSO Group in a one-pixel font.</p>
  <p><span class="clipped">Cambridge Analytica clipped to a pixel.</span>Nothing else here.</p>
  <div class="under"><p style="margin:0">Amazon Rekognition under a cover.</p><div class="cover"></div></div>
  <p><span id="secret" class="transparent">PLANTED SECRET QUOTE</span> An ordinary sentence.</p>
  <p class="far">Hoan Ton-That, far below but in the page.</p>
</body></html>`;

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  srv = await startServer({
    '/planted.html': PLANTED,
    '/plain.html': `${head}</head><body><p>Plain words only.</p></body></html>`,
    '/kept.html': `${head}<title>A title the worker keeps</title></head><body><p>Clearview AI and the words qzxunkeptmarker nobody stores.</p></body></html>`,
  });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

/** Everything the page can read of our highlights and styles. */
function pageProbe(page: Page) {
  return page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const rules = document.adoptedStyleSheets.flatMap((sh) => [...sh.cssRules].map((r) => r.cssText));
    return { names: [...reg.keys()], rules, texts: [...new Set([...reg.values()].flatMap((h) => [...h]))].map((r) => r.toString()) };
  });
}

describe('names the reader cannot see', () => {
  let page: Page;
  beforeAll(async () => {
    page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    await page.waitForTimeout(500);
  });

  it('are not painted: the page reads only the visible names from CSS.highlights', async () => {
    expect((await pageProbe(page)).texts.sort()).toEqual(['Clearview AI', 'Hoan Ton-That']);
  });

  it('are not counted in the popup', async () => {
    const counts = (await tabState(s, await tabIdOf(s, page)))?.counts ?? {};
    expect(Object.keys(counts).sort()).toEqual([CLEARVIEW_KEY, 'backstory.surveillance-tech:hoan-ton-that']);
  });

  it('leave the registry and the adopted rules without the product’s name, and different on every page', async () => {
    const first = await pageProbe(page);
    expect(first.names).toHaveLength(2);
    expect(JSON.stringify(first)).not.toMatch(/backstory|mention/i);
    const again = await s.context.newPage();
    await again.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(again, 2);
    const second = await pageProbe(again);
    await again.close();
    expect(second.names.filter((n) => first.names.includes(n))).toEqual([]);
    expect(second.rules.join('\n')).not.toBe(first.rules.join('\n'));
  });

  it('leave no trace at all on a page that names nothing', async () => {
    const plain = await s.context.newPage();
    await plain.goto(`${srv.origin}/plain.html`);
    await plain.waitForTimeout(800);
    expect(await pageProbe(plain)).toEqual({ names: [], rules: [], texts: [] });
    await plain.close();
  });
});

describe('what the content script announces to the page', () => {
  it('posts no message and dispatches no event of its own on a page, and names nothing of the extension', async () => {
    const page = await s.context.newPage();
    // The page listens from its first script on: window messages, and the event types it could guess.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      addEventListener('message', (e) => seen.push(`message ${JSON.stringify(e.data)}`), true);
      // Events dispatched by another world reach the page's listeners if it knows the type: the
      // extension's id is public once it is in a store, so listen for what a page could guess.
      for (const t of ['message', 'content-script-started', 'wxt:content-script-started'])
        document.addEventListener(t, (e) => seen.push(`event ${e.type}`), true);
    });
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((m) => m.includes(s.extensionId) || /wxt|content-script/i.test(m))).toEqual([]);
    // And the event type a page knowing the id would listen for is never dispatched.
    const heard = await page.evaluate(async (id) => {
      const got: string[] = [];
      document.addEventListener(`${id}:content:wxt:content-script-started`, (e) => got.push(e.type));
      // A frame added now runs the content script afresh.
      const f = document.createElement('iframe');
      f.srcdoc = '<p>Clearview AI in a frame.</p>';
      document.body.append(f);
      await new Promise((r) => setTimeout(r, 1500));
      return got;
    }, s.extensionId);
    expect(heard).toEqual([]);
    // A single-page app's new route: WXT's watcher announced it on window.
    const routed = await page.evaluate(async (id) => {
      const got: string[] = [];
      addEventListener(`${id}:content:wxt:locationchange`, (e) => got.push(e.type));
      history.pushState({}, '', '/planted.html?route=2');
      await new Promise((r) => setTimeout(r, 1500));
      return got;
    }, s.extensionId);
    expect(routed).toEqual([]);
    await page.close();
  });

  it('is not stopped by an event a page forges in its name', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
    }, s.extensionId);
    await page.waitForTimeout(300);
    // Still reading: a paragraph added afterwards is scanned and painted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'PimEyes, added after the forged event.';
      document.body.prepend(p);
    });
    await expect.poll(async () => (await highlightedTexts(page)).includes('PimEyes'), { timeout: 8000 }).toBe(true);
    await page.close();
  });
});

describe('events a page forges', () => {
  it('open no card and no panel, and change nothing the panel shows', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    const opens = await spyOnSidePanel(s);
    const pt = await mentionPoint(page, 'Clearview AI');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      const init = { bubbles: true, composed: true, clientX: x, clientY: y, button: 0 };
      for (let i = 0; i < 5; i++) {
        target.dispatchEvent(new PointerEvent('pointermove', init));
        target.dispatchEvent(new MouseEvent('click', init));
      }
    }, pt);
    await page.waitForTimeout(800);
    expect(await readCard(page)).toBeNull();
    expect(await opens()).toEqual([]);
    expect((await tabState(s, await tabIdOf(s, page)))?.focus ?? null).toBeNull();
    await page.close();
  });
});

describe('the card under page CSS and scripts', () => {
  it('cannot be hidden or moved by rules or style rewrites aimed at its host', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    const pt = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(pt.x, pt.y);
    await waitForCard(page, (c) => c.buttons.length > 1);
    // The page learns the host and its custom property names, then attacks them every way it can.
    await page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName)) as HTMLElement;
      const props = [...host.style].filter((p) => p.startsWith('--'));
      const css = document.createElement('style');
      css.textContent =
        `${host.localName} { ${props.map((p) => `${p}: none !important;`).join(' ')} display: none !important; left: -5000px !important; top: -5000px !important; opacity: 0 !important; transform: translateX(400px) !important; }\n` +
        `* { ${props.map((p) => `${p}: 0px !important;`).join(' ')} }`;
      document.head.append(css);
      for (const p of props) host.style.setProperty(p, 'none');
      host.setAttribute('style', 'display:none');
    });
    await page.mouse.move(1, 1);
    await page.waitForTimeout(700);
    await page.mouse.move(pt.x, pt.y);
    await waitForCard(page, (c) => c.buttons.length > 1);
    const box = await page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName))!;
      const r = host.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    expect(box.width).toBe(360);
    expect(box.height).toBeGreaterThan(100);
    // Placed by the name it describes, not where the page wanted it.
    expect(Math.abs(box.top - pt.y)).toBeLessThan(60);
    expect(box.left).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('a selection the page plants', () => {
  it('does not become the quote of a note', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    // The page's capture listener runs before ours: it selects hidden text as the reader clicks.
    await page.evaluate(() => {
      addEventListener(
        'pointerdown',
        () => {
          const r = document.createRange();
          r.selectNodeContents(document.getElementById('secret')!);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
        },
        true,
      );
    });
    const pt = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(pt.x, pt.y);
    await waitForCard(page, (c) => c.buttons.includes('Open full backstory'));
    await clickCardButton(page, /Open full backstory/);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabState(s, tabId))?.focus).toBe(CLEARVIEW_KEY);
    expect(await page.evaluate(() => String(getSelection()))).toBe('PLANTED SECRET QUOTE');
    expect((await tabState(s, tabId))?.quote ?? null).toBeNull();
    await page.close();
  });
});

describe('the text a page sends the worker', () => {
  it('is kept nowhere: not in IndexedDB, nor in session or local storage, where the title and counts are', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/kept.html`);
    await waitForHighlights(page, 1);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabState(s, tabId))?.title, { timeout: 10_000 }).toBe('A title the worker keeps');
    const w = await worker(s);
    const dump = await w.evaluate(async () => {
      const out: unknown[] = [await chrome.storage.session.get(null), await chrome.storage.local.get(null)];
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(new Error(String(r.error)));
        });
        for (const store of [...db.objectStoreNames]) {
          const rows = await new Promise<unknown[]>((ok, ko) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => ok(r.result);
            r.onerror = () => ko(new Error(String(r.error)));
          });
          out.push(store, rows);
        }
        db.close();
      }
      // Typed arrays (the compiled dictionary) as plain arrays, so the dump is text.
      return JSON.stringify(out, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));
    });
    // Where the worker does keep a page's title and counts: the search looked in the right places.
    expect(dump).toContain('A title the worker keeps');
    expect(dump).toContain(CLEARVIEW_KEY);
    expect(dump).not.toContain('qzxunkeptmarker');
    await page.close();
  });
});

describe('privacy over the whole suite', () => {
  it('made no network request beyond the test server', () => {
    expect(s.offHost()).toEqual([]);
  });

  it('the visible names were highlighted all along (the checks above are not vacuous)', async () => {
    const page = await s.context.newPage();
    await page.goto(`${srv.origin}/planted.html`);
    await waitForHighlights(page, 2);
    expect((await highlightedTexts(page)).sort()).toEqual(['Clearview AI', 'Hoan Ton-That']);
    await page.close();
  });
});

/** The worker's storage areas, as the test reads them inside the worker. */
declare const chrome: { storage: Record<'session' | 'local', { get(keys: null): Promise<Record<string, unknown>> }> };

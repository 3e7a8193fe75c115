import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  ROOT,
  corpusDir,
  launch,
  mentionPoint,
  openExtensionPage,
  startServer,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  type Session,
  closedRootNodes,
} from '../support/harness';
import { screenshotRgba, type Clip } from '../support/pixels';

/**
 * The reader's display modes and right-to-left pages: the card and the extension pages in dark mode
 * and in forced colours, the card's motion under reduced motion, and the card on the corpus's
 * right-to-left pages (screenshots in out/modes/, to be looked at).
 */

const OUT = path.join(ROOT, 'out/modes');
const OPEN = /Open full backstory/;

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
/** A blank page that decodes screenshots into pixels (a canvas), away from the pages under test. */
let pixels: Page;

/**
 * The corpus's right-to-left pages (found by their dir: on <html>, <body>, <main> or <article>) are
 * Latin placeholder text; each gets a paragraph in Arabic, Hebrew or Persian naming an entity, put in
 * their right-to-left block so that it takes the page's direction.
 */
const PLANTED: Record<string, string> = {
  ar: 'استخدمت الشرطة في عدة دول برنامج Clearview AI للتعرف على الوجوه، وقالت هيئات حماية البيانات الأوروبية إن شركة Clearview AI جمعت صور الناس دون علمهم.',
  he: 'לפי דיווחים, הרוגלה של NSO Group הותקנה בטלפונים של עיתונאים, והחברה טוענת שהיא מוכרת אותה רק לממשלות.',
  fa: 'شرکت Cambridge Analytica اطلاعات میلیون‌ها کاربر فیس‌بوک را بدون اجازهٔ آنها جمع‌آوری کرد.',
};
const NAMES: Record<string, string> = { ar: 'Clearview AI', he: 'NSO Group', fa: 'Cambridge Analytica' };

function rtlPages(): { file: string; lang: string; html: string }[] {
  const dir = corpusDir();
  if (!dir) return [];
  const langs = ['ar', 'he', 'fa'];
  return fs
    .readdirSync(path.join(dir, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({ file, html: fs.readFileSync(path.join(dir, 'pages', file), 'utf8') }))
    .filter(({ html }) => /<(html|body|main|article)\b[^>]*\bdir=["']?rtl/i.test(html) && html.length < 200_000)
    .map(({ file, html }, i) => {
      const lang = langs[i % langs.length]!;
      // Several paragraphs after the planted one: the page scrolls, so its scroll bar is there too.
      const filler = Array.from({ length: 12 }, () => `<p lang="${lang}">${PLANTED[lang]}</p>`).join('');
      return { file, lang, html: html.replace(/<h1>([^<]*)<\/h1>/i, `<h1>$1</h1><p lang="${lang}" id="planted">${PLANTED[lang]}</p>${filler}`) };
    });
}
const RTL = rtlPages();

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  srv = await startServer(Object.fromEntries(RTL.map((p) => [`/rtl/${p.file}`, p.html])));
  s = await launch({ locale: 'en-US' });
  pixels = await s.context.newPage();
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

type Rect = { left: number; top: number; right: number; bottom: number };

/** Computed style and box of the first element of the open card that matches. */
async function inCard(page: Page, selector: string): Promise<{ style: Record<string, string>; box: Rect; attrs: Record<string, string> }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const [nodeId] = await closedRootNodes(cdp, selector);
    if (nodeId === undefined) throw new Error(`no ${selector} in the card`);
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const q = model.border;
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const attrs: Record<string, string> = {};
    for (let i = 0; i + 1 < attributes.length; i += 2) attrs[attributes[i]!] = attributes[i + 1]!;
    return {
      style: Object.fromEntries(computedStyle.map((p) => [p.name, p.value])),
      box: { left: Math.min(q[0]!, q[6]!), top: Math.min(q[1]!, q[3]!), right: Math.max(q[2]!, q[4]!), bottom: Math.max(q[5]!, q[7]!) },
      attrs,
    };
  } finally {
    await cdp.detach();
  }
}

/** [r, g, b] of a CSS colour as the browser computes it (system colours included), in `page`. */
const resolve = (page: Page, colour: string): Promise<[number, number, number, number]> =>
  page.evaluate((c) => {
    const probe = document.createElement('i');
    probe.style.color = c;
    document.body.append(probe);
    const v = getComputedStyle(probe).color;
    probe.remove();
    const n = (v.match(/[\d.]+/g) ?? []).map(Number);
    return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1] as [number, number, number, number];
  }, colour);

const rgb = (v: string) => (v.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
/** Relative luminance (WCAG), 0 (black) to 1 (white). */
function luminance(v: string | number[]): number {
  const [r = 0, g = 0, b = 0] = (typeof v === 'string' ? rgb(v) : v).map((c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string | number[], b: string | number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

/** The most frequent colours of a part of the page as painted, most frequent first. */
async function paintedColours(page: Page, clip: Clip): Promise<[string, number][]> {
  const d = await screenshotRgba(pixels, page, clip);
  const m = new Map<string, number>();
  for (let i = 0; i < d.length; i += 4) {
    const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

async function openFixture(file = 'clearview-en.html'): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`${srv.origin}/pages/${file}`);
  await waitForHighlights(page, 1);
  return page;
}

/** Hover a name until its card shows its content and has been placed and painted. */
async function hoverCard(page: Page, name: string, nth = 0) {
  const p = await mentionPoint(page, name, nth);
  await page.mouse.move(p.x, p.y);
  await waitForCard(page, (c) => c.buttons.some((b) => OPEN.test(b)));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p;
}

/** The card's host box, as the page sees it. */
const cardBox = (page: Page): Promise<Rect | null> =>
  page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName));
    if (!host || getComputedStyle(host).display === 'none') return null;
    const r = host.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

describe('dark mode', () => {
  it('gives the card a dark background with light text, and a light card stays light', async () => {
    const page = await openFixture();
    await hoverCard(page, 'Clearview AI');
    const light = await inCard(page, '.card');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await inCard(page, '.card');
    const open = await inCard(page, '.open');
    const link = await inCard(page, 'a');
    await page.screenshot({ path: path.join(OUT, 'card-dark.png') });
    expect(luminance(light.style['background-color']!)).toBeGreaterThan(0.8);
    expect(dark.style['background-color']).not.toBe(light.style['background-color']);
    expect(luminance(dark.style['background-color']!)).toBeLessThan(0.05);
    expect(contrast(dark.style.color!, dark.style['background-color']!)).toBeGreaterThan(7);
    expect(contrast(link.style.color!, dark.style['background-color']!)).toBeGreaterThan(4.5);
    expect(contrast(open.style.color!, open.style['background-color']!)).toBeGreaterThan(4.5);
    await page.close();
  });

  it('turns every extension page dark, buttons and fields included', async () => {
    const page = await openFixture();
    const tabId = await tabIdOf(s, page);
    const pages: Page[] = [await openExtensionPage(s, 'sidepanel', tabId), await openExtensionPage(s, 'popup', tabId)];
    for (const name of ['options', 'library']) {
      const p = await s.context.newPage();
      await p.goto(`chrome-extension://${s.extensionId}/${name}.html`);
      pages.push(p);
    }
    for (const p of pages) {
      await p.emulateMedia({ colorScheme: 'dark' });
      await p.locator('h1').first().waitFor();
      const look = await p.evaluate(() => {
        const st = (e: Element | null) => (e ? getComputedStyle(e) : null);
        const body = st(document.body)!;
        const button = st(document.querySelector('button:not(.link):not([aria-pressed="true"]):not(.primary)'));
        return { bg: body.backgroundColor, fg: body.color, button: button && { fg: button.color, bg: button.backgroundColor } };
      });
      const where = new URL(p.url()).pathname;
      expect(luminance(look.bg), where).toBeLessThan(0.05);
      expect(contrast(look.fg, look.bg), where).toBeGreaterThan(7);
      if (look.button) expect(contrast(look.button.fg, look.button.bg), where).toBeGreaterThan(4.5);
      await p.setViewportSize({ width: 420, height: 700 });
      await p.screenshot({ path: path.join(OUT, `dark-${where.replace(/\W|html/g, '')}.png`) });
      await p.close();
    }
    await page.close();
  });
});

describe('forced colours', () => {
  it('keeps the highlights visible: painted in the system Highlight colour, not the page canvas', async () => {
    const page = await openFixture();
    await page.emulateMedia({ forcedColors: 'active' });
    const p = await mentionPoint(page, 'Clearview AI', 1);
    const [hr, hg, hb] = await resolve(page, 'Highlight');
    const canvas = (await resolve(page, 'Canvas')).slice(0, 3);
    const painted = await paintedColours(page, { x: p.x - 20, y: p.y - 4, width: 40, height: 8 });
    const [top] = painted[0]!;
    const [r = 0, g = 0, b = 0] = top.split(',').map(Number);
    // Highlight has its own alpha (0.8 in Chromium's palette): the painted colour is it over Canvas.
    expect(top).not.toBe(canvas.join(','));
    expect(Math.abs(luminance([r, g, b]) - luminance([hr, hg, hb]))).toBeLessThan(0.2);
    expect(contrast([r, g, b], canvas)).toBeGreaterThan(3);
    await page.close();
  });

  it('writes the forced-colours highlight rules only while forced colours are on, and follows the reader turning them on and off', async () => {
    const page = await openFixture();
    // The highlight sheet is the page's one adopted sheet holding ::highlight rules (the page has none of its own).
    const rules = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((sh) => [...sh.cssRules])
          .filter((r) => r.cssText.includes('::highlight('))
          .map((r) => r.cssText),
      );
    const systemColoured = (css: string[]) => css.filter((r) => /\b(mark|highlight)text\b/i.test(r)).length;
    const before = await rules();
    expect(before).toHaveLength(2);
    expect(systemColoured(before)).toBe(0);
    await page.emulateMedia({ forcedColors: 'active' });
    await expect.poll(async () => systemColoured(await rules())).toBe(2);
    await page.emulateMedia({ forcedColors: 'none' });
    await expect.poll(async () => (await rules()).length).toBe(2);
    expect(systemColoured(await rules())).toBe(0);
    await page.close();
  });

  it('draws the card with system colours: its border, its buttons boxed, links as links', async () => {
    const page = await openFixture();
    await page.emulateMedia({ forcedColors: 'active' });
    await hoverCard(page, 'Clearview AI');
    const [card, open, close, link] = await Promise.all(['.card', '.open', '.close', 'a'].map((sel) => inCard(page, sel)));
    await page.screenshot({ path: path.join(OUT, 'card-forced-colours.png') });
    const sys = async (c: string) => `rgb(${(await resolve(page, c)).slice(0, 3).join(', ')})`;
    expect(card!.style['background-color']).toBe(await sys('Canvas'));
    expect(card!.style['border-top-color']).toBe(await sys('CanvasText'));
    expect(card!.style['border-top-style']).toBe('solid');
    for (const b of [open!, close!]) {
      expect(b.style['border-top-style']).toBe('solid');
      expect(b.style['border-top-color']).toBe(await sys('ButtonText'));
      expect(b.style.color).toBe(await sys('ButtonText'));
    }
    expect(link!.style.color).toBe(await sys('LinkText'));
    await page.close();
  });

  it('shows which view and filters are pressed on the extension pages', async () => {
    const page = await openFixture();
    const tabId = await tabIdOf(s, page);
    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await panel.emulateMedia({ forcedColors: 'active' });
    await panel.locator('.view-switch button[aria-pressed="true"]').waitFor();
    const pressed = await panel.locator('.view-switch button[aria-pressed="true"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    const other = await panel.locator('.view-switch button[aria-pressed="false"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [hr, hg, hb] = await resolve(panel, 'Highlight');
    expect(rgb(pressed)).toEqual([hr, hg, hb]);
    expect(other).not.toBe(pressed);
    await panel.setViewportSize({ width: 420, height: 700 });
    await panel.screenshot({ path: path.join(OUT, 'forced-colours-sidepanel.png') });
    await panel.close();
    await page.close();
  });
});

describe('reduced motion', () => {
  it('fades the card in, except for a reader who asked for reduced motion', async () => {
    const page = await openFixture();
    await hoverCard(page, 'Clearview AI');
    const moving = await inCard(page, '.card');
    expect(moving.style['animation-name']).not.toBe('none');
    expect(moving.style['animation-duration']).not.toBe('0s');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await hoverCard(page, 'Clearview AI', 1);
    const still = await inCard(page, '.card');
    expect(still.style['animation-name']).toBe('none');
    expect(still.style['transition-duration']).toBe('0s');
    await page.close();
  });
});

describe('right-to-left', () => {
  it('finds right-to-left pages in the corpus', () => {
    if (!corpusDir()) console.warn('modes.e2e: no corpus at ../shared/corpus (or $BACKSTORY_CORPUS): right-to-left pages skipped');
    else expect(RTL.length).toBeGreaterThan(0);
  });

  const sizes = [
    { width: 1280, height: 800 },
    { width: 400, height: 700 },
  ];
  for (const { file, lang } of RTL)
    it(`places an upright card inside the window on ${file} (${lang})`, async () => {
      const page = await s.context.newPage();
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.goto(`${srv.origin}/rtl/${file}`);
        await waitForHighlights(page, 1);
        const pageDir = await page.evaluate(() => getComputedStyle(document.getElementById('planted')!).direction);
        expect(pageDir).toBe('rtl');
        const at = await hoverCard(page, NAMES[lang]!);
        const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
        const box = (await cardBox(page))!;
        expect(box, `${file} ${size.width}px`).toBeTruthy();
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(view.width);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(view.height);
        // Not over the name it describes.
        expect(at.y < box.top || at.y > box.bottom).toBe(true);
        // The card reads in the UI's direction (English, left to right), whatever the page's.
        const card = await inCard(page, '.card');
        const name = await inCard(page, '.name');
        const closeButton = await inCard(page, '.close');
        const open = await inCard(page, '.open');
        const brand = await inCard(page, '.brand');
        expect(card.style.direction).toBe('ltr');
        expect(name.attrs.dir).toBe('auto');
        expect(closeButton.box.left).toBeGreaterThan(name.box.left);
        expect(brand.box.left).toBeGreaterThan(open.box.left);
        expect(name.box.left - card.box.left).toBeLessThan(20);
        // The page itself is as it was.
        expect(await page.evaluate(() => getComputedStyle(document.getElementById('planted')!).direction)).toBe('rtl');
        await page.screenshot({ path: path.join(OUT, `rtl-${file.replace('.html', '')}-${lang}-${size.width}.png`) });
        await page.keyboard.press('Escape');
      }
      await page.close();
    });

  it('mirrors the side panel in a right-to-left UI, keeping left-to-right names upright', async () => {
    const page = await openFixture();
    const tabId = await tabIdOf(s, page);
    const panel = await openExtensionPage(s, 'sidepanel', tabId);
    await panel.setViewportSize({ width: 420, height: 800 });
    await panel.locator('.view-switch').waitFor();
    // No right-to-left catalogue ships yet: the page is put as applyDocumentLang would for one.
    await panel.evaluate(() => (document.documentElement.dir = 'rtl'));
    const box = (sel: string) =>
      panel
        .locator(sel)
        .first()
        .evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    const back = await box('.panel-nav button');
    const views = await box('.panel-nav .view-switch');
    expect(views.right).toBeLessThan(back.left);
    const first = await box('.view-switch button:first-child');
    const last = await box('.view-switch button:last-child');
    expect(first.left).toBeGreaterThan(last.left);
    // Pack text in a left-to-right language keeps its own direction: the summary's closing full
    // stop stays after its last word instead of jumping to the start of the line.
    const stop = await panel.locator('.sheet .summary').evaluate((e) => {
      const text = e.firstChild as Text;
      const end = text.data.trimEnd().length;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect();
      };
      return { char: text.data[end - 1], stop: at(end - 1).left, before: at(end - 2).left };
    });
    expect(stop.char).toBe('.');
    expect(stop.stop).toBeGreaterThan(stop.before);
    await panel.screenshot({ path: path.join(OUT, 'rtl-ui-sidepanel.png') });
    await panel.close();
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request other than to the test server', () => {
    expect(s.offHost()).toEqual([]);
  });
});

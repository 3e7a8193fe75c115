import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT, startServer } from '../support/harness';

// Firefox is driven over WebDriver BiDi by puppeteer-core (docs/toolchain.md, note 3): it can load
// the extension and open web pages, not moz-extension:// pages, so this smoke test covers the
// reader's side: background, IndexedDB, messaging, matching, highlights and the hover card.
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const EXT = path.join(ROOT, '.output/firefox-mv2');
const present = fs.existsSync(FIREFOX);
if (!present) console.warn(`Firefox smoke test skipped: no Firefox at ${FIREFOX} (Debian: apt-get install -y firefox-esr, or set FIREFOX)`);

describe.skipIf(!present)('Firefox (live smoke test)', () => {
  let browser: Browser;
  let page: Page;
  let srv: Awaited<ReturnType<typeof startServer>>;
  const errors: string[] = [];
  const offHost: string[] = [];

  beforeAll(async () => {
    srv = await startServer();
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    await browser.installExtension(EXT);
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(srv.origin) && !/^(data|blob|about|moz-extension):/.test(r.url())) offHost.push(r.url());
    });
    await page.goto(`${srv.origin}/pages/clearview-en.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  const texts = () =>
    page.evaluate(() => {
      const h = new Set([...((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.values() ?? [])].flatMap((x) => [...x]));
      return h ? [...h].map((r) => r.toString()) : [];
    });

  it('highlights the names on the page', async () => {
    const end = Date.now() + 20_000;
    let found: string[] = [];
    while (Date.now() < end && !(found = await texts()).includes('Cambridge Analytica')) await new Promise((r) => setTimeout(r, 200));
    expect(found).toContain('Clearview AI');
    expect(found).toContain('PimEyes');
    expect(found).toContain('Cambridge Analytica');
    expect(found.map((t) => t.toLowerCase())).not.toContain('ring');
  });

  it('shows the card host on hover, closed to the page', async () => {
    const p = await page.evaluate(() => {
      const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
      const r = [...h].find((x) => x.toString() === 'PimEyes')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0];
      if (!b) throw new Error('"PimEyes" is highlighted but not laid out');
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(p.x, p.y);
    const end = Date.now() + 10_000;
    let host: { style: string; open: boolean } | null = null;
    while (Date.now() < end) {
      host = await page.evaluate(() => {
        const el = [...document.documentElement.children].find((e) => !['HEAD', 'BODY'].includes(e.tagName));
        return el ? { style: el.getAttribute('style') ?? '', open: el.shadowRoot !== null } : null;
      });
      if (/:\s*block\b/.test(host?.style ?? '')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(host?.style).toMatch(/:\s*block\b/);
    expect(host?.open).toBe(false);
    await page.screenshot({ path: path.join(ROOT, 'out/test/firefox-card.png') });
  });

  it('raised no page error and made no request beyond the test server', () => {
    expect(errors).toEqual([]);
    expect(offHost).toEqual([]);
  });
});

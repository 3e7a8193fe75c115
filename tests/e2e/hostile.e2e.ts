import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightedTexts, launch, mentionPoint, readCard, startServer, waitForCard, waitForHighlights, type Session } from '../support/harness';

/**
 * A page that does what docs/security.md (section A) says a hostile page does: clobber DOM names,
 * restyle everything, patch prototypes, listen to everything, and dump its own DOM.
 */
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>
  :root { font-size: 1px !important; }
  * { all: unset !important; }
  body, p, div, section { display: block !important; font: 16px serif !important; color: #000 !important; }
  [style], *::before { color: transparent !important; }
</style>
<script>
  window.__log = [];
  const realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { window.__log.push('attachShadow ' + init.mode); return realAttach.call(this, { ...init, mode: 'open' }); };
  JSON.parse = () => { throw new Error('page broke JSON.parse'); };
  for (const t of ['keydown', 'input', 'beforeinput', 'message']) addEventListener(t, (e) => window.__log.push(t), true);
  window.postMessage({ type: 'notes.list' }, '*');
  document.dispatchEvent(new CustomEvent('backstory', { detail: { type: 'pack.remove', id: 'backstory.surveillance-tech' } }));
</script></head>
<body>
  <form name="querySelector"></form><img name="body"><a id="chrome"></a><embed name="getElementById">
  <section id="article">
    <p>Clearview AI appeared in court again, the filing says.</p>
    <p>Observers compared it with PimEyes.</p>
    <p><input type="password" value="Clearview AI"><svg width="200" height="20"><text x="0" y="15">Clearview AI</text></svg></p>
  </section>
</body></html>`;

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  srv = await startServer({
    '/hostile.html': HOSTILE,
    '/plain.html': '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p>Plain.</p></body></html>',
  });
  s = await launch();
  page = await s.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.origin}/hostile.html`);
  await waitForHighlights(page, 2);
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

describe('a hostile page', () => {
  it('still gets its mentions highlighted, and none in password fields or SVG', async () => {
    expect((await highlightedTexts(page)).sort()).toEqual(['Clearview AI', 'PimEyes']);
  });

  it('cannot open the card’s shadow root, even by patching attachShadow', async () => {
    const p = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, (c) => c.buttons.length > 1);
    expect(card.text).toMatch(/facial-recognition/);
    const probe = await page.evaluate(() => {
      const hosts = [...document.documentElement.children].filter((e) => !['HEAD', 'BODY'].includes(e.tagName));
      return {
        hosts: hosts.length,
        open: hosts.filter((h) => h.shadowRoot).length,
        log: (window as unknown as { __log: string[] }).__log,
        // Everything the page can see, minus its own script (which names our ids to attack them).
        dump: document.documentElement.outerHTML.replace(/<script>[\s\S]*?<\/script>/, ''),
      };
    });
    expect(probe.hosts).toBe(1);
    expect(probe.open).toBe(0);
    // The page's patched prototype never saw our call: content scripts run in their own world.
    expect(probe.log.filter((l) => l.startsWith('attachShadow'))).toEqual([]);
    // Nothing but the opaque host is in the page's DOM: no fact text, no pack or entity ids.
    expect(probe.dump).not.toMatch(/facial-recognition|surveillance-tech|clearview-ai|Backstory/);
  });

  it('keeps the card legible whatever the page CSS says', async () => {
    const cdp = await s.context.newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { children?: { nodeId: number; localName: string }[] } };
    const html = root.children!.find((c) => c.localName === 'html') as unknown as { children: { nodeId: number; localName: string }[] };
    const host = html.children.find((c) => !['head', 'body'].includes(c.localName))!;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: host.nodeId })) as { model: { width: number; height: number } };
    await cdp.detach();
    expect(model.width).toBe(360);
    expect(model.height).toBeGreaterThan(100);
    await page.screenshot({ path: 'out/test/hostile-card.png' });
  });

  it('raised no page error and the extension kept working', async () => {
    await page.mouse.move(1, 1);
    await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('a pathological page', () => {
  it('finds names anywhere in a 1.5 MB paragraph of one text node', async () => {
    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/plain.html`);
    await p.evaluate(() => {
      const filler = 'lorem ipsum dolor sit amet. '.repeat(27_000);
      const para = document.createElement('p');
      para.id = 'giant';
      para.textContent = `${filler}Mid-text mention of Clearview AI here. ${filler}And PimEyes at the very end.`;
      document.body.append(para);
    });
    await expect
      .poll(
        () =>
          p.evaluate(() => {
            const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
            const giant = document.getElementById('giant')!;
            return [...h]
              .filter((r) => giant.contains(r.startContainer))
              .map((r) => r.toString())
              .sort();
          }),
        { timeout: 20_000 },
      )
      .toEqual(['Clearview AI', 'PimEyes']);
    await p.close();
  });
});

describe('a page with more distinct words than one lookup may carry', () => {
  it('still gets its names highlighted (210,000 unique numbers and one name)', async () => {
    const p = await s.context.newPage();
    await p.goto(`${srv.origin}/plain.html`);
    await p.evaluate(() => {
      const table = document.createElement('p');
      table.textContent = Array.from({ length: 210_000 }, (_, i) => String(1_000_000 + i)).join(' ');
      const named = document.createElement('p');
      named.id = 'named';
      named.textContent = 'Below the table, Clearview AI is named.';
      document.body.append(table, named);
    });
    await expect
      .poll(
        () =>
          p.evaluate(() =>
            [...new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]))].map((r) => r.toString()),
          ),
        { timeout: 30_000 },
      )
      .toEqual(['Clearview AI']);
    await p.close();
  });
});

describe('a killed service worker', () => {
  it('wakes up for the next hover and the card still appears', async () => {
    const cdp = await s.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(s.extensionId))!;
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    await cdp.detach();
    const p = await mentionPoint(page, 'PimEyes');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, (c) => c.text.startsWith('PimEyes') && c.buttons.length > 1, 10_000);
    expect(card.text).toMatch(/face/i);
  });

  it('made no network request beyond the test server', () => {
    expect(s.offHost()).toEqual([]);
  });
});

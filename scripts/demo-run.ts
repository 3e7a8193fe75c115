/**
 * The demo: the built extension in Chromium on a French article about Clearview AI. Prints what the
 * reader sees and writes screenshots to out/demo/. With --headed (and a display) the browser stays
 * open for a person to explore.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  ROOT,
  clickCardButton,
  highlightedTexts,
  launch,
  mentionPoint,
  openExtensionPage,
  startServer,
  tabIdOf,
  waitForCard,
  waitForHighlights,
} from '../tests/support/harness';
import { showLibrary } from './demo-library';
import { checkCatalogueLanguage, showCardModes, showOptions } from './demo-modes';

const args = process.argv.slice(2);
const headed = args.includes('--headed');
if (headed && !process.env.DISPLAY) {
  console.error('--headed needs a display (DISPLAY is not set); running headless instead.');
}
const lang = args.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'fr';
const pageName = lang === 'en' ? 'clearview-en.html' : 'clearview-fr.html';
const OUT = path.join(ROOT, 'out/demo');
fs.mkdirSync(OUT, { recursive: true });

/** "1 note", "2 notes": the demo's own English lines. */
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The sheet filtered to court rulings, then the "This page" briefing: what a reporter reads before writing. */
async function showSheetAndBriefing(panel: Page) {
  // A note, as a reader would write one (Ctrl+Enter saves), so the briefing shows notes too.
  const note = panel.locator('section.notes textarea').first();
  await note.fill(lang === 'en' ? 'Ask the police whether they still use it.' : 'Demander à la police si elle l’utilise encore.');
  await note.press('Control+Enter');
  await panel.locator('section.notes .note').first().waitFor();
  await panel.locator('.kind-filters button[data-kind="court"]').click();
  await panel.locator('.fact-tools').scrollIntoViewIfNeeded();
  await panel.evaluate(() => window.scrollBy(0, -60));
  await panel.screenshot({ path: path.join(OUT, '4-sheet-filtered.png') });
  console.log(`Filtered to courts: ${await panel.locator('.facts-shown').textContent()}`);
  await panel.locator('.panel-nav .view-switch button').nth(1).click();
  await panel.locator('.briefing-entity').first().waitFor();
  await panel.waitForTimeout(200);
  await panel.screenshot({ path: path.join(OUT, '5-page-briefing.png') });
  // Further down: the end of the first entity, with the reader's note, and the next names.
  await panel
    .locator('.briefing-entity')
    .first()
    .locator('.briefing-notes')
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await panel.screenshot({ path: path.join(OUT, '6-page-briefing-notes.png') });
  console.log('\nThis page, most mentioned first:');
  for (const row of await panel.locator('.briefing-entity').all()) {
    console.log(
      `  ${(await row.locator('.briefing-name').textContent())?.trim()} — ${count(await row.locator('.fact').count(), 'key fact')}, ${count(await row.locator('.note').count(), 'note')}`,
    );
  }
}

const srv = await startServer();
const s = await launch({ locale: lang === 'en' ? 'en-US' : 'fr-FR', headed: headed && !!process.env.DISPLAY });
try {
  await checkCatalogueLanguage(s, lang);
  const page = await s.context.newPage();
  await page.goto(`${srv.origin}/pages/${pageName}`);
  const n = await waitForHighlights(page, 1);
  await page.waitForTimeout(400);
  const texts = await highlightedTexts(page);
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t.replace(/\s+/g, ' '), (counts.get(t.replace(/\s+/g, ' ')) ?? 0) + 1);
  console.log(`\nPage: ${page.url()}`);
  console.log(`Highlighted mentions: ${n}`);
  for (const [t, c] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${c} × ${t}`);

  const p = await mentionPoint(page, 'Clearview AI');
  await page.mouse.move(p.x, p.y);
  const card = await waitForCard(page, (c) => c.buttons.length > 1);
  console.log('\nHover card for the first mention:\n');
  console.log(
    card.text
      .split('\n')
      .map((l) => `  │ ${l}`)
      .join('\n'),
  );
  console.log(`\n  links: ${card.links.map((l) => l.href).join('\n         ')}`);
  // The card fades in (120 ms, unless the reader asked for reduced motion): shoot it once it is opaque.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, '1-page-with-card.png') });
  const modeShots = await showCardModes(page, OUT);

  await clickCardButton(page, /backstory|historique/i);
  await page.waitForTimeout(300);
  const tabId = await tabIdOf(s, page);

  const panel = await openExtensionPage(s, 'sidepanel', tabId);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.locator('h1').waitFor();
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: path.join(OUT, '2-side-panel.png') });
  console.log(
    `\nSide panel: ${await panel.locator('h1').textContent()} — ${await panel.locator('.sheet .fact').count()} facts, ${await panel.locator('.sources li').count()} sources`,
  );
  await showSheetAndBriefing(panel);

  const popup = await openExtensionPage(s, 'popup', tabId);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.locator('.page-entities').waitFor();
  await popup.waitForTimeout(200);
  await popup.screenshot({ path: path.join(OUT, '3-popup.png') });
  console.log('\nPopup — on this page:');
  for (const row of await popup.locator('.entity-row').all()) {
    const name = (await row.locator('button, strong').first().textContent())?.trim();
    const count = (await row.locator('.count').textContent())?.trim();
    console.log(`  ${count?.padStart(3)} × ${name}`);
  }
  await showLibrary(s, OUT, lang, page.url());
  const optionsShot = await showOptions(s, OUT);
  const off = s.offHost();
  console.log(`\nNetwork requests beyond the local demo server: ${off.length ? off.join(', ') : 'none'}`);
  console.log(
    `Screenshots: ${path.relative(ROOT, OUT)}/1-page-with-card.png, 2-side-panel.png, 3-popup.png, 4-sheet-filtered.png, 5-page-briefing.png, 6-page-briefing-notes.png, 7-library.png, ${[optionsShot, ...modeShots].join(', ')}`,
  );

  if (headed && process.env.DISPLAY) {
    console.log('\nThe browser stays open: explore, then close it (or press Ctrl+C).');
    await new Promise<void>((r) => s.context.on('close', () => r()));
  }
} finally {
  await s.close().catch(() => {});
  await srv.close();
}

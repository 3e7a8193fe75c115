/**
 * The demo's other surfaces and modes: that the extension really answers in the language asked for,
 * the options page, and the card as a reader in dark mode or forced colours (high contrast) sees it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath, worker, type Session } from '../tests/support/harness';

/**
 * The extension's catalogue follows the browser's language, not the page's: a demo in French whose
 * browser answered in English would show English everywhere but the page. Stop with the reason.
 */
export async function checkCatalogueLanguage(s: Session, lang: string): Promise<void> {
  const w = await worker(s);
  const answered = await w.evaluate(() =>
    (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage('meta_lang'),
  );
  const wanted = lang.split('-')[0]!.toLowerCase();
  if (answered !== wanted && ['en', 'fr'].includes(wanted))
    throw new Error(`the browser was asked for "${lang}" but the extension's catalogue answers in "${answered}": check the --lang flag harness.launch passes`);
  console.log(`Extension language: ${answered}`);
  // The browser's own controls (a file picker's "Choose File", a date field's mm/dd/yyyy) follow its
  // UI language, which needs its locale file: Debian ships them apart, in chromium-l10n.
  const locales = path.join(path.dirname(fs.realpathSync(chromiumPath())), 'locales');
  if (fs.existsSync(locales) && !fs.readdirSync(locales).some((f) => f.startsWith(wanted)))
    console.log(`  (Chromium has no "${wanted}" locale: its own file pickers and date fields stay in English; Debian: apt-get install chromium-l10n)`);
}

/** The open card again, in dark mode and in forced colours, then back to the reader's defaults. */
export async function showCardModes(page: Page, out: string): Promise<string[]> {
  const shots: [string, Parameters<Page['emulateMedia']>[0]][] = [
    ['9-card-dark.png', { colorScheme: 'dark' }],
    ['10-card-forced-colours.png', { forcedColors: 'active', colorScheme: 'light' }],
  ];
  for (const [file, media] of shots) {
    await page.emulateMedia(media);
    // Restyling is synchronous, painting is not: two frames and the card is drawn in its new colours.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(out, file) });
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  return shots.map(([file]) => file);
}

/** The options page, whole: packs, matching, flags, muted names, data. */
export async function showOptions(s: Session, out: string): Promise<string> {
  const options = await s.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  await options.locator('.pack-row').first().waitFor();
  const file = '8-options.png';
  await options.screenshot({ path: path.join(out, file), fullPage: true });
  console.log(`\nOptions page: ${await options.locator('h1').first().textContent()} — ${await options.locator('.pack-row').count()} packs`);
  await options.close();
  return file;
}

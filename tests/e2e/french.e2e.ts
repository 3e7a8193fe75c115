import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CLEARVIEW_KEY,
  clickCardButton,
  launch,
  mentionPoint,
  openExtensionPage,
  startServer,
  tabIdOf,
  tabState,
  waitForCard,
  waitForHighlights,
  worker,
  type Session,
} from '../support/harness';

/**
 * A reader whose browser speaks French: the card in a French article and the side panel answer in
 * French, from the browser's own catalogue (_locales/fr), with French plurals (0 and 1 singular).
 */

let s: Session;
let srv: Awaited<ReturnType<typeof startServer>>;
const pageErrors: string[] = [];
let page: Page;
let panel: Page;

beforeAll(async () => {
  srv = await startServer();
  s = await launch({ locale: 'fr-FR' });
});
afterAll(async () => {
  await s?.close();
  await srv?.close();
});

describe('a French reader', () => {
  it('has a browser whose extension catalogue answers in French', async () => {
    const w = await worker(s);
    const said = await w.evaluate(() => ({ ui: chrome.i18n.getUILanguage(), timeline: chrome.i18n.getMessage('panel_timeline') }));
    expect(said.ui).toMatch(/^fr\b/);
    expect(said.timeline).toBe('Chronologie');
  });

  it('gets the card’s buttons and labels in French, with the count of the other facts in the plural', async () => {
    page = await s.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`page: ${e.message}`));
    await page.goto(`${srv.origin}/pages/clearview-fr.html?id=1`);
    await waitForHighlights(page, 3);
    const p = await mentionPoint(page, 'Clearview AI');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, (c) => c.buttons.length > 1);
    expect(card.buttons).toContain('Voir tout l’historique');
    expect(card.buttons).toContain('Ce n’est pas ça');
    expect(card.text).not.toMatch(/Open full backstory|Not this one|more documented fact/);
    // Who says so, in French ("Presse", "Régulateur"…), and dates with French month names.
    expect(card.text).toMatch(/Régulateur|Presse|Déclaration de l’entreprise|Tribunal/);
    expect(card.text).toMatch(/\d+ (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}/);
    const more = /(\d+) (autres faits documentés|autre fait documenté) dans le panneau latéral/.exec(card.text);
    expect(more, card.text).not.toBeNull();
    const n = Number(more![1]);
    expect(more![2]).toBe(n > 1 ? 'autres faits documentés' : 'autre fait documenté');
  });

  it('opens the side panel in French: headings, counts and plurals', async () => {
    await clickCardButton(page, /Voir tout l’historique/);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabState(s, tabId))?.focus).toBe(CLEARVIEW_KEY);
    panel = await openExtensionPage(s, 'sidepanel', tabId);
    panel.on('pageerror', (e) => pageErrors.push(`side panel: ${e.message}`));
    await expect.poll(() => panel.locator('main h1').textContent()).toBe('Clearview AI');

    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^fr\b/);
    const h2 = await panel.locator('main h2').allTextContents();
    expect(h2).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Faits essentiels \(\d+\)$/),
        expect.stringMatching(/^Chronologie \(\d+\)$/),
        'Vos notes',
        'Sur cette page',
      ]),
    );
    expect(await panel.getByRole('button', { name: 'Précédent' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Suivant' }).isVisible()).toBe(true);
    expect(await panel.locator('.related dt').first().textContent()).toBe('Fondateur');
    // The sheet's own summary is the pack's French one, marked as such.
    expect(await panel.locator('.sheet > .summary').getAttribute('lang')).toBe('fr');

    // "54 faits", each year's "4 faits", and while filtering "9 sur 54 faits".
    const total = await panel.locator('.sheet .fact').count();
    expect(await panel.locator('.facts-shown').textContent()).toBe(`${total} faits`);
    const years = await panel
      .locator('details.year-group')
      .evaluateAll((els) => els.map((d) => ({ facts: d.querySelectorAll('.fact').length, said: d.querySelector('summary .muted')?.textContent })));
    expect(years.length).toBeGreaterThan(1);
    for (const y of years) expect(y.said).toBe(y.facts > 1 ? `${y.facts} faits` : `${y.facts} fait`);
    const courts = panel.getByRole('button', { name: /^Tribunaux/ });
    await courts.click();
    const shown = await panel.locator('.sheet .fact').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await expect.poll(() => panel.locator('.facts-shown').textContent()).toBe(`${shown} sur ${total} faits`);

    const text = await panel.locator('main').innerText();
    expect(text).not.toMatch(/\b(Key facts|Timeline|Your notes|On this page|Also written|From the pack)\b/);
    expect(text).toMatch(/Aussi écrit : /);
  });

  it('says each name’s mentions on the "Cette page" briefing, singular for one', async () => {
    await panel.getByRole('button', { name: 'Cette page' }).click();
    await panel.locator('.briefing-entity').first().waitFor();
    const rows = await panel
      .locator('.briefing-entity')
      .evaluateAll((els) => els.map((li) => ({ said: li.querySelector('.briefing-name .count')?.textContent ?? '' })));
    const counts = await panel.locator('.briefing-toc .count').allTextContents();
    expect(rows.length).toBe(counts.length);
    rows.forEach((r, i) => {
      const n = Number(counts[i]);
      expect(r.said).toBe(n > 1 ? `${n} mentions` : `${n} mention`);
    });
    // Both forms are really seen on this page: a name mentioned once and one mentioned more.
    expect(counts.map(Number)).toContain(1);
    expect(counts.map(Number).some((n) => n > 1)).toBe(true);
    expect(await panel.getByRole('button', { name: 'Copier en Markdown' }).isVisible()).toBe(true);
  });

  it('made no request off the test server and threw no error', () => {
    expect(pageErrors).toEqual([]);
    expect(s.offHost()).toEqual([]);
  });
});

// The worker's own API, as evaluated there (this file runs in Node).
declare const chrome: { i18n: { getUILanguage(): string; getMessage(name: string): string } };

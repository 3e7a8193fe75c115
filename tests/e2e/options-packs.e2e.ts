import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, type Session } from '../support/harness';
import { samplePack } from '../support/packs';

let s: Session;
const dir = path.join(ROOT, '.e2e-tmp');

beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

async function options(): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.locator('.packs li').first().waitFor();
  return page;
}

const ACME = () => samplePack({ id: 'user.acme', name: 'Acme test pack' });

/** Import a valid pack through the page, as a person would, and wait until it is listed. */
async function importPack(page: Page, file: string) {
  await page.getByLabel('Pack file').setInputFiles(file);
  await page.getByTestId('pack-preview').waitFor();
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('li[data-pack="user.acme"]').waitFor();
}

describe('the options page’s pack list', () => {
  it('reads a file chosen again after it was fixed on disk', async () => {
    const page = await options();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `edited-${Date.now()}.json`);
    const broken = ACME() as { sources: { url: string }[] };
    broken.sources[0]!.url = 'ftp://example.org/acme';
    fs.writeFileSync(file, JSON.stringify(broken));
    await page.getByLabel('Pack file').setInputFiles(file);
    await expect.poll(async () => (await page.getByTestId('pack-errors').textContent()) ?? '').toContain('sources[0].url');

    // The reader fixes the file in an editor and picks the same path again.
    fs.writeFileSync(file, JSON.stringify(ACME()));
    await page.getByLabel('Pack file').setInputFiles(file);
    await expect.poll(async () => (await page.getByTestId('pack-preview').count()) > 0).toBe(true);
    expect(await page.getByTestId('pack-errors').count()).toBe(0);
    expect(await page.getByTestId('pack-preview').textContent()).toMatch(/Acme test pack 1\.0\.0 \(user\.acme\)/);
    await page.close();
  });

  it('shows Disable and Remove as buttons, Remove as destructive', async () => {
    const page = await options();
    const file = path.join(dir, 'acme-style.json');
    fs.writeFileSync(file, JSON.stringify(ACME()));
    await importPack(page, file);
    const row = page.locator('li[data-pack="user.acme"]');
    const look = (name: string) =>
      row.getByRole('button', { name, exact: true }).evaluate((b) => {
        const st = getComputedStyle(b);
        return { border: st.borderTopStyle, borderWidth: st.borderTopWidth, underline: st.textDecorationLine.includes('underline'), color: st.color };
      });
    const disable = await look('Disable');
    const remove = await look('Remove');
    for (const b of [disable, remove]) expect(b).toMatchObject({ border: 'solid', borderWidth: '1px', underline: false });
    // Remove is red (#9b1c1c), unlike the other actions.
    expect(remove.color).toBe('rgb(155, 28, 28)');
    expect(disable.color).not.toBe(remove.color);
    await page.close();
  });

  it('asks in the row before removing a pack; Cancel keeps it, Remove removes it', async () => {
    const page = await options();
    const row = page.locator('li[data-pack="user.acme"]');
    await row.waitFor();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });

    // Where the focus is the moment the question is in the page (a mutation observer's callback runs
    // right after the render that inserts it): a key pressed then must not find it nowhere.
    await page.evaluate(() => {
      const w = window as unknown as { __focusAtShow?: string | null };
      new MutationObserver((_, mo) => {
        if (!document.querySelector('[data-testid="remove-confirm"]')) return;
        w.__focusAtShow = document.activeElement?.textContent ?? null;
        mo.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await row.getByRole('button', { name: 'Remove' }).click();
    const confirm = row.getByTestId('remove-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Remove Acme test pack? Its 1 entity and 1 fact will be gone from this browser; your notes stay.');
    // Cancel has the focus as soon as the question shows: Enter does not remove.
    expect(await page.evaluate(() => (window as unknown as { __focusAtShow?: string | null }).__focusAtShow)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: 'Remove' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(dialogs).toBe(0);
    // Gone from the store too, not only from the list.
    await page.reload();
    await page.locator('.packs li').first().waitFor();
    expect(await page.locator('li[data-pack="user.acme"]').count()).toBe(0);
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request', () => {
    expect(s.offHost()).toEqual([]);
  });
});

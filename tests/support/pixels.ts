import type { Page } from 'playwright-core';

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The RGBA bytes of `page`'s screenshot inside `clip`, decoded by `decoder` (a blank page of the same
 * browser, kept apart from the pages under test, whose canvas does the PNG decoding).
 */
export async function screenshotRgba(decoder: Page, page: Page, clip: Clip): Promise<number[]> {
  const png = (await page.screenshot({ clip })).toString('base64');
  return decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, c.width, c.height).data];
  }, png);
}

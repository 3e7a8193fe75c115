import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '@/components/card/EntityCard';
import { CARD_MODES_CSS } from '@/components/card/card-modes';
import { highlightStyle } from '@/utils/in-page/highlight';
import { randomIdent } from '@/utils/in-page/random-names';

/** Deterministic stand-in for crypto randomness, so two "pages" differ reproducibly. */
function seeded(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('styles the content script puts in the page', () => {
  it('name only generic font families and fetch nothing (a page @font-face cannot learn what the card shows)', () => {
    const families = [...CARD_CSS.matchAll(/font(?:-family)?\s*:\s*([^;}]+)/g)].map(([, value = '']) => value);
    expect(families.length).toBeGreaterThan(0);
    for (const f of families) {
      const names = f
        .replace(/^[\d\s./a-z%-]*?(?=[a-z-]+(,|$))/i, '')
        .split(',')
        .map((n) => n.trim());
      for (const n of names) expect(['system-ui', 'sans-serif', 'serif', 'monospace', 'inherit'], f).toContain(n);
    }
    expect(CARD_CSS).not.toMatch(/url\(|@import|@font-face/);
    // The dark, forced-colours and motion rules change colours and motion only: no font, nothing fetched.
    expect(CARD_MODES_CSS).not.toMatch(/url\(|@import|@font-face|font/);
  });

  it('highlight rules carry no product name and differ from page to page', () => {
    const a = highlightStyle(seeded(1));
    const b = highlightStyle(seeded(2));
    for (const st of [a, b]) {
      expect(st.css).not.toMatch(/backstory|mention|url\(/i);
      expect(st.name).toMatch(/^[a-z]{5,9}$/);
      expect(st.active).not.toBe(st.name);
      expect(st.css).toContain(`::highlight(${st.name})`);
    }
    expect(a.name).not.toBe(b.name);
    expect(a.css).not.toBe(b.css);
    expect(randomIdent(seeded(3), 6)).toMatch(/^[a-z]{6}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '@/components/card/EntityCard';
import { CARD_MODES_CSS } from '@/components/card/card-modes';
import { highlightRules, highlightStyle } from '@/utils/in-page/highlight';
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
    const css = (st: typeof a) => highlightRules(st, null);
    for (const st of [a, b]) {
      expect(css(st)).not.toMatch(/backstory|mention|url\(/i);
      expect(st.name).toMatch(/^[a-z]{5,9}$/);
      expect(st.active).not.toBe(st.name);
      expect(css(st)).toContain(`::highlight(${st.name})`);
    }
    expect(a.name).not.toBe(b.name);
    expect(css(a)).not.toBe(css(b));
  });

  it('rules on chosen elements name each of them, for both highlights, and again in forced colours only while they are on', () => {
    const st = highlightStyle(seeded(4));
    const els = ['#a>p:nth-child(2)', ':root>body:nth-child(2)>div:nth-child(1)'];
    for (const forced of [false, true]) {
      const css = highlightRules(st, els, forced);
      for (const name of [st.name, st.active]) {
        expect(css.split(`#a>p:nth-child(2)::highlight(${name})`)).toHaveLength(forced ? 3 : 2);
        expect(css.split(`:root>body:nth-child(2)>div:nth-child(1)::highlight(${name})`)).toHaveLength(forced ? 3 : 2);
      }
      expect(/MarkText|HighlightText/.test(css)).toBe(forced);
    }
    const css = highlightRules(st, els, true);
    // No rule on every element: that is the whole-document style pass these rules avoid.
    expect(css).not.toMatch(/(^|[\s,{}])::highlight/);
    expect(randomIdent(seeded(3), 6)).toMatch(/^[a-z]{6}$/);
  });
});

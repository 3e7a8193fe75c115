import { describe, expect, it } from 'vitest';
import {
  MAX_HISTORY,
  canGoBack,
  canGoForward,
  currentPlace,
  emptyHistory,
  goBack,
  goForward,
  openPlace,
  rememberScroll,
  scrollOf,
  type PanelPlace,
} from '@/utils/ext-pages/panel-history';

const e = (key: string): PanelPlace => ({ kind: 'entity', key });
const page: PanelPlace = { kind: 'page' };

describe('the side panel’s history', () => {
  it('starts empty, with nowhere to go', () => {
    expect(currentPlace(emptyHistory)).toBeUndefined();
    expect(canGoBack(emptyHistory)).toBe(false);
    expect(canGoForward(emptyHistory)).toBe(false);
    expect(goBack(emptyHistory)).toBe(emptyHistory);
  });

  it('goes back and forward through what was opened, and stops at the ends', () => {
    let h = [e('a'), e('b'), page].reduce(openPlace, emptyHistory);
    expect(currentPlace(h)).toEqual(page);
    expect(canGoForward(h)).toBe(false);
    h = goBack(h);
    expect(currentPlace(h)).toEqual(e('b'));
    h = goBack(goBack(h));
    expect(currentPlace(h)).toEqual(e('a'));
    expect(canGoBack(h)).toBe(false);
    h = goForward(h);
    expect(currentPlace(h)).toEqual(e('b'));
    expect(canGoForward(h)).toBe(true);
  });

  it('drops what was ahead when something new is opened after going back', () => {
    const h = openPlace(goBack(goBack([e('a'), e('b'), e('c')].reduce(openPlace, emptyHistory))), e('d'));
    expect(h.entries).toEqual([e('a'), e('d')]);
    expect(canGoForward(h)).toBe(false);
  });

  it('does not repeat the place already shown', () => {
    const h = [e('a'), e('a'), page, page].reduce(openPlace, emptyHistory);
    expect(h.entries).toEqual([e('a'), page]);
  });

  it('keeps the latest places when it grows past its cap', () => {
    let h = emptyHistory;
    for (let i = 0; i < MAX_HISTORY + 10; i++) h = openPlace(h, e(`k${i}`));
    expect(h.entries).toHaveLength(MAX_HISTORY);
    expect(currentPlace(h)).toEqual(e(`k${MAX_HISTORY + 9}`));
    expect(h.entries[0]).toEqual(e('k10'));
  });

  it('returns to where each place was left, and opens a new place at its top', () => {
    let h = openPlace(emptyHistory, e('a'));
    h = openPlace(rememberScroll(h, 1200), e('b'));
    expect(scrollOf(h)).toBe(0);
    h = goBack(rememberScroll(h, 300));
    expect(currentPlace(h)).toEqual(e('a'));
    expect(scrollOf(h)).toBe(1200);
    h = goForward(rememberScroll(h, 50));
    expect(scrollOf(h)).toBe(300);
    // Opening from the middle drops what was ahead, with its position.
    h = openPlace(rememberScroll(goBack(h), 60), page);
    expect(scrollOf(h)).toBe(0);
    expect(scrollOf(goBack(h))).toBe(60);
  });

  it('keeps each position with its place when old places drop off', () => {
    let h = emptyHistory;
    for (let i = 0; i < MAX_HISTORY + 5; i++) h = openPlace(rememberScroll(h, i * 10), e(`p${i}`));
    expect(h.entries.length).toBe(MAX_HISTORY);
    h = goBack(h);
    expect(currentPlace(h)).toEqual(e(`p${MAX_HISTORY + 3}`));
    // p(k) was left at (k + 1) × 10, when p(k + 1) was opened.
    expect(scrollOf(h)).toBe((MAX_HISTORY + 4) * 10);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import type { Highlighter } from '@/utils/in-page/highlight';
import { Scanner } from '@/utils/in-page/scanner';
import { SliceLog } from '@/utils/in-page/stats';
import { VisibilityJudge } from '@/utils/in-page/visibility';

afterEach(() => {
  vi.restoreAllMocks();
});

// The benchmark tells the extension's long tasks from the page's by where our slices fell.
describe('slice log', () => {
  it('keeps the slices of a millisecond or more, the latest 300, and the longest of all', () => {
    const log = new SliceLog();
    log.record('walk', 0, 0.5);
    expect(log.slices).toEqual([]);
    expect(log.longest).toBeNull();
    log.record('load', 0, 40);
    for (let i = 0; i < 310; i++) log.record('walk', 100 + i * 10, 100 + i * 10 + 2);
    expect(log.slices).toHaveLength(300);
    expect(log.slices[0]).toEqual({ phase: 'walk', start: 200, ms: 2 });
    // Gone from the latest 300, still the longest.
    expect(log.longest).toEqual({ phase: 'load', start: 0, ms: 40 });
  });

  it("logs every phase of a scan's work, in order", async () => {
    document.body.innerHTML = '<p>Acme Widgets said so.</p><p>More text here.</p>';
    vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
    // Each clock read is 2 ms after the last, so every slice lasts long enough to be kept.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 2));
    const dict = compileDictionary([{ text: 'Acme Widgets', entity: 'p:acme' }], 't');
    // The worker's page.match: its clock is its own, not the page's.
    const match = (texts: string[]) => matchTexts(dict, texts, () => 0);
    const highlighter = { size: 0, add: () => undefined, remove: () => undefined, flush: () => undefined } as unknown as Highlighter;
    const slices = new SliceLog();
    const scanner = new Scanner({ match, highlighter, exclude: () => false, signal: new AbortController().signal, slices });
    await scanner.scan(document.body);
    expect(scanner.counts.get('p:acme')).toBe(1);
    const phases = new Set(slices.slices.map((s) => s.phase));
    // Tokenizing and matching run in the worker: the page's thread walks, sends, takes the answer in and paints.
    expect([...phases].sort()).toEqual(['load', 'paint', 'visibility', 'walk']);
    const starts = slices.slices.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

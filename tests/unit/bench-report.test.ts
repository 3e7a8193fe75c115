import { describe, expect, it } from 'vitest';
import { medianRun, quantile, reportLines, summariseTier, type PageResult } from '../../scripts/bench-report';

function row(page: string, over: Partial<PageResult> = {}): PageResult {
  return {
    page,
    tier: 10,
    chars: 1000,
    floorCold: 1,
    floorWarm: 0.5,
    walk: 1,
    tokenize: 1,
    match: 1,
    highlight: 1,
    visibility: 0.5,
    load: 1,
    lookupWait: 2,
    work: 4,
    ratio: 8,
    ratioCold: 4,
    dclToHighlights: 30,
    longTasks: 0,
    longTaskMs: [],
    longestSlice: 0,
    highlights: 3,
    ...over,
  };
}

describe('bench report', () => {
  it('takes quantiles by nearest rank, NaN for none', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('takes the median run by work, and refuses none', () => {
    expect(medianRun([row('a', { work: 9 }), row('a', { work: 1 }), row('a', { work: 5 })]).work).toBe(5);
    expect(() => medianRun([])).toThrow(/repeat/);
  });

  it('summarises a tier in the shape results.json has always had', () => {
    const rows = [row('a.html', { ratio: 2, dclToHighlights: null }), row('b.html', { ratio: 10, longTasks: 2 })];
    const s = summariseTier({
      tier: 10,
      packImportMs: 12,
      rows,
      heap: [1048576, 3 * 1048576],
      heapPages: ['b.html', 'a.html'],
      hoverAwake: [5, 7],
      hoverAsleep: [50],
      offHostRequests: 0,
    });
    expect(Object.keys(s)).toEqual([
      'tier',
      'packImportMs',
      'pages',
      'ratio',
      'ratioCold',
      'worstPage',
      'workMs',
      'visibilityMs',
      'loadMs',
      'lookupWaitMs',
      'dclToHighlightsMs',
      'longTasks',
      'heapDeltaMB',
      'hoverMs',
      'offHostRequests',
    ]);
    expect(s.ratio).toEqual({ median: 10, p95: 10, worst: 10 });
    expect(s.worstPage).toBe('b.html');
    expect(s.lookupWaitMs).toEqual({ median: 2, p95: 2 });
    expect(s.dclToHighlightsMs).toEqual({ median: 30, p95: 30 });
    expect(s.longTasks).toBe(2);
    expect(s.heapDeltaMB).toEqual({ median: 3, max: 3, pages: ['b.html', 'a.html'] });
    expect(s.hoverMs).toEqual({ awake: { median: 7, p95: 7, n: 2 }, asleep: { median: 50, p95: 50, n: 1 } });

    const lines = reportLines({ pages: 2, repeat: 1, summary: [s], bundle: { raw: 2048, gzip: 1024 } });
    expect(lines[0]).toContain('2 corpus pages');
    expect(lines[2]?.startsWith('10       ')).toBe(true);
    expect(lines).toContain('content script bundle: 2.0 kB raw, 1.0 kB gzip');
    expect(lines.some((l) => l.startsWith('append'))).toBe(false);
  });
});

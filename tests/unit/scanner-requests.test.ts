// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import { MAX_MATCH_CHARS, MAX_MATCH_TEXTS } from '@/utils/messaging/limits';
import type { Highlighter } from '@/utils/in-page/highlight';
import { Scanner } from '@/utils/in-page/scanner';
import { VisibilityJudge } from '@/utils/in-page/visibility';

const ACME = 'p:acme';

/** A scanner whose worker answers as page.match does, recording every request's texts. */
function scanner() {
  vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
  const dict = compileDictionary([{ text: 'Acme Widgets', entity: ACME }], 't');
  const requests: string[][] = [];
  const highlighter = { size: 0, add: () => undefined, remove: () => undefined, flush: () => undefined } as unknown as Highlighter;
  const s = new Scanner({
    match: (texts) => (requests.push(texts), matchTexts(dict, texts)),
    highlighter,
    exclude: () => false,
    signal: new AbortController().signal,
  });
  return { s, requests };
}

afterEach(() => vi.restoreAllMocks());

describe('the text a scan sends the worker', () => {
  it('goes in requests within the caps, each block whole and once, and every mention is found', async () => {
    // 60 paragraphs of ~10,000 characters (600,000 in all), each naming the entity at its start and end.
    const filler = 'lorem ipsum dolor '.repeat(550);
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p>Acme Widgets ${i} ${filler} Acme Widgets</p>`).join('');
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const r of requests) {
      expect(r.length).toBeLessThanOrEqual(MAX_MATCH_TEXTS);
      expect(r.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(MAX_MATCH_CHARS);
    }
    const sent = requests.flat();
    expect(sent).toHaveLength(60);
    expect(new Set(sent.map((t) => t.split(' ')[2]))).toHaveLength(60);
    expect(s.counts.get(ACME)).toBe(120);
  });

  it('splits many small blocks by their number too', async () => {
    document.body.innerHTML = Array.from({ length: MAX_MATCH_TEXTS + 10 }, (_, i) => `<p>${i % 1000 ? 'x' : 'Acme Widgets'}</p>`).join('');
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests.map((r) => r.length)).toEqual([MAX_MATCH_TEXTS, 10]);
    expect(s.counts.get(ACME)).toBe(9);
  });

  it('sends nothing for a page without text', async () => {
    document.body.innerHTML = '<p>   </p><div></div>';
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests).toEqual([]);
  });
});

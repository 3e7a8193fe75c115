// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import { MAX_BLOCK_CHARS, MAX_MATCH_CHARS, MAX_MATCH_TEXTS } from '@/utils/messaging/limits';
import { protocol } from '@/utils/messaging/protocol';
import type { Highlighter } from '@/utils/in-page/highlight';
import { FIRST_REQUEST_CHARS, Scanner, requestChars } from '@/utils/in-page/scanner';
import { SLICE_MS } from '@/utils/in-page/schedule';
import { VisibilityJudge } from '@/utils/in-page/visibility';

const ACME = 'p:acme';

/**
 * A scanner whose worker answers as page.match does, its request checked by the worker's own schema,
 * recording every request's texts. `answer` may replace the worker's answer to a request.
 */
function scanner(answer?: (n: number, texts: string[]) => Promise<ReturnType<typeof matchTexts> extends Promise<infer T> ? T : never> | undefined) {
  vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
  const dict = compileDictionary([{ text: 'Acme Widgets', entity: ACME }], 't');
  const requests: string[][] = [];
  const highlighter = { size: 0, add: () => undefined, remove: () => undefined, flush: () => undefined } as unknown as Highlighter;
  const stop = new AbortController();
  const s = new Scanner({
    match: (texts) => {
      const checked = protocol['page.match'].req.safeParse({ texts });
      if (!checked.success) return Promise.reject(new Error(`bad-request: ${checked.error.issues[0]?.message}`));
      requests.push(texts);
      return answer?.(requests.length, texts) ?? matchTexts(dict, texts);
    },
    highlighter,
    exclude: () => false,
    signal: stop.signal,
  });
  return { s, requests, stop };
}

/** Rejections nobody handled while `run` ran, and a few turns after. */
async function unhandledDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const note = (e: unknown) => void seen.push(e);
  process.on('unhandledRejection', note);
  try {
    await run().catch(() => undefined);
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  } finally {
    process.off('unhandledRejection', note);
  }
  return seen;
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

  /**
   * Scan 60 paragraphs of ~10,000 characters (each naming the entity twice) where sending costs
   * `msPerChar`: the clock moves as the text is sent. Returns each request's characters.
   */
  async function timedScan(msPerChar: number): Promise<number[]> {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p>Acme Widgets ${i} ${'lorem ipsum dolor '.repeat(550)} Acme Widgets</p>`).join('');
    const { s, requests } = scanner((_, texts) => {
      clock += texts.reduce((n, t) => n + t.length, 0) * msPerChar;
      return undefined;
    });
    await s.scan(document.body);
    expect(requests.flat()).toHaveLength(60);
    expect(s.counts.get(ACME)).toBe(120);
    return requests.map((r) => r.reduce((n, t) => n + t.length, 0));
  }

  it('sizes requests so that each send fits in a slice, at the speed the page has shown', async () => {
    // 16 ms for a full block, 262 ms for a full request.
    const sizes = await timedScan(0.001);
    expect(sizes[0]).toBeLessThanOrEqual(FIRST_REQUEST_CHARS);
    // Once timed, one block per request: the least a request carries.
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
  });

  it('grows requests to the cap where sending is fast', async () => {
    const sizes = await timedScan(0.000001);
    expect(sizes[0]).toBeLessThanOrEqual(FIRST_REQUEST_CHARS);
    expect(sizes[1]).toBeGreaterThan(MAX_MATCH_CHARS - 11_000);
  });

  it('sizes a request to half a slice, within a block and the protocol cap', () => {
    expect(requestChars(-1)).toBe(FIRST_REQUEST_CHARS);
    expect(requestChars(0)).toBe(MAX_MATCH_CHARS);
    expect(requestChars(SLICE_MS / 2 / 40_000)).toBe(40_000);
    expect(requestChars(1)).toBe(MAX_BLOCK_CHARS);
    expect(requestChars(1e-9)).toBe(MAX_MATCH_CHARS);
  });

  it('splits many small blocks by their number too', async () => {
    document.body.innerHTML = Array.from({ length: MAX_MATCH_TEXTS + 10 }, (_, i) => `<p>${i % 1000 ? 'x' : 'Acme Widgets'}</p>`).join('');
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests.map((r) => r.length)).toEqual([MAX_MATCH_TEXTS, 10]);
    expect(s.counts.get(ACME)).toBe(9);
  });

  it('sends a paragraph one character over a block whole, in pieces the worker accepts', async () => {
    // A space right at the cap: a piece of MAX_BLOCK_CHARS + 1 characters would fail its request, and the scan.
    document.body.innerHTML = `<p>${'a'.repeat(MAX_BLOCK_CHARS)} Acme Widgets here</p>`;
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests.flat().join('')).toBe(`${'a'.repeat(MAX_BLOCK_CHARS)} Acme Widgets here`);
    expect(s.counts.get(ACME)).toBe(1);
  });

  it('leaves no unhandled rejection when the page goes while requests are out', async () => {
    document.body.innerHTML = Array.from({ length: 60 }, () => `<p>Acme Widgets ${'lorem ipsum '.repeat(830)}</p>`).join('');
    const page: { stop?: AbortController } = {};
    // The page goes (pause, navigation) as the second request leaves; the first answer comes after.
    const parts = scanner((n, texts) => {
      if (n === 2) page.stop?.abort(new Error('paused'));
      return new Promise((r) => setTimeout(() => void matchTexts(compileDictionary([{ text: 'Acme Widgets', entity: ACME }], 't'), texts).then(r), 5));
    });
    page.stop = parts.stop;
    const unhandled = await unhandledDuring(() => parts.s.scan(document.body));
    expect(unhandled).toEqual([]);
    expect(parts.requests.length).toBeLessThan(3);
  });

  it('fails the scan when a request fails, with no unhandled rejection from the others', async () => {
    document.body.innerHTML = Array.from({ length: 60 }, () => `<p>Acme Widgets ${'lorem ipsum '.repeat(830)}</p>`).join('');
    const { s, requests } = scanner((n) => (n === 1 ? Promise.reject(new Error('the worker failed')) : undefined));
    let failed: unknown;
    const unhandled = await unhandledDuring(() => s.scan(document.body).catch((e: unknown) => void (failed = e)));
    expect(String(failed)).toContain('the worker failed');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(unhandled).toEqual([]);
  });

  it('sends nothing for a page without text', async () => {
    document.body.innerHTML = '<p>   </p><div></div>';
    const { s, requests } = scanner();
    await s.scan(document.body);
    expect(requests).toEqual([]);
  });
});

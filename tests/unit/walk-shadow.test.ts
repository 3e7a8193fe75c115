// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextWalker, composedParent, blockAncestor, insideSkipped } from '@/utils/in-page/walk';
import { observeChanges, rootsOf, BARE_HOST_GAPS_MS, type ChangeBatch } from '@/utils/in-page/observer';

/** Every block's text, and a check that its offsets point at the exact characters of its nodes. */
function walk(root: Element) {
  const w = new TextWalker(root);
  expect(w.step(1_000)).toBe(true);
  for (const b of w.blocks) {
    b.nodes.forEach((n, i) => expect(b.text.slice(b.offsets[i], (b.offsets[i] ?? 0) + n.data.length)).toBe(n.data));
  }
  return w;
}

/** <news-article> → open shadow root → <article-body> → open shadow root, as MSN's pages nest them. */
function nested() {
  document.body.innerHTML = '<main><p id="light">Light text.</p><news-article id="outer"><p id="slotted">Slotted text</p></news-article></main>';
  const outer = document.getElementById('outer')!;
  const s1 = outer.attachShadow({ mode: 'open' });
  s1.innerHTML = '<h1 id="title">About <b>Clearview</b> AI</h1><slot></slot><article-body id="inner"></article-body>';
  const inner = s1.getElementById('inner')!;
  const s2 = inner.attachShadow({ mode: 'open' });
  s2.innerHTML = '<p id="deep">Deep in, Clearview AI again.</p>loose text';
  return { outer, s1, inner, s2 };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('walking open shadow roots', () => {
  it('reads the text of nested open shadow trees, each block mapped to its own nodes', () => {
    const { s1, s2 } = nested();
    const w = walk(document.body);
    const texts = w.blocks.map((b) => b.text);
    expect(texts).toEqual(['Light text.', 'Slotted text', 'About Clearview AI', 'Deep in, Clearview AI again.', 'loose text']);
    expect(w.shadowRoots).toEqual([s1, s2]);
    // Loose text at the top of a shadow tree belongs to the host's block.
    expect(w.blocks.at(-1)?.element.id).toBe('inner');
  });

  it('does not reach into a closed shadow root, and skips a shadow root under a skipped element', () => {
    document.body.innerHTML = '<div id="closed"></div><div hidden><x-hidden id="h"></x-hidden></div>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Clearview AI, unreachable</p>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Clearview AI, hidden</p>';
    const w = walk(document.body);
    expect(w.blocks.map((b) => b.text)).toEqual([]);
    expect(w.shadowRoots).toEqual([]);
  });

  it('walks the shadow root of the element it starts from (a rescanned host)', () => {
    const { outer } = nested();
    expect(walk(outer).blocks.map((b) => b.text)).toContain('Deep in, Clearview AI again.');
  });

  it('pauses and resumes inside a shadow tree without losing or repeating text', () => {
    const { outer } = nested();
    const s = outer.shadowRoot!;
    for (let i = 0; i < 2_000; i++) s.append(Object.assign(document.createElement('p'), { textContent: `para ${i}` }));
    let now = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const w = new TextWalker(document.body);
    let steps = 1;
    while (!w.step(0)) steps++;
    spy.mockRestore();
    expect(steps).toBeGreaterThan(1);
    const texts = w.blocks.map((b) => b.text);
    expect(texts.filter((t) => t.startsWith('para ')).length).toBe(2_000);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('lists custom elements that have no open shadow root yet', () => {
    document.body.innerHTML = '<feed-item id="a">x</feed-item><div id="b"></div>';
    const w = walk(document.body);
    expect(w.bareHosts.map((e) => e.id)).toEqual(['a']);
  });
});

describe('crossing shadow boundaries upwards', () => {
  it('climbs from a shadow tree to its host', () => {
    const { outer, s1, s2, inner } = nested();
    expect(composedParent(s1.getElementById('title')!)).toBe(outer);
    expect(composedParent(s2.lastChild!)).toBe(inner);
    expect(blockAncestor(s1.querySelector('b')!)).toBe(s1.getElementById('title'));
  });

  it('sees a skipped ancestor of the host', () => {
    document.body.innerHTML = '<div contenteditable="true"><x-e id="e"></x-e></div>';
    const root = document.getElementById('e')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="p">typed</p>';
    expect(insideSkipped(root.getElementById('p')!)).toBe(true);
  });
});

describe('changes inside shadow trees', () => {
  it('text added at the top of a shadow tree rescans its host; roots inside a rescanned host are dropped', () => {
    const { outer, s1, s2 } = nested();
    const mo = new MutationObserver(() => {});
    mo.observe(s1, { childList: true, subtree: true, characterData: true });
    mo.observe(s2, { childList: true, subtree: true, characterData: true });
    s1.append('Clearview AI at the top');
    s2.getElementById('deep')!.append(' more');
    const records = mo.takeRecords();
    mo.disconnect();
    expect(records.length).toBe(2);
    expect(rootsOf(records, () => false).roots).toEqual([outer]);
  });
});

describe('observing shadow roots and late upgrades', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function observed() {
    const batches: ChangeBatch[] = [];
    const ac = new AbortController();
    const obs = observeChanges(document.body, {
      delayMs: 10,
      maxWaitMs: 50,
      signal: ac.signal,
      exclude: () => false,
      onBatch: (b) => {
        batches.push(b);
        return Promise.resolve();
      },
    });
    return { batches, obs, ac };
  }

  it('reports a mutation inside a shadow root once that root is observed, and not before', async () => {
    const { s2 } = nested();
    const { batches, obs, ac } = observed();
    s2.getElementById('deep')!.append(' one');
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([]);
    obs.observe(s2);
    s2.getElementById('deep')!.append(' two');
    await vi.advanceTimersByTimeAsync(100);
    expect(batches.map((b) => b.roots.map((r) => r.id))).toEqual([['deep']]);
    ac.abort();
  });

  it('rescans a custom element that gets a shadow root after it was walked, and stops checking after the last gap', async () => {
    document.body.innerHTML = '<feed-item id="late"></feed-item><feed-item id="never"></feed-item>';
    const late = document.getElementById('late')!;
    const { batches, obs, ac } = observed();
    obs.watchBare([late, document.getElementById('never')!]);
    await vi.advanceTimersByTimeAsync(700);
    expect(batches).toEqual([]);
    late.attachShadow({ mode: 'open' }).innerHTML = '<p>Clearview AI</p>';
    await vi.advanceTimersByTimeAsync(600);
    expect(batches.map((b) => b.roots.map((r) => r.id))).toEqual([['late']]);
    const total = BARE_HOST_GAPS_MS.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(total);
    expect(vi.getTimerCount()).toBe(0);
    ac.abort();
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import type { Highlighter } from '@/utils/in-page/highlight';
import { HiddenMentions } from '@/utils/in-page/hidden-mentions';
import { Scanner } from '@/utils/in-page/scanner';
import { VisibilityJudge } from '@/utils/in-page/visibility';

const ACME = 'p:acme';

/** A scanner over the document's body, with a dictionary of one name and a highlighter that keeps its ranges. */
function scannerOn(html: string, hidden?: HiddenMentions) {
  document.body.innerHTML = html;
  // happy-dom lays nothing out: every mention is taken as seen.
  vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
  const dict = compileDictionary([{ text: 'Acme Widgets', entity: ACME }], 't');
  // The worker's page.match, on the same dictionary.
  const match = (texts: string[]) => matchTexts(dict, texts);
  const painted = new Set<Range>();
  const highlighter = {
    get size() {
      return painted.size;
    },
    add: (r: Range) => void painted.add(r),
    remove: (r: Range) => void painted.delete(r),
    flush: () => undefined,
  } as unknown as Highlighter;
  const scanner = new Scanner({ match, highlighter, exclude: () => false, signal: new AbortController().signal, ...(hidden ? { hidden } : {}) });
  return { scanner, painted };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hiding one mention', () => {
  it('hides the mention now at that place when its paragraph was rescanned while the card was open', async () => {
    const { scanner, painted } = scannerOn('<p id="a">Acme Widgets and Acme Widgets</p>');
    const p = document.getElementById('a') as HTMLElement;
    await scanner.scan(document.body);
    expect(scanner.counts.get(ACME)).toBe(2);
    // The card was opened on the first mention; then the page changed something in its paragraph.
    const [first] = [...scanner.registry.all].sort((a, b) => a.range.startOffset - b.range.startOffset);
    if (!first) throw new Error('no mention');
    p.setAttribute('data-x', '1');
    await scanner.scan(p);
    expect(scanner.counts.get(ACME)).toBe(2);
    expect(scanner.registry.all.has(first)).toBe(false);

    const spot = scanner.hide(first);
    expect(scanner.counts.get(ACME)).toBe(1);
    expect(painted.size).toBe(1);
    const live = [...scanner.registry.all];
    expect(live.filter((m) => m.hidden).map((m) => m.range.startOffset)).toEqual([0]);

    scanner.unhide(spot);
    expect(scanner.counts.get(ACME)).toBe(2);
    expect(painted.size).toBe(2);
  });

  it('changes nothing when the mention’s text has left the page', async () => {
    const { scanner, painted } = scannerOn('<p id="a">Acme Widgets here</p><p>Acme Widgets there</p>');
    await scanner.scan(document.body);
    const m = [...scanner.registry.all].find((x) => x.block.id === 'a');
    if (!m) throw new Error('no mention');
    m.block.remove();
    scanner.sweep();
    expect(scanner.counts.get(ACME)).toBe(1);
    scanner.hide(m);
    expect(scanner.counts.get(ACME)).toBe(1);
    expect(painted.size).toBe(1);
  });
});

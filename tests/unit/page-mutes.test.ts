// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PageMutes } from '@/utils/in-page/page-mutes';
import { HiddenMentions, spotOf } from '@/utils/in-page/hidden-mentions';

describe('what the content script knows of the mutes on its site', () => {
  it('learns muted entities from dictionary answers', () => {
    const m = new PageMutes();
    m.learn(undefined);
    m.learn(['p:a']);
    expect(m.has('p:a')).toBe(true);
    expect(m.has('p:b')).toBe(false);
  });

  it('lets the worker’s message win over an answer computed before it', () => {
    const m = new PageMutes();
    m.learn(['p:a']);
    expect(m.tell('p:a', false)).toBe(true);
    // A lookup answered before the unmute arrives after it: it must not mute the entity again.
    m.learn(['p:a']);
    expect(m.has('p:a')).toBe(false);
    expect(m.tell('p:a', false)).toBe(false);
    expect(m.tell('p:a', true)).toBe(true);
    expect(m.has('p:a')).toBe(true);
  });
});

describe('mentions the reader hid on this page view', () => {
  const text = () => {
    const p = document.createElement('p');
    p.textContent = 'Acme Widgets and Acme Widgets';
    document.body.append(p);
    return p.firstChild as Text;
  };
  const range = (node: Text, start: number, end: number) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };

  it('finds a hidden mention again at the same place in the same text, after a rescan built a new range', () => {
    const node = text();
    const hidden = new HiddenMentions();
    const spot = spotOf('p:acme', range(node, 0, 12));
    hidden.hide(spot);
    expect(hidden.has('p:acme', range(node, 0, 12))).toBe(true);
    // The other mention of the same name, another entity at the same place, or the same words in new text: not hidden.
    expect(hidden.has('p:acme', range(node, 17, 29))).toBe(false);
    expect(hidden.has('p:other', range(node, 0, 12))).toBe(false);
    expect(hidden.has('p:acme', range(text(), 0, 12))).toBe(false);
    hidden.unhide(spot);
    expect(hidden.has('p:acme', range(node, 0, 12))).toBe(false);
  });

  it('forgets spots whose text left the page', () => {
    const node = text();
    const hidden = new HiddenMentions();
    hidden.hide(spotOf('p:acme', range(node, 0, 12)));
    const r = range(node, 0, 12);
    node.parentElement?.remove();
    hidden.sweep();
    expect(hidden.has('p:acme', r)).toBe(false);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { frameHasText, hasText } from '@/utils/in-page/start-up';

describe('an empty frame', () => {
  it('has nothing to read while it holds only white space and empty elements', () => {
    document.body.innerHTML = '  <div>\n <span> </span></div>\u00A0';
    expect(hasText(document.body)).toBe(false);
  });

  it('has something once a word appears, or a web component whose text is in its shadow root', () => {
    document.body.innerHTML = '<div><span>Clearview AI</span></div>';
    expect(hasText(document.body)).toBe(true);
    document.body.innerHTML = '<div></div>';
    document.querySelector('div')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Clearview AI</p>';
    expect(hasText(document.body)).toBe(true);
    document.body.innerHTML = '<comment-widget></comment-widget>';
    expect(hasText(document.body)).toBe(true);
  });

  it('starts reading when text is added to it, and the top page never waits', async () => {
    document.body.innerHTML = '';
    const frame = { top: {}, document } as unknown as Window;
    let started = false;
    void frameHasText(new AbortController().signal, frame).then(() => (started = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    document.querySelector('p')!.textContent = 'A late comment.';
    await expect.poll(() => started).toBe(true);
    const top = { document } as unknown as Window & { top: Window };
    top.top = top;
    document.body.innerHTML = '';
    await frameHasText(new AbortController().signal, top);
  });
});

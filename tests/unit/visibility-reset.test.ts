// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundingBox, VisibilityJudge } from '@/utils/in-page/visibility';

afterEach(() => vi.restoreAllMocks());

describe('the visibility judge between scans', () => {
  it('reads no layout when reset, only when it judges a mention', () => {
    document.body.innerHTML = '<p>Acme Widgets</p>';
    // Reading the viewport forces the page's pending layout: a scan that found nothing must not.
    const width = vi.spyOn(document.documentElement, 'clientWidth', 'get');
    const judge = new VisibilityJudge(document);
    judge.reset();
    expect(width).not.toHaveBeenCalled();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!.firstChild!);
    judge.visible(range);
    judge.visible(range);
    expect(width).toHaveBeenCalledTimes(1);
    judge.reset();
    judge.visible(range);
    expect(width).toHaveBeenCalledTimes(2);
  });

  it('judges the style of an element once per scan, however many mentions it holds', () => {
    document.body.innerHTML = '<p>Acme Widgets and Acme Widgets</p>';
    const p = document.querySelector('p')!;
    // The first question asked of an element's style (happy-dom has it).
    const asked = vi.spyOn(p, 'checkVisibility');
    const judge = new VisibilityJudge(document);
    const text = p.firstChild!;
    const at = (start: number) => {
      const r = document.createRange();
      r.setStart(text, start);
      r.setEnd(text, start + 12);
      return r;
    };
    judge.reset();
    judge.visible(at(0));
    judge.visible(at(17));
    expect(asked).toHaveBeenCalledTimes(1);
    // A new scan judges again: styles change between scans.
    judge.reset();
    judge.visible(at(17));
    expect(asked).toHaveBeenCalledTimes(2);
  });
});

describe("a range's bounding box from its client rects", () => {
  const rect = (left: number, top: number, width: number, height: number) =>
    ({ left, top, width, height, right: left + width, bottom: top + height }) as DOMRectReadOnly;

  it('is the union of the boxes that are not empty, as Range.getBoundingClientRect gives it in Chromium', () => {
    expect(boundingBox([rect(10, 20, 30, 10), rect(0, 31, 20, 10), rect(500, 500, 0, 10)])).toEqual({
      left: 0,
      top: 20,
      right: 40,
      bottom: 41,
      width: 40,
      height: 21,
    });
  });

  it('is a zero box when every box is empty, or there is none', () => {
    const zero = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
    expect(boundingBox([rect(50, 50, 0, 12), rect(60, 60, 10, 0)])).toEqual(zero);
    expect(boundingBox([])).toEqual(zero);
  });
});

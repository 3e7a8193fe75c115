// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisibilityJudge } from '@/utils/in-page/visibility';

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
});

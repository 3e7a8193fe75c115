// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageReportBody, pageReporter } from '@/utils/in-page/page-report';
import { sendFromContentScript } from '@/utils/in-page/send';
import { PAGE_LIMITS } from '@/utils/messaging/limits';

vi.mock('@/utils/in-page/send', () => ({ sendFromContentScript: vi.fn(() => Promise.resolve({})) }));
const send = vi.mocked(sendFromContentScript);

describe('pageReportBody', () => {
  it('sends keys and counts, a tidied title, and an address only when it fits', () => {
    const counts = new Map([
      ['demo:a', 2],
      ['demo:b', 1],
    ]);
    expect(pageReportBody(counts, true, '  A\n  title ', 'https://example.org/x')).toEqual({
      entities: [
        { key: 'demo:a', count: 2 },
        { key: 'demo:b', count: 1 },
      ],
      reset: true,
      title: 'A title',
      url: 'https://example.org/x',
    });
    const long = pageReportBody(new Map(), false, 'x'.repeat(PAGE_LIMITS.title + 10), `https://example.org/${'a'.repeat(PAGE_LIMITS.url)}`);
    expect(long.title).toHaveLength(PAGE_LIMITS.title);
    expect(long.url).toBeUndefined();
  });
});

describe('pageReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    send.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  const resets = () => send.mock.calls.map(([, body]) => (body as { reset: boolean }).reset);

  it('reports at once the first time (resetting the tab), then once per burst', () => {
    const counts = new Map([['demo:a', 1]]);
    const reporter = pageReporter(() => counts, new AbortController().signal);
    reporter.report();
    vi.advanceTimersByTime(0);
    expect(resets()).toEqual([true]);
    counts.set('demo:a', 3);
    reporter.report();
    reporter.report();
    vi.advanceTimersByTime(249);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(resets()).toEqual([true, false]);
    expect(send.mock.calls[1]?.[1]).toMatchObject({ entities: [{ key: 'demo:a', count: 3 }] });
  });

  it('starts the page over after restart, and sends nothing pending once aborted', () => {
    const abort = new AbortController();
    const reporter = pageReporter(() => new Map(), abort.signal);
    reporter.report();
    vi.advanceTimersByTime(0);
    reporter.restart();
    reporter.report();
    vi.advanceTimersByTime(0);
    expect(resets()).toEqual([true, true]);
    reporter.report();
    abort.abort();
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('flushes now, replacing a pending report, and resolves once the worker has it', async () => {
    let answered = () => {};
    send.mockImplementationOnce(() => new Promise((r) => (answered = () => r({}))));
    const counts = new Map([['demo:a', 2]]);
    const reporter = pageReporter(() => counts, new AbortController().signal);
    reporter.report();
    let done = false;
    const flushed = reporter.flush().then(() => (done = true));
    expect(resets()).toEqual([true]);
    await Promise.resolve();
    expect(done).toBe(false);
    answered();
    await flushed;
    // The report that was pending is not sent a second time.
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flushes nothing once aborted', async () => {
    const abort = new AbortController();
    const reporter = pageReporter(() => new Map(), abort.signal);
    abort.abort();
    await reporter.flush();
    expect(send).not.toHaveBeenCalled();
  });
});

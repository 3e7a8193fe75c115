// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NotesPanel } from '@/components/ext-pages/NotesPanel';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/ext-pages/send', () => ({ send }));

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  send.mockReset();
  send.mockImplementation(async (type: string) => replies[type] ?? {});
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const replies: Record<string, unknown> = {
  'notes.list': { notes: [], quarantined: 0 },
  'notes.tags': { tags: [] },
  'draft.get': { draft: null },
  'draft.save': { kept: true },
};

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('NotesPanel', () => {
  it('saves with Ctrl+Enter, with the quote the reader ticked, then starts the next note without it', async () => {
    await act(() => {
      render(
        <NotesPanel entityKey="test.sample:acme" entityName="Acme" page={{ url: 'https://example.org/a', title: 'A' }} quote="the quoted words" />,
        container,
      );
    });
    const box = container.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const area = container.querySelector<HTMLTextAreaElement>('textarea');
    expect(box?.checked).toBe(false);
    await act(() => void box?.click());
    expect(box?.checked).toBe(true);
    await act(() => {
      area!.value = 'first note';
      area!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void area!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    await flush();
    const saves = send.mock.calls.filter(([t]) => t === 'note.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.[1]).toMatchObject({ note: { text: 'first note', quote: 'the quoted words' } });
    expect(area!.value).toBe('');
    expect(container.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(false);
  });

  it('does not save on a plain Enter (a new line in the note)', async () => {
    await act(() => {
      render(<NotesPanel entityKey="test.sample:acme" entityName="Acme" page={{ url: null, title: null }} />, container);
    });
    const area = container.querySelector<HTMLTextAreaElement>('textarea')!;
    await act(() => {
      area.value = 'line one';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(send.mock.calls.filter(([t]) => t === 'note.save')).toHaveLength(0);
  });

  it('says "Note saved." in the live region that was already in the panel, and clears it on another entity', async () => {
    const panel = (key: string) => <NotesPanel entityKey={key} entityName="Acme" page={{ url: null, title: null }} />;
    await act(() => void render(panel('test.sample:acme'), container));
    const region = container.querySelector('[role="status"]');
    expect(region?.textContent).toBe('');
    const area = container.querySelector<HTMLTextAreaElement>('textarea')!;
    await act(() => {
      area.value = 'a note';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    await flush();
    expect(container.querySelector('[role="status"]')).toBe(region);
    expect(region?.textContent).toBe('Note saved.');
    await act(() => void render(panel('test.sample:other'), container));
    await flush();
    expect(region?.textContent).toBe('');
  });
});

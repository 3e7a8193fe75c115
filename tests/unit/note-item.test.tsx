// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NoteItem } from '@/components/ext-pages/NoteItem';
import { NotesPanel } from '@/components/ext-pages/NotesPanel';
import type { Note } from '@/utils/schema/note';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/ext-pages/send', () => ({ send }));

const NOTE: Note = {
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  entityKey: 'test.sample:acme',
  entityName: 'Acme',
  quote: 'They said it.',
  text: 'first words',
  tags: ['court'],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

let container: HTMLElement;
let replies: Record<string, (body: Record<string, unknown>) => unknown>;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  replies = {
    'notes.list': () => ({ notes: [], quarantined: 0 }),
    'notes.tags': () => ({
      tags: [
        { tag: 'court', count: 2 },
        { tag: 'privacy', count: 1 },
      ],
    }),
    'draft.get': () => ({ draft: null }),
    'draft.save': () => ({ kept: true }),
  };
  send.mockReset();
  send.mockImplementation(async (type: string, body: Record<string, unknown>) => {
    const reply = replies[type];
    if (!reply) throw new Error(`unexpected ${type}`);
    return reply(body);
  });
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const button = (label: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
const type = (el: HTMLInputElement | HTMLTextAreaElement | null | undefined, value: string) =>
  act(() => {
    el!.value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
const key = (el: Element | null | undefined, k: string, mods: KeyboardEventInit = {}) =>
  act(() => void el!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...mods })));
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type).map(([, body]) => body);

describe('a saved note, edited in place', () => {
  it('Esc cancels without saving; Ctrl+Enter saves text, removed quote and tags, and shows what the worker stored', async () => {
    const onSaved = vi.fn();
    replies['note.update'] = (b) => ({ note: { ...NOTE, text: b.text, tags: b.tags, quote: undefined, updatedAt: '2026-12-01T00:00:00.000Z' } });
    await act(() =>
      render(
        <ul>
          <NoteItem note={NOTE} onSaved={onSaved} />
        </ul>,
        container,
      ),
    );
    await act(() => button('Edit')!.click());
    const box = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Edit the note"]');
    expect(document.activeElement).toBe(box);
    await type(box, 'changed');
    await key(box, 'Escape');
    expect(container.querySelector('textarea')).toBeNull();
    expect(container.querySelector('.note-text')?.textContent).toBe('first words');
    // Focus goes back to the button that opened the editor.
    expect(document.activeElement).toBe(button('Edit'));

    await act(() => button('Edit')!.click());
    await type(container.querySelector('textarea[aria-label="Edit the note"]'), 'second words');
    await act(() => button('Remove quote')!.click());
    // A tag typed but not yet ended with Enter or a comma still counts.
    await type(container.querySelector('input[aria-label="Tags"]'), 'fine');
    await key(container.querySelector('textarea[aria-label="Edit the note"]'), 'Enter', { ctrlKey: true });
    await flush();
    expect(calls('note.update')).toEqual([{ id: NOTE.id, text: 'second words', quote: null, tags: ['court', 'fine'] }]);
    expect(calls('note.save')).toEqual([]);
    expect(container.querySelector('.note-text')?.textContent).toBe('second words');
    expect(container.querySelector('.note-quote')).toBeNull();
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: NOTE.id, text: 'second words' }));
  });

  it('keeps the edit and says why when the save fails', async () => {
    replies['note.update'] = () => {
      throw new Error('no longer exists');
    };
    await act(() =>
      render(
        <ul>
          <NoteItem note={NOTE} />
        </ul>,
        container,
      ),
    );
    await act(() => button('Edit')!.click());
    const box = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Edit the note"]');
    await type(box, 'precious words');
    await act(() => button('Save')!.click());
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Not saved — your text is kept here\. no longer exists/);
    expect(container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Edit the note"]')?.value).toBe('precious words');
  });
});

describe('deleting a note', () => {
  it('deletes at once, offers Undo with the focus on it, and Undo saves back the note as stored', async () => {
    const stored = { ...NOTE, tags: ['court', 'privacy'] };
    replies['note.delete'] = () => ({ note: stored });
    replies['note.save'] = (b) => ({ note: b.note });
    const onDeleted = vi.fn();
    const onSaved = vi.fn();
    await act(() =>
      render(
        <ul>
          <NoteItem note={NOTE} onDeleted={onDeleted} onSaved={onSaved} />
        </ul>,
        container,
      ),
    );
    await act(() => button('Delete')!.click());
    await flush();
    expect(calls('note.delete')).toEqual([{ id: NOTE.id }]);
    expect(onDeleted).toHaveBeenCalledWith(stored);
    const status = container.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Note deleted. Undo');
    expect(document.activeElement).toBe(button('Undo'));
    await act(() => button('Undo')!.click());
    await flush();
    expect(calls('note.save')).toEqual([{ note: stored }]);
    expect(onSaved).toHaveBeenCalledWith(stored);
    expect(container.querySelector('.note-text')?.textContent).toBe('first words');
    expect([...container.querySelectorAll('.tag-chip')].map((c) => c.textContent)).toEqual(['court', 'privacy']);
  });

  it('restores the note it showed when the worker’s reply lost the stored one', async () => {
    replies['note.delete'] = () => ({});
    replies['note.save'] = (b) => ({ note: b.note });
    await act(() =>
      render(
        <ul>
          <NoteItem note={NOTE} />
        </ul>,
        container,
      ),
    );
    await act(() => button('Delete')!.click());
    await flush();
    await act(() => button('Undo')!.click());
    await flush();
    expect(calls('note.save')).toEqual([{ note: NOTE }]);
  });
});

describe('the new note', () => {
  const panel = () => <NotesPanel entityKey="test.sample:acme" entityName="Acme" page={{ url: null, title: null }} />;

  it('starts from the draft the worker kept, and sends each change with a growing revision', async () => {
    replies['draft.get'] = () => ({ draft: { text: 'half a thought', tags: ['court'], rev: 5 } });
    await act(() => render(panel(), container));
    await flush();
    const area = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Your notes"]');
    expect(area?.value).toBe('half a thought');
    expect(container.querySelector('.note-new .tag-chip')?.textContent).toBe('court×');
    await type(area, 'half a thought, finished');
    await type(area, 'half a thought, finished.');
    const saves = calls('draft.save') as { text: string; rev: number }[];
    expect(saves.map((s) => s.text)).toEqual(['half a thought, finished', 'half a thought, finished.']);
    expect(saves[0]!.rev).toBeGreaterThan(5);
    expect(saves[1]!.rev).toBeGreaterThan(saves[0]!.rev);
  });

  it('does not overwrite what the reader typed before the draft arrived', async () => {
    let answer: (v: unknown) => void = () => {};
    replies['draft.get'] = () => new Promise((r) => (answer = r));
    await act(() => render(panel(), container));
    const area = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Your notes"]');
    await type(area, 'typed first');
    await act(() => answer({ draft: { text: 'stale', tags: [], rev: 1 } }));
    await flush();
    expect(area?.value).toBe('typed first');
  });

  it('saves with its tags (the one still typed too), then empties the draft in the worker', async () => {
    replies['note.save'] = (b) => ({ note: b.note });
    await act(() => render(panel(), container));
    await flush();
    await type(container.querySelector('textarea[aria-label="Your notes"]'), 'a note');
    const tags = container.querySelector<HTMLInputElement>('input[aria-label="Tags"]');
    await type(tags, 'court, pri');
    expect([...container.querySelectorAll('.note-new .tag-chip')].map((c) => c.textContent)).toEqual(['court×']);
    expect(tags?.value).toBe(' pri');
    await act(() => button('Add tag privacy')!.click());
    await type(tags, 'fine');
    await act(() => button('Save note')!.click());
    await flush();
    expect(calls('note.save')).toEqual([{ note: expect.objectContaining({ text: 'a note', tags: ['court', 'privacy', 'fine'] }) }]);
    expect(calls('draft.save').at(-1)).toMatchObject({ text: '', tags: [] });
    expect(container.querySelectorAll('.note-new .tag-chip')).toHaveLength(0);
    expect(container.querySelector<HTMLInputElement>('input[aria-label="Tags"]')?.value).toBe('');
  });

  it('makes a tag on Enter, and Backspace in the empty box takes the last one back to edit', async () => {
    await act(() => render(panel(), container));
    await flush();
    const tags = container.querySelector<HTMLInputElement>('input[aria-label="Tags"]');
    await type(tags, 'court');
    // A tag not yet finished is not part of the kept draft.
    expect(calls('draft.save')).toEqual([]);
    await key(tags, 'Enter');
    expect(calls('note.save')).toEqual([]);
    expect(calls('draft.save')).toEqual([expect.objectContaining({ text: '', tags: ['court'] })]);
    expect([...container.querySelectorAll('.note-new .tag-chip')].map((c) => c.textContent)).toEqual(['court×']);
    await key(tags, 'Backspace');
    expect(container.querySelectorAll('.note-new .tag-chip')).toHaveLength(0);
    expect(tags?.value).toBe('court');
    await key(tags, 'Enter');
    await act(() => button('Remove tag court')!.click());
    expect(container.querySelectorAll('.note-new .tag-chip')).toHaveLength(0);
  });
});

describe('a note in another page’s own look (the library)', () => {
  it('shows the given view with the same Edit and Delete, and the editor only once Edit is clicked', async () => {
    replies['note.update'] = (b) => ({ note: { ...NOTE, text: b.text, updatedAt: '2026-12-01T00:00:00.000Z' } });
    replies['note.delete'] = () => ({ note: NOTE });
    const onDeleted = vi.fn();
    await act(() =>
      render(
        <ul>
          <NoteItem
            note={NOTE}

            class="lib-note"
            onDeleted={onDeleted}
            view={(n, actions) => (
              <>
                <p class="own-text">{n.text}</p>
                {actions}
              </>
            )}
          />
        </ul>,
        container,
      ),
    );
    expect(container.querySelector('li')?.className).toBe('note lib-note');
    expect(container.querySelector('.own-text')?.textContent).toBe('first words');
    // The side panel's own view is not drawn, and no editor waits hidden in the row.
    expect(container.querySelector('.note-text')).toBeNull();
    expect(container.querySelector('textarea')).toBeNull();
    await act(() => button('Edit')!.click());
    await type(container.querySelector('textarea[aria-label="Edit the note"]'), 'new words');
    await act(() => button('Save')!.click());
    await flush();
    expect(container.querySelector('.own-text')?.textContent).toBe('new words');
    await act(() => button('Delete')!.click());
    await flush();
    expect(container.querySelector('li')?.className).toBe('note lib-note note-deleted');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Note deleted. Undo');
    expect(onDeleted).toHaveBeenCalledWith(NOTE);
  });
});

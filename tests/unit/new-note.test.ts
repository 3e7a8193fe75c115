import { describe, expect, it } from 'vitest';
import { newNote } from '@/components/ext-pages/use-notes';
import { Note } from '@/utils/schema/note';

const about = { entityKey: 'demo:clearview', entityName: 'Clearview AI', page: { url: 'https://example.org/a', title: 'A page' }, quote: 'a quote' };
const NOW = '2025-01-02T03:04:05.000Z';
const ID = '0f8c6b1e-2a4d-4c3e-9b7a-1d2e3f4a5b6c';

describe('newNote', () => {
  it('keeps the page and, when the reader ticked it, the quote', () => {
    const note = newNote(about, 'my words', true, NOW, ID);
    expect(note).toEqual({
      id: ID,
      entityKey: 'demo:clearview',
      entityName: 'Clearview AI',
      pageUrl: 'https://example.org/a',
      pageTitle: 'A page',
      quote: 'a quote',
      text: 'my words',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(Note.safeParse(note).success).toBe(true);
  });

  it('leaves out an unticked quote, a non-http address and an empty title; caps a long title', () => {
    const note = newNote({ ...about, page: { url: 'file:///tmp/x.html', title: '' } }, 'my words', false, NOW, ID);
    expect(note.quote).toBeUndefined();
    expect(note.pageUrl).toBeUndefined();
    expect(note.pageTitle).toBeUndefined();
    expect(newNote({ ...about, page: { url: null, title: 't'.repeat(600) } }, 'x', true, NOW, ID).pageTitle).toHaveLength(500);
  });
});

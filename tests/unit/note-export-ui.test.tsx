// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ExportMenu, pageExportChoices } from '@/components/ext-pages/ExportMenu';
import { NoteList } from '@/components/ext-pages/NoteList';
import { sampleNote } from '../support/packs';
import { setTestLocale } from '../support/i18n-setup';

const send = vi.hoisted(() => vi.fn());
const downloadText = vi.hoisted(() => vi.fn());
vi.mock('@/utils/ext-pages/send', () => ({ send }));
vi.mock('@/utils/ext-pages/download', () => ({ downloadText }));

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  send.mockReset();
  downloadText.mockReset();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('notes in the extension pages', () => {
  it('dates a note the way facts are dated, per language: when written and, once changed, when edited', async () => {
    const note = { ...sampleNote, createdAt: '2026-12-01T16:21:48.000Z', updatedAt: '2026-12-01T16:21:48.000Z' };
    const dates = () => container.querySelector('.note-dates')?.textContent;
    render(<NoteList notes={[note]} />, container);
    expect(dates()).toBe('written 1 Dec 2026');
    await act(() => render(<NoteList notes={[{ ...note, updatedAt: '2026-12-03T09:00:00.000Z' }]} />, container));
    expect(dates()).toBe('written 1 Dec 2026 · edited 3 Dec 2026');
    render(null, container);
    setTestLocale('fr-FR');
    render(<NoteList notes={[note]} />, container);
    expect(dates()).toBe('écrite le 1 déc. 2026');
  });

  it('says what an export wrote, to a file named with the date and time', async () => {
    send.mockResolvedValue({ notes: [sampleNote, { ...sampleNote, id: '0a1b2c3d-0000-4000-8000-000000000002' }], quarantined: 0 });
    render(<ExportMenu />, container);
    const csv = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'CSV');
    await act(async () => {
      csv?.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const [name] = downloadText.mock.calls[0] ?? [];
    expect(name).toMatch(/^backstory-notes-all-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(`Exported 2 notes to ${name}`);
  });

  it('exports this page’s notes when the reader picks that scope in the popup, and says so', async () => {
    const here = { ...sampleNote, pageUrl: 'https://news.example/story?id=42' };
    const elsewhere = { ...sampleNote, id: '0a1b2c3d-0000-4000-8000-000000000002', pageUrl: 'https://other.example/' };
    send.mockResolvedValue({ notes: [here, elsewhere], quarantined: 0 });
    render(<ExportMenu choices={pageExportChoices('https://news.example/story?id=42&utm_source=x', 1)} />, container);
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.parentElement?.textContent?.trim())).toEqual(['All notes', 'This page’s notes (1)']);
    await act(async () => {
      radios[1]?.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const json = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'JSON');
    await act(async () => {
      json?.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const [name, body] = downloadText.mock.calls[0] ?? [];
    expect(name).toMatch(/^backstory-notes-page-news.example-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    expect(JSON.parse(String(body)).notes.map((n: { id: string }) => n.id)).toEqual([here.id]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(`Exported 1 note on this page to ${name}`);
  });

  it('offers only all notes when none was written on the page', () => {
    expect(pageExportChoices('https://news.example/', 0).map((c) => c.scope.kind)).toEqual(['all']);
    expect(pageExportChoices(null, 3).map((c) => c.scope.kind)).toEqual(['all']);
  });

  it('exports the notes it is given (the library’s filter) without asking the worker, and says when there are none', async () => {
    setTestLocale('fr-FR');
    render(<ExportMenu choices={[{ label: 'x', scope: { kind: 'filtered' }, notes: [] }]} />, container);
    const md = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Markdown');
    await act(async () => {
      md?.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(send).not.toHaveBeenCalled();
    expect(downloadText).not.toHaveBeenCalled();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Aucune note à exporter.');
  });
});

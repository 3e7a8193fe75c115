// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setTestLocale } from '../support/i18n-setup';
import { DataPanel } from '@/components/ext-pages/DataPanel';
import { PackImport } from '@/components/ext-pages/PackImport';
import { FlagsPanel } from '@/components/ext-pages/FlagsPanel';
import { sampleFlag } from '../support/packs';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/ext-pages/send', () => ({ send }));
vi.mock('@/utils/ext-pages/download', () => ({ downloadText: vi.fn() }));

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  send.mockReset();
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

async function chooseFile(label: string, file: File) {
  const input = container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
  if (!input) throw new Error(`no file input "${label}"`);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change')));
  await settle();
}

describe('the data panel', () => {
  it('asks before deleting unreadable notes with the right plural, in French', async () => {
    setTestLocale('fr-FR');
    const asked: string[] = [];
    vi.stubGlobal('confirm', (q: string) => (asked.push(q), false));
    send.mockImplementation(async (type: string) => (type === 'notes.quarantined' ? { rows: [{}] } : {}));
    await act(() => render(<DataPanel onChanged={() => {}} />, container));
    await settle();
    expect(container.querySelector('[data-testid="unreadable-notes"] p')?.textContent).toMatch(/^1 note enregistrée est illisible : elle ne correspond pas/);
    await act(() => button('Supprimer les notes illisibles')?.click());
    expect(asked).toEqual(['Supprimer 1 note illisible ? Téléchargez-la d’abord si vous voulez la garder.']);
    await act(() => button('Supprimer toutes mes données')?.click());
    expect(asked[1]).toMatch(/^Supprimer toutes vos notes, vos signalements, vos noms ignorés/);
    // Both refused: nothing was sent beyond the listing.
    expect(send.mock.calls.map(([type]) => type)).toEqual(['notes.quarantined']);
  });

  it('shows the worker’s sentence for a refused restore as it is, and counts what was restored', async () => {
    send.mockImplementation(async (type: string) =>
      type === 'notes.import' ? { ok: false, imported: 0, error: 'Not restored: this file is not a Backstory notes export.' } : { rows: [] },
    );
    await act(() => render(<DataPanel onChanged={() => {}} />, container));
    await settle();
    await chooseFile('Notes backup', new File(['{}'], 'pack.json'));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Not restored: this file is not a Backstory notes export.');
    send.mockImplementation(async (type: string) => (type === 'notes.import' ? { ok: true, imported: 3 } : { rows: [] }));
    await chooseFile('Notes backup', new File(['{}'], 'notes.json'));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Restored 3 notes.');
  });
});

describe('the pack import', () => {
  it('leads a refusal with the worker’s sentence, then the file and the precise problems', async () => {
    setTestLocale('fr-FR');
    send.mockResolvedValue({
      ok: false,
      summary: 'Ce fichier est un export de notes Backstory, pas un paquet de faits : restaurez-le sous « Vos données » plus bas.',
      errors: [
        { path: 'schema', message: 'unsupported pack format' },
        { path: '(root)', message: 'Unrecognized keys: "format", "notes"' },
      ],
    });
    await act(() => render(<PackImport onImported={() => {}} />, container));
    await chooseFile('Fichier du paquet', new File(['{}'], 'mes-notes.json'));
    const box = container.querySelector('[data-testid="pack-errors"]');
    expect(box?.querySelector('p')?.textContent).toBe(
      'Ce fichier est un export de notes Backstory, pas un paquet de faits : restaurez-le sous « Vos données » plus bas. mes-notes.json n’a pas été importé. Rien n’a été modifié.',
    );
    expect(box?.textContent).toContain('Les 2 problèmes trouvés :');
    expect([...(box?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'schema: unsupported pack format',
      '(root): Unrecognized keys: "format", "notes"',
    ]);
  });

  it('refuses a file over the limit without reading it, sizes in the reader’s number format', async () => {
    setTestLocale('fr-FR');
    await act(() => render(<PackImport onImported={() => {}} />, container));
    const huge = new File(['x'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 300.5 * 1048576 });
    await chooseFile('Fichier du paquet', huge);
    expect(container.querySelector('[data-testid="pack-refusal"]')?.textContent).toBe(
      'Ce fichier est trop volumineux pour être un paquet de faits : 300,5 Mo, alors que les paquets sont limités à 256 Mo.',
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('previews counts with plurals: one entity, one fact', async () => {
    send.mockResolvedValue({
      ok: true,
      errors: [],
      preview: { id: 'user.x', name: 'X pack', version: '1.0.0', entities: 1, facts: 1, sources: 2, aliases: 0 },
    });
    await act(() => render(<PackImport onImported={() => {}} />, container));
    await chooseFile('Pack file', new File(['{}'], 'x.json'));
    expect(container.querySelector('[data-testid="pack-preview"] p')?.textContent).toBe('X pack 1.0.0 (user.x): 1 entity, 0 aliases, 1 fact, 2 sources.');
  });
});

describe('the flags panel', () => {
  it('says how many stored flags are unreadable, in French, with a French date', async () => {
    setTestLocale('fr-FR');
    send.mockResolvedValue({ flags: [sampleFlag({ updatedAt: '2026-12-01T10:00:00.000Z' })], unreadable: 2 });
    await act(() => render(<FlagsPanel />, container));
    await settle();
    expect(container.querySelector('[data-testid="unreadable-flags"]')?.textContent).toBe(
      '2 signalements enregistrés sont illisibles : ils ne sont ni affichés ni exportés.',
    );
    expect(container.querySelector('time')?.textContent).toBe('01/12/2026');
    expect(container.querySelector('h2')?.textContent).toBe('Vos signalements');
  });
});

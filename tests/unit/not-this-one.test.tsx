// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { EntityCard } from '@/components/card/EntityCard';
import type { CardDismissal } from '@/components/card/NotThisOne';
import type { CardView } from '@/utils/messaging/protocol';
import { setTestLocale } from '../support/i18n-setup';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const noop = () => {};
const card = (lang = 'en'): CardView => ({
  key: 'p:cv',
  name: 'Clearview AI',
  kind: 'organization',
  summary: 'Face search.',
  lang,
  factCount: 0,
  sources: [],
  facts: [],
});
const buttons = () => [...container.querySelectorAll('.nto button')].map((b) => b.textContent);
const button = (name: string) => [...container.querySelectorAll<HTMLButtonElement>('.nto button')].find((b) => b.textContent === name)!;
/** Let the component's promise chains run, then flush its renders and effects. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

function actions(over: Partial<CardDismissal> = {}) {
  const undoHide = vi.fn();
  const a = { id: 1, hide: vi.fn(() => undoHide), mute: vi.fn(async () => {}), undoMute: vi.fn(async () => {}), ...over };
  return { a, undoHide };
}

describe('"Not this one" in the card', () => {
  it('is not there while the card loads, nor where the card shows no mention', () => {
    const { a } = actions();
    render(<EntityCard card={null} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
    expect(container.querySelector('.nto')).toBeNull();
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} />, container);
    expect(container.querySelector('.nto')).toBeNull();
  });

  it('offers the three choices, hides the mention, says so, and undoes it with the focused Undo', async () => {
    const { a, undoHide } = actions();
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
    expect(buttons()).toEqual(['Not this one']);
    // Nothing takes the focus before the reader acts.
    expect(document.activeElement).toBe(document.body);
    button('Not this one').click();
    await settle();
    expect(buttons()).toEqual(['Hide this mention', 'Mute on this site', 'Mute everywhere']);
    expect(document.activeElement?.textContent).toBe('Hide this mention');

    button('Hide this mention').click();
    await settle();
    expect(a.hide).toHaveBeenCalledOnce();
    expect(container.querySelector('[role=status]')?.textContent).toBe('Hidden on this page until you reload it.');
    expect(document.activeElement?.textContent).toBe('Undo');
    button('Undo').click();
    await settle();
    expect(undoHide).toHaveBeenCalledOnce();
    expect(container.querySelector('[role=status]')?.textContent).toBe('Undone: shown as before.');
    expect(a.mute).not.toHaveBeenCalled();
  });

  it('mutes on this site or everywhere, and Undo lifts that mute', async () => {
    for (const [choice, scope, said] of [
      ['Mute on this site', 'site', 'Clearview AI is muted on this site: not highlighted or counted here.'],
      ['Mute everywhere', 'everywhere', 'Clearview AI is muted everywhere: not highlighted or counted on any site.'],
    ] as const) {
      const { a } = actions({ id: scope === 'site' ? 1 : 2 });
      render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
      button('Not this one').click();
      await settle();
      button(choice).click();
      await settle();
      expect(a.mute).toHaveBeenCalledWith(scope);
      expect(container.querySelector('[role=status]')?.textContent).toBe(said);
      button('Undo').click();
      await settle();
      expect(a.undoMute).toHaveBeenCalledWith(scope);
    }
  });

  it('says when it did not work (the worker refused, or the card was covered), and offers the choice again', async () => {
    const { a } = actions({ mute: vi.fn(() => Promise.reject(new Error('mute.fromCard too often'))) });
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
    button('Not this one').click();
    await settle();
    button('Mute everywhere').click();
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('That did not work. Try again in a moment.');
    expect(buttons()).toEqual(['Not this one']);
  });

  it('speaks French to a French reader, names what it muted, and starts closed again on the next card', async () => {
    setTestLocale('fr-FR');
    const { a } = actions();
    render(<EntityCard card={card('fr')} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
    button('Ce n’est pas ça').click();
    await settle();
    expect(buttons()).toEqual(['Masquer cette mention', 'Ignorer sur ce site', 'Ignorer partout']);
    button('Ignorer sur ce site').click();
    await settle();
    expect(container.querySelector('[role=status]')?.textContent).toBe('Clearview AI est ignoré sur ce site : ni surligné ni compté ici.');
    expect(buttons()).toEqual(['Annuler']);
    render(<EntityCard card={card('fr')} onOpenPanel={noop} onClose={noop} notThisOne={{ ...a, id: 2 }} />, container);
    expect(buttons()).toEqual(['Ce n’est pas ça']);
  });

  it('hands the focus on in the render that replaces the button pressed, not a frame later', async () => {
    const { a } = actions();
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} notThisOne={a} />, container);
    // The button pressed leaves the page with that render: a key pressed before the focus moves on
    // would find nothing focused. So the focus is read the moment each new step is inserted.
    const focusAt = (text: string) =>
      new Promise<string | undefined>((resolve) => {
        const seen = new MutationObserver(() => {
          if (!buttons().includes(text)) return;
          seen.disconnect();
          resolve(document.activeElement?.textContent ?? undefined);
        });
        seen.observe(container, { childList: true, subtree: true });
      });
    const choices = focusAt('Hide this mention');
    button('Not this one').click();
    expect(await choices).toBe('Hide this mention');
    await settle();
    const undo = focusAt('Undo');
    button('Hide this mention').click();
    expect(await undo).toBe('Undo');
  });
});

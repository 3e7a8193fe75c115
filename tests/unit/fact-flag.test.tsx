// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { FactFlag, type FactFlagProps } from '@/components/ext-pages/FactFlag';
import type { Flag } from '@/utils/schema/flag';
import { sampleFlag } from '../support/packs';
import { setTestLocale } from '../support/i18n-setup';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/ext-pages/send', () => ({ send }));

const saved: Flag = sampleFlag();

let container: HTMLElement;
let flag: Flag | undefined;
const onChange = vi.fn((_id: string, f: Flag | null) => {
  flag = f ?? undefined;
  draw();
});
function draw(over: Partial<FactFlagProps> = {}) {
  render(<FactFlag entityKey="test.sample:acme" factId="acme.founded" lang="en" flag={flag} onChange={onChange} {...over} />, container);
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  flag = undefined;
  send.mockReset();
  onChange.mockClear();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const q = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const click = (el: Element | null | undefined) => act(() => void (el as HTMLElement).click());
const type = (text: string) =>
  act(() => {
    const ta = q<HTMLTextAreaElement>('textarea')!;
    ta.value = text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = () => act(async () => void q<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

describe('FactFlag', () => {
  it('opens a labelled form with the first choice focused, and Escape closes it back onto its button', async () => {
    await act(() => draw());
    await click(button('Flag this fact'));
    expect(q('form')?.getAttribute('aria-label')).toBe('Flag this fact');
    expect(q('legend')?.textContent).toBe('This fact is');
    expect([...container.querySelectorAll('label.flag-kind')].map((l) => l.textContent?.trim())).toEqual(['Wrong', 'Outdated']);
    expect(q('textarea')?.getAttribute('maxlength')).toBe('500');
    expect(q('textarea')?.closest('label')?.textContent).toContain('Reason');
    expect(document.activeElement).toBe(q('input[value=wrong]'));

    await act(() => void q('form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(q('form')).toBeNull();
    expect(document.activeElement).toBe(button('Flag this fact'));
  });

  it('asks for a kind and a reason before sending anything', async () => {
    await act(() => draw());
    await click(button('Flag this fact'));
    await type('   ');
    await submit();
    expect(q('[role=alert]')?.textContent).toBe('Choose Wrong or Outdated and give a reason.');
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the typed reason and shows the error when the save fails, then saves and shows the flag', async () => {
    await act(() => draw());
    await click(button('Flag this fact'));
    await click(q('input[value=wrong]'));
    await type('The registry says 1991.');
    send.mockRejectedValueOnce(new Error('Storage is full: free disk space, then try again. Nothing was changed.'));
    await submit();
    expect(q('[role=alert]')?.textContent).toBe('Not saved — your text is kept here. Storage is full: free disk space, then try again. Nothing was changed.');
    expect(q<HTMLTextAreaElement>('textarea')?.value).toBe('The registry says 1991.');
    expect(q<HTMLInputElement>('input[value=wrong]')?.checked).toBe(true);

    send.mockResolvedValueOnce({ flag: saved });
    await submit();
    expect(send).toHaveBeenLastCalledWith('flag.save', {
      entityKey: 'test.sample:acme',
      factId: 'acme.founded',
      kind: 'wrong',
      reason: 'The registry says 1991.',
      lang: 'en',
    });
    expect(q('form')).toBeNull();
    expect(q('.flag-note')?.textContent).toMatch(/^You flagged this as wrong: The registry says 1991\./);
    expect(document.activeElement).toBe(button('Edit'));
  });

  it('edits a flag with its saved kind and reason, and removes it', async () => {
    flag = saved;
    await act(() => draw());
    await click(button('Edit'));
    expect(q<HTMLInputElement>('input[value=wrong]')?.checked).toBe(true);
    expect(q<HTMLTextAreaElement>('textarea')?.value).toBe('The registry says 1991.');
    expect(document.activeElement).toBe(q('input[value=wrong]'));
    await click(button('Cancel'));
    expect(document.activeElement).toBe(button('Edit'));

    send.mockRejectedValueOnce(new Error('The write was interrupted and rolled back. Nothing was changed.'));
    await act(async () => button('Remove')!.click());
    expect(q('[role=alert]')?.textContent).toMatch(/^Not removed:/);
    expect(q('.flag-note')).not.toBeNull();

    send.mockResolvedValueOnce({});
    await act(async () => button('Remove')!.click());
    expect(send).toHaveBeenLastCalledWith('flag.delete', { id: 'test.sample:acme.founded' });
    expect(onChange).toHaveBeenLastCalledWith('acme.founded', null);
    expect(document.activeElement).toBe(button('Flag this fact'));
  });

  it('speaks French to a French reader', async () => {
    setTestLocale('fr-FR');
    flag = { ...saved, kind: 'outdated' };
    await act(() => draw({ lang: 'fr' }));
    expect(q('.flag-said')?.textContent).toBe('Vous avez signalé ce fait comme dépassé :');
    await click(button('Modifier'));
    expect([...container.querySelectorAll('label.flag-kind')].map((l) => l.textContent?.trim())).toEqual(['Faux', 'Dépassé']);
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { EntityCard } from '@/components/card/EntityCard';
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
const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;

function card(over: Partial<CardView> = {}): CardView {
  return {
    key: 'demo:clearview',
    name: 'Clearview AI',
    kind: 'organization',
    summary: 'Facial recognition company that scraped billions of photos.',
    lang: 'en',
    factCount: 5,
    sources: [
      {
        id: 's1',
        title: 'The Secretive Company That Might End Privacy',
        publisher: 'The New York Times',
        url: 'https://www.nytimes.com/2020/01/18/technology/clearview-privacy-facial-recognition.html',
        published: '2020-01-18',
        language: 'en',
      },
      { id: 's2', title: 'Decision', publisher: 'CNIL', via: 'Légifrance', url: 'https://www.cnil.fr/decision', published: '2022-10', language: 'fr' },
      { id: 's3', title: 'Hostile', publisher: 'Evil Corp', url: 'javascript:alert(1)', published: '2021', language: 'en' },
    ],
    facts: [
      { id: 'f1', text: 'Scraped photos from social media.', date: '2020-01-18', attribution: 'reported', sourceIds: ['s1'], key: true },
      { id: 'f2', text: 'Fined 20 million euros.', date: '2022-10', attribution: 'regulator', sourceIds: ['s2', 's3', 'missing'], key: true },
      { id: 'f3', text: 'Says it only serves law enforcement.', date: '2021', attribution: 'company-statement', sourceIds: [], key: false },
    ],
    ...over,
  };
}

describe('EntityCard', () => {
  it('shows the loading state while the card is on its way', () => {
    render(<EntityCard card={null} onOpenPanel={noop} onClose={noop} />, container);
    expect(text('.loading')).toBe('Loading…');
    expect(text('.name')).toBe('…');
    // A screen reader is told the dialog is still filling in.
    expect(container.querySelector('.card')!.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('.error')).toBeNull();
    expect(container.querySelector('.open')).toBeNull();
  });

  it('shows the error state, not the loading one, when the card could not be loaded', () => {
    render(<EntityCard card={null} error="not-found" onOpenPanel={noop} onClose={noop} />, container);
    expect(text('.error')).toBe('Backstory could not load this card. Reload the page to try again.');
    expect(container.querySelector('.loading')).toBeNull();
    expect(container.querySelector('.facts')).toBeNull();
  });

  it('shows the name, summary, and each fact with its date, attribution and sources', () => {
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} />, container);
    const root = container.querySelector('.card')!;
    // A dialog named by the entity's name and described by its summary (ids scoped to the card's shadow root).
    const byRef = (attr: string) => container.querySelector(`#${root.getAttribute(attr)}`)?.textContent;
    expect(root.getAttribute('role')).toBe('dialog');
    expect(byRef('aria-labelledby')).toBe('Clearview AI');
    expect(byRef('aria-describedby')).toBe('Facial recognition company that scraped billions of photos.');
    expect(root.getAttribute('aria-busy')).toBe('false');
    // The card's own words are in the UI's language (with the browser's region).
    expect(root.getAttribute('lang')).toBe('en-GB');
    expect(text('.name')).toBe('Clearview AI');
    expect(text('.summary')).toBe('Facial recognition company that scraped billions of photos.');

    const facts = [...container.querySelectorAll('li.fact')];
    expect(facts.map((f) => f.getAttribute('data-fact'))).toEqual(['f1', 'f2', 'f3']);
    const row = (f: Element) => ({
      time: f.querySelector('time')!.textContent,
      datetime: f.querySelector('time')!.getAttribute('datetime'),
      badge: f.querySelector('.badge')!.textContent,
      text: f.querySelector('.fact-text')!.textContent,
      sources: [...f.querySelectorAll('.source a')].map((a) => a.textContent),
    });
    expect(facts.map(row)).toEqual([
      { time: '18 Jan 2020', datetime: '2020-01-18', badge: 'Press report', text: 'Scraped photos from social media.', sources: ['The New York Times'] },
      // A source id the card does not carry is left out, not shown empty.
      { time: 'Oct 2022', datetime: '2022-10', badge: 'Regulator', text: 'Fined 20 million euros.', sources: ['CNIL', 'Evil Corp'] },
      { time: '2021', datetime: '2021', badge: 'Company’s own statement', text: 'Says it only serves law enforcement.', sources: [] },
    ]);
    expect(facts[0]?.className).toBe('fact attribution-reported');
    expect(facts[1]?.querySelector('.source-via')?.textContent).toBe(' (via Légifrance)');
    expect(facts[1]?.querySelector('.source-date')?.textContent).toBe(', Oct 2022');
    expect(text('.more')).toBe('2 more documented facts in the side panel');
    expect(text('.open')).toBe('Open full backstory');
  });

  it('opens every source link in a new context, without an opener or a referrer', () => {
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} />, container);
    const links = [...container.querySelectorAll('a')];
    expect(links).toHaveLength(3);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(links[0]?.getAttribute('href')).toBe('https://www.nytimes.com/2020/01/18/technology/clearview-privacy-facial-recognition.html');
    expect(links[0]?.getAttribute('title')).toBe('The Secretive Company That Might End Privacy');
  });

  it('gives a javascript: source no href at all', () => {
    render(<EntityCard card={card()} onOpenPanel={noop} onClose={noop} />, container);
    const hostile = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Evil Corp')!;
    expect(hostile.hasAttribute('href')).toBe(false);
    expect(container.innerHTML).not.toMatch(/javascript:/i);
    // The others keep theirs.
    expect([...container.querySelectorAll('a[href]')].map((a) => a.textContent)).toEqual(['The New York Times', 'CNIL']);
  });

  it('leaves out the "more facts" line when every fact is shown', () => {
    render(<EntityCard card={card({ factCount: 3 })} onOpenPanel={noop} onClose={noop} />, container);
    expect(container.querySelector('.more')).toBeNull();
    expect(container.querySelectorAll('li.fact')).toHaveLength(3);
  });

  it('calls its handlers from the close and open buttons', () => {
    const onOpenPanel = vi.fn();
    const onClose = vi.fn();
    render(<EntityCard card={card()} onOpenPanel={onOpenPanel} onClose={onClose} />, container);
    container.querySelector<HTMLButtonElement>('.open')!.click();
    expect([onOpenPanel.mock.calls.length, onClose.mock.calls.length]).toEqual([1, 0]);
    container.querySelector<HTMLButtonElement>('.close')!.click();
    expect([onOpenPanel.mock.calls.length, onClose.mock.calls.length]).toEqual([1, 1]);
  });

  it('speaks French for a French reader and a French card', () => {
    setTestLocale('fr-FR');
    render(<EntityCard card={null} onOpenPanel={noop} onClose={noop} />, container);
    expect(text('.loading')).toBe('Chargement…');
    expect(container.querySelector('.close')!.getAttribute('aria-label')).toBe('Fermer');

    render(<EntityCard card={null} error="internal" onOpenPanel={noop} onClose={noop} />, container);
    expect(text('.error')).toBe('Backstory n’a pas pu charger cette fiche. Rechargez la page pour réessayer.');

    render(<EntityCard card={card({ lang: 'fr' })} onOpenPanel={noop} onClose={noop} />, container);
    expect(container.querySelector('.card')!.getAttribute('lang')).toBe('fr-FR');
    expect([...container.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Presse', 'Régulateur', 'Déclaration de l’entreprise']);
    expect([...container.querySelectorAll('time')].map((t) => t.textContent)).toEqual(['18 janv. 2020', 'oct. 2022', '2021']);
    expect(container.querySelector('.source-via')!.textContent).toBe(' (via Légifrance)');
    expect(text('.more')).toBe('2 autres faits documentés dans le panneau latéral');
    expect(text('.open')).toBe('Voir tout l’historique');
  });

  it('words its own text in the UI language; the pack’s text keeps its language, marked on it', () => {
    // The pack had no English for this entity: the worker fell back to French for an English reader.
    render(<EntityCard card={card({ lang: 'fr', summary: 'Entreprise de reconnaissance faciale.' })} onOpenPanel={noop} onClose={noop} />, container);
    expect(container.querySelector('.card')!.getAttribute('lang')).toBe('en-GB');
    expect(container.querySelector('.summary')!.getAttribute('lang')).toBe('fr');
    expect(container.querySelector('.fact-text')!.getAttribute('lang')).toBe('fr');
    expect(container.querySelector('.badge')!.textContent).toBe('Press report');
    expect(container.querySelector('time')!.textContent).toBe('18 Jan 2020');
    expect(text('.open')).toBe('Open full backstory');
  });

  it('counts the facts left for the side panel with the right plural in each language', () => {
    const more = (factCount: number) => {
      render(<EntityCard card={card({ factCount })} onOpenPanel={noop} onClose={noop} />, container);
      return text('.more');
    };
    // Once "1 more documented facts".
    expect(more(4)).toBe('1 more documented fact in the side panel');
    expect(more(5)).toBe('2 more documented facts in the side panel');
    setTestLocale('fr-FR');
    expect(more(4)).toBe('1 autre fait documenté dans le panneau latéral');
    expect(more(5)).toBe('2 autres faits documentés dans le panneau latéral');
  });

  it('shows a denial beside the claim it disputes, with its own badge and source', () => {
    const c = card();
    c.facts[0] = {
      ...c.facts[0]!,
      disputedBy: ['f3'],
      disputes: [{ id: 'f3', text: 'Says it only serves law enforcement.', date: '2021', attribution: 'company-statement', sourceIds: ['s2'] }],
    };
    render(<EntityCard card={c} onOpenPanel={noop} onClose={noop} />, container);
    const box = container.querySelector('[data-fact="f1"] .disputes');
    expect(box?.querySelector('.disputes-label')?.textContent).toBe('Disputed by');
    expect(box?.querySelector('.dispute-text')?.textContent).toBe('Says it only serves law enforcement.');
    expect(box?.querySelector('.badge')?.textContent).toBe('Company’s own statement');
    expect(box?.querySelector('a')?.textContent).toBe('CNIL');
    expect(container.querySelector('[data-fact="f2"] .disputes')).toBeNull();
  });

  it('folds the source’s words under a <details> that starts closed', () => {
    const c = card();
    c.facts[1] = { ...c.facts[1]!, evidence: [{ source: 's2', text: 'La CNIL prononce une amende de 20 millions d’euros.', lang: 'fr' }] };
    render(<EntityCard card={c} onOpenPanel={noop} onClose={noop} />, container);
    const details = container.querySelector<HTMLDetailsElement>('[data-fact="f2"] details.evidence');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('What the source says');
    expect(details?.querySelector('blockquote')?.textContent).toBe('“La CNIL prononce une amende de 20 millions d’euros.”');
    expect(details?.querySelector('blockquote')?.getAttribute('lang')).toBe('fr');
    expect(details?.querySelector('figcaption a')?.getAttribute('href')).toBe('https://www.cnil.fr/decision');
  });

  it('says how many more facts the side panel has outside the scrolling part of the card', () => {
    render(<EntityCard card={card({ factCount: 12 })} onOpenPanel={noop} onClose={noop} />, container);
    expect(container.querySelector('.more')?.textContent).toBe('9 more documented facts in the side panel');
    expect(container.querySelector('.body .more')).toBeNull();
  });

  it('offers "Read more" under a fact the card cut, and "Show less" once it is open; none under text that fits', async () => {
    // happy-dom lays nothing out: a paragraph longer than 40 characters is made to overflow its box.
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return (this.textContent?.length ?? 0) > 40 ? 200 : 20;
    });
    const client = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(20);
    try {
      const long = 'Fined 20 million euros by the French regulator, which also ordered it to delete the data.';
      render(<EntityCard card={card({ facts: [{ ...card().facts[0]!, text: long }, card().facts[1]!] })} onOpenPanel={noop} onClose={noop} />, container);
      await new Promise((r) => setTimeout(r, 0));
      const [cut, fits] = [...container.querySelectorAll('li.fact')];
      expect(fits?.querySelector('.cut-toggle')).toBeNull();
      const toggle = cut?.querySelector<HTMLButtonElement>('.cut-toggle');
      expect([toggle?.textContent, toggle?.getAttribute('aria-expanded'), toggle?.type]).toEqual(['Read more', 'false', 'button']);
      expect(cut?.querySelector('.fact-text')?.className).toBe('fact-text');
      toggle?.click();
      await new Promise((r) => setTimeout(r, 0));
      expect([toggle?.textContent, toggle?.getAttribute('aria-expanded')]).toEqual(['Show less', 'true']);
      expect(cut?.querySelector('.fact-text')?.className).toBe('fact-text uncut');
      toggle?.click();
      await new Promise((r) => setTimeout(r, 0));
      expect([toggle?.textContent, toggle?.getAttribute('aria-expanded')]).toEqual(['Read more', 'false']);

      setTestLocale('fr-FR');
      render(<EntityCard card={card({ lang: 'fr', facts: [{ ...card().facts[0]!, text: long }] })} onOpenPanel={noop} onClose={noop} />, container);
      await new Promise((r) => setTimeout(r, 0));
      expect(container.querySelector('.cut-toggle')?.textContent).toBe('Lire la suite');
    } finally {
      scroll.mockRestore();
      client.mockRestore();
    }
  });
});

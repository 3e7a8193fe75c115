import { describe, expect, it } from 'vitest';
import { pickLang, toCard, toSheet } from '@/utils/worker/views';
import { validatePack } from '@/utils/schema/validate';
import { samplePack } from '../support/packs';

// Names every plain object answers to through its prototype.
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function sample() {
  const r = validatePack(samplePack());
  if (!r.ok) throw new Error('sample pack is invalid');
  const [entity] = r.pack.entities;
  if (!entity) throw new Error('sample pack has no entity');
  return { pack: r.pack, entity };
}

describe('language choice with a hostile language code', () => {
  it.each(INHERITED)('lang "%s" falls back to English, with the pack’s strings', (lang) => {
    const { pack, entity } = sample();
    expect(pickLang(entity.summary, lang)).toBe('en');
    const card = toCard('test.sample:acme', entity, pack.sources, lang);
    expect(card.lang).toBe('en');
    expect(card.summary).toBe('A maker of widgets.');
    expect(card.facts.map((f) => f.text)).toEqual(['Founded in 1990.']);
    const sheet = toSheet('test.sample:acme', entity, pack.sources, lang, { related: [], pack: { id: 'test.sample', name: 'Sample', version: '1.0.0' } });
    expect(sheet.summary).toBe('A maker of widgets.');
    expect(sheet.facts.map((f) => f.text)).toEqual(['Founded in 1990.']);
  });

  it('with no English either, takes the pack’s first language, never an inherited name', () => {
    expect(pickLang({ fr: 'bonjour' }, 'constructor')).toBe('fr');
  });
});

describe('evidence and disputes in the views', () => {
  function disputedPack() {
    const p = samplePack({ schema: 2 });
    const e = p.entities[0]!;
    e.facts = [
      {
        id: 'acme.leak',
        text: { en: 'A report says Acme leaked its client list.', fr: 'Selon un article, Acme aurait divulgué sa liste de clients.' },
        date: '2020-02',
        attribution: 'reported',
        sourceIds: ['src-1'],
        key: true,
        disputedBy: ['acme.denial'],
        evidence: [{ source: 'src-1', text: 'Acme leaked its client list.', lang: 'en' }],
      },
      {
        id: 'acme.denial',
        text: { en: 'Acme denies any leak.', fr: 'Acme dément toute fuite.' },
        date: '2020-02',
        attribution: 'company-statement',
        sourceIds: ['src-2'],
        disputedBy: ['acme.leak'],
        evidence: [{ source: 'src-2', text: 'We deny any leak.', lang: 'en' }],
      },
    ];
    p.sources = [
      {
        id: 'src-1',
        title: 'Leak',
        publisher: 'Example News',
        url: 'https://example.org/leak',
        published: '2020-02-27',
        language: 'en',
        readAt: 'https://copy.example.net/leak',
      },
      { id: 'src-2', title: 'Statement', publisher: 'Acme', url: 'https://acme.example.org/statement', published: '2020-02-28', language: 'en' },
      { id: 'src-3', title: 'Unrelated', publisher: 'Other', url: 'https://other.example.org/', published: '2021', language: 'en' },
    ];
    e.facts.push({
      ...e.facts[1]!,
      id: 'acme.other',
      disputedBy: undefined,
      sourceIds: ['src-3'],
      evidence: [{ source: 'src-3', text: 'Other.', lang: 'en' }],
    });
    const r = validatePack(p);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.pack;
  }

  it('the card shows a key fact with the denial beside it, cites the denial’s sources, and carries no evidence or reading copy', () => {
    const pack = disputedPack();
    const card = toCard('test.sample:acme', pack.entities[0]!, pack.sources, 'en');
    expect(card.facts.map((f) => f.id)).toEqual(['acme.leak']);
    expect(card.facts[0]!.disputes).toEqual([
      { id: 'acme.denial', text: 'Acme denies any leak.', date: '2020-02', attribution: 'company-statement', sourceIds: ['src-2'] },
    ]);
    expect(card.facts[0]!.evidence).toBeUndefined();
    expect(card.sources.map((s) => s.id)).toEqual(['src-1', 'src-2']);
    expect(card.sources.some((s) => 'readAt' in s)).toBe(false);
  });

  it('the sheet gives every fact its evidence, disputes both ways, and the reading copy in the source list', () => {
    const pack = disputedPack();
    const sheet = toSheet('test.sample:acme', pack.entities[0]!, pack.sources, 'fr', {
      related: [],
      pack: { id: 'test.sample', name: 'Sample', version: '2.0.0' },
    });
    const leak = sheet.facts.find((f) => f.id === 'acme.leak')!;
    expect(leak.evidence).toEqual([{ source: 'src-1', text: 'Acme leaked its client list.', lang: 'en' }]);
    expect(sheet.facts.find((f) => f.id === 'acme.denial')!.disputes?.map((d) => d.text)).toEqual([
      'Selon un article, Acme aurait divulgué sa liste de clients.',
    ]);
    expect(sheet.facts.find((f) => f.id === 'acme.other')!.disputes).toBeUndefined();
    expect(sheet.sources.find((s) => s.id === 'src-1')!.readAt).toBe('https://copy.example.net/leak');
  });
});

describe('the sheet’s other names', () => {
  it('lists names and former names, not the misspellings used to find a name', () => {
    const p = samplePack();
    p.entities[0]!.aliases.push({ text: 'Acme Wigdets', misspelling: true }, { text: 'Acme Old', former: true });
    const r = validatePack(p);
    if (!r.ok) throw new Error('invalid');
    const sheet = toSheet('test.sample:acme', r.pack.entities[0]!, r.pack.sources, 'en', {
      related: [],
      pack: { id: 'test.sample', name: 'Sample', version: '1.0.0' },
    });
    expect(sheet.aliases).toEqual(['Acme Widgets', 'Acme', 'Acme Old']);
  });
});

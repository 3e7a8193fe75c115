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

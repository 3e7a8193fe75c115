import { describe, expect, it } from 'vitest';
import { parsePackText, validatePack } from '@/utils/schema/validate';
import { clone, firstParts, samplePack } from '../support/packs';
import { INVISIBLE_CODE_POINTS } from '../support/invisible';

const errorsOf = (v: unknown) => {
  const r = validatePack(v);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('pack schema', () => {
  it('accepts a valid pack and fills defaults', () => {
    const r = validatePack(samplePack());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.entities[0]?.aliases[0]).toMatchObject({ strength: 'strong', caseSensitive: false, misspelling: false });
  });

  it('refuses non-http source URLs with the JSON path', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'chrome-extension://abc/x', 'file:///etc/passwd']) {
      const p = clone(samplePack());
      firstParts(p).source.url = url;
      expect(errorsOf(p)).toContain('sources[0].url: must be an http or https URL');
    }
  });

  it('refuses a fact without sources or with an unknown source', () => {
    const p = clone(samplePack());
    firstParts(p).fact.sourceIds = [];
    expect(errorsOf(p)).toContain('entities[0].facts[0].sourceIds: a fact needs at least one source');
    const q = clone(samplePack());
    firstParts(q).fact.sourceIds = ['nope'];
    expect(errorsOf(q)).toContain('entities[0].facts[0].sourceIds[0]: unknown source id "nope"');
  });

  it('refuses duplicate ids, missing languages and bad dates', () => {
    const p = clone(samplePack());
    p.entities.push(clone(firstParts(p).entity));
    expect(errorsOf(p).some((e) => e.startsWith('entities[1].id: duplicate entity id'))).toBe(true);
    const q = clone(samplePack());
    delete firstParts(q).entity.summary.fr;
    expect(errorsOf(q)).toContain('entities[0].summary: missing the "fr" summary (the pack declares en, fr)');
    const r = clone(samplePack());
    firstParts(r).fact.date = '2021-02-30';
    expect(errorsOf(r)).toContain('entities[0].facts[0].date: is not a real calendar date');
  });

  it('refuses a real own "__proto__" key (as JSON.parse makes it) in any object of a pack, and changes no prototype', () => {
    expect(Object.hasOwn(JSON.parse('{"__proto__":1}'), '__proto__')).toBe(true);
    const json = JSON.stringify(samplePack());
    for (const [at, path] of [
      ['{', '(root)'],
      ['"entities":[{', 'entities[0]'],
      ['"aliases":[{', 'entities[0].aliases[0]'],
      ['"sources":[{', 'sources[0]'],
    ] as const) {
      const value = JSON.parse(json.replace(at, `${at}"__proto__":{"polluted":true},`));
      expect(errorsOf(value), path).toContain(`${path}: Unrecognized key: "__proto__"`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('drops an own "__proto__" key from a language map without touching its prototype', () => {
    const value = JSON.parse(JSON.stringify(samplePack()).replace('"summary":{', '"summary":{"__proto__":{"polluted":true},'));
    const r = validatePack(value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const summary = r.pack.entities[0]?.summary;
    if (!summary) throw new Error('the entity is gone');
    expect(Object.hasOwn(summary, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(summary)).toBe(Object.prototype);
    expect(Object.keys(summary)).toEqual(['en', 'fr']);
  });

  it('refuses common words as strong aliases, aliases under 3 letters unless case-sensitive and weak, and invisible characters', () => {
    const p = clone(samplePack());
    firstParts(p).entity.aliases.push({ text: 'Ring' }, { text: 'A' });
    const errs = errorsOf(p);
    expect(errs).toContain('entities[0].aliases[2].strength: alias "Ring" is a common word; mark it "weak" (or caseSensitive)');
    expect(errs).toContain('entities[0].aliases[3].text: alias "A" has only 1 letter: make it caseSensitive and weak, or drop it');
    const short = clone(samplePack());
    firstParts(short).entity.aliases.push({ text: 'AC' }, { text: 'X', caseSensitive: true, strength: 'weak' }, { text: '—' });
    expect(errorsOf(short)).toEqual([
      'entities[0].aliases[2].text: alias "AC" has only 2 letters: make it caseSensitive and weak, or drop it',
      'entities[0].aliases[4].text: alias "—" needs letters or digits',
    ]);
    const q = clone(samplePack());
    firstParts(q).entity.aliases.push({ text: 'Acme\u202E Corp' });
    expect(errorsOf(q)).toContain('entities[0].aliases[2].text: contains invisible or bidi-control characters');
  });

  it('explains malformed, empty, non-object and future-format files', () => {
    expect(parsePackText('')).toEqual({ ok: false, reason: 'empty', errors: [{ path: '(root)', message: 'the file is empty' }] });
    const bad = parsePackText('{"schema": 1,');
    expect(!bad.ok && bad.errors[0]?.message).toMatch(/^not valid JSON/);
    expect(errorsOf([1, 2])).toEqual(['(root): a pack must be a JSON object']);
    expect(errorsOf({ ...samplePack(), schema: 4 })[0]).toMatch(/^schema: unsupported pack format; this version of Backstory reads formats 1, 2 and 3$/);
    expect(parsePackText('\uFEFF' + JSON.stringify(samplePack())).ok).toBe(true);
  });

  it('normalises text to NFC and trims it', () => {
    const p = clone(samplePack());
    firstParts(p).entity.name = '  Acme\u0301  ';
    const r = validatePack(p);
    expect(r.ok && r.pack.entities[0]?.name).toBe('Acmé');
  });
});

describe('invisible and bidi-control characters in pack text', () => {
  type P = ReturnType<typeof samplePack>;
  const fields: [string, (p: P, s: string) => void][] = [
    ['entities[0].name', (p, s) => void (firstParts(p).entity.name = `Ac${s}me`)],
    ['entities[0].aliases[0].text', (p, s) => void (firstParts(p).alias.text = `Ac${s}me Widgets`)],
    ['entities[0].summary.en', (p, s) => void (firstParts(p).entity.summary.en = `A ma${s}ker.`)],
    ['entities[0].facts[0].text.en', (p, s) => void (firstParts(p).fact.text.en = `Foun${s}ded.`)],
    ['sources[0].title', (p, s) => void (firstParts(p).source.title = `Acme his${s}tory`)],
  ];

  it('refuses every listed code point in every filtered field', () => {
    const missed: string[] = [];
    for (const cp of INVISIBLE_CODE_POINTS)
      for (const [path, put] of fields) {
        const p = clone(samplePack());
        put(p, String.fromCodePoint(cp));
        if (!errorsOf(p).includes(`${path}: contains invisible or bidi-control characters`)) missed.push(`U+${cp.toString(16).toUpperCase()} in ${path}`);
      }
    expect(missed).toEqual([]);
  });
});

describe('look-alike names mixing scripts in one word', () => {
  const withAlias = (text: string, strength?: 'weak') => {
    const p = clone(samplePack());
    firstParts(p).entity.aliases.push({ text, strength });
    return errorsOf(p);
  };

  it('refuses a Latin word with a Cyrillic or Greek letter in it', () => {
    expect(withAlias('\u0421learview AI')).toContain(
      'entities[0].aliases[2].text: alias "\u0421learview AI": the word "\u0421learview" mixes Latin and Cyrillic letters (a look-alike?); write each word in one script',
    );
    expect(withAlias('Clearvi\u03b5w')).toContain(
      'entities[0].aliases[2].text: alias "Clearvi\u03b5w": the word "Clearvi\u03b5w" mixes Latin and Greek letters (a look-alike?); write each word in one script',
    );
    expect(withAlias('\u041a\u043b\u03b9\u0440\u0432\u044c\u044e').some((e) => e.includes('mixes Cyrillic and Greek letters'))).toBe(true);
  });

  it('refuses a mixed entity name too', () => {
    const p = clone(samplePack());
    firstParts(p).entity.name = 'Acm\u0435 Widgets';
    expect(errorsOf(p)).toContain(
      'entities[0].name: name "Acm\u0435 Widgets": the word "Acm\u0435" mixes Latin and Cyrillic letters (a look-alike?); write each word in one script',
    );
  });

  it('accepts words wholly in one script, with digits and punctuation', () => {
    const words = [
      '\u041a\u043b\u0438\u0440\u0432\u044c\u044e', // Клирвью
      'Clearview',
      '\u041a\u043b\u0438\u0440\u0432\u044c\u044e AI', // Клирвью AI: two words, one script each
      '\u04255-\u0413\u0440\u0443\u043f\u043f', // Х5-Групп
      'Clear-view 2.0',
      '\u0391\u03b8\u03ae\u03bd\u03b1', // Αθήνα
      'Caf\u00e9 Acme',
    ];
    for (const text of words) expect(withAlias(text, 'weak'), text).toEqual([]);
  });

  it('reads typed relations, and format 1’s bare ids as "related"; checks both point at an entity of the pack', () => {
    const p = clone(samplePack());
    const second = {
      ...clone(firstParts(p).entity),
      id: 'acme-founder',
      name: 'Ann Acme',
      kind: 'person' as const,
      aliases: [{ text: 'Ann Acme' }],
      facts: [],
    };
    p.entities.push(second);
    firstParts(p).entity.related = ['acme-founder', { entity: 'acme-founder', kind: 'founder' }];
    const r = validatePack(p);
    expect(r.ok && r.pack.entities[0]?.related).toEqual([
      { entity: 'acme-founder', kind: 'related' },
      { entity: 'acme-founder', kind: 'founder' },
    ]);
    firstParts(p).entity.related = [{ entity: 'nobody', kind: 'investor' }];
    expect(errorsOf(p)).toEqual(['entities[0].related[0]: unknown entity id "nobody"']);
    (firstParts(p).entity.related as unknown[]) = [{ entity: 'acme-founder', kind: 'cousin' }];
    expect(errorsOf(p)[0]).toMatch(/^entities\[0\]\.related\[0\]/);
  });

  it('accepts context words on an alias, and refuses an empty list', () => {
    const p = clone(samplePack());
    firstParts(p).entity.aliases.push({ text: 'Predator', context: ['spyware', 'logiciel espion'] });
    expect(validatePack(p).ok).toBe(true);
    firstParts(p).entity.aliases.push({ text: 'Graphite', context: [] });
    expect(errorsOf(p)).toEqual(['entities[0].aliases[3].context: give at least one context word, or leave context out']);
  });
});

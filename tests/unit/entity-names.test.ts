import { describe, expect, it } from 'vitest';
import { validatePack } from '@/utils/schema/validate';
import { checkName, strictCheck } from '@/utils/schema/strict';
import { packJsonSchema } from '@/utils/schema/json-schema';
import type { EntityName, PackInput } from '@/utils/schema/pack';
import { nameIn, toCard, toSheet } from '@/utils/worker/views';
import { toBriefingEntity } from '@/utils/worker/briefing-view';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { memoryArea } from '@/utils/worker/card-mutes';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { loadDictionary } from '@/utils/worker/store/packs';
import { clone, samplePack } from '../support/packs';

const ACME = 'test.sample:acme';
const GLOBEX = 'test.sample:globex';
const NAMES = { en: 'Acme Widgets (toys)', fr: 'Acme Widgets (jouets)' };

/** A format-3 pack: Acme named by language, Globex (related to it) by one string. */
function namedPack(name: PackInput['entities'][number]['name'] = NAMES): PackInput {
  const p = samplePack({ schema: 3 });
  const acme = p.entities[0]!;
  acme.name = name;
  acme.related = ['globex'];
  acme.facts[0]!.evidence = [{ source: 'src-1', text: 'Acme was founded in 1990.', lang: 'en' }];
  p.entities.push({
    id: 'globex',
    name: 'Globex',
    kind: 'organization',
    aliases: [{ text: 'Globex Corporation' }],
    summary: { en: 'A rival of Acme.', fr: 'Un rival d’Acme.' },
    facts: [],
    related: ['acme'],
    reviewed: '2026-11-01',
  });
  return p;
}

function parsed(p: PackInput = namedPack()) {
  const r = validatePack(p);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.pack;
}
const errorsOf = (p: unknown) => {
  const r = validatePack(p);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('an entity name in the pack format', () => {
  it('is still one string in formats 1, 2 and 3 (old packs stay valid)', () => {
    for (const schema of [1, 2, 3] as const) {
      const p = namedPack('Acme Widgets');
      p.schema = schema;
      expect(parsed(p).entities[0]?.name).toBe('Acme Widgets');
    }
  });

  it('may be one name per language from format 3 on, each trimmed and NFC-normalised', () => {
    const pack = parsed(namedPack({ en: ' Acme Widgets (toys) ', fr: 'Acme Widgets (jouets)'.normalize('NFD') }));
    expect(pack.entities[0]?.name).toEqual(NAMES);
  });

  it('refuses names by language in a format 1 or 2 pack, whose readers expect one string', () => {
    const p = namedPack();
    p.schema = 2;
    expect(errorsOf(p)).toEqual(['entities[0].name: names by language need pack format 3 ("schema": 3); before it a name is one string']);
  });

  it('says what is wrong with a name, in either form', () => {
    const cases: [unknown, string][] = [
      [{}, 'entities[0].name: needs at least one language'],
      [{ en: '' }, 'entities[0].name.en: must not be empty'],
      [{ en: 'x'.repeat(201) }, 'entities[0].name.en: must be at most 200 characters'],
      [{ en: 3 }, 'entities[0].name: en: Invalid input: expected string, received number'],
      [{ english: 'Acme' }, 'entities[0].name: english: must be a language code such as "en", "fr" or "pt-BR"'],
      [42, 'entities[0].name: must be a name, or names by language such as { "en": "…", "fr": "…" }'],
      [['Acme'], 'entities[0].name: must be a name, or names by language such as { "en": "…", "fr": "…" }'],
      ['', 'entities[0].name: must not be empty'],
    ];
    for (const [name, message] of cases) {
      const p = clone(namedPack());
      (p.entities[0] as { name: unknown }).name = name;
      expect(errorsOf(p), JSON.stringify(name)).toEqual([message]);
    }
  });

  it('refuses a look-alike letter in any language’s name, at that language’s path', () => {
    const p = namedPack({ en: 'Acme Widgets', fr: 'Аcme Widgets' }); // Cyrillic А
    expect(errorsOf(p)).toEqual([expect.stringMatching(/^entities\[0\]\.name\.fr: name "Аcme Widgets": the word "Аcme" mixes/)]);
  });

  it('is described for authors’ editors as a string or a record of strings', () => {
    const schema = JSON.parse(packJsonSchema());
    const entity = schema.properties.entities.items;
    const forms = entity.properties.name.anyOf.map((f: { type: string }) => f.type);
    expect(forms).toEqual(['string', 'object']);
  });
});

describe('the name a reader sees (nameIn)', () => {
  it('gives one string in every language', () => {
    for (const lang of ['en', 'fr-FR', 'de', undefined]) expect(nameIn('Clearview AI', lang)).toBe('Clearview AI');
  });

  it('gives the reader’s language, then English, then the first given', () => {
    expect(nameIn(NAMES, 'fr-FR')).toBe('Acme Widgets (jouets)');
    expect(nameIn(NAMES, 'FR')).toBe('Acme Widgets (jouets)');
    expect(nameIn(NAMES, 'en-GB')).toBe('Acme Widgets (toys)');
    expect(nameIn(NAMES, 'de')).toBe('Acme Widgets (toys)');
    expect(nameIn(NAMES, undefined)).toBe('Acme Widgets (toys)');
    expect(nameIn({ fr: 'Acme (jouets)', de: 'Acme (Spielzeug)' }, 'es')).toBe('Acme (jouets)');
  });

  it('never takes an inherited property for a language', () => {
    for (const lang of ['constructor', '__proto__', 'toString']) expect(nameIn(NAMES, lang)).toBe('Acme Widgets (toys)');
  });
});

describe('views show the name in the reader’s language', () => {
  const pack = parsed();
  const acme = pack.entities[0]!;

  it('on the card and the sheet, beside the summary in that language', () => {
    const fr = toCard(ACME, acme, pack.sources, 'fr-FR');
    expect([fr.name, fr.summary]).toEqual(['Acme Widgets (jouets)', 'Un fabricant de gadgets.']);
    const en = toSheet(ACME, acme, pack.sources, 'en', { related: [], pack: { id: 'test.sample', name: 'Sample', version: '1.0.0' } });
    expect([en.name, en.summary]).toEqual(['Acme Widgets (toys)', 'A maker of widgets.']);
  });

  it('follows its own languages when the summary has the reader’s and the name does not', () => {
    const p = parsed(namedPack({ en: 'Acme Widgets (toys)' }));
    const card = toCard(ACME, p.entities[0]!, p.sources, 'fr');
    expect([card.name, card.lang]).toEqual(['Acme Widgets (toys)', 'fr']);
  });

  it('in the briefing', () => {
    expect(toBriefingEntity(ACME, acme, 2, pack.sources, [], 'fr').name).toBe('Acme Widgets (jouets)');
    expect(toBriefingEntity(ACME, acme, 2, pack.sources, [], 'en').name).toBe('Acme Widgets (toys)');
  });
});

describe('pack:check --strict on names by language', () => {
  const warningsFor = (name: EntityName, languages = ['en', 'fr']) => {
    const out: string[] = [];
    checkName(name, 'entities[0].name', languages, (p, m) => out.push(`${p}: ${m}`));
    return out;
  };

  it('says nothing of one string, or of names that really differ in every pack language', () => {
    expect(warningsFor('Acme Widgets')).toEqual([]);
    expect(warningsFor(NAMES)).toEqual([]);
    expect(strictCheck(parsed(), '2026-12-01').warnings.filter((w) => w.path.includes('name'))).toEqual([]);
  });

  it('warns of the same name in every language: one string says it', () => {
    expect(warningsFor({ en: 'Acme', fr: 'Acme' })).toEqual(['entities[0].name: "Acme" in every language: write it once, as a string']);
  });

  it('warns of names that differ only by case', () => {
    expect(warningsFor({ en: 'Acme (Spyware)', fr: 'Acme (spyware)' })).toEqual([
      'entities[0].name.fr: "Acme (spyware)" differs from the "en" name "Acme (Spyware)" only by case: make them the same (or one string)',
    ]);
  });

  it('warns of a pack language left out, and of a language the pack does not declare', () => {
    expect(warningsFor({ en: 'Acme (toys)', de: 'Acme (Spielzeug)' })).toEqual([
      'entities[0].name.de: a name in "de", which the pack does not declare (en, fr)',
      'entities[0].name: no "fr" name: those readers see another language\'s; add it, or write the name once as a string',
    ]);
  });

  it('runs within strictCheck', () => {
    const p = namedPack({ en: 'Acme', fr: 'Acme' });
    expect(strictCheck(parsed(p), '2026-12-01').warnings.map((w) => w.path)).toContain('entities[0].name');
  });
});

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const extensionPage = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const news = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

let n = 0;
async function worker(browserLang = 'fr-FR') {
  const db = await openBackstoryDB(`entity-names-${n++}`);
  await seedBundledPacks(db, [parsed()]);
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore(memoryArea()),
    settings: createSettingsStore(async () => db),
    browserLang: () => browserLang,
    openSidePanelForTab: async () => 'sidePanel',
    openTabIds: async () => [4],
    tellTab: async () => {},
  };
  const h = createHandlers(deps);
  const call = async (msg: unknown, sender: object = extensionPage) => {
    const r = (await dispatch(h, msg, sender, env)) as { ok: boolean; data?: unknown; error?: unknown };
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data as Record<string, unknown> & { name?: string };
  };
  await call({ type: 'page.report', entities: [{ key: ACME, count: 3 }], reset: true }, news);
  return { db, call };
}

describe('the worker names entities in the reader’s language, stores them in every language', () => {
  it('keeps every language in the entity record', async () => {
    const { db } = await worker();
    expect((await db.get('entities', ACME))?.entity.name).toEqual(NAMES);
  });

  it('on the card, with the page’s lang or else the browser’s', async () => {
    const { call } = await worker('fr-FR');
    expect((await call({ type: 'entity.card', key: ACME }, news)).name).toBe('Acme Widgets (jouets)');
    expect((await call({ type: 'entity.card', key: ACME, lang: 'en' }, news)).name).toBe('Acme Widgets (toys)');
  });

  it('in the sheet and its related entities, the page list and the briefing', async () => {
    const { call } = await worker('en');
    const globex = await call({ type: 'entity.sheet', key: GLOBEX, lang: 'fr' });
    expect(globex.related).toEqual([{ key: ACME, name: 'Acme Widgets (jouets)', kind: 'related' }]);
    expect((await call({ type: 'entity.sheet', key: ACME, lang: 'fr' })).name).toBe('Acme Widgets (jouets)');
    const state = await call({ type: 'tab.state', tabId: 4, lang: 'fr' });
    expect(state.entities).toMatchObject([{ key: ACME, name: 'Acme Widgets (jouets)' }]);
    const briefing = await call({ type: 'page.briefing', tabId: 4 });
    expect(briefing.entities).toMatchObject([{ key: ACME, name: 'Acme Widgets (toys)' }]);
  });

  it('for the notes library (entity.names): installed entities only, no inherited key', async () => {
    const { call } = await worker('fr-FR');
    const { names } = (await call({ type: 'entity.names', keys: [ACME, GLOBEX, 'test.sample:gone', '__proto__', ACME] })) as unknown as {
      names: Record<string, string>;
    };
    expect(names).toEqual({ [ACME]: 'Acme Widgets (jouets)', [GLOBEX]: 'Globex' });
    expect(Object.getPrototypeOf(names)).toBe(Object.prototype);
    const en = (await call({ type: 'entity.names', keys: [ACME], lang: 'en-US' })) as unknown as { names: Record<string, string> };
    expect(en.names).toEqual({ [ACME]: 'Acme Widgets (toys)' });
  });

  it('keeps in a flag and a mute the name as the reader saw it', async () => {
    const { call } = await worker('fr-FR');
    const { flag } = (await call({ type: 'flag.save', entityKey: ACME, factId: 'acme.founded', kind: 'wrong', reason: 'Plutôt 1991.', lang: 'fr' })) as {
      flag: { entityName: string };
    };
    expect(flag.entityName).toBe('Acme Widgets (jouets)');
    const { mute } = (await call({ type: 'mute.add', key: ACME, scope: 'everywhere' })) as { mute: { entityName: string } };
    expect(mute.entityName).toBe('Acme Widgets (jouets)');
  });

  it('matches by aliases alone: names by language compile the same dictionary as one name', async () => {
    const plain = await openBackstoryDB(`entity-names-${n++}`);
    await seedBundledPacks(plain, [parsed(namedPack('Acme Widgets'))]);
    const byLanguage = await openBackstoryDB(`entity-names-${n++}`);
    await seedBundledPacks(byLanguage, [parsed(namedPack())]);
    const [a, b] = [await loadDictionary(plain), await loadDictionary(byLanguage)];
    expect([...b.rows]).toEqual([...a.rows]);
    expect(b.entities).toEqual(a.entities);
  });
});

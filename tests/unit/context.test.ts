import { describe, expect, it } from 'vitest';
import { TokenStore, tokenize, tokenizeInto } from '@/utils/match/tokenize';
import {
  CONTEXT_SHIFT,
  FLAG_BITS,
  FLAG_CONTEXT,
  FLAG_WEAK,
  ROW,
  compileDictionary,
  lookupRows,
  startersAmong,
  type AliasInput,
} from '@/utils/match/dictionary';
import { contextPhrases, hasPhrase } from '@/utils/match/context';
import { lookupInTwoRounds, type DictLookup, type LookupAnswer } from '@/utils/match/dictionary-lookup';
import { matchTokens, matchTypos } from '@/utils/match/matcher';
import { PageIndex } from '@/utils/match/page-index';
import { protocol } from '@/utils/messaging/protocol';
import { CONTEXT_LIMITS, MATCH_FIELDS } from '@/utils/messaging/limits';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { validatePack } from '@/utils/schema/validate';
import { clone, firstParts, samplePack } from '../support/packs';

const SPYWARE = ['spyware', 'logiciel espion'];

const PREDATOR: AliasInput[] = [
  { text: 'Predator', entity: 'predator', context: SPYWARE },
  { text: 'Intellexa Predator', entity: 'predator' },
];

/**
 * The steps match-texts.ts runs in the worker, one by one, against a dictionary compiled with typo rows: each text is
 * one block of a page, the page's tokens go through one two-round lookup, then each block through
 * both matching passes. Returns each block's matches as "text → entity" (weak ones marked), and the
 * lookup's answers.
 */
async function scan(aliases: AliasInput[], texts: string[]) {
  const dict = compileDictionary(aliases, 't', { typo: true });
  // Answers as match-texts.ts asks the worker's dictionary.
  const ask: DictLookup = (words, pairs) => Promise.resolve({ ...lookupRows(dict, [...words, ...pairs]), starters: startersAmong(dict, words) });
  const store = new TokenStore();
  const blocks = texts.map((text) => {
    const base = store.count;
    return { text, base, count: tokenizeInto(text, store) };
  });
  const known = new PageIndex();
  const answers = await lookupInTwoRounds({ hashes: store.hashes, blocks }, ask);
  for (const answer of answers) known.merge(answer);
  const found = blocks.map(({ text, base, count }) => {
    const toks = { count, base, starts: store.starts, ends: store.ends, hashes: store.hashes };
    const exact = matchTokens(text, toks, known.candidates, [], known.contexts);
    const typos = matchTypos(text, toks, known.typos, exact, [], known.contexts);
    return [...exact, ...typos].map((m) => `${text.slice(m.start, m.end)} → ${known.keyOf(m.entity)}${m.flags & FLAG_WEAK ? ' (weak)' : ''}`);
  });
  return { found, answers };
}

const found = async (aliases: AliasInput[], texts: string[]) => (await scan(aliases, texts)).found;

describe('an alias with context words', () => {
  it('counts in a block that has one of its context words, and not in one without', async () => {
    expect(await found(PREDATOR, ['The Predator spyware was found on her phone.', 'Predator, the 1987 film, is back in cinemas.'])).toEqual([
      ['Predator → predator'],
      [],
    ]);
  });

  it('does not count when the context word is only in the next block, or the previous one', async () => {
    expect(await found(PREDATOR, ['Predator returns.', 'Researchers call it spyware.', 'Predator, the film.'])).toEqual([[], [], []]);
  });

  it('counts beside a phrase only when its words are together, in order, in the same block', async () => {
    expect(
      await found(PREDATOR, [
        'Predator est un logiciel espion.',
        'Predator, logiciel-espion vendu par Intellexa.',
        'Predator : un logiciel, pas un espion.',
        'Predator, espion logiciel.',
      ]),
    ).toEqual([['Predator → predator'], ['Predator → predator'], [], []]);
  });

  it('folds context words like names: case, diacritics, apostrophes', async () => {
    const aliases: AliasInput[] = [{ text: 'Prédateur', entity: 'predator', context: ['Logiciel Espion', 'l’écoute'] }];
    expect(
      await found(aliases, ['PREDATEUR, UN LOGICIEL ESPION.', 'Le prédateur et l’écoute illégale.', "Le PRÉDATEUR et L'ECOUTE.", 'Le prédateur et d’écoute.']),
    ).toEqual([['PREDATEUR → predator'], ['prédateur → predator'], ['PRÉDATEUR → predator'], []]);
  });

  it('lets a longer name without context still count where the context is missing', async () => {
    expect(await found(PREDATOR, ['Intellexa Predator was sold abroad.'])).toEqual([['Intellexa Predator → predator']]);
  });

  it('falls back to another entity’s name at the same place when the context is missing', async () => {
    const aliases: AliasInput[] = [...PREDATOR, { text: 'Predator', entity: 'film' }];
    expect(await found(aliases, ['The Predator spyware.', 'Predator, the film.'])).toEqual([['Predator → predator'], ['Predator → film']]);
  });

  it('needs its context for a typo too', async () => {
    const aliases: AliasInput[] = [{ text: 'Predator Files', entity: 'files', context: ['spyware'] }];
    expect(await found(aliases, ['The Predatr Files on spyware exports.', 'The Predatr Files, a thriller.', 'The Predator Files, a thriller.'])).toEqual([
      ['Predatr Files → files'],
      [],
      [],
    ]);
  });

  it('keeps a weak alias weak: the scanner still waits for a strong one of its entity', async () => {
    const aliases: AliasInput[] = [
      { text: 'Paragon Graphite', entity: 'graphite' },
      { text: 'Graphite', entity: 'graphite', weak: true, context: ['spyware'] },
    ];
    expect(await found(aliases, ['Graphite spyware.', 'Pencils hold graphite.', 'Paragon Graphite.'])).toEqual([
      ['Graphite → graphite (weak)'],
      [],
      ['Paragon Graphite → graphite'],
    ]);
  });

  it('keeps a case-sensitive alias case-sensitive', async () => {
    const aliases: AliasInput[] = [{ text: 'Predator', entity: 'predator', caseSensitive: true, context: ['spyware'] }];
    expect(await found(aliases, ['Predator spyware.', 'predator spyware.'])).toEqual([['Predator → predator'], []]);
  });

  it('never counts when its context words have no word in them', async () => {
    expect(await found([{ text: 'Predator', entity: 'p', context: ['—', '…'] }], ['Predator — … spyware'])).toEqual([[]]);
    expect(compileDictionary([{ text: 'Predator', entity: 'p', context: ['—'] }], 'v').rows).toHaveLength(0);
  });

  it('numbers the contexts of every answer in one list for the page', async () => {
    const aliases: AliasInput[] = [
      { text: 'Predator', entity: 'predator', context: ['spyware'] },
      { text: 'Predator Files', entity: 'files', context: ['investigation'] },
    ];
    // Round one brings "Predator" with "spyware" and the typo rows of "Predator Files" with
    // "investigation"; round two the exact "Predator Files", with "investigation" again.
    const { found: f, answers } = await scan(aliases, ['The Predator Files investigation.', 'The Predator Files and spyware.', 'Predator spyware.']);
    expect(answers.map((a) => a.contexts?.length ?? 0)).toEqual([2, 1]);
    expect(f).toEqual([['Predator Files → files'], ['Predator → predator'], ['Predator → predator']]);
  });
});

describe('context words in the dictionary and its answers', () => {
  const hashes = (text: string) => [...tokenize(text).hashes];

  it('keeps each phrase as its folded tokens’ hashes, once', () => {
    expect(contextPhrases(['Logiciel espion', 'logiciel  ESPION', 'spyware', '—'])).toEqual([hashes('logiciel espion'), hashes('spyware')]);
    const block = Uint32Array.from(hashes('a logiciel espion b'));
    expect(hasPhrase(block, 0, block.length, hashes('logiciel espion'))).toBe(true);
    expect(hasPhrase(block, 0, 2, hashes('logiciel espion'))).toBe(false);
    expect(hasPhrase(block, 2, block.length, hashes('logiciel espion'))).toBe(false);
  });

  it('shares one context between aliases that list the same words', () => {
    const dict = compileDictionary(
      [
        { text: 'Predator', entity: 'p', context: ['spyware'] },
        { text: 'Predators', entity: 'p', context: ['SPYWARE'] },
        { text: 'Graphite', entity: 'g', context: ['spyware', 'Paragon'] },
      ],
      'v',
    );
    expect(dict.contexts).toEqual([[hashes('spyware')], [hashes('spyware'), hashes('paragon')]]);
  });

  it('sends no context for a page without a name that needs one, and only the asked rows’ contexts otherwise', () => {
    const dict = compileDictionary(
      [
        ...PREDATOR,
        { text: 'Graphite', entity: 'g', context: ['Paragon'] },
        { text: 'Clearview AI', entity: 'cv' },
        { text: 'Clearview', entity: 'cv', weak: true },
      ],
      'v',
    );
    const without = lookupRows(dict, hashes('Clearview AI was fined by the regulator'));
    expect(without.rows.length).toBeGreaterThan(0);
    expect(without).not.toHaveProperty('contexts');
    expect(JSON.stringify(without)).not.toContain(String(hashes('spyware')[0]));

    const withIt = lookupRows(dict, hashes('Predator was fined'));
    expect(withIt.contexts).toEqual([[hashes('spyware'), hashes('logiciel espion')]]);
    const flags = withIt.rows[5] ?? 0;
    expect(flags & FLAG_CONTEXT).toBe(FLAG_CONTEXT);
    expect(flags >>> CONTEXT_SHIFT).toBe(0);
    expect(flags & FLAG_BITS & ~FLAG_CONTEXT).toBe(0);
    expect(withIt.rows).toHaveLength(ROW);
  });

  it('carries the longest context the pack schema allows, and no longer', () => {
    // The most context the pack schema allows: ten phrases of 120 Han characters, one token each.
    const longest = Array.from({ length: CONTEXT_LIMITS.phrases }, (_, i) => String.fromCodePoint(0x4e00 + i).repeat(CONTEXT_LIMITS.phraseChars));
    const dict = compileDictionary([{ text: 'Predator', entity: 'p', context: longest }], 'v');
    const answer: LookupAnswer = { ...lookupRows(dict, hashes('Predator')), starters: [] };
    expect(answer.contexts?.[0]?.[0]).toHaveLength(CONTEXT_LIMITS.phraseChars);
    const p = clone(samplePack());
    firstParts(p).entity.aliases.push({ text: 'Predator', context: longest });
    expect(validatePack(p).ok).toBe(true);
    firstParts(p).entity.aliases.push({ text: 'Predators', context: [...longest, 'spyware'] });
    expect(validatePack(p).ok).toBe(false);
  });
});

describe('page.match with a pack that has context words', () => {
  async function worker() {
    const db = await openBackstoryDB(`context-${Math.random()}`);
    const pack = clone(samplePack());
    firstParts(pack).entity.aliases.push({ text: 'Predator', context: SPYWARE });
    await seedBundledPacks(db, [pack]);
    const deps: BackgroundDeps = {
      db: async () => db,
      tabs: createTabStateStore({ get: async () => ({}), set: async () => {}, remove: async () => {} }),
      settings: createSettingsStore(async () => db),
      browserLang: () => 'en',
      openSidePanelForTab: async () => 'sidePanel',
    };
    const handlers = createHandlers(deps);
    const sender = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };
    return async (text: string) => {
      const r = await dispatch(handlers, { type: 'page.match', texts: [text] }, sender, {
        extensionId: 'ext',
        extensionOrigin: 'chrome-extension://ext',
      });
      if (!r.ok) throw new Error(r.error.message);
      const { entities, matches } = protocol['page.match'].res.parse(r.data);
      const found: string[] = [];
      for (let k = 0; k < matches.length; k += MATCH_FIELDS) found.push(`${text.slice(matches[k + 1], matches[k + 2])} → ${entities[matches[k + 3] ?? -1]}`);
      return found;
    };
  }

  it('finds a name that needs context only beside a context word', async () => {
    const match = await worker();
    expect(await match('Acme widgets, spyware and a film')).toEqual(['Acme widgets → test.sample:acme']);
    expect(await match('Predator was found')).toEqual([]);
    expect(await match('Predator spyware was found')).toEqual(['Predator → test.sample:acme']);
  });
});

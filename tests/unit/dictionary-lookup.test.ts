import { describe, expect, it } from 'vitest';
import { pairKey } from '@/utils/match/fold';
import { TokenStore, tokenize, tokenizeInto } from '@/utils/match/tokenize';
import { compileDictionary, lookupRows, startersAmong, FLAG_TYPO, FLAG_WEAK, ROW, type AliasInput } from '@/utils/match/dictionary';
import { LookupMemory, lookupInTwoRounds, type DictLookup, type LookupAnswer, type TokenBlocks } from '@/utils/match/dictionary-lookup';
import { MAX_LOOKUP_HASHES } from '@/utils/messaging/limits';
import { matchTokens } from '@/utils/match/matcher';
import { PageIndex } from '@/utils/match/page-index';

const ALIASES: AliasInput[] = [
  { text: 'Clearview AI', entity: 'cv' },
  { text: 'Clearview', entity: 'cv', weak: true },
  { text: 'Ann Lee', entity: 'al' },
  { text: 'Cambridge Analytica', entity: 'ca' },
];

/** Answers as the worker's `dict.lookup` handler does, and records what it was asked. */
function worker(aliases = ALIASES) {
  const dict = compileDictionary(aliases, 'v', { typo: true });
  const calls: { words: number[]; pairs: number[] }[] = [];
  const ask: DictLookup = (words, pairs) => {
    calls.push({ words, pairs });
    return Promise.resolve({ ...lookupRows(dict, [...words, ...pairs]), starters: startersAmong(dict, words) });
  };
  return { ask, calls };
}

/** A page whose blocks are these texts. */
function page(...texts: string[]): TokenBlocks {
  const store = new TokenStore();
  const blocks = texts.map((text) => {
    const base = store.count;
    return { base, count: tokenizeInto(text, store) };
  });
  return { hashes: store.hashes, blocks };
}

const words = (text: string) => [...tokenize(text).hashes];

function pair(first: string, second: string) {
  const [a, b] = words(`${first} ${second}`);
  if (a === undefined || b === undefined) throw new Error(`"${first} ${second}" is not two words`);
  return pairKey(a, b);
}

/** The flags of an answer's rows. */
const flags = (answer: LookupAnswer | undefined) => Array.from({ length: (answer?.rows.length ?? 0) / ROW }, (_, i) => answer?.rows[i * ROW + 5]);

describe('the two-round dictionary lookup', () => {
  it('asks for the words first, then for the pairs within a block that begin with a word starting a name', async () => {
    const { ask, calls } = worker();
    const answers = await lookupInTwoRounds(page('Ann Lee met Clearview', 'AI and Cambrige Analytica'), ask);
    expect(calls).toEqual([
      { words: words('Ann Lee met Clearview AI and Cambrige Analytica'), pairs: [] },
      // "Clearview AI" spans two blocks, so its pair is not asked; "Cambrige" starts no name.
      { words: [], pairs: [pair('Ann', 'Lee')] },
    ]);
    expect(answers.map((a) => a.entities)).toEqual([['cv', 'ca'], ['al']]);
    // Round one brings the one-word names and the typo rows, which are keyed by one rare word of
    // their name: "Clearview" (of "Clearview AI", longest first), the weak "Clearview", "Analytica".
    expect(flags(answers[0])).toEqual([FLAG_TYPO, FLAG_WEAK, FLAG_TYPO]);
    expect(flags(answers[1])).toEqual([0]);
  });

  it('has no second round when no word starts a longer name, or when such a word ends its block', async () => {
    const { ask, calls } = worker();
    await lookupInTwoRounds(page('Nothing to see', 'here: Ann'), ask);
    expect(calls).toEqual([{ words: words('Nothing to see here Ann'), pairs: [] }]);
  });

  it('asks for each word and pair once per page, however many scans see it', async () => {
    const { ask, calls } = worker();
    const memory = new LookupMemory();
    await lookupInTwoRounds(page('Ann Lee met Clearview AI'), ask, memory);
    calls.length = 0;
    await lookupInTwoRounds(page('Clearview AI met Ann Lee'), ask, memory);
    expect(calls).toEqual([]);
    await lookupInTwoRounds(page('Ann Doe met Clearview AI'), ask, memory);
    expect(calls).toEqual([
      { words: words('Doe'), pairs: [] },
      { words: [], pairs: [pair('Ann', 'Doe')] },
    ]);
  });

  it('asks again for what a failed lookup did not bring', async () => {
    const { ask, calls } = worker();
    const memory = new LookupMemory();
    const failing: DictLookup = (w, p) => (p.length ? Promise.reject(new Error('gone')) : ask(w, p));
    await expect(lookupInTwoRounds(page('Ann Lee'), failing, memory)).rejects.toThrow('gone');
    calls.length = 0;
    await lookupInTwoRounds(page('Ann Lee'), ask, memory);
    expect(calls).toEqual([{ words: [], pairs: [pair('Ann', 'Lee')] }]);
  });

  it('asks in parts when a page has more words than one message may carry', async () => {
    const sizes: number[] = [];
    const empty: DictLookup = (w) => (sizes.push(w.length), Promise.resolve({ version: 'v', entities: [], rows: [], texts: [], starters: [] }));
    const hashes = Uint32Array.from({ length: MAX_LOOKUP_HASHES + 1 }, (_, i) => i);
    await lookupInTwoRounds({ hashes, blocks: [{ base: 0, count: hashes.length }] }, empty);
    expect(sizes).toEqual([MAX_LOOKUP_HASHES, 1]);
  });
});

describe("the page's index", () => {
  it('knows the words a name can begin with, and matching only from those finds the same names', async () => {
    const aliases: AliasInput[] = [...ALIASES, { text: 'Ann', entity: 'an' }, { text: 'Lee Analytica Group', entity: 'lg' }, { text: 'AI', entity: 'ai' }];
    const text = 'Ann met Ann Lee, then Clearview AI and Lee Analytica Group; Clearview said nothing. AI too.';
    const known = new PageIndex();
    for (const answer of await lookupInTwoRounds(page(text), worker(aliases).ask)) known.merge(answer);
    const firsts = known.firstWords;
    if (!firsts) throw new Error('every answer had its starters');
    // One-word names, and the first words of the longer ones: nothing else.
    expect(new Set(firsts)).toEqual(new Set(words('Ann Clearview Lee AI')));
    const all = matchTokens(text, tokenize(text), known.candidates);
    const fromFirsts = matchTokens(text, tokenize(text), known.candidates, [], [], firsts);
    expect(fromFirsts).toEqual(all);
    expect(all.map((m) => text.slice(m.start, m.end))).toEqual(['Ann', 'Ann Lee', 'Clearview AI', 'Lee Analytica Group', 'Clearview', 'AI']);
    // A slice without its starters leaves the matcher to look at every word.
    const blind = new PageIndex();
    blind.merge({ version: 'v', entities: [], rows: [], texts: [] });
    expect(blind.firstWords).toBeUndefined();
  });

  it('numbers the entities of every answer in one list', async () => {
    const text = 'Ann Lee met Clearview AI';
    const known = new PageIndex();
    const answers = await lookupInTwoRounds(page(text), worker().ask);
    // Each answer numbers its own entities from zero: "cv" is 0 in the first, "al" in the second.
    expect(answers.map((a) => a.entities)).toEqual([['cv'], ['al', 'cv']]);
    for (const answer of answers) known.merge(answer);
    const found = matchTokens(text, tokenize(text), known.candidates);
    expect(found.map((m) => [text.slice(m.start, m.end), known.keyOf(m.entity)])).toEqual([
      ['Ann Lee', 'al'],
      ['Clearview AI', 'cv'],
    ]);
  });
});

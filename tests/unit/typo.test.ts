import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { withinOneEdit } from '@/utils/match/edit-distance';
import { TokenStore, tokenizeInto } from '@/utils/match/tokenize';
import { compileDictionary, lookupRows, startersAmong, type AliasInput } from '@/utils/match/dictionary';
import { lookupInTwoRounds, type DictLookup } from '@/utils/match/dictionary-lookup';
import { matchTokens, matchTypos } from '@/utils/match/matcher';
import { PageIndex } from '@/utils/match/page-index';
import { validatePack } from '@/utils/schema/validate';

/**
 * The page side against a dictionary compiled with typo rows, as the scanner runs it: each text is
 * one block of a page, the page's tokens go through one two-round lookup, then each block through
 * both matching passes.
 */
function finder(aliases: AliasInput[]) {
  const dict = compileDictionary(aliases, 't', { typo: true });
  // Answers as the worker's `dict.lookup` handler does.
  const ask: DictLookup = (words, pairs) => Promise.resolve({ ...lookupRows(dict, [...words, ...pairs]), starters: startersAmong(dict, words) });
  return async (texts: string[]) => {
    const store = new TokenStore();
    const blocks = texts.map((text) => {
      const base = store.count;
      return { text, base, count: tokenizeInto(text, store) };
    });
    const known = new PageIndex();
    for (const answer of await lookupInTwoRounds({ hashes: store.hashes, blocks }, ask)) known.merge(answer);
    return blocks.map(({ text, base, count }) => {
      const toks = { count, base, starts: store.starts, ends: store.ends, hashes: store.hashes };
      const exact = matchTokens(text, toks, known.candidates);
      const typos = matchTypos(text, toks, known.typos, exact);
      return { exact: exact.map((m) => text.slice(m.start, m.end)), typos: typos.map((m) => text.slice(m.start, m.end)) };
    });
  };
}

describe('one-typo tolerance', () => {
  it('knows what one edit is', () => {
    expect(withinOneEdit('cambridge', 'cambrige')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambirdge')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambridgee')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambxidge')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambirge')).toBe(false);
    expect(withinOneEdit('abc', 'cba')).toBe(false);
  });

  it('finds long multi-word names with one typo, never short ones, and prefers exact matches', async () => {
    const find = finder([
      { text: 'Cambridge Analytica', entity: 'ca' },
      { text: 'NSO Group', entity: 'nso' },
    ]);
    expect(await find(['Cambrige Analytica and Cambridge Analyitca said'])).toEqual([{ exact: [], typos: ['Cambrige Analytica', 'Cambridge Analyitca'] }]);
    expect(await find(['Cambridge Analytica'])).toEqual([{ exact: ['Cambridge Analytica'], typos: [] }]);
    expect(await find(['NSO Grop'])).toEqual([{ exact: [], typos: [] }]);
    expect(await find(['Cambridgeshire Analysts'])).toEqual([{ exact: [], typos: [] }]);
  });
});

// The default depends on this measurement: typo tolerance is on only if it finds nothing on
// the corpus with the bundled packs (which do not name anything on those pages).
const corpus = process.env.BACKSTORY_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpus');
describe.skipIf(!fs.existsSync(path.join(corpus, 'pages')))('typo tolerance on the corpus', () => {
  // Hundreds of thousands of lines take seconds, more on a busy machine; the test awaits the
  // lookup, so unlike a synchronous one it is subject to vitest's default 5-second timeout.
  it('yields zero false positives with the bundled pack', { timeout: 60_000 }, async () => {
    const packDir = path.resolve(import.meta.dirname, '../../assets/packs');
    const aliases: AliasInput[] = [];
    for (const f of fs.readdirSync(packDir)) {
      const r = validatePack(JSON.parse(fs.readFileSync(path.join(packDir, f), 'utf8')));
      if (!r.ok) throw new Error(f);
      for (const e of r.pack.entities)
        for (const a of e.aliases) aliases.push({ text: a.text, entity: e.id, weak: a.strength === 'weak', caseSensitive: a.caseSensitive });
    }
    const find = finder(aliases);
    const hits: string[] = [];
    for (const f of fs.readdirSync(path.join(corpus, 'pages'))) {
      const html = fs.readFileSync(path.join(corpus, 'pages', f), 'utf8');
      const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n');
      // One page, one lookup; its lines are the blocks.
      for (const { typos } of await find(text.split('\n'))) for (const t of typos) hits.push(`${f}: ${t}`);
    }
    expect(hits).toEqual([]);
  });
});

import { lookupRows, startersAmong, type Dictionary } from './dictionary';
import { lookupInTwoRounds } from './dictionary-lookup';
import { matchTokens, matchTypos, type Match } from './matcher';
import { PageIndex } from './page-index';
import { TokenStore, tokenizeInto } from './tokenize';
import { WordSet } from './word-set';

/** The mentions in a page's texts, as the worker answers `page.match`. */
export interface TextMatches {
  /** Keys of the entities the matches name (and only those); a match's entity indexes this list. */
  entities: string[];
  /**
   * MATCH_FIELDS numbers per match: text index, start, end (offsets in that text), entity, flags.
   * In text order; within a text, exact matches first, then those with one typo.
   */
  matches: number[];
  /** What each step cost, for the benchmark (ms). */
  took: { tokenize: number; match: number };
}

/**
 * Find the dictionary's names in `texts` (a page's blocks: a name never spans two). The same steps
 * the content script used to run on the page's thread — tokens and their hashes, the two-round
 * lookup of words then pairs, the page's index of the rows found, exact then one-typo matching —
 * now run here, in the worker, whose code is warm after a page or two: the page's thread only reads
 * its text and paints. Pure but for `now`, the clock the timings are read from.
 */
export async function matchTexts(dict: Dictionary, texts: readonly string[], now: () => number = () => performance.now()): Promise<TextMatches> {
  const t0 = now();
  let chars = 0;
  for (const t of texts) chars += t.length;
  const store = new TokenStore(chars >> 2);
  const blocks: { base: number; count: number; text: number }[] = [];
  const words = new WordSet();
  for (let i = 0; i < texts.length; i++) {
    const base = store.count;
    const count = tokenizeInto(texts[i]!, store);
    if (!count) continue;
    words.addRange(store.hashes, base, base + count);
    blocks.push({ base, count, text: i });
  }
  const t1 = now();
  const index = new PageIndex();
  const answers = await lookupInTwoRounds({ hashes: store.hashes, blocks, words: words.list }, (w, p) =>
    Promise.resolve({ ...lookupRows(dict, [...w, ...p]), starters: startersAmong(dict, w) }),
  );
  for (const answer of answers) index.merge(answer);
  const entities: string[] = [];
  const numbers = new Map<number, number>();
  const matches: number[] = [];
  if (!index.isEmpty) {
    const exact: Match[] = [];
    const typos: Match[] = [];
    const put = (text: number, m: Match) => {
      let e = numbers.get(m.entity);
      if (e === undefined) {
        e = entities.push(index.keyOf(m.entity)) - 1;
        numbers.set(m.entity, e);
      }
      // MATCH_FIELDS (limits.ts) numbers, in this order.
      matches.push(text, m.start, m.end, e, m.flags);
    };
    for (const { base, count, text } of blocks) {
      exact.length = 0;
      typos.length = 0;
      const toks = { count, base, starts: store.starts, ends: store.ends, hashes: store.hashes };
      const s = texts[text]!;
      matchTokens(s, toks, index.candidates, exact, index.contexts, index.firstWords);
      matchTypos(s, toks, index.typos, exact, typos, index.contexts);
      for (const m of exact) put(text, m);
      for (const m of typos) put(text, m);
    }
  }
  return { entities, matches, took: { tokenize: t1 - t0, match: now() - t1 } };
}

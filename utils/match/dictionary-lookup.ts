import { pairKey } from './fold';
import type { DictionarySlice } from './dictionary';
import { MAX_LOOKUP_HASHES } from '../messaging/limits';

/** The dictionary's answer to one lookup: the rows keyed by what was asked, and which of the words start a longer name. */
export type LookupAnswer = DictionarySlice & { starters: number[] };

/** Asks the dictionary (match-texts.ts answers from the worker's own, in memory). */
export type DictLookup = (words: number[], pairs: number[]) => Promise<LookupAnswer>;

/** A page's tokens: one array of hashes, cut into blocks that a word pair never crosses. */
export interface TokenBlocks {
  hashes: Uint32Array;
  blocks: readonly { base: number; count: number }[];
  /**
   * The blocks' distinct words, if the caller has gathered them already (match-texts.ts does, as it
   * tokenizes): collecting them here would be one more pass over every token.
   */
  words?: Iterable<number>;
}

/** What has been asked so far: a word or pair is asked once, however many calls see it. */
export class LookupMemory {
  readonly words = new Set<number>();
  readonly pairs = new Set<number>();
  /** Words that start some multi-word alias: only pairs beginning with one are worth asking for. */
  readonly starters = new Set<number>();
}

/** The distinct words of a page's blocks, in order of first appearance. */
export function wordsOf(tokens: TokenBlocks, into = new Set<number>()): Set<number> {
  for (const { base, count } of tokens.blocks) for (const h of tokens.hashes.subarray(base, base + count)) into.add(h);
  return into;
}

/**
 * Ask the dictionary for the rows a request's tokens could match, in two rounds. Round one asks the
 * words not asked before: the answer holds the rows of one-word names and typo anchors, and says
 * which of the words start a longer name. Round two asks the pairs of neighbouring words that begin
 * with such a starter, the keys of multi-word names. So not every pair of words is looked up, and
 * names sharing a first word ("John …") come in only if their second word is there too.
 *
 * `memory` records each part once its answer is in: a later call with the same memory asks only for
 * what is new, and a part whose lookup failed is asked again. Returns the answers in
 * the order they came.
 */
export async function lookupInTwoRounds(tokens: TokenBlocks, lookup: DictLookup, memory = new LookupMemory()): Promise<LookupAnswer[]> {
  const answers: LookupAnswer[] = [];
  const words = [...(tokens.words ?? wordsOf(tokens))].filter((h) => !memory.words.has(h));
  if (words.length) await askInParts(words, [], lookup, memory, answers);
  const pairs = pairsToAsk(tokens, memory);
  if (pairs.length) await askInParts([], pairs, lookup, memory, answers);
  return answers;
}

/** Pairs of neighbouring words, within a block, whose first word starts a name and that were not asked before. */
function pairsToAsk(tokens: TokenBlocks, memory: LookupMemory): number[] {
  if (!memory.starters.size) return [];
  const pairs = new Set<number>();
  const { hashes } = tokens;
  const { starters } = memory;
  for (const { base, count } of tokens.blocks) {
    // An index loop: a view and an iterator per block cost more, in cold code, than the pass itself.
    const last = base + count - 1;
    for (let i = base; i < last; i++) {
      const h = hashes[i] ?? 0;
      if (!starters.has(h)) continue;
      const p = pairKey(h, hashes[i + 1] ?? 0);
      if (!memory.pairs.has(p)) pairs.add(p);
    }
  }
  return [...pairs];
}

/** A page with more distinct words than one message may carry (a big table of numbers) asks in parts. */
async function askInParts(words: number[], pairs: number[], lookup: DictLookup, memory: LookupMemory, answers: LookupAnswer[]) {
  for (let i = 0; i < words.length || i < pairs.length; i += MAX_LOOKUP_HASHES) {
    const w = words.slice(i, i + MAX_LOOKUP_HASHES);
    const p = pairs.slice(i, i + MAX_LOOKUP_HASHES);
    const answer = await lookup(w, p);
    for (const h of w) memory.words.add(h);
    for (const h of p) memory.pairs.add(h);
    for (const h of answer.starters) memory.starters.add(h);
    answers.push(answer);
  }
}

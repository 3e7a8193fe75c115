import { contextPhrases } from './context';
import { fold, hash1, hash2, pairKey } from './fold';
import { partitionPoint } from './search';
import { tokenize } from './tokenize';

export const FLAG_WEAK = 1;
export const FLAG_CASE = 2;
/** A row that finds the alias with one typo: keyed by one of its rare words, verified by edit distance. */
export const FLAG_TYPO = 4;
/** The alias belongs to a discreet pack: counted for the reader, never painted in the page. */
export const FLAG_DISCREET = 8;
/**
 * The alias counts only in a block that also has one of its context words. Such a row's flags hold,
 * from bit CONTEXT_SHIFT up, the index of its context: in `Dictionary.contexts`, and in an answer's
 * `contexts` once `lookupRows` has renumbered it.
 */
export const FLAG_CONTEXT = 16;
export const CONTEXT_SHIFT = 8;
/** The flag bits of a row's flags field, without its context index. */
export const FLAG_BITS = (1 << CONTEXT_SHIFT) - 1;
/** Context indices fit the flags field's upper 24 bits. */
const MAX_CONTEXTS = 2 ** (32 - CONTEXT_SHIFT);

/** A row's flags with context `id` (shifts by multiplication: `<<` would turn bit 31 into a sign). */
function withContext(flags: number, id: number): number {
  return (flags & FLAG_BITS) + id * 2 ** CONTEXT_SHIFT;
}

/** Typo tolerance applies to names with at least this many letters and two words. */
export const TYPO_MIN_LETTERS = 10;
/** A word can anchor typo search only if at most this many aliases contain it. */
export const TYPO_MAX_ANCHOR_SHARE = 32;

export interface CompileOptions {
  typo?: boolean;
}

export interface AliasInput {
  text: string;
  entity: string;
  weak?: boolean;
  caseSensitive?: boolean;
  discreet?: boolean;
  /** Words or phrases, one of which must be in the same block for the alias to count. */
  context?: readonly string[];
}

/**
 * Fields of one compiled alias, packed in this order in `Dictionary.rows` and on the wire:
 * key (its first word's hash, or of its first two words), word count, 64-bit fingerprint of its
 * folded text, entity, flags (with a FLAG_CONTEXT row's context index), case-sensitive fingerprint,
 * hash of its last word.
 */
export const ROW = 8;
type Row = [key: number, count: number, h1: number, h2: number, entity: number, flags: number, caseHash: number, last: number];

/**
 * The compiled match dictionary: one row per alias, sorted by the hash of its first folded token.
 * Plain typed arrays, so it is stored in IndexedDB as is and a woken service worker has nothing to
 * build; a lookup is a binary search.
 */
export interface Dictionary {
  version: string;
  entities: string[];
  rows: Uint32Array;
  /** Folded alias texts for typo rows (their `last` field indexes this). */
  texts: string[];
  /** Sorted hashes of the first words of multi-word aliases: only pairs starting with one are asked for. */
  starters: Uint32Array;
  /** Contexts of FLAG_CONTEXT rows: each a list of phrases, each the hashes of its folded tokens. */
  contexts: number[][][];
}

/** What the matcher needs to verify a candidate: the hashes of the alias's whole folded text. */
export function aliasKey(text: string) {
  const whole = fold(text);
  const toks = tokenize(whole);
  const n = toks.count;
  if (n === 0) return null;
  // n >= 1 from here: the first and last tokens exist.
  const firstWord = toks.hashes[0]!;
  // A page match spans first token start to last token end, so leading and trailing punctuation of
  // the alias ("(a+)+$ Corp", "Transaction Cloud, Inc.") is not part of what must match.
  const folded = whole.slice(toks.starts[0], toks.ends[n - 1]);
  return {
    // Keying multi-word aliases by their first two words keeps candidate lists short even when
    // thousands of names share a first word ("John …", "Groupe …").
    first: n > 1 ? pairKey(firstWord, toks.hashes[1]!) : firstWord,
    firstWord,
    last: toks.hashes[n - 1]!,
    count: n,
    folded,
    hashes: Array.from(toks.hashes),
    h1: hash1(folded),
    h2: hash2(folded),
    caseHash: hash1(caseSpan(text)),
  };
}

export function compileDictionary(aliases: Iterable<AliasInput>, version: string, opts: CompileOptions = {}): Dictionary {
  const entityIndex = new Map<string, number>();
  const entities: string[] = [];
  const rows: Row[] = [];
  const texts: string[] = [];
  const seen = new Set<string>();
  const typoCandidates: { key: NonNullable<ReturnType<typeof aliasKey>>; ei: number; flags: number }[] = [];
  const wordFrequency = new Map<number, number>();
  const starterWords: number[] = [];
  const contexts: number[][][] = [];
  const contextIndex = new Map<string, number>();
  for (const a of aliases) {
    const key = aliasKey(a.text);
    if (!key) continue;
    let context = -1;
    if (a.context) {
      const phrases = contextPhrases(a.context);
      // Context words with no word in them can never be beside the name: the alias never counts.
      if (!phrases.length) continue;
      const sig = JSON.stringify(phrases);
      context = contextIndex.get(sig) ?? contexts.length;
      if (context === contexts.length) {
        if (context >= MAX_CONTEXTS) throw new RangeError(`more than ${MAX_CONTEXTS} distinct alias contexts`);
        contexts.push(phrases);
        contextIndex.set(sig, context);
      }
    }
    let ei = entityIndex.get(a.entity);
    if (ei === undefined) {
      ei = entities.length;
      entities.push(a.entity);
      entityIndex.set(a.entity, ei);
    }
    const bits = (a.weak ? FLAG_WEAK : 0) | (a.caseSensitive ? FLAG_CASE : 0) | (a.discreet ? FLAG_DISCREET : 0);
    const flags = context < 0 ? bits : withContext(bits | FLAG_CONTEXT, context);
    const dedupe = `${key.h1}:${key.h2}:${ei}:${flags}:${a.caseSensitive ? key.caseHash : 0}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    rows.push([key.first, key.count, key.h1, key.h2, ei, flags, a.caseSensitive ? key.caseHash : 0, key.last]);
    if (key.count > 1) starterWords.push(key.firstWord);
    if (opts.typo) {
      for (const h of key.hashes) wordFrequency.set(h, (wordFrequency.get(h) ?? 0) + 1);
      const letters = key.folded.replace(/[^\p{L}\p{N}]/gu, '').length;
      if (key.count >= 2 && letters >= TYPO_MIN_LETTERS && !a.caseSensitive && !a.weak) typoCandidates.push({ key, ei, flags });
    }
  }
  // One typo changes at most one word, so indexing a name under its two rarest words always leaves
  // one intact word to find it by, and rare words keep the candidate lists short.
  for (const { key, ei, flags } of typoCandidates) {
    // Numbers and short words are everywhere on pages, whatever their rarity among names.
    const words = key.folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    // Only when the split agrees with the tokenizer does words[i] name token i.
    const aligned = words.length === key.count;
    const anchors = key.hashes
      .map((h, i) => {
        const w = words[i];
        return { h, i, f: wordFrequency.get(h) ?? 0, ok: !aligned || w === undefined || (w.length >= 4 && !/^\d+$/.test(w)) };
      })
      // A word shared by many names ("Systems", "Group") would flood pages with candidates.
      .filter((a) => a.ok && a.f <= TYPO_MAX_ANCHOR_SHARE)
      .sort((x, y) => x.f - y.f || x.i - y.i)
      .slice(0, 2);
    const ti = texts.length;
    texts.push(key.folded);
    for (const a of anchors) rows.push([a.h, key.count, key.h1, key.h2, ei, (flags | FLAG_TYPO) >>> 0, a.i, ti]);
  }
  // Longest alias first within a key, so the matcher can stop at the first verified row.
  rows.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const flat = new Uint32Array(rows.length * ROW);
  rows.forEach((r, i) => flat.set(r, i * ROW));
  const starters = Uint32Array.from(new Set(starterWords)).sort();
  return { version, entities, rows: flat, texts, starters, contexts };
}

/** The first row whose key is not below `target`. */
function lowerBound(rows: Uint32Array, target: number): number {
  // partitionPoint asks only for rows i < rows.length / ROW, whose key field exists.
  return partitionPoint(0, rows.length / ROW, (i) => rows[i * ROW]! < target);
}

/** The slice of the dictionary a text needs: rows whose key (first word, or first two) occurs in it. */
export interface DictionarySlice {
  version: string;
  entities: string[];
  rows: number[];
  texts: string[];
  /**
   * The contexts of this slice's FLAG_CONTEXT rows, numbered for the slice; absent when it has none,
   * so text without a name that needs context brings none into the index.
   */
  contexts?: number[][][];
}

/** The rows keyed by any of `keys`: word hashes (one-word names, typo anchors) and word-pair hashes (longer names). */
export function lookupRows(dict: Dictionary, keys: Iterable<number>): DictionarySlice {
  const out: number[] = [];
  const local = new Map<number, number>();
  const entities: string[] = [];
  const texts: string[] = [];
  const contexts: number[][][] = [];
  const localContext = new Map<number, number>();
  const n = dict.rows.length / ROW;
  for (const h of keys) {
    for (let i = lowerBound(dict.rows, h >>> 0); i < n && dict.rows[i * ROW] === h >>> 0; i++) {
      const base = i * ROW;
      // Row i < n is whole, and compileDictionary only writes entity and text indices it has filled.
      const ei = dict.rows[base + 4]!;
      let li = local.get(ei);
      if (li === undefined) {
        li = entities.length;
        entities.push(dict.entities[ei]!);
        local.set(ei, li);
      }
      const flags = dict.rows[base + 5]!;
      const typo = (flags & FLAG_TYPO) !== 0;
      for (let k = 0; k < ROW; k++) {
        if (k === 4) out.push(li);
        else if (k === 5 && flags & FLAG_CONTEXT) {
          const id = flags >>> CONTEXT_SHIFT;
          let lc = localContext.get(id);
          if (lc === undefined) {
            lc = contexts.length;
            // compileDictionary only writes context indices it has filled.
            contexts.push(dict.contexts[id]!);
            localContext.set(id, lc);
          }
          out.push(withContext(flags, lc));
        } else if (k === 7 && typo) {
          out.push(texts.length);
          texts.push(dict.texts[dict.rows[base + 7]!]!);
        } else out.push(dict.rows[base + k]!);
      }
    }
  }
  const slice: DictionarySlice = { version: dict.version, entities, rows: out, texts };
  if (contexts.length) slice.contexts = contexts;
  return slice;
}

/** The case-preserving fold of an alias, trimmed to its tokens like `aliasKey`. */
function caseSpan(text: string): string {
  const whole = fold(text, true);
  const toks = tokenize(whole);
  return toks.count ? whole.slice(toks.starts[0], toks.ends[toks.count - 1]) : whole;
}

/** Which of these words start a multi-word alias: the lookup then asks only for pairs starting with them. */
export function startersAmong(dict: Dictionary, words: Iterable<number>): number[] {
  const out: number[] = [];
  const st = dict.starters;
  for (const w of words) {
    const h = w >>> 0;
    const lo = partitionPoint(0, st.length, (i) => st[i]! < h); // i < st.length
    if (lo < st.length && st[lo] === h) out.push(h);
  }
  return out;
}

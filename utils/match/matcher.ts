import { fold, hash1, hash2, pairKey } from './fold';
import { BlockContext, type ContextPhrases } from './context';
import { CONTEXT_SHIFT, FLAG_BITS, FLAG_CASE, FLAG_CONTEXT, FLAG_TYPO, ROW, type DictionarySlice } from './dictionary';
import { withinOneEdit } from './edit-distance';
import type { Tokens } from './tokenize';

export interface Candidate {
  count: number;
  h1: number;
  h2: number;
  entity: number;
  flags: number;
  caseHash: number;
  last: number;
  /** The context it needs beside it (an index into its slice's, then its page's, contexts), or -1. */
  context: number;
}

/** Key → candidates, longest first. Built from the small slice a request's words found. */
export type CandidateIndex = Map<number, Candidate[]>;

/** Typo rows: a rare word's hash → names containing it (with that word's position and folded text). */
export interface TypoCandidate {
  count: number;
  anchor: number;
  text: string;
  entity: number;
  flags: number;
  /** As `Candidate.context`: a typo of a name that needs context needs it too. */
  context: number;
}
export type TypoIndex = Map<number, TypoCandidate[]>;

/** A row's context index, or -1 when it needs none. */
const contextOf = (flags: number) => (flags & FLAG_CONTEXT ? flags >>> CONTEXT_SHIFT : -1);

const same = (i: number) => i;

export function indexTypos(slice: DictionarySlice, into: TypoIndex = new Map(), remap: (e: number) => number = same, remapContext = same): TypoIndex {
  const r = slice.rows;
  // A slice is whole rows, so r[i]..r[i + ROW - 1] exist, and a typo row's last field indexes its texts (lookupRows).
  for (let i = 0; i < r.length; i += ROW) {
    const flags = r[i + 5]!;
    if (!(flags & FLAG_TYPO)) continue;
    const context = contextOf(flags);
    const c: TypoCandidate = {
      count: r[i + 1]!,
      anchor: r[i + 6]!,
      text: slice.texts[r[i + 7]!]!,
      entity: remap(r[i + 4]!),
      flags: flags & FLAG_BITS,
      context: context < 0 ? context : remapContext(context),
    };
    const list = into.get(r[i]!);
    if (list) list.push(c);
    else into.set(r[i]!, [c]);
  }
  return into;
}

export function indexSlice(slice: DictionarySlice): CandidateIndex {
  const index: CandidateIndex = new Map();
  for (let i = 0; i < slice.rows.length; i += ROW) {
    const r = slice.rows;
    // A slice is whole rows, so r[i]..r[i + ROW - 1] exist.
    const flags = r[i + 5]!;
    if (flags & FLAG_TYPO) continue;
    const c: Candidate = {
      count: r[i + 1]!,
      h1: r[i + 2]!,
      h2: r[i + 3]!,
      entity: r[i + 4]!,
      flags: flags & FLAG_BITS,
      caseHash: r[i + 6]!,
      last: r[i + 7]!,
      context: contextOf(flags),
    };
    const list = index.get(r[i]!);
    if (list) list.push(c);
    else index.set(r[i]!, [c]);
  }
  for (const list of index.values()) list.sort((a, b) => b.count - a.count);
  return index;
}

export interface Match {
  start: number;
  end: number;
  /** Index into the slice's entity list. */
  entity: number;
  flags: number;
}

/**
 * A text's tokens inside larger arrays: token i of the text is at [base + i]. match-texts.ts keeps a
 * whole request's tokens in one store and matches each text through such a view.
 */
export interface TokenView extends Tokens {
  base?: number;
}

/**
 * Find alias occurrences in one text: leftmost first, and at each position the longest alias that
 * verifies (its whole folded span hashes to the alias's 64-bit fingerprint). Matches never overlap.
 * `contexts` is the table the candidates' context indices point into: a name that needs context
 * verifies only when the text (one block) has one of its context phrases; where it does not, a
 * shorter name, or another entity's, may still match at that position.
 */
export function matchTokens(
  text: string,
  toks: TokenView,
  index: CandidateIndex,
  out: Match[] = [],
  contexts: readonly ContextPhrases[] = [],
  firsts?: ReadonlySet<number>,
): Match[] {
  const n = toks.count;
  const b = toks.base ?? 0;
  const { hashes } = toks;
  const ctx = blockContext(toks, contexts);
  for (let i = 0; i < n; i++) {
    // Token i (and i + 1 when i + 1 < n) of the view exists: the view holds n tokens from b.
    const h = hashes[b + i]!;
    // `firsts`, when known, are the words a name can begin with (PageIndex.firstWords): most tokens
    // are not, and are passed over without a pair key and two lookups.
    if (firsts && !firsts.has(h)) continue;
    // Multi-word aliases are keyed by the first two words, single words by themselves.
    const multi = i + 1 < n ? index.get(pairKey(h, hashes[b + i + 1]!)) : undefined;
    const single = index.get(h);
    if (!multi && !single) continue;
    const last = verify(text, toks, i, multi, out, ctx) ?? verify(text, toks, i, single, out, ctx);
    if (last !== undefined) i = last;
  }
  return out;
}

/** The block's context checks; none on a page that was sent no context, where no candidate needs one. */
function blockContext(toks: TokenView, contexts: readonly ContextPhrases[]): BlockContext | undefined {
  if (!contexts.length) return undefined;
  const b = toks.base ?? 0;
  return new BlockContext(toks.hashes, b, b + toks.count, contexts);
}

function verify(text: string, toks: TokenView, i: number, list: Candidate[] | undefined, out: Match[], ctx: BlockContext | undefined): number | undefined {
  if (!list) return undefined;
  const n = toks.count;
  const b = toks.base ?? 0;
  for (const c of list) {
    const last = i + c.count - 1;
    // Cheap rejections first: enough words left, and the right last word.
    if (last >= n || toks.hashes[b + last] !== c.last) continue;
    // i < n and last < n: both tokens are in the view.
    const start = toks.starts[b + i]!;
    const end = toks.ends[b + last]!;
    const span = text.slice(start, end);
    const f = fold(span);
    if (hash1(f) !== c.h1 || hash2(f) !== c.h2) continue;
    if (c.flags & FLAG_CASE && hash1(fold(span, true)) !== c.caseHash) continue;
    if (c.context >= 0 && !ctx?.has(c.context)) continue;
    out.push({ start, end, entity: c.entity, flags: c.flags });
    return last;
  }
  return undefined;
}

/**
 * Second pass: names written with one typo ("Cambrige Analytica"), found through an intact rare
 * word and accepted when the folded span is one edit (insert, delete, substitute, swap) away.
 * Exact matches win: spans that overlap one are skipped.
 */
export function matchTypos(
  text: string,
  toks: TokenView,
  typos: TypoIndex,
  exact: Match[],
  out: Match[] = [],
  contexts: readonly ContextPhrases[] = [],
): Match[] {
  if (!typos.size) return out;
  const n = toks.count;
  const b = toks.base ?? 0;
  const ctx = blockContext(toks, contexts);
  const taken = (s: number, e: number) => exact.some((m) => m.start < e && s < m.end) || out.some((m) => m.start < e && s < m.end);
  for (let j = 0; j < n; j++) {
    const list = typos.get(toks.hashes[b + j]!); // j < n: in the view
    if (!list) continue;
    for (const c of list) {
      const first = j - c.anchor;
      const last = first + c.count - 1;
      if (first < 0 || last >= n) continue;
      // 0 <= first <= last < n: both tokens are in the view.
      const start = toks.starts[b + first]!;
      const end = toks.ends[b + last]!;
      // Folding never lengthens text, so a span much shorter than the name cannot be one edit away.
      if (end - start < c.text.length - 1 || taken(start, end)) continue;
      const f = fold(text.slice(start, end));
      if (f === c.text || !withinOneEdit(f, c.text)) continue;
      if (c.context >= 0 && !ctx?.has(c.context)) continue;
      out.push({ start, end, entity: c.entity, flags: c.flags });
      break;
    }
  }
  return out;
}

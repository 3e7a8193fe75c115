/**
 * Context words: a name that is also an ordinary word ("Predator") counts only in a block that also
 * has one of its context words or phrases ("spyware", "logiciel espion"). A phrase is kept as the
 * hashes of its folded tokens, so it is found the way names are: whatever the case, diacritics,
 * spacing or punctuation between its words.
 */
import { fold } from './fold';
import { tokenize } from './tokenize';

/** One alias's context: its phrases, each the hashes of its folded tokens (none empty). */
export type ContextPhrases = readonly (readonly number[])[];

/** The phrases of a context list as token hashes; a phrase with no word in it can never be found, so it is left out. */
export function contextPhrases(list: readonly string[]): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>();
  for (const phrase of list) {
    const hashes = Array.from(tokenize(fold(phrase)).hashes);
    const key = hashes.join(',');
    if (!hashes.length || seen.has(key)) continue;
    seen.add(key);
    out.push(hashes);
  }
  return out;
}

/** Whether `phrase` occurs as consecutive tokens in hashes[from, to). */
export function hasPhrase(hashes: Uint32Array, from: number, to: number, phrase: readonly number[]): boolean {
  const n = phrase.length;
  const first = phrase[0];
  if (first === undefined) return false;
  for (let i = from; i + n <= to; i++) {
    if (hashes[i] !== first) continue;
    let k = 1;
    while (k < n && hashes[i + k] === phrase[k]) k++;
    if (k === n) return true;
  }
  return false;
}

/**
 * The context checks of one block. A context is looked for only when a name that needs it has
 * matched in the block, and at most once per block however many times the name appears.
 */
export class BlockContext {
  private found: Map<number, boolean> | undefined;

  constructor(
    private readonly hashes: Uint32Array,
    private readonly from: number,
    private readonly to: number,
    private readonly table: readonly ContextPhrases[],
  ) {}

  /** Whether the block has one of the phrases of context `id` (an index into the table). */
  has(id: number): boolean {
    this.found ??= new Map();
    let ok = this.found.get(id);
    if (ok === undefined) {
      // An id outside the table names no context, and a name whose context is unknown does not count.
      ok = this.table[id]?.some((p) => hasPhrase(this.hashes, this.from, this.to, p)) ?? false;
      this.found.set(id, ok);
    }
    return ok;
  }
}

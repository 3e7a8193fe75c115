import type { ContextPhrases } from './context';
import type { DictionarySlice } from './dictionary';
import { indexSlice, indexTypos, type CandidateIndex, type TypoIndex } from './matcher';

/**
 * The rows a page has been sent, indexed for the matcher. Each slice numbers its entities from
 * zero; merging renumbers them into one list, so a match's `entity` names the same entity
 * whichever slice brought its row.
 */
export class PageIndex {
  readonly candidates: CandidateIndex = new Map();
  readonly typos: TypoIndex = new Map();
  /** The contexts of the rows that need one, from every slice; candidates' `context` indexes this. */
  readonly contexts: ContextPhrases[] = [];
  private readonly firsts = new Set<number>();
  /** False once a slice came without its starters: then any word may begin a name, as far as this index knows. */
  private knowsFirsts = true;
  private readonly entityKeys: string[] = [];
  private readonly entityIndex = new Map<string, number>();

  /**
   * The words a name in this index can begin with (one-word names, and the first words of longer
   * ones, from each slice's starters), or undefined when a slice did not say. The matcher skips every
   * other token without computing its pair key or looking it up twice.
   */
  get firstWords(): ReadonlySet<number> | undefined {
    return this.knowsFirsts ? this.firsts : undefined;
  }

  get isEmpty(): boolean {
    return !this.candidates.size && !this.typos.size;
  }

  /** The key of the entity a match found through this index names. */
  keyOf(entity: number): string {
    const key = this.entityKeys[entity];
    // Every candidate's entity was numbered by `merge`, so only a match from elsewhere misses.
    if (key === undefined) throw new RangeError(`entity ${entity} is not in this page's index`);
    return key;
  }

  /** Merge a dictionary slice, remapping its local entity and context numbers to ours. */
  merge(slice: DictionarySlice & { starters?: readonly number[] }) {
    if (slice.starters) for (const h of slice.starters) this.firsts.add(h);
    else this.knowsFirsts = false;
    const remap = slice.entities.map((key) => this.number(key));
    const ours = (e: number) => {
      const i = remap[e];
      // The worker numbers a slice's rows by that slice's own entity list.
      if (i === undefined) throw new RangeError(`a dictionary row names entity ${e} of a slice with ${remap.length}`);
      return i;
    };
    const contexts = slice.contexts ?? [];
    const contextBase = this.contexts.length;
    for (const c of contexts) this.contexts.push(c);
    const ourContext = (c: number) => {
      // Likewise, its rows' contexts by the slice's own context list.
      if (c >= contexts.length) throw new RangeError(`a dictionary row names context ${c} of a slice with ${contexts.length}`);
      return contextBase + c;
    };
    indexTypos(slice, this.typos, ours, ourContext);
    for (const [hash, list] of indexSlice(slice)) {
      const mapped = list.map((c) => ({ ...c, entity: ours(c.entity), context: c.context < 0 ? c.context : ourContext(c.context) }));
      // A one-word name is keyed by its word; longer ones by their first pair, whose first word is a starter.
      if (mapped.some((c) => c.count === 1)) this.firsts.add(hash);
      const prev = this.candidates.get(hash);
      this.candidates.set(hash, prev ? [...prev, ...mapped].sort((a, b) => b.count - a.count) : mapped);
    }
  }

  private number(key: string): number {
    let i = this.entityIndex.get(key);
    if (i === undefined) {
      i = this.entityKeys.length;
      this.entityKeys.push(key);
      this.entityIndex.set(key, i);
    }
    return i;
  }
}

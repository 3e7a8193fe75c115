import { TokenStore, tokenizeInto } from '../match/tokenize';
import { pairKey } from '../match/fold';
import { FLAG_DISCREET, FLAG_WEAK, type DictionarySlice } from '../match/dictionary';
import { MAX_LOOKUP_HASHES } from '../messaging/limits';
import { VisibilityJudge } from './visibility';
import { indexSlice, indexTypos, matchTokens, matchTypos, type CandidateIndex, type Match, type TypoIndex } from '../match/matcher';
import { TextWalker, type Block } from './walk';
import { afterPaint, runSliced, yieldToPage, SLICE_MS } from './schedule';
import { MentionRegistry, rangeFor, type Mention } from './mentions';
import type { Highlighter } from './highlight';

export interface ScanLimits {
  /** Highlights painted per page; mentions beyond are still counted. */
  perPage: number;
  perEntity: number;
  /** Mentions kept in memory (for hover and rescans); beyond this only counts grow. */
  stored: number;
}

const MAX_PENDING_WEAK = 2000;

export const DEFAULT_LIMITS: ScanLimits = { perPage: 1500, perEntity: 200, stored: 5000 };

export interface ScannerDeps {
  lookup: (words: number[], pairs: number[]) => Promise<DictionarySlice & { starters: number[] }>;
  highlighter: Highlighter;
  exclude: (el: Element) => boolean;
  signal: AbortSignal;
  limits?: ScanLimits;
  /** Called after a scan changed the counts. */
  onChange?: () => void;
}

export interface ScanStats {
  walkMs: number;
  tokenizeMs: number;
  /** Wall time waiting for the background's dictionary slice (the page's thread is free meanwhile). */
  lookupWaitMs: number;
  /** Main-thread time to take the slice in: the content script's whole "dictionary load". */
  loadMs: number;
  matchMs: number;
  highlightMs: number;
  /** Part of highlightMs spent deciding whether the reader can see each candidate mention. */
  visibilityMs: number;
  chars: number;
  blocks: number;
  mentions: number;
}

function emptyStats(): ScanStats {
  return { walkMs: 0, tokenizeMs: 0, lookupWaitMs: 0, loadMs: 0, matchMs: 0, highlightMs: 0, visibilityMs: 0, chars: 0, blocks: 0, mentions: 0 };
}

interface Tokenized {
  block: Block;
  /** Where this block's tokens start in the scan's token store, and how many there are. */
  base: number;
  count: number;
}

interface PendingWeak {
  block: Block;
  match: Match;
  key: string;
  range: Range;
  nodes: Text[];
}

/**
 * Finds and paints mentions in a subtree. The page's token hashes go to the background once per
 * new token, which answers with only the dictionary rows that could match: the content script never
 * holds or builds the whole dictionary, so its cost follows the page's text, not the fact base.
 */
export class Scanner {
  readonly registry = new MentionRegistry();
  readonly counts = new Map<string, number>();
  private readonly highlightedPerEntity = new Map<string, number>();
  private readonly strong = new Set<string>();
  private pendingWeak: PendingWeak[] = [];
  private readonly index: CandidateIndex = new Map();
  private readonly typos: TypoIndex = new Map();
  private readonly queried = new Set<number>();
  private readonly queriedPairs = new Set<number>();
  /** Words that start some multi-word alias: only pairs beginning with one are worth asking for. */
  private readonly starters = new Set<number>();
  private readonly entityKeys: string[] = [];
  private readonly entityIndex = new Map<string, number>();
  private readonly limits: ScanLimits;
  readonly totals: ScanStats = emptyStats();

  private readonly judge: VisibilityJudge;

  constructor(private readonly deps: ScannerDeps) {
    this.limits = deps.limits ?? DEFAULT_LIMITS;
    this.judge = new VisibilityJudge(document, deps.exclude);
  }

  /** Merge a dictionary slice, remapping its local entity numbers to ours. */
  private merge(slice: DictionarySlice) {
    const remap = slice.entities.map((key) => {
      let i = this.entityIndex.get(key);
      if (i === undefined) {
        i = this.entityKeys.length;
        this.entityKeys.push(key);
        this.entityIndex.set(key, i);
      }
      return i;
    });
    indexTypos(slice, this.typos, (e) => remap[e]);
    const local = indexSlice(slice);
    for (const [hash, list] of local) {
      const mapped = list.map((c) => ({ ...c, entity: remap[c.entity] }));
      const prev = this.index.get(hash);
      this.index.set(hash, prev ? [...prev, ...mapped].sort((a, b) => b.count - a.count) : mapped);
    }
  }

  /** A page with more distinct words than one message may carry (a big table of numbers) asks in parts. */
  private async ask(words: number[], pairs: number[], stats: ScanStats) {
    for (let i = 0; i < words.length || i < pairs.length; i += MAX_LOOKUP_HASHES)
      await this.askOnce(words.slice(i, i + MAX_LOOKUP_HASHES), pairs.slice(i, i + MAX_LOOKUP_HASHES), stats);
  }

  private async askOnce(words: number[], pairs: number[], stats: ScanStats) {
    const t = performance.now();
    const pending = this.deps.lookup(words, pairs);
    const sent = performance.now();
    const slice = await pending;
    const got = performance.now();
    if (this.deps.signal.aborted) throw this.deps.signal.reason;
    for (const h of words) this.queried.add(h);
    for (const p of pairs) this.queriedPairs.add(p);
    for (const h of slice.starters) this.starters.add(h);
    this.merge(slice);
    stats.loadMs += sent - t + (performance.now() - got);
    stats.lookupWaitMs += got - sent;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Scan the subtrees of `roots`, replacing mentions previously found inside them. Scans run one at
   * a time: a route change's full rescan and a mutation batch never interleave their registrations.
   * A batch's roots go through one scan, so their new words cost one round trip to the background,
   * not one each: a page adding a thousand paragraphs at once would otherwise wait on a thousand.
   */
  scan(roots: Element | Element[]): Promise<ScanStats> {
    const list = Array.isArray(roots) ? roots : [roots];
    const run = this.queue.then(() => this.scanNow(list));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forget everything found so far and scan `root` afresh (a single-page app's new route). */
  rescanAll(root: Element): Promise<ScanStats> {
    const run = this.queue.then(() => {
      this.reset();
      return this.scanNow([root]);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scanNow(roots: Element[]): Promise<ScanStats> {
    const stats = emptyStats();
    const { signal } = this.deps;
    const removed = this.removeWithin(roots);

    let blocks: Block[] = [];
    for (const root of roots) {
      const walker = new TextWalker(root, { exclude: this.deps.exclude });
      await runSliced((b) => {
        const s = performance.now();
        const done = walker.step(b);
        stats.walkMs += performance.now() - s;
        return done;
      }, signal);
      stats.chars += walker.chars;
      if (!blocks.length) blocks = walker.blocks;
      else for (const b of walker.blocks) blocks.push(b);
    }
    stats.blocks = blocks.length;

    // Tokenize every block; collect first-token hashes we have not asked about yet.
    const items: Tokenized[] = [];
    const fresh = new Set<number>();
    const store = new TokenStore();
    let bi = 0;
    await runSliced((budget) => {
      const s = performance.now();
      const deadline = s + budget;
      while (bi < blocks.length) {
        const block = blocks[bi++];
        const base = store.count;
        const count = tokenizeInto(block.text, store);
        if (count) {
          items.push({ block, base, count });
          const { hashes } = store;
          for (let i = base; i < base + count; i++) {
            const h = hashes[i];
            if (!this.queried.has(h)) fresh.add(h);
          }
        }
        if ((bi & 15) === 0 && performance.now() > deadline) break;
      }
      stats.tokenizeMs += performance.now() - s;
      return bi >= blocks.length;
    }, signal);

    // Round 1: new words. Round 2: pairs that start with a word the dictionary says starts a name.
    if (fresh.size) await this.ask([...fresh], [], stats);
    const pairs = new Set<number>();
    if (this.starters.size) {
      const { hashes } = store;
      for (const it of items) {
        for (let i = it.base; i + 1 < it.base + it.count; i++) {
          if (!this.starters.has(hashes[i])) continue;
          const p = pairKey(hashes[i], hashes[i + 1]);
          if (!this.queriedPairs.has(p)) pairs.add(p);
        }
      }
    }
    if (pairs.size) await this.ask([], [...pairs], stats);

    // Match, then paint, in slices.
    let ii = 0;
    const found: { block: Block; match: Match }[] = [];
    if (this.index.size || this.typos.size)
      await runSliced((budget) => {
        const s = performance.now();
        const deadline = s + budget;
        const out: Match[] = [];
        const typoOut: Match[] = [];
        while (ii < items.length) {
          const it = items[ii++];
          out.length = 0;
          typoOut.length = 0;
          const toks = { count: it.count, base: it.base, starts: store.starts, ends: store.ends, hashes: store.hashes };
          matchTokens(it.block.text, toks, this.index, out);
          matchTypos(it.block.text, toks, this.typos, out, typoOut);
          for (const m of out) found.push({ block: it.block, match: m });
          for (const m of typoOut) found.push({ block: it.block, match: m });
          if ((ii & 15) === 0 && performance.now() > deadline) break;
        }
        stats.matchMs += performance.now() - s;
        return ii >= items.length;
      }, signal);

    // Judging visibility reads layout: right after the browser painted, layout is clean and the
    // reads are cheap; before, they would force the page's pending layout into our task.
    if (found.length) await afterPaint(signal);
    const s = performance.now();
    this.judge.reset();
    let since = s;
    for (const { block, match } of found) {
      // Hidden text is neither counted nor painted: a page must not learn, by planting names where
      // nobody can see them, which ones the reader's packs contain.
      const { range, nodes } = rangeFor(block, match.start, match.end);
      const v = performance.now();
      const seen = this.judge.visible(range);
      stats.visibilityMs += performance.now() - v;
      if (!seen) continue;
      const key = this.entityKeys[match.entity];
      if (match.flags & FLAG_WEAK && !this.strong.has(key)) {
        // Weak mentions wait for a strong one; a page full of "ring" keeps only so many waiting.
        if (this.pendingWeak.length < MAX_PENDING_WEAK) this.pendingWeak.push({ block, match, key, range, nodes });
        continue;
      }
      if (!(match.flags & FLAG_WEAK)) this.strong.add(key);
      this.register(block, match, key, range, nodes);
      stats.mentions++;
      if (performance.now() - since > SLICE_MS) {
        stats.highlightMs += performance.now() - since;
        await yieldToPage(signal);
        since = performance.now();
      }
    }
    // A weak alias ("Clearview") counts once a strong one ("Clearview AI") is on the page.
    const still: PendingWeak[] = [];
    for (const p of this.pendingWeak) {
      if (!p.block.nodes.every((n) => n.isConnected)) continue;
      if (this.strong.has(p.key)) {
        this.register(p.block, p.match, p.key, p.range, p.nodes);
        stats.mentions++;
      } else still.push(p);
    }
    this.pendingWeak = still;
    stats.highlightMs += performance.now() - since;

    for (const k of Object.keys(stats) as (keyof ScanStats)[]) this.totals[k] += stats[k];
    if (stats.mentions || removed) this.deps.onChange?.();
    return stats;
  }

  private register(block: Block, match: Match, key: string, range: Range, nodes: Text[]) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    // Beyond the stored cap a mention is only counted: no range, no hover.
    if (this.registry.all.size >= this.limits.stored) return;
    const perEntity = this.highlightedPerEntity.get(key) ?? 0;
    // A discreet pack's mention is kept (so removal updates the count) but never painted or carded.
    const highlighted = !(match.flags & FLAG_DISCREET) && this.deps.highlighter.size < this.limits.perPage && perEntity < this.limits.perEntity;
    if (highlighted) {
      this.deps.highlighter.add(range);
      this.highlightedPerEntity.set(key, perEntity + 1);
    }
    this.registry.add({ entity: key, range, block: block.element, nodes, weak: !!(match.flags & FLAG_WEAK), highlighted });
  }

  private forget(m: Mention) {
    const n = (this.counts.get(m.entity) ?? 1) - 1;
    if (n > 0) this.counts.set(m.entity, n);
    else this.counts.delete(m.entity);
    if (m.highlighted) {
      this.deps.highlighter.remove(m.range);
      this.highlightedPerEntity.set(m.entity, (this.highlightedPerEntity.get(m.entity) ?? 1) - 1);
    }
  }

  /** Drop mentions inside `roots` (they are about to be rescanned). Returns how many were dropped. */
  private removeWithin(roots: Element[]): number {
    const set = new Set(roots);
    // One walk up per mention, whatever the number of roots (a storm brings hundreds).
    const inside = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
      return false;
    };
    const gone = [...this.registry.all].filter((m) => inside(m.block));
    for (const m of gone) {
      this.registry.takeBlock(m.block);
    }
    for (const m of gone) this.forget(m);
    this.pendingWeak = this.pendingWeak.filter((p) => !inside(p.block.element));
    return gone.length;
  }

  /** Drop mentions whose text was removed from the page. */
  sweep(): number {
    const gone = this.registry.sweepDisconnected();
    for (const m of gone) this.forget(m);
    if (gone.length) this.deps.onChange?.();
    return gone.length;
  }

  reset() {
    for (const m of this.registry.clear()) if (m.highlighted) this.deps.highlighter.remove(m.range);
    this.counts.clear();
    this.highlightedPerEntity.clear();
    this.strong.clear();
    this.pendingWeak = [];
  }
}

import { FLAG_DISCREET, FLAG_WEAK } from '../match/dictionary';
import { MATCH_FIELDS, MAX_BLOCK_CHARS, MAX_MATCH_CHARS, MAX_MATCH_TEXTS } from '../messaging/limits';
import { nextEstimate } from './pacer';
import { VisibilityJudge } from './visibility';
import { TextWalker, composedParent, type Block } from './walk';
import { HIDDEN_FRAME_WAIT_MS, afterPaint, runSliced, yieldToPage, SLICE_MS } from './schedule';
import { isLive, MentionRegistry, rangeFor, type Mention } from './mentions';
import { PageMutes } from './page-mutes';
import { HiddenMentions, sameSpot, spotOf, type HiddenSpot } from './hidden-mentions';
import type { Highlighter } from './highlight';
import type { Res } from '../messaging/protocol';
import type { SliceLog, SlicePhase } from './stats';

export interface ScanLimits {
  /** Highlights painted per page; mentions beyond are still counted. */
  perPage: number;
  perEntity: number;
  /** Mentions kept in memory (for hover and rescans); beyond this only counts grow. */
  stored: number;
}

const MAX_PENDING_WEAK = 2000;

export const DEFAULT_LIMITS: ScanLimits = { perPage: 1500, perEntity: 200, stored: 5000 };

/**
 * Sending a request is a slice of the page's time that grows with its text: `runtime.sendMessage`
 * serialises it on the page's thread (2–7 ms for 262,000 characters here; 54 ms for wikipedia-2's
 * 231,541 in one request at ×4 CPU, a long task). A page's first request carries at most this much,
 * before its sends have been timed; most pages' whole text fits.
 */
export const FIRST_REQUEST_CHARS = 2 * MAX_BLOCK_CHARS;

/**
 * The characters a request may carry so that sending it takes about half a slice at `msPerChar`
 * (negative: not measured yet), within the protocol's cap and never under a block's length.
 */
export function requestChars(msPerChar: number): number {
  if (msPerChar < 0) return FIRST_REQUEST_CHARS;
  // At 0 (sends under the clock's resolution) the division gives Infinity: the cap.
  return Math.max(MAX_BLOCK_CHARS, Math.min(MAX_MATCH_CHARS, Math.floor(SLICE_MS / 2 / msPerChar)));
}

/** The worker's answer to `page.match`. */
type MatchAnswer = Res<'page.match'>;

/** Asks the worker for the mentions in some blocks' texts, as the `page.match` message does. */
export type TextMatcher = (texts: string[]) => Promise<MatchAnswer>;

export interface ScannerDeps {
  match: TextMatcher;
  highlighter: Highlighter;
  exclude: (el: Element) => boolean;
  signal: AbortSignal;
  limits?: ScanLimits;
  /** Called after a scan changed the counts. */
  onChange?: () => void;
  /** The mentions the reader hid on this page view: they outlive this scanner (a pause and resume build a new one). */
  hidden?: HiddenMentions;
  /** Where each slice of the scan's work fell (the benchmark tells our long tasks from the page's by them). */
  slices?: SliceLog;
}

export interface ScanStats {
  walkMs: number;
  /** The worker's time tokenizing and hashing the text: off the page's thread. */
  tokenizeMs: number;
  /** Wall time from the first request for the text's mentions to the last answer (the page's thread is free meanwhile). */
  lookupWaitMs: number;
  /** Main-thread time to send the text and take the answers in. */
  loadMs: number;
  /** The worker's time looking up and matching: off the page's thread. */
  matchMs: number;
  highlightMs: number;
  /** Part of highlightMs spent deciding whether the reader can see each candidate mention. */
  visibilityMs: number;
  chars: number;
  blocks: number;
  mentions: number;
  /** Waits for a frame before judging visibility; the page's thread is free meanwhile. */
  frameWaits: number;
  /** Of those, the ones whose frame came after HIDDEN_FRAME_WAIT_MS, and the ones it never came to (limit reached). */
  framesLate: number;
  frameTimeouts: number;
}

function emptyStats(): ScanStats {
  return {
    walkMs: 0,
    tokenizeMs: 0,
    lookupWaitMs: 0,
    loadMs: 0,
    matchMs: 0,
    highlightMs: 0,
    visibilityMs: 0,
    chars: 0,
    blocks: 0,
    mentions: 0,
    frameWaits: 0,
    framesLate: 0,
    frameTimeouts: 0,
  };
}

/** A mention the worker found: where in which block, whose, and its row's flags. */
interface Found {
  block: Block;
  start: number;
  end: number;
  key: string;
  flags: number;
}

/** A match the reader can see, with the range and text nodes it covers. */
interface Seen extends Found {
  range: Range;
  nodes: Text[];
}

interface PendingWeak extends Found {
  range: Range;
  nodes: Text[];
}

/**
 * Finds and paints mentions in a subtree. The page's thread only reads the text and paints: the
 * text goes to the worker (`page.match`), which tokenizes and matches it against the whole
 * dictionary, with code that stays warm from page to page, and answers with offsets. The content
 * script never holds the dictionary, so its cost follows the page's text, not the fact base.
 */
export class Scanner {
  readonly registry = new MentionRegistry();
  readonly counts = new Map<string, number>();
  private readonly highlightedPerEntity = new Map<string, number>();
  private readonly strong = new Set<string>();
  private pendingWeak: PendingWeak[] = [];
  private readonly limits: ScanLimits;
  readonly totals: ScanStats = emptyStats();
  /** Entities muted on this site, and mentions the reader hid: matched, never painted or counted. */
  readonly mutes = new PageMutes();
  private readonly hidden: HiddenMentions;

  private readonly judge: VisibilityJudge;
  /** What sending costs here, per character of text, learned from this page's bigger requests (negative: not yet). */
  private sendMsPerChar = -1;

  constructor(private readonly deps: ScannerDeps) {
    this.limits = deps.limits ?? DEFAULT_LIMITS;
    this.hidden = deps.hidden ?? new HiddenMentions();
    this.judge = new VisibilityJudge(document, deps.exclude);
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Scan the subtrees of `roots`, replacing mentions previously found inside them. Scans run one at
   * a time: a route change's full rescan and a mutation batch never interleave their registrations.
   * A batch's roots go through one scan, so their text costs one request to the worker (or a few,
   * each sized to send within a slice), not one each: a page adding a thousand paragraphs at once would otherwise wait on a thousand.
   */
  scan(roots: Element | Element[]): Promise<ScanStats> {
    const list = Array.isArray(roots) ? roots : [roots];
    const run = this.queue.then(() => this.scanNow(list));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forget everything found so far and scan `root` afresh (a single-page app's new route). */
  rescanAll(root: Element): Promise<ScanStats> {
    // What the reader hid comes back with a new route: pausableReading, which owns the page view's
    // hidden mentions, clears them (a route change while paused included).
    const run = this.queue.then(() => {
      this.reset();
      return this.scanNow([root]);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scanNow(roots: Element[]): Promise<ScanStats> {
    const stats = emptyStats();
    const removed = this.removeWithin(roots);
    const blocks = await this.walk(roots, stats);
    const found = await this.match(blocks, stats);
    await this.paint(found, stats);
    for (const k of Object.keys(stats) as (keyof ScanStats)[]) this.totals[k] += stats[k];
    if (stats.mentions || removed) this.deps.onChange?.();
    return stats;
  }

  /** The time since `start`, a slice of `phase` that ends now: logged where the deps ask. */
  private took(phase: SlicePhase, start: number): number {
    const end = performance.now();
    this.deps.slices?.record(phase, start, end);
    return end - start;
  }

  /** The roots' text, as blocks, walked in slices. */
  private async walk(roots: Element[], stats: ScanStats): Promise<Block[]> {
    let blocks: Block[] = [];
    for (const root of roots) {
      const walker = new TextWalker(root, { exclude: this.deps.exclude });
      await runSliced((budget) => {
        const s = performance.now();
        const done = walker.step(budget);
        stats.walkMs += this.took('walk', s);
        return done;
      }, this.deps.signal);
      stats.chars += walker.chars;
      for (const sr of walker.shadowRoots) this.meetShadowRoot(sr);
      if (walker.bareHosts.length) this.onBareHosts?.(walker.bareHosts);
      // One push per block, not a spread: a big page's blocks would overflow the argument list.
      if (!blocks.length) blocks = walker.blocks;
      else for (const b of walker.blocks) blocks.push(b);
    }
    stats.blocks = blocks.length;
    return blocks;
  }

  /**
   * The blocks' mentions, found by the worker. The text goes in requests sized so that each send
   * fits in a slice (`requestChars`), all sent at once (the worker answers them in turn, and other
   * tabs in between); each send is a slice of the page's time, and so is taking each answer in.
   */
  private async match(blocks: Block[], stats: ScanStats): Promise<Found[]> {
    const parts: Promise<Found[]>[] = [];
    const asked = performance.now();
    for (let i = 0; i < blocks.length;) {
      const s = performance.now();
      let j = i;
      let chars = 0;
      const cap = requestChars(this.sendMsPerChar);
      while (j < blocks.length && j - i < MAX_MATCH_TEXTS && chars + blocks[j]!.text.length <= cap) chars += blocks[j++]!.text.length;
      // Each request takes a block at least (a block is far shorter than a request may be).
      if (j === i) j++;
      const part = blocks.slice(i, j);
      const answer = this.deps.match(part.map((b) => b.text)).then((a) => this.takeIn(part, a, stats));
      // Handled at once: a request failing while the next is sent, or after an abort ended this loop,
      // must not surface as an unhandled rejection (Promise.all below still sees the failure).
      answer.catch(() => undefined);
      parts.push(answer);
      const took = this.took('load', s);
      stats.loadMs += took;
      // Smaller sends are mostly the call's fixed cost and the clock's resolution: they teach nothing.
      if (chars >= MAX_BLOCK_CHARS) this.sendMsPerChar = nextEstimate(this.sendMsPerChar, took / chars);
      i = j;
      if (i < blocks.length) await yieldToPage(this.deps.signal);
    }
    const found = (await Promise.all(parts)).flat();
    stats.lookupWaitMs += performance.now() - asked;
    return found;
  }

  /** One answer's mentions, tied to their blocks. */
  private takeIn(part: Block[], answer: MatchAnswer, stats: ScanStats): Found[] {
    const s = performance.now();
    if (this.deps.signal.aborted) throw this.deps.signal.reason;
    this.mutes.learn(answer.muted);
    const { entities, matches } = answer;
    const found: Found[] = [];
    for (let k = 0; k + MATCH_FIELDS <= matches.length; k += MATCH_FIELDS) {
      const block = part[matches[k]!];
      const key = entities[matches[k + 3]!];
      // The worker's answer is trusted, but a wrong index must not throw the whole scan away.
      if (!block || key === undefined) continue;
      found.push({ block, start: matches[k + 1]!, end: matches[k + 2]!, key, flags: matches[k + 4]! });
    }
    stats.tokenizeMs += answer.took.tokenize;
    stats.matchMs += answer.took.match;
    stats.loadMs += this.took('load', s);
    return found;
  }

  /**
   * Register the mentions the reader can see, yielding to the page between slices. Every mention is
   * judged before any is registered: registering paints (the first one adopts the highlight sheet,
   * which invalidates the page's style), and a visibility read after that would force the whole
   * page's style and layout into our task (51 ms on cnet.html).
   */
  private async paint(found: Found[], stats: ScanStats) {
    const { signal } = this.deps;
    // Judging visibility reads layout: right after the browser painted, layout is clean and the
    // reads are cheap; before, they would force the page's pending layout into our task.
    if (found.length) {
      const waited = await afterPaint(signal);
      stats.frameWaits++;
      if (waited < 0) stats.frameTimeouts++;
      else if (waited > HIDDEN_FRAME_WAIT_MS) stats.framesLate++;
    }
    this.judge.reset();
    const seen = await this.judgeAll(found, stats);
    let since = performance.now();
    for (const v of seen) {
      if (!this.admit(v)) continue;
      stats.mentions++;
      if (performance.now() - since > SLICE_MS) {
        // The slice's rules are written inside it, so their cost is counted (the microtask would be too late).
        this.deps.highlighter.flush();
        stats.highlightMs += this.took('paint', since);
        await yieldToPage(signal);
        since = performance.now();
      }
    }
    stats.mentions += this.promoteWeak();
    this.deps.highlighter.flush();
    stats.highlightMs += this.took('paint', since);
  }

  /** The mentions the reader can see (reads only). Hidden text is neither counted nor painted: a page must
   * not learn, by planting names where nobody can see them, which ones the reader's packs contain. */
  private async judgeAll(found: Found[], stats: ScanStats): Promise<Seen[]> {
    const seen: Seen[] = [];
    let since = performance.now();
    for (const f of found) {
      const { range, nodes } = rangeFor(f.block, f.start, f.end);
      if (this.judge.visible(range)) seen.push({ ...f, range, nodes });
      if (performance.now() - since > SLICE_MS) {
        stats.visibilityMs += this.took('visibility', since);
        await yieldToPage(this.deps.signal);
        since = performance.now();
      }
    }
    stats.visibilityMs += this.took('visibility', since);
    return seen;
  }

  /** Register one visible mention if it may count yet. True when registered. */
  private admit(seen: Seen): boolean {
    const weak = (seen.flags & FLAG_WEAK) !== 0;
    if (weak && !this.strong.has(seen.key)) {
      // Weak mentions wait for a strong one; a page full of "ring" keeps only so many waiting.
      if (this.pendingWeak.length < MAX_PENDING_WEAK) this.pendingWeak.push(seen);
      return false;
    }
    if (!weak) this.strong.add(seen.key);
    this.register(seen);
    return true;
  }

  /** A weak alias ("Clearview") counts once a strong one ("Clearview AI") is on the page. Returns how many now count. */
  private promoteWeak(): number {
    let promoted = 0;
    const still: PendingWeak[] = [];
    for (const p of this.pendingWeak) {
      if (!p.block.nodes.every((n) => n.isConnected)) continue;
      if (this.strong.has(p.key)) {
        this.register(p);
        promoted++;
      } else still.push(p);
    }
    this.pendingWeak = still;
    return promoted;
  }

  private register({ block, flags, key, range, nodes }: Seen) {
    // A muted entity's mention, or one the reader hid, still claims its text (no shorter name takes
    // its place) and is kept to be restored, but is neither counted nor painted.
    const m: Mention = { entity: key, range, block: block.element, nodes, weak: !!(flags & FLAG_WEAK), highlighted: false };
    // A discreet pack's mention is kept (so removal updates the count) but never painted or carded.
    if (flags & FLAG_DISCREET) m.discreet = true;
    if (this.mutes.has(key)) m.muted = true;
    if (this.hidden.has(key, range)) m.hidden = true;
    // Beyond the stored cap a mention is only counted: no range, no hover.
    if (this.registry.all.size >= this.limits.stored) {
      if (isLive(m)) this.count(key, 1);
      return;
    }
    if (isLive(m)) this.show(m);
    this.registry.add(m);
  }

  private count(key: string, by: 1 | -1) {
    const n = (this.counts.get(key) ?? 0) + by;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }

  /** Count a live mention, and paint it while the caps leave room. */
  private show(m: Mention) {
    this.count(m.entity, 1);
    const perEntity = this.highlightedPerEntity.get(m.entity) ?? 0;
    m.highlighted = !m.discreet && this.deps.highlighter.size < this.limits.perPage && perEntity < this.limits.perEntity;
    if (m.highlighted) {
      this.deps.highlighter.add(m.range);
      this.highlightedPerEntity.set(m.entity, perEntity + 1);
    }
  }

  /** Take a mention out of the counts and the paint (it stays in the registry, unhoverable). */
  private unshow(m: Mention) {
    this.count(m.entity, -1);
    if (m.highlighted) {
      this.deps.highlighter.remove(m.range);
      this.highlightedPerEntity.set(m.entity, (this.highlightedPerEntity.get(m.entity) ?? 1) - 1);
      m.highlighted = false;
    }
  }

  private forget(m: Mention) {
    if (isLive(m)) this.unshow(m);
  }

  /** Change one mention's muted or hidden state, counting and painting it as it becomes live or not. */
  private restate(m: Mention, change: Partial<Pick<Mention, 'muted' | 'hidden'>>): boolean {
    const was = isLive(m);
    Object.assign(m, change);
    const now = isLive(m);
    if (was && !now) this.unshow(m);
    else if (!was && now) this.show(m);
    return was !== now;
  }

  /**
   * The reader muted (or unmuted) an entity on this site: drop (or restore) its mentions' paint and
   * counts at once. Returns whether anything on the page changed.
   */
  setMuted(key: string, muted: boolean): boolean {
    if (!this.mutes.tell(key, muted)) return false;
    let changed = false;
    for (const m of this.registry.all) if (m.entity === key && this.restate(m, { muted })) changed = true;
    if (changed) this.deps.onChange?.();
    return changed;
  }

  /**
   * Hide one mention for this page view (a rescan of its block keeps it hidden); the spot undoes it.
   * `m` may be stale: the card keeps the mention it opened on, and a rescan of its paragraph since
   * replaced it with a new one at the same spot. So the mentions now registered at that spot are
   * hidden, never `m` itself (a forgotten mention is out of the counts already).
   */
  hide(m: Mention): HiddenSpot {
    const spot = spotOf(m.entity, m.range);
    this.hidden.hide(spot);
    this.restateAt(spot, { hidden: true });
    return spot;
  }

  /** Undo `hide`: the mention at that spot is counted and painted again. */
  unhide(spot: HiddenSpot) {
    this.hidden.unhide(spot);
    this.restateAt(spot, { hidden: false });
  }

  private restateAt(spot: HiddenSpot, change: Pick<Mention, 'hidden'>) {
    let changed = false;
    for (const m of this.registry.atNode(spot.startNode)) if (sameSpot(spot, m.entity, m.range) && this.restate(m, change)) changed = true;
    if (changed) this.deps.onChange?.();
  }

  /** Open shadow roots walked so far: their mutations are observed like the document's. */
  readonly shadowRoots = new Set<ShadowRoot>();
  private onShadowRoot: ((root: ShadowRoot) => void) | null = null;
  private onBareHosts: ((hosts: Element[]) => void) | null = null;

  private meetShadowRoot(root: ShadowRoot) {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.onShadowRoot?.(root);
  }

  /** Call `watch` for every open shadow root walked, those already met and each one met later. */
  watchShadowRoots(watch: (root: ShadowRoot) => void, bare: (hosts: Element[]) => void) {
    this.onShadowRoot = watch;
    this.onBareHosts = bare;
    for (const r of this.shadowRoots) watch(r);
  }

  /** Drop mentions inside `roots` (they are about to be rescanned). Returns how many were dropped. */
  private removeWithin(roots: Element[]): number {
    const set = new Set(roots);
    // One walk up per mention, whatever the number of roots (a storm brings hundreds).
    const inside = (el: Element) => {
      for (let e: Element | null = el; e; e = composedParent(e)) if (set.has(e)) return true;
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
    this.hidden.sweep();
    const gone = this.registry.sweepDisconnected();
    for (const m of gone) this.forget(m);
    if (gone.length) this.deps.onChange?.();
    return gone.length;
  }

  /** Forget every mention (a pause, or before a new route's scan); what the reader hid stays hidden. */
  reset() {
    for (const m of this.registry.clear()) if (m.highlighted) this.deps.highlighter.remove(m.range);
    this.counts.clear();
    this.highlightedPerEntity.clear();
    this.strong.clear();
    this.pendingWeak = [];
  }
}

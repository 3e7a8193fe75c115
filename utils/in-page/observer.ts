import { INLINE_TAGS, SKIP_TAGS, blockAncestor, composedParent, insideSkipped } from './walk';

export interface ChangeBatch {
  /** Subtrees to rescan: outermost only, none inside another. */
  roots: Element[];
  /** Some nodes were removed: mentions in them must go. */
  removed: boolean;
  /**
   * An element's id changed: the highlight rules name painted elements from the nearest id up
   * (paint-selectors.ts), so a rule may no longer match its element, though no text moved.
   */
  ids: boolean;
}

/**
 * Reduce mutation records to the smallest set of subtrees to rescan. Added block elements are
 * scanned on their own; added text or inline content rescans its enclosing block; a changed id
 * rescans nothing, and is only reported.
 */
export function rootsOf(records: MutationRecord[], exclude: (el: Element) => boolean, hosts: Element[] = []): ChangeBatch {
  const roots = new Set<Element>();
  let removed = false;
  let ids = false;
  const addRoot = (node: Node) => {
    if (!node.isConnected) return;
    // A change at the top of a shadow tree (the shadow root is the target, or the parent of added
    // text) rescans its host: the walk enters the host's shadow root again.
    const parent = node.nodeType === 1 ? (node as Element) : composedParent(node);
    const el = parent ? blockAncestor(parent) : null;
    if (!el || insideSkipped(el, exclude)) return;
    roots.add(el);
  };
  for (const r of records) {
    if (r.type === 'characterData') addRoot(r.target);
    else if (r.type === 'attributes') ids = true;
    else if (r.type === 'childList') {
      let rejoin = false;
      for (const n of r.removedNodes) {
        // A script, a style or our own card held no mention: its removal needs no sweep (the whole
        // document is observed, head included, so pages remove such elements all the time).
        if (n.nodeType === 1 && (SKIP_TAGS.has((n as Element).tagName) || exclude(n as Element))) continue;
        removed = true;
        // Removing text or an inline element changes the text joined around it ("Clearview <b>AI</b>");
        // removing a whole block changes nothing else, so it only needs the sweep.
        if (n.nodeType === 3 || (n.nodeType === 1 && INLINE_TAGS.has((n as Element).tagName))) rejoin = true;
      }
      if (rejoin) addRoot(r.target);
      for (const n of r.addedNodes) {
        if (n.nodeType === 3) addRoot(n);
        else if (n.nodeType === 1) addRoot(n);
      }
    }
  }
  // Hosts that gained a shadow root since they were walked: rescanned whole.
  for (const h of hosts) addRoot(h);
  // Keep only outermost roots: walk up from each and drop it if an ancestor is also a root.
  const out: Element[] = [];
  for (const el of roots) {
    let covered = false;
    for (let p = composedParent(el); p; p = composedParent(p)) {
      if (roots.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(el);
  }
  return { roots: out, removed, ids };
}

export interface BatchedObserverOptions {
  /** Quiet period before a batch is processed. */
  delayMs: number;
  /** A storm of mutations is still processed at least this often. */
  maxWaitMs: number;
  signal: AbortSignal;
  exclude: (el: Element) => boolean;
  onBatch: (batch: ChangeBatch) => Promise<void>;
}

/**
 * What the observer records. Among attributes, ids only: the highlight rules name elements from the
 * nearest id (paint-selectors.ts). The browser filters the records, so a page that restyles by
 * classes and styles costs nothing here.
 */
export const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['id'] };

/** Gaps between checks of bare custom elements for a late shadow root: at 0.5 s, 1 s, 2 s ... 16 s, then no more. */
export const BARE_HOST_GAPS_MS = [500, 500, 1000, 2000, 4000, 8000];

export interface ChangeObserver {
  /** Observe an open shadow root's tree too. */
  observe: (root: ShadowRoot) => void;
  /** Custom elements walked with no open shadow root: rescan any that gets one later. */
  watchBare: (hosts: Element[]) => void;
}

/**
 * The MutationObserver callback only queues records; processing happens later in one batch, so a
 * page that mutates in a tight loop costs one rescan per batch, not one per mutation.
 */
export function observeChanges(target: Node, opts: BatchedObserverOptions): ChangeObserver {
  let queue: MutationRecord[] = [];
  // An element that upgrades after the walk attaches its shadow root without any mutation the
  // observer sees (and the page's attachShadow is out of an isolated world's reach): such elements
  // are looked at again on a backing-off timer, a property read each, then given up on.
  let grown: Element[] = [];
  const watched = new WeakSet<Element>();
  const bareTimers = new Set<ReturnType<typeof setTimeout>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  let running: Promise<void> | null = null;

  const flush = async () => {
    timer = undefined;
    if (running) {
      await running;
      if (!timer && (queue.length || grown.length)) schedule();
      return;
    }
    const records = queue;
    const hosts = grown;
    queue = [];
    grown = [];
    firstAt = 0;
    if ((!records.length && !hosts.length) || opts.signal.aborted) return;
    const batch = rootsOf(records, opts.exclude, hosts);
    // Changes in the head, or to our own card: nothing to scan, sweep or repaint.
    if (!batch.roots.length && !batch.removed && !batch.ids) return;
    running = opts.onBatch(batch).catch(() => {});
    await running;
    running = null;
  };
  const schedule = () => {
    const now = performance.now();
    if (!firstAt) firstAt = now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(opts.delayMs, opts.maxWaitMs - (now - firstAt)));
    timer = setTimeout(() => void flush(), wait);
  };

  const mo = new MutationObserver((records) => {
    for (const r of records) queue.push(r);
    schedule();
  });
  mo.observe(target, OBSERVED);
  opts.signal.addEventListener('abort', () => {
    mo.disconnect();
    clearTimeout(timer);
    for (const t of bareTimers) clearTimeout(t);
    queue = [];
  });
  const watchBare = (hosts: Element[]) => {
    let left = hosts.filter((el) => !watched.has(el));
    for (const el of left) watched.add(el);
    let check = 0;
    const tick = () => {
      if (opts.signal.aborted) return;
      left = left.filter((el) => {
        if (!el.isConnected) return false;
        if (!el.shadowRoot) return true;
        grown.push(el);
        return false;
      });
      if (grown.length) schedule();
      arm();
    };
    const arm = () => {
      const gap = BARE_HOST_GAPS_MS[check++];
      if (!left.length || gap === undefined) return;
      const t = setTimeout(() => {
        bareTimers.delete(t);
        tick();
      }, gap);
      bareTimers.add(t);
    };
    arm();
  };
  // A subtree observer does not see into shadow trees: each open one the walk meets is added to the
  // same observer, so its changes arrive in the same batches (observing a root twice is a no-op).
  return { observe: (root) => void (opts.signal.aborted || mo.observe(root, OBSERVED)), watchBare };
}

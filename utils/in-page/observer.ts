import { INLINE_TAGS, blockAncestor, insideSkipped } from './walk';

export interface ChangeBatch {
  /** Subtrees to rescan: outermost only, none inside another. */
  roots: Element[];
  /** Some nodes were removed: mentions in them must go. */
  removed: boolean;
}

/**
 * Reduce mutation records to the smallest set of subtrees to rescan. Added block elements are
 * scanned on their own; added text or inline content rescans its enclosing block; attribute
 * changes are ignored (we do not observe them).
 */
export function rootsOf(records: MutationRecord[], exclude: (el: Element) => boolean): ChangeBatch {
  const roots = new Set<Element>();
  let removed = false;
  const addRoot = (node: Node) => {
    if (!node.isConnected) return;
    const el = node.nodeType === 1 ? blockAncestor(node) : node.parentElement ? blockAncestor(node.parentElement) : null;
    if (!el || insideSkipped(el, exclude)) return;
    roots.add(el);
  };
  for (const r of records) {
    if (r.type === 'characterData') addRoot(r.target);
    else if (r.type === 'childList') {
      if (r.removedNodes.length) {
        removed = true;
        // Removing text or an inline element changes the text joined around it ("Clearview <b>AI</b>");
        // removing a whole block changes nothing else, so it only needs the sweep.
        for (const n of r.removedNodes) {
          if (n.nodeType === 3 || (n.nodeType === 1 && INLINE_TAGS.has((n as Element).tagName))) {
            addRoot(r.target);
            break;
          }
        }
      }
      for (const n of r.addedNodes) {
        if (n.nodeType === 3) addRoot(n);
        else if (n.nodeType === 1) addRoot(n);
      }
    }
  }
  // Keep only outermost roots: walk up from each and drop it if an ancestor is also a root.
  const out: Element[] = [];
  for (const el of roots) {
    let covered = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (roots.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(el);
  }
  return { roots: out, removed };
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
 * The MutationObserver callback only queues records; processing happens later in one batch, so a
 * page that mutates in a tight loop costs one rescan per batch, not one per mutation.
 */
export function observeChanges(target: Node, opts: BatchedObserverOptions): void {
  let queue: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  let running: Promise<void> | null = null;

  const flush = async () => {
    timer = undefined;
    if (running) {
      await running;
      if (!timer && queue.length) schedule();
      return;
    }
    const records = queue;
    queue = [];
    firstAt = 0;
    if (!records.length || opts.signal.aborted) return;
    running = opts.onBatch(rootsOf(records, opts.exclude)).catch(() => {});
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
  mo.observe(target, { childList: true, subtree: true, characterData: true });
  opts.signal.addEventListener('abort', () => {
    mo.disconnect();
    clearTimeout(timer);
    queue = [];
  });
}

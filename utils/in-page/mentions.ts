import { partitionPoint } from '../match/search';
import type { Block } from './walk';
import { compareRangesComposed } from './composed-order';

export interface Mention {
  entity: string;
  range: Range;
  /** Block element the mention flows in: a rescan of that block replaces its mentions. */
  block: Element;
  nodes: Text[];
  weak: boolean;
  highlighted: boolean;
  /** A discreet pack's mention: counted, never painted. */
  discreet?: boolean;
  /** Its entity is muted on this site: neither painted, counted nor carded until unmuted. */
  muted?: boolean;
  /** The reader hid this one mention for this page view. */
  hidden?: boolean;
}

/** Counted and shown (when room allows): neither muted nor hidden by the reader. */
export const isLive = (m: Pick<Mention, 'muted' | 'hidden'>): boolean => !m.muted && !m.hidden;

/** Map a [start, end) span of a block's joined text back to a DOM Range over its text nodes. */
export function rangeFor(block: Block, start: number, end: number): { range: Range; nodes: Text[] } {
  const { offsets, nodes } = block;
  // The last node (the first by default) whose start is before `pos`, or at it unless `preferEnd`.
  // partitionPoint asks for i in [1, length) and returns one in [1, length], so a and b are in [0, length): a
  // block has at least one node, and offsets runs parallel to nodes.
  const find = (pos: number, preferEnd: boolean) => partitionPoint(1, offsets.length, (i) => offsets[i]! < pos || (!preferEnd && offsets[i] === pos)) - 1;
  const a = find(start, false);
  const b = find(end, true);
  const range = document.createRange();
  range.setStart(nodes[a]!, start - offsets[a]!);
  range.setEnd(nodes[b]!, end - offsets[b]!);
  return { range, nodes: nodes.slice(a, b + 1) };
}

/** All mentions on the page, indexed by text node for hit-testing and by block for rescans. */
export class MentionRegistry {
  readonly all = new Set<Mention>();
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly byBlock = new Map<Element, Mention[]>();

  add(m: Mention) {
    this.all.add(m);
    for (const n of m.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(m);
      else this.byNode.set(n, [m]);
    }
    const list = this.byBlock.get(m.block);
    if (list) list.push(m);
    else this.byBlock.set(m.block, [m]);
  }

  private drop(m: Mention) {
    this.all.delete(m);
    for (const n of m.nodes) {
      const list = this.byNode.get(n);
      if (!list) continue;
      const rest = list.filter((x) => x !== m);
      if (rest.length) this.byNode.set(n, rest);
      else this.byNode.delete(n);
    }
    const list = this.byBlock.get(m.block);
    if (list) {
      const rest = list.filter((x) => x !== m);
      if (rest.length) this.byBlock.set(m.block, rest);
      else this.byBlock.delete(m.block);
    }
  }

  atNode(node: Node): Mention[] {
    return this.byNode.get(node as Text) ?? [];
  }

  /** Remove the mentions of a block (before rescanning it); returns them. */
  takeBlock(block: Element): Mention[] {
    const list = this.byBlock.get(block) ?? [];
    for (const m of list) this.drop(m);
    return list;
  }

  /** Remove mentions whose text left the document. */
  sweepDisconnected(): Mention[] {
    const gone: Mention[] = [];
    for (const m of this.all) if (!m.nodes.every((n) => n.isConnected)) gone.push(m);
    for (const m of gone) this.drop(m);
    return gone;
  }

  clear(): Mention[] {
    const all = [...this.all];
    this.all.clear();
    this.byNode.clear();
    this.byBlock.clear();
    return all;
  }

  /** Highlighted mentions in document order, shadow trees included (for keyboard navigation). */
  ordered(): Mention[] {
    return [...this.all].filter((m) => m.highlighted).sort((a, b) => compareRangesComposed(a.range, b.range));
  }
}

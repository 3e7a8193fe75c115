/**
 * A scan's distinct word hashes, in order of first appearance: an open-addressing table of 32-bit
 * integers. A Set<number> boxes every hash at or above 2^30 (about three in four) as a heap number,
 * on each of a request's tens of thousands of tokens (it was chosen when this ran cold, in the page).
 */
export class WordSet {
  /** The distinct hashes, in the order they were first added. */
  readonly list: number[] = [];
  /** 0 marks an empty slot; the hash 0 itself is remembered apart. */
  private slots = new Uint32Array(4096);
  private hasZero = false;

  /** Add hashes[from, to). */
  addRange(hashes: Uint32Array, from: number, to: number) {
    for (let i = from; i < to; i++) {
      const h = hashes[i] ?? 0;
      if (h === 0) {
        if (!this.hasZero) {
          this.hasZero = true;
          this.list.push(0);
        }
        continue;
      }
      const slots = this.slots;
      const mask = slots.length - 1;
      let k = (h ^ (h >>> 15)) & mask;
      for (;;) {
        const s = slots[k] ?? 0;
        if (s === h) break;
        if (s === 0) {
          slots[k] = h;
          this.list.push(h);
          // Keep the table at most half full, so probes stay short.
          if (this.list.length * 2 > mask) this.grow();
          break;
        }
        k = (k + 1) & mask;
      }
    }
  }

  private grow() {
    const old = this.slots;
    const slots = new Uint32Array(old.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < old.length; i++) {
      const h = old[i] ?? 0;
      if (h === 0) continue;
      let k = (h ^ (h >>> 15)) & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = h;
    }
    this.slots = slots;
  }
}

/**
 * How often a sliced loop looks at the clock, learned from the work itself. A fixed cadence ("every
 * 16th block", "every 256th node") is tuned for one machine: on a CPU four times slower, or on a page
 * whose blocks are 16,000 characters, the same count of units overshoots the slice many times over.
 * A pacer measures the time per unit of work (a node, a character) between clock reads and plans the
 * next read after the work that fits in a quarter of what is left of the slice, so work that turns
 * four times slower (a CPU throttled ×4, a costlier stretch of the page) still ends the slice on time.
 */

/** Clock reads never wait for more units than this, however cheap the units seemed. */
export const MAX_UNITS_PER_CHECK = 2048;

/**
 * Units of work to do before the next clock read: those that fit in a quarter of the slice's remaining
 * time at `msPerUnit`, at least one. With no estimate yet (`msPerUnit` negative), one: the first reading
 * makes the estimate. Units measured at 0 ms (cheaper than the clock's resolution) go to the cap.
 */
export function unitsBeforeCheck(remainingMs: number, msPerUnit: number, maxUnits = MAX_UNITS_PER_CHECK): number {
  if (!(msPerUnit >= 0) || !(remainingMs > 0)) return 1;
  if (msPerUnit === 0) return maxUnits;
  return Math.max(1, Math.min(maxUnits, Math.floor(remainingMs / 4 / msPerUnit)));
}

/**
 * The next estimate of the time per unit, from the last one and a new measurement: it rises at once
 * (the page got slower: a throttled CPU, a costlier stretch of the page) and falls by half the gap
 * (one cheap stretch should not make the next check come too late).
 */
export function nextEstimate(previous: number, measured: number): number {
  if (!(previous >= 0)) return measured;
  return measured >= previous ? measured : (previous + measured) / 2;
}

/**
 * A slice's clock for one phase of work, kept across the phase's slices so each slice starts with
 * what the previous ones learned. `begin` opens a slice; `spend(units)` after each piece of work says
 * whether the slice is over; `fits(units)` says, without reading the clock, whether work of that size
 * is expected to end within the slice (a big piece waits for a fresh slice rather than overrun).
 */
export class Pacer {
  /** Negative until the first measurement. */
  private msPerUnit = -1;
  private deadline = 0;
  private lastCheck = 0;
  private sinceCheck = 0;
  private checkAfter = 1;
  /** Units spent in the current slice. */
  private inSlice = 0;

  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
    /** The most units between clock reads: lower where units vary much in cost (a DOM node). */
    private readonly maxUnits = MAX_UNITS_PER_CHECK,
  ) {}

  /** The estimate of the time one unit takes (negative before any measurement). */
  get estimate(): number {
    return this.msPerUnit;
  }

  /** Start a slice; returns its start time. */
  begin(): number {
    const t = this.now();
    this.deadline = t + this.budgetMs;
    this.lastCheck = t;
    this.sinceCheck = 0;
    this.inSlice = 0;
    this.checkAfter = unitsBeforeCheck(this.budgetMs, this.msPerUnit, this.maxUnits);
    return t;
  }

  /** Count `units` of work done; true when the slice's time is up (the clock is read only when due). */
  spend(units = 1): boolean {
    this.sinceCheck += units;
    this.inSlice += units;
    if (this.sinceCheck < this.checkAfter) return false;
    const t = this.now();
    this.msPerUnit = nextEstimate(this.msPerUnit, (t - this.lastCheck) / this.sinceCheck);
    this.lastCheck = t;
    this.sinceCheck = 0;
    const remaining = this.deadline - t;
    if (remaining <= 0) return true;
    this.checkAfter = unitsBeforeCheck(remaining, this.msPerUnit, this.maxUnits);
    return false;
  }

  /**
   * Whether `units` more are expected to end before the slice's deadline. Always true for the slice's
   * first piece of work (something must move) and while there is no estimate yet.
   */
  fits(units: number): boolean {
    if (!this.inSlice || !(this.msPerUnit >= 0)) return true;
    const expectedNow = this.lastCheck + this.sinceCheck * this.msPerUnit;
    return expectedNow + units * this.msPerUnit <= this.deadline;
  }
}

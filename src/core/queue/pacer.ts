// Long work in steps: a loop asks the pacer after each unit whether its step
// has used its budget (time, or a count of units), and if so awaits rest(),
// which yields (to the screen, in the plugin) and starts the next step. The
// plugin keeps every step well under a 50 ms frame this way: a bulk change of
// 500 notes, and the claim index built from 50,000 claim notes at start-up.
// Core has no timers: the door passes the yield (and the clock, in tests).

export interface PacerOptions {
  /** Yields; none: the work runs in one go (the CLI, tests). */
  pause?: () => Promise<void>;
  /** Work per step, in ms (default 8). */
  budgetMs?: number;
  /** Units per step at most (default: no limit). */
  most?: number;
  now?: () => number;
}

export class Pacer {
  private readonly now: () => number;
  private readonly budget: number;
  private readonly most: number;
  private since: number;
  private count = 0;

  constructor(private readonly opts: PacerOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.budget = opts.budgetMs ?? 8;
    this.most = opts.most ?? Infinity;
    this.since = this.now();
  }

  /** One unit done: true when the step is over and the loop should await rest(). */
  tick(): boolean {
    this.count++;
    if (!this.opts.pause) return false;
    return this.count >= this.most || this.now() - this.since >= this.budget;
  }

  /** Yield, then start a new step. */
  async rest(): Promise<void> {
    await this.opts.pause?.();
    this.since = this.now();
    this.count = 0;
  }

  /** tick(), and rest() when the step is over: for loops that await anyway. */
  async step(): Promise<void> {
    if (this.tick()) await this.rest();
  }
}

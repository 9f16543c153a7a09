// Work done in steps (src/core/queue/pacer.ts) in the plugin: the yield between
// steps, and how the indexes' large builds are paced. Both indexes (the
// queue's and the claims') read the whole metadata cache at start-up: at
// 50,000 notes that is 0.1-0.6 s, too long for one task.
import { Pacer } from "../core/queue/pacer";

/** Work per step of a large build, in ms. */
const STEP_MS = 10;
/** Builds over at most this many notes run at once (a few ms to about 20): no step to wait for. */
const AT_ONCE = 2000;

/** How a large build goes in steps (tests set both). */
export interface StepOptions {
  /** The yield between steps (default: the next frame). */
  pause?: () => Promise<void>;
  /** Work per step, in ms (default 10; 0: a step per note). */
  stepMs?: number;
}

/** The next frame where there is one, else the next task (a hidden window draws no frames). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestAnimationFrame === "function" && !document.hidden) window.requestAnimationFrame(() => resolve());
    else window.setTimeout(resolve, 0);
  });
}

/** The pacer of a build over `count` notes: steps of STEP_MS past AT_ONCE notes, else one go. */
export function buildPacer(count: number, opts: StepOptions): Pacer {
  return new Pacer({ pause: count > AT_ONCE ? (opts.pause ?? nextFrame) : undefined, budgetMs: opts.stepMs ?? STEP_MS });
}

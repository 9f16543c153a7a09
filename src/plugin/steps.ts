// Work done in steps (src/core/pacer.ts) in the plugin: the yield between
// steps, and how the indexes' large builds are paced.

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

// A yield to the screen, for work done in steps (src/core/pacer.ts).

/** The next frame where there is one, else the next task (a hidden window draws no frames). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestAnimationFrame === "function" && !document.hidden) window.requestAnimationFrame(() => resolve());
    else window.setTimeout(resolve, 0);
  });
}

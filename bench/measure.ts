// Timing for the benchmark: warm up, then run several times and keep the
// median (and the 95th percentile where there are enough runs to mean it).

export interface Timing {
  median: number;
  p95: number;
  runs: number;
  samples: number[];
}

const gc = (globalThis as { gc?: () => void }).gc;

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, p95: at(0.95), runs: sorted.length, samples };
}

export interface SampleOptions {
  warmup: number;
  runs: number;
  /**
   * Collect garbage (needs node --expose-gc) before each timed run, so one run's
   * garbage is not billed to the next ("each": for runs that allocate a lot), or
   * once before the series (the default: a full collection of a 50,000-note heap
   * takes longer than the cheap cases themselves).
   */
  collect?: "each" | "once";
  /** Untimed work before each run (restoring a file, say). */
  before?: () => void | Promise<void>;
  /** Untimed work after each run. */
  after?: () => void | Promise<void>;
}

/** Time fn (in milliseconds) after warming it up. */
export async function sample(fn: () => unknown, opts: SampleOptions): Promise<Timing> {
  const samples: number[] = [];
  if (gc && opts.collect !== "each") gc();
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    await opts.before?.();
    if (opts.collect === "each" && gc) gc();
    const start = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    const ms = performance.now() - start;
    await opts.after?.();
    if (i >= opts.warmup) samples.push(ms);
  }
  return summarize(samples);
}

/** Runs fn while a 0 ms timer ticks; returns fn's time and the longest gap between ticks. */
export async function withHeartbeat(fn: () => Promise<void>): Promise<{ ms: number; longest: number; p95: number }> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const gaps: number[] = [];
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    gaps.push(now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  gaps.sort((a, b) => a - b);
  return { ms, longest, p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0 };
}

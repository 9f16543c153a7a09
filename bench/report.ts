// The benchmark's rows: what was measured, at which vault size, against which
// target; printed as a table and written to bench/results.json.
import type { Timing } from "./measure";

export interface Case {
  name: string;
  n: number;
  value: number;
  unit: string;
  /** null for rows that are only for reference */
  target: number | null;
  /** how value compares to target for a pass */
  op: "<" | "<=";
  pass: boolean | null;
  p95?: number;
  runs?: number;
  note?: string;
}

export class Report {
  readonly cases: Case[] = [];

  /** quiet: collect without printing (the browser part returns its cases to Node, which prints them). */
  constructor(private readonly quiet = false) {}

  addCase(c: Case): void {
    this.cases.push(c);
    this.print(c);
  }

  private print(c: Case): void {
    if (this.quiet) return;
    const mark = c.pass === null ? " " : c.pass ? "✓" : "✗";
    const tgt = c.target === null ? "" : `  (target ${c.op} ${fmt(c.target, c.unit)})`;
    const p95 = c.p95 !== undefined && (c.runs ?? 0) >= 5 ? `  p95 ${fmt(c.p95, c.unit)}` : "";
    console.log(`  ${mark} ${c.name.padEnd(64)} n=${String(c.n).padStart(6)}  ${fmt(c.value, c.unit).padStart(10)}${p95}${tgt}`);
  }

  add(name: string, n: number, value: number, unit: string, target: number | null, extra: { op?: "<" | "<="; p95?: number; runs?: number; note?: string } = {}): Case {
    const op = extra.op ?? "<";
    const pass = target === null ? null : op === "<" ? value < target : value <= target;
    const c: Case = { name, n, value: round(value), unit, target, op, pass };
    if (extra.p95 !== undefined) c.p95 = round(extra.p95);
    if (extra.runs !== undefined) c.runs = extra.runs;
    if (extra.note !== undefined) c.note = extra.note;
    this.addCase(c);
    return c;
  }

  time(name: string, n: number, t: Timing, target: number | null, note?: string): Case {
    if (!this.quiet && typeof process !== "undefined" && process.env.BENCH_VERBOSE) console.log(`      samples: ${t.samples.map((v) => v.toFixed(2)).join(" ")}`);
    return this.add(name, n, t.median, "ms", target, { p95: t.p95, runs: t.runs, ...(note === undefined ? {} : { note }) });
  }

  table(): string {
    const head = ["", "case", "n", "median", "p95", "target"];
    const rows = this.cases.map((c) => [
      c.pass === null ? "" : c.pass ? "✓" : "✗",
      c.name,
      String(c.n),
      fmt(c.value, c.unit),
      c.p95 !== undefined && (c.runs ?? 0) >= 5 ? fmt(c.p95, c.unit) : "",
      c.target === null ? "(reference)" : `${c.op} ${fmt(c.target, c.unit)}`,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
    return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
  }
}

const round = (v: number) => (Number.isInteger(v) ? v : Math.round(v * 1000) / 1000);

export function fmt(value: number, unit: string): string {
  if (unit === "ms") return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(0)} µs`;
  if (unit === "bytes") return `${value.toLocaleString("en-US")} B`;
  if (unit === "x") return `${value.toFixed(2)}×`;
  return `${value} ${unit}`;
}

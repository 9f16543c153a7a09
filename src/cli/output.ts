// Plain-text output for people; --json output is built by each command.
import type { Problem } from "../core/note/model";

export function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
          return rightAligned.has(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

export const problemLine = (p: Problem) => `  ${p.level === "error" ? "error  " : "warning"}  ${p.message}`;

export const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Whether output may carry colour: only to a terminal, and never when NO_COLOR
 * is set to anything (https://no-color.org). `npm run demo | cat`, a script
 * reading stdout, or a CI log then get plain text.
 */
export function colourEnabled(env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY === true;
}

export interface Paint {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
}

const ESC = String.fromCharCode(27);
const sgr = (on: number, off: number) => (s: string) => `${ESC}[${on}m${s}${ESC}[${off}m`;
const same = (s: string) => s;

/** Styling functions that add escape codes only when colour is enabled. */
export function paint(enabled: boolean): Paint {
  if (!enabled) return { bold: same, dim: same, red: same, yellow: same };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39) };
}

// Plain-text output for people; --json output is built by each command.
import type { Problem } from "../core/model";

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

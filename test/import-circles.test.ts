// No import circles in src or in the test double, type imports counted (issue
// #20). ESLint's import/no-cycle (eslint.config.mjs) skips `import type`, so a
// circle made of type imports alone passes lint: row-menu ↔ queue-view did,
// and so did two in the double (the vault and its files; the app, its
// workspace and views). This reads every import as TypeScript does and looks
// for strongly connected parts of the graph.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** The files a module imports (`import`, `import type`, `export … from`, `import()`), among `known`. */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .filter((i) => i.fileName.startsWith("."))
    .map((i) => resolve(dirname(file), i.fileName))
    .flatMap((base) => [`${base}.ts`, join(base, "index.ts"), base].filter((p) => known.has(p)).slice(0, 1));
}

/** Groups of modules that import each other, directly or around a loop (Tarjan's algorithm). */
function circles(files: readonly string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(f, known)]));
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, order.size);
    low.set(v, order.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) group.push(w);
    if (group.length > 1 || edges.get(v)?.includes(v)) found.push(group.map((f) => relative(root, f)).sort());
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return found;
}

describe("import circles", () => {
  it("finds one made of type imports alone, which lint lets through", () => {
    const dir = join(root, "test/fixtures/import-circle");
    expect(circles(sourceFiles(dir))).toEqual([["test/fixtures/import-circle/host.ts", "test/fixtures/import-circle/menu.ts"]]);
  });

  it.each(["src", "test-support"])("%s has none, type imports counted", (dir) => {
    expect(circles(sourceFiles(join(root, dir)))).toEqual([]);
  });
});

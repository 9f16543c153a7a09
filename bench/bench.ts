// `npm run bench` (issue "Performance at 50,000 sources"): generates vaults
// of 1,000, 10,000 and 50,000 sources in a temporary folder, measures the CLI
// and the plugin against the issue's targets, prints a table and writes
// bench/results.json. A missed target is reported, not an error.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { readDemoVault } from "../test-support/demo-vault";
import { claimIndexCases } from "./claim-index-cases";
import { extractInVaultCase, extractLargeSourceCase, extractSeedCase, listCases } from "./cli-cases";
import { loadTemplates, writeVault } from "./generate";
import { mcpCases } from "./mcp-cases";
import { pluginCases, pluginExtractCase, type Manifest } from "./plugin-cases";
import { Report, type Case } from "./report";
import { vaultFiles, type Template } from "./vault-shape";

export { installDomHelpers } from "../test-support/obsidian/dom-helpers";

export interface BenchOptions {
  root: string;
  sizes: number[];
  /** which groups to run: "cli", "plugin", "extract", "claims", "mcp", "browser" (all when empty) */
  only: string[];
  /** the plugin cases in a real browser, where run.mjs found one */
  browser?: { sizes: number[]; run: (templates: Template[], n: number, manifest: Manifest) => Promise<Case[]> };
}

export { loadTemplates };

const demoFiles = (root: string) => readDemoVault(root);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function runBench(opts: BenchOptions): Promise<number> {
  const began = performance.now();
  const want = (group: string) => opts.only.length === 0 || opts.only.includes(group);
  const report = new Report();
  const templates = loadTemplates(join(opts.root, "demo-vault", "inbox"));
  const manifest = JSON.parse(readFileSync(join(opts.root, "manifest.json"), "utf8")) as Manifest;
  const tmp = mkdtempSync(join(tmpdir(), "source-queue-bench-"));
  try {
    console.log(`Source Queue benchmark: ${templates.length} demo notes as templates, vaults in ${tmp}\n`);
    if (want("plugin")) report.add("main.js size", 0, statSync(join(opts.root, "main.js")).size, "bytes", 153_600);
    if (want("extract")) {
      await extractSeedCase(report, tmp, opts.root);
      await extractLargeSourceCase(report, tmp, opts.root);
      await pluginExtractCase(report, demoFiles(opts.root));
    }
    for (const n of opts.sizes) {
      console.log(`\n— ${n.toLocaleString("en-US")} sources — (at ${seconds(began)})`);
      if (want("cli") || want("extract") || want("mcp")) {
        const started = performance.now();
        const dir = join(tmp, `vault-${n}`);
        const bytes = writeVault(dir, templates, n);
        console.log(`  (wrote ${n} notes, ${(bytes / 1e6).toFixed(1)} MB, in ${seconds(started)})`);
        if (want("cli")) await listCases(report, dir, n, opts.root);
        if (want("extract")) await extractInVaultCase(report, dir, n, opts.root);
        if (want("mcp")) await mcpCases(report, dir, n, opts.root);
        rmSync(dir, { recursive: true, force: true });
      }
      if (want("claims")) await claimIndexCases(report, n);
      if (want("plugin")) {
        console.log(`  (plugin cases in the Obsidian double under happy-dom; at ${seconds(began)})`);
        await pluginCases(report, vaultFiles(templates, n), n, manifest);
      }
      if (want("browser") && opts.browser?.sizes.includes(n)) {
        console.log(`  (the same plugin cases in Chromium, with layout; at ${seconds(began)})`);
        for (const c of await opts.browser.run(templates, n, manifest)) report.addCase({ ...c, name: `${c.name} [Chromium]` });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const misses = report.cases.filter((c) => c.pass === false);
  console.log(`\n${report.table()}\n`);
  console.log(misses.length === 0 ? "All targets hold." : `${misses.length} target${misses.length === 1 ? "" : "s"} missed: ${misses.map((c) => `${c.name} (n=${c.n})`).join("; ")}`);
  console.log(`Total ${seconds(began)}.`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString() };
  const out = join(opts.root, "bench", "results.json");
  writeFileSync(out, `${JSON.stringify({ machine, sizes: opts.sizes, cases: report.cases }, null, 2)}\n`);
  console.log(`Wrote ${out}.`);
  return 0;
}

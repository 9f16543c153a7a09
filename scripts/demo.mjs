// `npm run demo`: the main job on the bundled demo vault. The build has run
// (npm script); this installs the plugin into the demo vault's plugin folder,
// prints the queue, previews the split of the seed source and then performs
// it on a scratch copy of the vault (the repository's demo vault is left
// unchanged, so the demo can run again). The scratch copy is removed at the
// end, whatever happens (SOURCE_QUEUE_DEMO_KEEP=1 keeps it to look around).
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const vault = join(root, "demo-vault");
const seed = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const cli = (args, cwd = root) => execFileSync(process.execPath, [join(root, "dist/cli.cjs"), ...args], { cwd, encoding: "utf8" });
// Bold headings only on a terminal, and never with NO_COLOR set (https://no-color.org):
// `npm run demo | cat` and CI logs get plain text (the same rule as src/cli/output.ts).
const colour = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
const heading = (text) => console.log(colour ? `\n\x1b[1m== ${text}\x1b[22m\n` : `\n== ${text}\n`);

heading("1. Install the plugin into the demo vault");
const pluginDir = join(vault, ".obsidian", "plugins", "source-queue");
mkdirSync(pluginDir, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) {
  copyFileSync(join(root, file), join(pluginDir, file));
  console.log(`  ${file.padEnd(14)} ${String(statSync(join(root, file)).size).padStart(7)} bytes → demo-vault/.obsidian/plugins/source-queue/`);
}
console.log("  Open demo-vault/ as a vault in Obsidian and enable Source Queue under Community plugins.");

heading("2. The queue (source-queue list --vault demo-vault)");
const started = performance.now();
console.log(cli(["list", "--vault", vault]));
console.log(`  (list took ${(performance.now() - started).toFixed(0)} ms including Node start-up)`);

heading(`3. Preview the split of ${seed} (--dry-run)`);
console.log(cli(["extract", seed, "--vault", vault, "--dry-run"]));

heading("4. Split it for real, on a scratch copy of the vault");
const scratch = mkdtempSync(join(tmpdir(), "source-queue-demo-"));
const keep = process.env.SOURCE_QUEUE_DEMO_KEEP === "1";
process.on("exit", () => {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
});
cpSync(vault, scratch, { recursive: true });
// --no-cache: no cache is kept for a vault that is gone when the demo ends.
const result = JSON.parse(cli(["extract", seed, "--vault", scratch, "--json", "--no-cache"]));
console.log(`  Created ${result.created.length} claims in ${scratch}:`);
for (const path of result.created) console.log(`   - ${path}`);
heading(`One of them: ${result.created[2]}`);
console.log(readFileSync(join(scratch, result.created[2]), "utf8"));
heading("The source's frontmatter and new section after the split");
const after = readFileSync(join(scratch, seed), "utf8");
console.log(after.slice(0, after.indexOf("\n---", 4) + 4));
console.log("  …");
console.log(after.slice(after.indexOf("## Extracted claims")));
heading("Next");
console.log(keep ? `  The scratch copy stays in ${scratch}.` : "  The scratch copy is removed now (SOURCE_QUEUE_DEMO_KEEP=1 keeps it).");
console.log("  npm run preview   the plugin itself in a browser page over this vault");
console.log("  npm test          the test suite");

// Survey: the claim candidates of every source note in a folder, as the
// preview would show them, to read the splitter's judgement on real notes.
//
//   node scripts/survey.mjs <folder> [--every N] [--json] [--hints-only]
//
// --every N keeps every Nth note (in file-name order) that has hints, a fixed
// and documented sample; --json prints one object per note instead of text.
// The core is bundled from src/ with esbuild on the fly, so the survey shows
// the working tree's rules without a build.
import { build } from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const folder = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--every");
if (!folder) {
  console.error("usage: node scripts/survey.mjs <folder> [--every N] [--json]");
  process.exit(2);
}
const every = args.includes("--every") ? Number(args[args.indexOf("--every") + 1]) : 1;
const asJson = args.includes("--json");

const entry = `
export { readSource } from "./src/core/note/source-note";
export { buildCandidates } from "./src/core/extraction/candidates";
export { DEFAULT_SETTINGS } from "./src/core/note/settings";
`;
const bundle = await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  logLevel: "silent",
});
// eslint-disable-next-line no-unsanitized/method -- the module is our own src/core, bundled just above
const core = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);

function notesIn(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...notesIn(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out;
}

let kept = 0;
let seen = 0;
for (const file of notesIn(folder)) {
  const text = readFileSync(file, "utf8");
  const path = relative(folder, file);
  const { note, sections } = core.readSource(path, text, core.DEFAULT_SETTINGS);
  const set = core.buildCandidates(note, sections, core.DEFAULT_SETTINGS, () => null);
  if (set.candidates.length === 0) continue;
  if (seen++ % every !== 0) continue;
  kept++;
  const rows = set.candidates.map((c) => ({
    index: c.index,
    selected: c.selected,
    origin: c.origin,
    kind: c.kind,
    topic: c.topic,
    title: c.title,
    description: c.description,
    evidence: c.evidence,
  }));
  if (asJson) {
    console.log(JSON.stringify({ path, status: note.status, candidates: rows }));
    continue;
  }
  console.log(`\n## ${path}${note.status === "processed" ? " (processed)" : ""}`);
  for (const r of rows) {
    const flags = [r.selected ? "x" : " ", r.origin === "hints" ? "" : r.origin, r.kind === "claim" ? "" : r.kind, r.topic ? "TOPIC" : ""].filter(Boolean);
    console.log(`${r.index}. [${flags.join(" ")}] ${r.title}`);
    if (r.description !== undefined) console.log(`     description: ${r.description}`);
    for (const e of r.evidence ?? []) console.log(`     > ${e}`);
  }
}
if (!asJson) console.log(`\n${kept} notes with candidates shown (every ${every} of ${seen}).`);

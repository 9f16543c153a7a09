// Issue #20: "every command in the docs is exercised by a test that runs it".
// Each line of a shell block in README.md or docs/ that calls `source-queue` is
// run here as written, in order, on a copy of the demo vault, with the built
// bin on PATH as `source-queue`. Every other command is named in ELSEWHERE
// with the test (or CI step) that runs it, and that file is checked to run
// it. A command neither run here nor named there fails, so a new example
// cannot go unchecked. The synopsis is held to what `--help` prints, and every
// `npm run X` to package.json. (Paths and links: doc-links.test.ts.)
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanUp, cli, cliEnv, tempDir } from "../cli/run-cli";
import { commandsOf, docFiles, fencedBlocks, inlineCode, root, type Block } from "./markdown";

afterAll(cleanUp);

/** Commands the docs show that this file does not run, each with where it is run and the text there that runs it. */
const ELSEWHERE: Record<string, { by: [file: string, shows: string][]; why: string }> = {
  "npm ci && npm run demo": {
    by: [
      [".ci/run", "npm ci --no-audit --no-fund"],
      ["package.json", `"demo": "npm run build && node scripts/demo.mjs"`],
      ["test/cli/conventions.test.ts", "scripts/demo.mjs"],
    ],
    why: "CI installs from scratch; the demo is the build and scripts/demo.mjs, which conventions.test.ts runs",
  },
  "npm test": { by: [[".ci/run", "\nnpm test\n"]], why: "the README's test command is the one CI runs" },
  "npm ci && npm run build": {
    by: [
      [".ci/run", "npm ci --no-audit --no-fund"],
      ["package.json", `"test": "npm run build && vitest run"`],
    ],
    why: "CI installs from scratch, and every `npm test` builds first",
  },
  "npm version patch": { by: [["test/release/release.test.ts", "scripts/version-bump.mjs"]], why: "npm's version script is run on copies of manifest.json and versions.json" },
  "git push --follow-tags": {
    by: [["test/release/release.test.ts", ".github/workflows/release.yml"]],
    why: "it pushes to the remote, so it is not run; the tag starts the release workflow, which that test checks",
  },
  "SOURCE_QUEUE_AI_PROVIDER=ollama SOURCE_QUEUE_AI_MODEL=llama3.1:8b source-queue extract inbox/2026-01-22-tariff-pass-through-import-prices.md --vault demo-vault --draft --dry-run --json": {
    by: [["test/cli/ai-draft-cli.test.ts", `"--draft", "--dry-run", "--json"`]],
    why: "it needs a model: the same command runs against a stand-in provider on loopback there",
  },
  "claude mcp add source-queue -- node /path/to/source-queue/dist/cli.cjs mcp --vault /path/to/vault": {
    by: [["test/mcp/mcp-server.test.ts", `[BIN, "mcp", "--vault", vault]`]],
    why: "it needs Claude Code; the server it registers is started so by the MCP tests",
  },
  "source-queue next --vault ~/kb --claim extractor-1 --json --sync git": {
    by: [["test/cli/git-sync.test.ts", `"next", "--claim", "agent-1", "--vault", a, "--sync", "git"`]],
    why: "--sync git needs a clone with an upstream; the git tests make a bare remote and clones and run it there",
  },
  [`echo '{"agent":"extractor-1"}' | source-queue extract inbox/2026-03-27-sandbagging-scheming-evals.md --vault ~/kb --plan - --sync git`]: {
    by: [["test/cli/git-sync.test.ts", `"extract", held, "--plan", "-", "--vault", agent, "--sync", "git"`]],
    why: "--sync git needs a clone with an upstream; the git tests run the agent's extraction in one",
  },
  "source-queue mcp --vault ~/kb --http 8808 --sync git": {
    by: [["test/mcp/http-server.ts", `"mcp", "--vault", copyDemoVault(), "--http", "127.0.0.1:0"`]],
    why: "a server that runs until stopped; the HTTP tests start it on a free port and connect the SDK's client",
  },
  "source-queue mcp --vault ~/kb --http 0.0.0.0:8808 --token-file ~/.config/source-queue/token --sync git": {
    by: [["test/mcp/mcp-http.test.ts", `"--token-file", file`]],
    why: "a server that runs until stopped; the HTTP tests start it with a token file and check 401 without it",
  },
  [`*/10 * * * * cd /srv/kb-clone && node /opt/source-queue/scripts/agent-loop.mjs --vault . --agent "$(hostname)" --max 20 --sync git >> "$HOME/source-queue-agent.log" 2>&1`]: {
    by: [["test/cli/git-sync.test.ts", `[LOOP, "--vault", c, "--agent", \`agent-\${i + 1}\`, "--max", "100", "--sync", "git"`]],
    why: "a crontab line; the git tests run agent-loop.mjs --sync git in three clones of one remote at once",
  },
  ...Object.fromEntries(
    readFileSync(join(root, "docs/agents.md"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("*/10 ") && l.includes("--review"))
      .map((l) => [l, { by: [["test/cli/git-review.test.ts", `l.startsWith("*/10 ") && l.includes("--review")`]] as [string, string][], why: "a crontab line of review mode; the review tests run each one as written in a clone of a bare remote, with stand-ins for gh, tea and curl" }]),
  ),
};

/** Commands run here: the CLI, and the shell's own tools the install steps use. */
const RUNNABLE = new Set(["source-queue", "echo", "mkdir", "cp"]);

/** Exit codes other than 0 that a documented command is expected to give. */
const EXIT: [RegExp, number, string][] = [
  [/^source-queue validate\b.*--fix-dangling/, 0, "fixing dangling entries succeeds; it does not validate"],
  [/^source-queue validate\b/, 1, "the demo vault holds broken notes on purpose"],
];

const SHELL = new Set(["sh", "bash", "shell"]);
const blocks = docFiles().flatMap((file) => fencedBlocks(file));
const shellBlocks = blocks.filter((b) => SHELL.has(b.lang));
const commands = shellBlocks.flatMap((b) => commandsOf(b).map((c) => ({ ...c, block: b })));
/** Run here when every command of its pipeline or list is one of RUNNABLE (the JSON an example pipes in holds no ` | `). */
const runsHere = (command: string) => command.split(/\s+(?:\|\|?|&&|;)\s+/).every((part) => RUNNABLE.has(part.trim().split(/\s+/)[0] ?? ""));
const where = (b: Block) => `${b.file}:${b.line}`;

/** A folder laid out as the repository's root is for these commands: a copy of the demo vault and the three built plugin files. */
function scratch(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir("sq-docs-");
  cpSync(join(root, "demo-vault"), join(dir, "demo-vault"), { recursive: true });
  for (const f of ["main.js", "manifest.json", "styles.css"]) copyFileSync(join(root, f), join(dir, f));
  const bin = join(dir, ".bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "source-queue"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "source-queue"), 0o755);
  return { dir, env: cliEnv({ PATH: `${bin}:${process.env.PATH ?? ""}` }) };
}

describe("the commands the docs show", () => {
  it("are all run here or named with the test that runs them", () => {
    const unaccounted = commands.filter((c) => !runsHere(c.command) && !(c.command in ELSEWHERE)).map((c) => `${where(c.block)}: ${c.command}`);
    expect(unaccounted).toEqual([]);
  });

  it("name no command in ELSEWHERE that the docs no longer show", () => {
    const shown = new Set(commands.map((c) => c.command));
    expect(Object.keys(ELSEWHERE).filter((c) => !shown.has(c))).toEqual([]);
  });

  // A command ELSEWHERE names is run by its test (a git clone or a server it needs is made there), not here.
  const runsHereOnly = (command: string) => runsHere(command) && !(command in ELSEWHERE);
  const runBlocks = shellBlocks.filter((b) => commandsOf(b).some((c) => runsHereOnly(c.command)));
  it.each(runBlocks.map((b) => [where(b), b] as const))("%s runs as written, in order, on a copy of the demo vault", (_at, block) => {
    const { dir, env } = scratch();
    for (const { command, line } of commandsOf(block).filter((c) => runsHereOnly(c.command))) {
      const r = spawnSync("sh", ["-c", line.replaceAll("/path/to/vault", join(dir, "vault"))], { cwd: dir, env, encoding: "utf8", timeout: 20000 });
      const [, code, why] = EXIT.find(([re]) => re.test(command)) ?? [null, 0, "it succeeds"];
      expect(r.status, `${command}\n(expected ${code}: ${why})\n${r.stderr}`).toBe(code);
    }
  });

  it.each(Object.entries(ELSEWHERE).map(([command, { by, why }]) => [command, why, by] as const))("%s is run elsewhere: %s", (_command, _why, by) => {
    for (const [file, shows] of by) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(readFileSync(join(root, file), "utf8"), file).toContain(shows);
    }
  });

  it("are only in shell blocks, except the synopsis, which is what --help prints", () => {
    const help = new Set(cli(["--help"]).stdout.split("\n").map((l) => l.trim()));
    for (const b of blocks.filter((x) => !SHELL.has(x.lang))) {
      const shown = b.lines.filter((l) => /^\s*(source-queue|npm|npx|node) /.test(l));
      if (shown.length === 0) continue;
      expect(b.lang, `${where(b)} holds commands: a sh block runs them, a text block is the synopsis`).toBe("text");
      expect(b.lines.filter((l) => l.trim() !== "" && !help.has(l.trim())), `${where(b)} differs from source-queue --help`).toEqual([]);
    }
  });

  it("name only npm scripts that package.json has, and verbs the CLI knows", () => {
    const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const verbs = ["list", "extract", "set", "validate", "conventions", "next", "claim", "release", "undo", "mcp"];
    const texts = docFiles().flatMap((file) => [...inlineCode(file), ...fencedBlocks(file).flatMap((b) => b.lines)].map((t) => ({ file, t })));
    const bad: string[] = [];
    for (const { file, t } of texts) {
      for (const m of t.matchAll(/\bnpm run ([\w:-]+)/g)) if (!(m[1]! in scripts)) bad.push(`${file}: npm run ${m[1]}`);
      for (const m of t.matchAll(/(?:^|[|&;]\s*)source-queue ([a-z]+)/g)) if (!verbs.includes(m[1]!)) bad.push(`${file}: source-queue ${m[1]}`);
    }
    expect(bad).toEqual([]);
    const help = cli(["--help"]).stdout;
    expect(verbs.filter((v) => !help.includes(`source-queue ${v} `))).toEqual([]);
  });
});

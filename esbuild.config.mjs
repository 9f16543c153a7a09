// Builds the Obsidian plugin (main.js) and the Node CLI (dist/cli.cjs, with
// the MCP server apart in dist/mcp.cjs).
// `node esbuild.config.mjs production` builds once; `watch` rebuilds on change.
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const mode = process.argv[2] ?? "production";
const production = mode === "production";

/** main.js gets js-yaml's loader only (see build-support/js-yaml-loader.cjs). */
const slimYaml = {
  name: "slim-js-yaml",
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: fileURLToPath(new URL("./build-support/js-yaml-loader.cjs", import.meta.url)) }));
    // The loader names two default schemas we never use (we always pass CORE_SCHEMA);
    // the safe one has a binary type that tries require("buffer").
    build.onResolve({ filter: /\/schema\/default_(full|safe)$/ }, (args) =>
      args.importer.includes("js-yaml") ? { path: join(dirname(args.importer), "schema/core.js") } : undefined,
    );
  },
};

/** @type {import("esbuild").BuildOptions} */
const plugin = {
  plugins: [slimYaml],
  entryPoints: ["src/plugin/main.ts"],
  bundle: true,
  outfile: "main.js",
  format: "cjs",
  platform: "browser",
  target: "es2021",
  external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
  define: { "process.env.NODE_ENV": production ? '"production"' : '"development"' },
  logLevel: "info",
  sourcemap: production ? false : "inline",
  minify: production,
  treeShaking: true,
  legalComments: "none",
};

/**
 * `source-queue mcp` lives in its own file, dist/mcp.cjs, which the CLI
 * requires only for that command: the MCP SDK (with its JSON Schema
 * validators) is three times the rest of the CLI, and every other command
 * would pay to parse it at start. src/cli/main.ts's `import("../mcp/mcp-main")` becomes
 * `require("./mcp.cjs")`, resolved beside dist/cli.cjs.
 */
const mcpApart = {
  name: "mcp-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/mcp\/mcp-main$/ }, (args) => (args.importer.endsWith(join("src", "cli", "main.ts")) ? { path: "./mcp.cjs", external: true } : undefined));
  },
};

/** @type {import("esbuild").BuildOptions} */
const cli = {
  plugins: [mcpApart],
  entryPoints: ["src/cli/bin.ts"],
  bundle: true,
  outfile: "dist/cli.cjs",
  format: "cjs",
  platform: "node",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  external: builtinModules,
  logLevel: "info",
  minify: false,
};

/** @type {import("esbuild").BuildOptions} */
const mcp = {
  entryPoints: ["src/mcp/mcp-main.ts"],
  bundle: true,
  outfile: "dist/mcp.cjs",
  format: "cjs",
  platform: "node",
  target: "node20",
  external: builtinModules,
  // "warning", not "info": esbuild flags any output over 1 MB with ⚠️, and this
  // file is the MCP SDK and its JSON Schema validators (about 1.4 MB) on purpose,
  // loaded only by `source-queue mcp` (see mcpApart above). Errors and real warnings still print.
  logLevel: "warning",
  minify: false,
};

if (mode === "watch") {
  const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli), esbuild.context(mcp)]);
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([esbuild.build(plugin), esbuild.build(cli), esbuild.build(mcp)]);
}

// Lint: eslint-plugin-obsidianmd's recommended rules (which include ESLint's
// and typescript-eslint's type-checked ones) over the whole repository: src/,
// the tests, the test double, the benchmark, the browser tests, the preview,
// the scripts and manifest.json. Core is held pure by a rule; the CLI, the
// tests and the scripts are Node code, so the Obsidian rules meant for code
// that runs inside the app are off there, each override saying why.
import { defineConfig } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// src/core's concept folders, lowest first (see the floors rule below).
const CORE_FLOORS = ["text", "note", "claims", "writes", "extraction", "queue", "commands"];

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// The recommended config wraps two rules in obsidianmd/rule-custom-message (which
// cannot be turned off line by line): no-console and no-new-func. These keep one
// of the pair where the other does not apply.
const customMessages = obsidianmd.configs.recommended.find((c) => c.rules?.["obsidianmd/rule-custom-message"])?.rules["obsidianmd/rule-custom-message"][1] ?? {};
const onlyNoNewFunc = ["error", { "no-new-func": customMessages["no-new-func"] }];
const onlyNoConsole = ["error", { "no-console": customMessages["no-console"] }];

// Code that Node runs (vitest, the benchmark, the browser-test driver, the
// scripts, the configs), never the app: outside src/cli, src/node and src/mcp.
const nodeRun = ["test/**", "test-support/**", "bench/**", "e2e/**", "scripts/**", "preview/serve.mjs", "build-support/**", "*.config.*"];

export default defineConfig([
  {
    ignores: ["node_modules/", "dist/", "main.js", "demo-vault/", "test-results/", "coverage/"],
  },
  ...obsidianmd.configs.recommended,
  {
    // Every .ts file is in tsconfig.json; the few .mjs/.cjs scripts and configs
    // (no types of their own) go to the project service's default project.
    files: ["**/*.{ts,mjs,cjs}"],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.mjs", "bench/*.mjs", "e2e/*.mjs", "preview/*.mjs", "scripts/*.mjs", "build-support/*.cjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "obsidian", message: "src/core is pure: reach Obsidian through src/plugin." }, ...nodeModules.map((name) => ({ name, message: "src/core is pure: no Node built-ins (it runs on mobile)." }))],
          patterns: [
            { group: ["**/plugin/*", "**/cli/*", "**/node/*", "**/mcp/*"], message: "src/core does not depend on its adapters." },
            // Issue #20: a library's inside can change in any release; main.js's slim js-yaml is build-support's business.
            { group: ["js-yaml/*"], message: 'Use js-yaml\'s public API: import "js-yaml".' },
          ],
        },
      ],
      "no-restricted-globals": ["error", "document", "window", "process", "Buffer", "setTimeout", "setInterval"],
    },
  },
  {
    // js-yaml with CORE_SCHEMA is what keeps `2026-03-00` a string; the
    // depend plugin would have it replaced, but it is the one YAML reader here.
    // It stays at 3.x, whose loader alone makes the smallest main.js (issue
    // #20: 4.x adds 16 KB through its public entry, 5.x 19 KB); src/ uses only
    // its public API.
    files: ["package.json"],
    rules: { "depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }] },
  },
  {
    // No import circles anywhere in src or in the test double: a module gets
    // what it needs (a port, a settings reader, a clock, callbacks) instead of
    // importing whoever uses it. The rule skips `import type`, so circles made
    // of type imports alone are test/import-circles.test.ts's to find.
    // The `import` plugin is eslint-plugin-obsidianmd's own (it registers it), so
    // it is not a dependency of ours (the depend plugin would ban it by name).
    // `import/ignore` keeps it from parsing node_modules to build the import
    // graph: a circle cannot pass through a package, and skipping them halves
    // the rule's time (26 s to 12 s over src/ on this machine).
    files: ["src/**/*.ts", "test-support/**/*.ts"],
    settings: { "import/ignore": ["node_modules"], "import/parsers": { "@typescript-eslint/parser": [".ts"] }, "import/resolver": { node: { extensions: [".ts", ".js", ".mjs", ".cjs"] } } },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The floors of src/core (docs/architecture.md): a concept folder imports
    // only the folders below it, so the order text < note < claims < writes <
    // extraction < queue < commands is the import graph, not a wish.
    files: ["src/core/**/*.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: CORE_FLOORS.slice(0, -1).map((floor, i) => ({
            target: `./src/core/${floor}`,
            from: CORE_FLOORS.slice(i + 1).map((above) => `./src/core/${above}`),
            message: `src/core/${floor} sits below ${CORE_FLOORS.slice(i + 1).join(", ")}: it may import only ${CORE_FLOORS.slice(0, i).join(", ") || "nothing of core"}.`,
          })),
        },
      ],
    },
  },
  {
    // The plugin object is wired in main.ts and handed to nobody: importing it
    // back (even as a type) is how the old circle main ↔ actions, views, tabs began.
    files: ["src/plugin/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../cli/*", "../cli", "../node/*", "../node", "../mcp/*", "../mcp"], message: "The plugin and the Node doors are separate doors over src/core; share code through core." },
            { group: ["./main", "./main.ts"], message: "Modules get what they need from main.ts (port, settings, clock, callbacks), not the plugin object." },
          ],
        },
      ],
    },
  },
  {
    // The release's manifest, checked by the obsidianmd rule (it reads JSON as one object expression).
    files: ["manifest.json"],
    languageOptions: { parser: tseslint.parser },
    rules: { "obsidianmd/validate-manifest": "error" },
  },
  {
    files: ["src/cli/**/*.ts", "src/node/**/*.ts", "src/mcp/**/*.ts"],
    languageOptions: { globals: { process: "readonly", NodeJS: "readonly" } },
    rules: {
      // Node's own fetch (the AI drafts' transport on the CLI and MCP side); requestUrl is the app's, not Node's.
      "no-restricted-globals": "off",
      "obsidianmd/no-nodejs-modules": "off",
      "obsidianmd/hardcoded-config-path": "off",
      "obsidianmd/ui/sentence-case": "off",
      "obsidianmd/prefer-window-timers": "off",
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "obsidian", message: "The CLI runs without Obsidian." }],
          patterns: [{ group: ["../plugin/*", "../plugin"], message: "The plugin and the CLI are separate doors over src/core; share code through core." }],
        },
      ],
    },
  },
  {
    // Node-run code: Node's globals are real there, and TypeScript already
    // checks names in .ts files (typescript-eslint advises no-undef off for TS).
    files: nodeRun,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // They run in Node (vitest, node scripts), never inside the app bundle.
      "obsidianmd/no-nodejs-modules": "off",
      // Vaults on disk keep their settings in `.obsidian`; outside the app there
      // is no `vault.configDir` to ask (the CLI reads the same path).
      "obsidianmd/hardcoded-config-path": "off",
      // Popout windows do not exist in Node; `window` may not either.
      "obsidianmd/prefer-window-timers": "off",
      "obsidianmd/no-global-this": "off",
    },
  },
  {
    files: ["test/**/*.ts", "test-support/**/*.ts", "bench/**/*.ts"],
    rules: { "no-undef": "off" },
  },
  {
    // Their output is what they print (timings, reports, the preview's address).
    files: ["bench/**", "e2e/**", "scripts/**", "preview/serve.mjs", "test/cli/write-races.test.ts"],
    rules: { "obsidianmd/rule-custom-message": onlyNoNewFunc },
  },
  {
    // CommonJS on purpose: esbuild swaps it in for js-yaml in main.js.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests and the benchmark play the user and the app: they delete notes as the
    // file explorer does, cast what a lookup returns (a wrong cast fails the test
    // at once), and compare against asymmetric matchers, which vitest types `any`.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "obsidianmd/no-tfile-tfolder-cast": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // The tests of the test double call each API the way a plugin might, odd
    // cases included (title-case text, a command named after the plugin, a
    // settings tab without definitions, createEl("div") beside createDiv).
    files: ["test/test-support/**/*.ts"],
    rules: {
      "obsidianmd/ui/sentence-case": "off",
      "obsidianmd/commands/no-plugin-name-in-command-name": "off",
      "obsidianmd/settings-tab/prefer-setting-definitions": "off",
      "obsidianmd/prefer-create-el": "off",
    },
  },
  {
    // The test double of the Obsidian API. It copies obsidian.d.ts's signatures,
    // `any` included (callbacks `=> any`, `loadData(): Promise<any>`,
    // `frontmatter: any | null`), and values pass through as the app passes them.
    // It implements what plugins must not do themselves: createEl and createDiv
    // on document.createElement, show/hide on style.display, setIcon and
    // sanitizeHTMLToDom on innerHTML, trashFile on Vault.delete, TFile/TFolder
    // lookups, `instanceof` under instanceOf, deprecated members still declared.
    files: ["test-support/obsidian/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-redundant-type-constituents": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-this-alias": "off",
      "@typescript-eslint/no-deprecated": "off",
      "obsidianmd/prefer-create-el": "off",
      "obsidianmd/prefer-instanceof": "off",
      "obsidianmd/no-static-styles-assignment": "off",
      "obsidianmd/no-tfile-tfolder-cast": "off",
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "@microsoft/sdl/no-inner-html": "off",
      "no-unsanitized/property": "off",
    },
  },
  {
    // main.js is evaluated as Obsidian evaluates it: a Function over the bundle's text.
    files: ["test/plugin/bundle.test.ts", "preview/app.ts"],
    rules: { "@typescript-eslint/no-implied-eval": "off", "@typescript-eslint/no-unsafe-call": "off", "obsidianmd/rule-custom-message": onlyNoConsole },
  },
  {
    // The preview is a browser page around the plugin, not the plugin: it fetches
    // the bundle from its own server (there is no requestUrl outside the app),
    // builds its toolbar with plain DOM, and names the product in its title.
    files: ["preview/app.ts"],
    rules: { "no-restricted-globals": "off", "obsidianmd/prefer-create-el": "off", "obsidianmd/ui/sentence-case": "off" },
  },
]);

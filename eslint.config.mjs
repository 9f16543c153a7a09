// Lint: eslint-plugin-obsidianmd's recommended rules (which include ESLint's
// and typescript-eslint's type-checked ones) over src/. Core is held pure by
// a rule; the CLI is Node code, so the Obsidian rules meant for code that runs
// inside the app are off there.
import { defineConfig } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig([
  {
    ignores: ["node_modules/", "dist/", "main.js", "demo-vault/", "test-results/", "coverage/", "**/*.mjs", "**/*.js", "**/*.cjs", "test/", "test-support/", "bench/", "e2e/", "preview/", "scripts/", "vitest.config.ts"],
  },
  ...obsidianmd.configs.recommended,
  {
    files: ["src/**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: true,
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
          patterns: [{ group: ["../plugin/*", "../cli/*"], message: "src/core does not depend on its adapters." }],
        },
      ],
      "no-restricted-globals": ["error", "document", "window", "process", "Buffer", "setTimeout", "setInterval"],
    },
  },
  {
    // js-yaml with CORE_SCHEMA is what keeps `2026-03-00` a string; the
    // depend plugin would have it replaced, but it is the one YAML reader here.
    files: ["package.json"],
    rules: { "depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }] },
  },
  {
    // No import circles anywhere in src: a module gets what it needs (a port,
    // a settings reader, a clock, callbacks) instead of importing whoever uses it.
    // The `import` plugin is eslint-plugin-obsidianmd's own (it registers it), so
    // it is not a dependency of ours (the depend plugin would ban it by name).
    files: ["src/**/*.ts"],
    settings: { "import/parsers": { "@typescript-eslint/parser": [".ts"] }, "import/resolver": { node: { extensions: [".ts", ".js", ".mjs", ".cjs"] } } },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
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
            { group: ["../cli/*", "../cli"], message: "The plugin and the CLI are separate doors over src/core; share code through core." },
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
    files: ["src/cli/**/*.ts"],
    languageOptions: { globals: { process: "readonly", NodeJS: "readonly" } },
    rules: {
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
]);

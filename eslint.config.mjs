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
    // js-yaml is gray-matter's own YAML parser; using it directly with
    // CORE_SCHEMA is what keeps `2026-03-00` a string. One parser, not two.
    files: ["package.json"],
    rules: { "depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }] },
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
      "no-restricted-imports": ["error", { paths: [{ name: "obsidian", message: "The CLI runs without Obsidian." }] }],
    },
  },
]);

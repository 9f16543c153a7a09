import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// `obsidian` ships types only ("main": ""), so tests load the project's own
// test double of the API in its place.
export default defineConfig({
  resolve: {
    alias: {
      obsidian: fileURLToPath(new URL("./test-support/obsidian/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30000,
  },
});

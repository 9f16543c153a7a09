// The js-yaml that main.js gets in place of the package
// (build-support/js-yaml-loader.cjs): js-yaml 3's loader and core schema,
// reached by path. This holds them to what src/ asks of them, so a release
// that reshaped those files fails here, not on a user's notes.
import type yaml from "js-yaml";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const slim = createRequire(import.meta.url)("../../build-support/js-yaml-loader.cjs") as Pick<typeof yaml, "load" | "CORE_SCHEMA">;
const options = { schema: slim.CORE_SCHEMA, json: true };

describe("main.js's js-yaml", () => {
  it("offers load and CORE_SCHEMA, the two members src/ uses", () => {
    expect(Object.keys(slim).sort()).toEqual(["CORE_SCHEMA", "load"]);
  });

  it("reads with the core schema: dates stay text, numbers and booleans are typed, a repeated key keeps its last value", () => {
    expect(slim.load("date: 2026-03-00\nhex: 0x1F\nflag: true\nnone: ~\nk: 1\nk: 2", options)).toEqual({ date: "2026-03-00", hex: 31, flag: true, none: null, k: 2 });
  });

  it("refuses JavaScript types with the core schema", () => {
    expect(() => {
      slim.load("f: !!js/function 'function () {}'", options);
    }).toThrow(/unknown tag/);
  });
});

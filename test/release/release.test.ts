// Issue #14 "ready to release": `npm version` updates manifest.json and
// versions.json; the release workflow runs the CI checks on an x.y.z tag and
// attaches the three files Obsidian installs.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, tempDir } from "../cli/run-cli";

const root = join(import.meta.dirname, "../../");
afterAll(cleanUp);

function bump(version: string | undefined): { code: number; dir: string; stderr: string } {
  const dir = tempDir("sq-release-");
  for (const f of ["manifest.json", "versions.json"]) copyFileSync(join(root, f), join(dir, f));
  const env = { ...process.env, npm_package_version: version };
  if (version === undefined) delete env.npm_package_version;
  const r = spawnSync(process.execPath, [join(root, "scripts/version-bump.mjs")], { cwd: dir, encoding: "utf8", env });
  return { code: r.status ?? -1, dir, stderr: r.stderr };
}

describe("the version bump", () => {
  it("writes the new version into manifest.json and maps it to minAppVersion in versions.json, keeping the old entries", () => {
    const before = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as Record<string, unknown>;
    const oldVersions = JSON.parse(readFileSync(join(root, "versions.json"), "utf8")) as Record<string, string>;
    const { code, dir } = bump("9.8.7");
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toEqual({ ...before, version: "9.8.7" });
    expect(JSON.parse(readFileSync(join(dir, "versions.json"), "utf8"))).toEqual({ ...oldVersions, "9.8.7": before.minAppVersion });
  });

  it.each([["not run through npm version", undefined], ["not x.y.z", "1.2"], ["prefixed with v", "v1.2.3"]])("refuses a version %s", (_name, version) => {
    const { code, dir, stderr } = bump(version);
    expect(code).toBe(2);
    expect(stderr).toContain("is not x.y.z");
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(readFileSync(join(root, "manifest.json"), "utf8"));
  });

  it("is npm's version script, and tags carry no v", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; version: string };
    expect(pkg.scripts.version).toBe("node scripts/version-bump.mjs && git add manifest.json versions.json");
    expect(readFileSync(join(root, ".npmrc"), "utf8")).toMatch(/^tag-version-prefix=""$/m);
    const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as { version: string; minAppVersion: string };
    expect(manifest.version).toBe(pkg.version);
    expect(JSON.parse(readFileSync(join(root, "versions.json"), "utf8"))).toHaveProperty(manifest.version, manifest.minAppVersion);
  });
});

describe("the release workflow", () => {
  type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
  const workflow = yaml.load(readFileSync(join(root, ".github/workflows/release.yml"), "utf8")) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  it("runs on x.y.z tags only", () => {
    const [pattern] = workflow.on.push.tags;
    expect(workflow.on.push.tags).toEqual(["[0-9]+.[0-9]+.[0-9]+"]);
    // GitHub's filter syntax: + repeats the class before it, . is literal.
    const asRegex = new RegExp(`^${pattern!.replaceAll(".", "\\.")}$`);
    expect(["1.0.0", "0.12.3"].every((t) => asRegex.test(t))).toBe(true);
    expect(["v1.0.0", "1.0", "1.0.0-beta"].some((t) => asRegex.test(t))).toBe(false);
  });

  it("runs the CI checks, then builds, then attaches main.js, manifest.json and styles.css", () => {
    const runs = steps.map((s) => s.run ?? s.uses ?? "");
    const ci = runs.findIndex((r) => r.includes("bash .ci/run"));
    const build = runs.findIndex((r) => r.includes("npm run build"));
    const release = steps.findIndex((s) => s.uses?.startsWith("softprops/action-gh-release"));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(ci);
    expect(release).toBeGreaterThan(build);
    expect(String(steps[release]!.with?.files).trim().split("\n")).toEqual(["main.js", "manifest.json", "styles.css"]);
    expect(workflow.permissions.contents).toBe("write");
  });
});

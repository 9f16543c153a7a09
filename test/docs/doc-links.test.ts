// The docs point at what exists (issue #20 moved the README's text into docs/
// and the sources into folders): every repository path in inline code names a
// file or folder that is there, every link leads to a file and heading that
// are there, the folder map of docs/architecture.md names exactly the folders
// of src/, and each of those folders says in one line what it holds.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { anchors, docFiles, fencedBlocks, inlineCode, linkTargets, repoPath, root } from "./markdown";

/** Paths the docs name that a build, a run or Obsidian makes; they are not in the repository. */
const MADE_BY_A_RUN = [/^demo-vault\/\.obsidian\//, /^bench\/results\.json$/, /^test-results\//];

const REPO_PATH = /^(src|test|test-support|scripts|e2e|preview|bench|docs|demo-vault|build-support|\.github|\.ci)\/[^\s<>{}*…]*$/;

const files = docFiles();

describe("the paths and links of the docs", () => {
  it.each(files)("every repository path %s names exists", (file) => {
    const paths = inlineCode(file).filter((c) => REPO_PATH.test(c) && !MADE_BY_A_RUN.some((re) => re.test(c)));
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it.each(files)("every link in %s leads to a file and heading that exist", (file) => {
    const broken: string[] = [];
    for (const target of linkTargets(file).filter((t) => !/^[a-z]+:/.test(t))) {
      const [path = "", anchor] = target.split("#");
      const to = path === "" ? file : repoPath(join(root, dirname(file), path));
      if (!existsSync(join(root, to))) broken.push(`${target}: no ${to}`);
      else if (anchor !== undefined && !anchors(to).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${to}`);
    }
    expect(broken).toEqual([]);
  });
});

describe("the folders of src", () => {
  const folders = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => [`${dir}/${e.name}`, ...folders(`${dir}/${e.name}`)]);
  const srcFolders = folders("src").sort();

  it("are the folders of the map in docs/architecture.md", () => {
    const map = fencedBlocks("docs/architecture.md").find((b) => b.lines[0]?.startsWith("src/"));
    const mapped: string[] = [];
    const stack: string[] = ["src"];
    for (const line of map?.lines ?? []) {
      const m = /^([│ ]*)[├└]── ([\w-]+)\/\s/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      stack.length = depth + 1;
      stack.push(m[2]!);
      mapped.push(stack.join("/"));
    }
    expect(mapped.sort()).toEqual(srcFolders);
  });

  it.each(srcFolders)("%s says in one line of its README.md what it holds and what it may import", (folder) => {
    const readme = join(root, folder, "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text.trimEnd().split("\n")).toHaveLength(1);
    expect(text).toMatch(/import/);
  });
});

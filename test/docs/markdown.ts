// Reading the project's Markdown for the docs tests: which files are docs, their
// fenced blocks, the commands in a shell block, inline code, links and the
// anchors GitHub gives headings. Plain line scanning: the docs are ours and
// use only fences at the start of a line.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const root = join(import.meta.dirname, "../../");

/** README.md, SECURITY.md, every .md under docs/ and the README.md of each folder of src/, as repository paths. */
export function docFiles(): string[] {
  const walk = (dir: string, keep: (name: string) => boolean): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`, keep) : keep(e.name) ? [`${dir}/${e.name}`] : []));
  return ["README.md", "SECURITY.md", ...walk("docs", (n) => n.endsWith(".md")), ...walk("src", (n) => n === "README.md")].sort();
}

export const readDoc = (file: string): string => readFileSync(join(root, file), "utf8");

export interface Block {
  file: string;
  /** The line of the opening fence, 1-based. */
  line: number;
  lang: string;
  lines: string[];
}

export function fencedBlocks(file: string): Block[] {
  const out: Block[] = [];
  let open: Block | null = null;
  readDoc(file)
    .split("\n")
    .forEach((text, i) => {
      const fence = /^```(\S*)\s*$/.exec(text);
      if (open === null && fence) open = { file, line: i + 1, lang: fence[1] ?? "", lines: [] };
      else if (open !== null && fence) {
        out.push(open);
        open = null;
      } else open?.lines.push(text);
    });
  return out;
}

/** The text outside fenced blocks. */
export function prose(file: string): string {
  let inFence = false;
  return readDoc(file)
    .split("\n")
    .filter((l) => {
      if (/^```/.test(l)) inFence = !inFence;
      return !inFence && !/^```/.test(l);
    })
    .join("\n");
}

/** Each command of a shell block: `line` as the shell gets it (continuations joined), `command` without its trailing comment. */
export function commandsOf(block: Block): { command: string; line: string }[] {
  return block.lines
    .join("\n")
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"))
    .map((line) => ({ line, command: line.replace(/\s+#\s.*$/, "").trim() }));
}

/** Inline code spans outside fenced blocks. */
export const inlineCode = (file: string): string[] => [...prose(file).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

/** Link and image targets outside fenced blocks and code spans. */
export const linkTargets = (file: string): string[] =>
  [...prose(file).replace(/`[^`\n]*`/g, "").matchAll(/!?\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

/** The anchors GitHub makes of a file's headings: lower case, punctuation dropped, spaces as hyphens. */
export function anchors(file: string): Set<string> {
  const out = new Set<string>();
  for (const m of prose(file).matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
        .replace(/ /g, "-"),
    );
  }
  return out;
}

export const repoPath = (absolute: string): string => relative(root, absolute).split("\\").join("/");

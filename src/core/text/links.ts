// Links written the way a vault's settings ask (SPEC §3), for adapters that
// have no FileManager.generateMarkdownLink (the CLI reads the same settings
// from the vault's app.json).

export interface LinkStyle {
  useMarkdownLinks: boolean;
  newLinkFormat: "shortest" | "relative" | "absolute";
}

export const DEFAULT_LINK_STYLE: LinkStyle = { useMarkdownLinks: false, newLinkFormat: "shortest" };

// encodeURIComponent leaves parentheses alone; an unbalanced one would end a Markdown link early.
const escapeParen = (c: string) => (c === "(" ? "%28" : "%29");
const withoutMd = (p: string) => (p.toLowerCase().endsWith(".md") ? p.slice(0, -3) : p);
const baseOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);

function relativePath(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  return [...Array<string>(fromDir.length - common).fill(".."), ...target.slice(common)].join("/");
}

/**
 * @param unique whether the target's basename is unique in the vault (shortest links use it alone).
 */
export function formatLink(style: LinkStyle, targetPath: string, fromPath: string, unique: boolean): string {
  const display = withoutMd(baseOf(targetPath));
  const linkPath =
    style.newLinkFormat === "relative"
      ? relativePath(fromPath, targetPath)
      : style.newLinkFormat === "absolute" || !unique
        ? targetPath
        : baseOf(targetPath);
  if (style.useMarkdownLinks) return `[${display.replace(/[[\]]/g, "")}](${encodeURI(linkPath).replace(/[()]/g, escapeParen)})`;
  const target = withoutMd(linkPath);
  return target === display ? `[[${target}]]` : `[[${target}|${display}]]`;
}

/** A link to a note that may not exist yet: `[[text]]`, or `[text](text.md)` with Markdown links. */
export function formatTextLink(style: LinkStyle, linktext: string): string {
  if (!style.useMarkdownLinks) return `[[${linktext}]]`;
  return `[${linktext}](${encodeURI(`${linktext}.md`).replace(/[()]/g, escapeParen)})`;
}

const MAX_DISPLAY = 2000;

/**
 * A link that shows `title` (SPEC §3: "a link whose file name differs from the
 * title shows the title: [[file|title]]"): a wikilink gains or changes its
 * display text, a Markdown link its text. Characters that would end the link
 * early (`|`, brackets) become spaces in the shown text.
 */
export function withDisplay(link: string, title: string): string {
  // Past MAX_DISPLAY characters a "title" is a pasted page: its opening is shown.
  const shown = title.length > MAX_DISPLAY ? `${title.slice(0, MAX_DISPLAY - 1).trimEnd()}…` : title;
  const display = shown.replace(/[|[\]]/g, " ").replace(/\s{2,}/g, " ").trim();
  if (display === "") return link;
  const wiki = /^(!?)\[\[([^[\]|]+)(?:\|[^[\]]*)?\]\]$/.exec(link);
  if (wiki) return `${wiki[1] ?? ""}[[${wiki[2] ?? ""}|${display}]]`;
  const md = /^\[[^[\]]*\]\(([^()\s]*)\)$/.exec(link);
  if (md) return `[${display}](${md[1] ?? ""})`;
  return link;
}

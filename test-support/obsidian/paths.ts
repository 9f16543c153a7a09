/** Path and link-text helpers: normalizePath, parseLinktext, getLinkpath, and vault path utilities. */

/** As Obsidian: collapse slashes (and backslashes), trim leading/trailing ones, NBSP → space, NFC; "" becomes "/". */
export function normalizePath(path: string): string {
  let p = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
  if (p === "") p = "/";
  return p.replace(/[\u00A0\u202F]/g, " ").normalize("NFC");
}

/** Splits `path#subpath` (the subpath keeps its leading `#`). */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const i = linktext.indexOf("#");
  if (i === -1) return { path: linktext, subpath: "" };
  return { path: linktext.slice(0, i), subpath: linktext.slice(i) };
}

export function getLinkpath(linktext: string): string {
  return parseLinktext(linktext).path;
}

export function stripHeading(heading: string): string {
  return heading.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

export function stripHeadingForLink(heading: string): string {
  return heading.replace(/[#^|[\]\\:]/g, " ").replace(/\s+/g, " ").trim();
}

/** "a/b/c.md" → "a/b"; "c.md" → "". */
export function parentPath(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}

export function baseName(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? path : path.slice(i + 1);
}

/** Splits a file name into basename and extension as TFile does ("a.b.md" → ["a.b", "md"]). */
export function splitExtension(name: string): { basename: string; extension: string } {
  const i = name.lastIndexOf(".");
  if (i <= 0) return { basename: name, extension: "" };
  return { basename: name.slice(0, i), extension: name.slice(i + 1) };
}

/** Paths Obsidian does not index: any segment starting with a dot (.obsidian, .trash, .git). */
export function isHiddenPath(path: string): boolean {
  return path.split("/").some((seg) => seg.startsWith("."));
}

/** Relative path from folder `fromFolder` ("" = root) to `toPath`. */
export function relativePath(fromFolder: string, toPath: string): string {
  const from = fromFolder === "" ? [] : fromFolder.split("/");
  const to = toPath.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const ups = from.length - i;
  const rest = to.slice(i).join("/");
  return ups === 0 ? rest : "../".repeat(ups) + rest;
}

/** Resolves `./` and `../` segments of `rel` against folder `base`; null if it escapes the root. */
export function resolveRelative(base: string, rel: string): string | null {
  const out = base === "" ? [] : base.split("/");
  for (const seg of rel.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join("/");
}

const INVALID_NAME = /[\\:*?"<>|]/;

/** Throws unless `path` is a normalized, visible path with a valid file name (as the Vault requires). */
export function assertValidNewPath(path: string): void {
  if (path !== normalizePath(path) || path === "/" || path === "") throw new Error(`Invalid path: "${path}" (use normalizePath)`);
  if (isHiddenPath(path)) throw new Error(`"${path}" is a hidden path; the vault does not index it (use vault.adapter)`);
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (INVALID_NAME.test(name)) throw new Error('File name cannot contain any of the following characters: * " \\ / < > : | ?');
  if (name.endsWith(".") || name.endsWith(" ")) throw new Error(`File name cannot end with a dot or a space: "${name}"`);
}

// Where the frontmatter block is in a note's text, as lines. Both the parser
// and the line editor work from this one answer, so they never disagree about
// which lines belong to the YAML.

export interface TextShape {
  bom: boolean;
  eol: "\n" | "\r\n";
  finalNewline: boolean;
  /** Lines without their line endings; the BOM is not part of line 0. */
  lines: string[];
}

export interface FrontmatterBlock {
  /** Index of the opening `---` line (always 0). */
  open: number;
  /** Index of the closing `---` (or `...`) line. */
  close: number;
  /** Language named after the opening dashes (`---js`), lower case, or "". */
  language: string;
}

export type BlockResult =
  | { kind: "none" }
  | { kind: "unclosed"; language: string }
  | ({ kind: "block" } & FrontmatterBlock);

export function shapeOf(text: string): TextShape {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const finalNewline = body.endsWith("\n");
  const trimmed = finalNewline ? body.replace(/\r?\n$/, "") : body;
  if (trimmed.length === 0 && !finalNewline) return { bom, eol, finalNewline, lines: [] };
  // Splitting at a string is much faster than at /\r?\n/, and the same when the text has no \r.
  return { bom, eol, finalNewline, lines: trimmed.includes("\r") ? trimmed.split(/\r?\n/) : trimmed.split("\n") };
}

export function joinShape(shape: TextShape): string {
  const text = shape.lines.join(shape.eol) + (shape.finalNewline ? shape.eol : "");
  return (shape.bom ? "\uFEFF" : "") + text;
}

const OPEN = /^---([A-Za-z]*)\s*$/;
const CLOSE = /^(---|\.\.\.)\s*$/;

export function findBlock(lines: readonly string[]): BlockResult {
  const first = lines[0];
  if (first === undefined) return { kind: "none" };
  const open = OPEN.exec(first);
  if (!open) return { kind: "none" };
  const language = (open[1] ?? "").toLowerCase();
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? "")) return { kind: "block", open: 0, close: i, language };
  }
  return { kind: "unclosed", language };
}

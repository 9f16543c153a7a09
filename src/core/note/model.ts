// The source model (SPEC §1): what a parsed note is, once its oddities have
// been turned into problems. Pure data, shared by the plugin and the CLI.

export type Level = "error" | "warning";

export interface Problem {
  level: Level;
  message: string;
}

export const STATUSES = ["unprocessed", "processing", "processed", "null-result"] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CONFIDENCES = ["proven", "likely", "experimental", "speculative"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How a note's `type` relates to the queue. */
export type TypeClass = "source" | "legacy" | "other-note" | "missing" | "unknown";

/** A note's fields after normalization; raw values stay in `data`. */
export interface SourceFields {
  type: string | null;
  typeClass: TypeClass;
  title: string;
  author: string | null;
  url: string | null;
  date: string | null;
  domain: string | null;
  secondaryDomains: string[];
  format: string | null;
  status: Status | null;
  priority: Priority | null;
  tags: string[];
  processedBy: string | null;
  processedDate: string | null;
  claimsExtracted: string[];
  notes: string | null;
  extractionHints: string[];
}

/** Everything core knows about one note. */
export interface SourceNote extends SourceFields {
  path: string;
  /** Parsed frontmatter as written (unknown fields included), or null when absent or broken. */
  data: Record<string, unknown> | null;
  problems: Problem[];
}

export function basenameOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.level === "error");
}

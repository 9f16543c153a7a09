// The provider's answer to a draft request (SPEC §9), checked on arrival: the
// HTTP status, the provider's envelope, then the draft's own shape (zod). Every
// way it can go wrong is one line for the preview, the CLI and the MCP tool;
// none throws.
import * as z from "zod/mini";
import { CONFIDENCES, type Confidence } from "../../note/model";
import type { AiProvider } from "./provider";

export interface DraftedClaim {
  title: string;
  description: string;
  evidence: string[];
  confidence: Confidence | null;
  enriches: string | null;
}

export interface AiDraft {
  /** The model that wrote it, as configured: recorded in the source's extraction_model. */
  model: string;
  verdict: "claims" | "nothing new";
  claims: DraftedClaim[];
}

export type DraftResult = { ok: true; draft: AiDraft } | { ok: false; error: string };

export interface HttpResponse {
  status: number;
  text: string;
}

const claimSchema = z.object({
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  evidence: z.array(z.string()),
  confidence: z.optional(z.nullable(z.string())),
  enriches: z.optional(z.nullable(z.string())),
});
const draftSchema = z.object({
  verdict: z.enum(["claims", "nothing new"]),
  claims: z.array(claimSchema).check(z.maxLength(50)),
});

/** The first problem zod found, as "claims.0.evidence: expected array". */
function shapeProblem(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "not the asked shape";
  const at = issue.path.map(String).join(".");
  return `${at === "" ? "" : `${at}: `}${issue.message}`.slice(0, 160);
}

const oneLine = (s: string, max = 160) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** The provider's own error message in a JSON error body, when it has one. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const err = body.error;
    if (typeof err === "string") return oneLine(err);
    if (err && typeof err === "object" && "message" in err && typeof err.message === "string") return oneLine(err.message);
    if (typeof body.message === "string") return oneLine(body.message);
  } catch {
    // not JSON: the text itself, if short
  }
  return oneLine(text, 120);
}

/** One line for an answer that is not 2xx. */
export function statusLine(status: number, text: string): string {
  const said = errorMessage(text);
  const tail = said === "" ? "" : ` (${said})`;
  if (status === 401 || status === 403) return `AI draft refused: the provider rejected the key (${status})${tail}; check the AI key`;
  if (status === 429) return `AI draft refused: too many requests or quota used up (429)${tail}; try again later`;
  if (status >= 500) return `AI draft failed: the provider had an error (${status})${tail}; try again later`;
  if (status === 404) return `AI draft failed: not found (404)${tail}; check the AI base URL and model`;
  return `AI draft failed: the provider answered ${status}${tail}`;
}

type Envelope = { ok: true; payload: unknown } | { ok: false; error: string };

/** The draft's JSON inside each provider's envelope, or why there is none. */
function unwrap(provider: AiProvider, body: unknown): Envelope {
  const b = body as Record<string, unknown> | null;
  if (b === null || typeof b !== "object") return { ok: false, error: "AI draft failed: the provider's answer is not an object" };
  let text: unknown;
  if (provider === "anthropic") {
    if (b.stop_reason === "refusal") return { ok: false, error: "AI draft refused: the model declined to answer" };
    const content = Array.isArray(b.content) ? (b.content as Record<string, unknown>[]) : [];
    const tool = content.find((c) => c.type === "tool_use");
    if (tool) return { ok: true, payload: tool.input };
    text = content.find((c) => c.type === "text")?.text;
  } else if (provider === "ollama") {
    text = (b.message as Record<string, unknown> | undefined)?.content;
  } else {
    const choice = (Array.isArray(b.choices) ? b.choices[0] : undefined) as Record<string, unknown> | undefined;
    const message = choice?.message as Record<string, unknown> | undefined;
    if (typeof message?.refusal === "string" && message.refusal !== "") return { ok: false, error: `AI draft refused: the model declined (${oneLine(message.refusal)})` };
    if (choice?.finish_reason === "content_filter") return { ok: false, error: "AI draft refused: the provider's content filter stopped the answer" };
    text = message?.content;
  }
  if (typeof text !== "string") return { ok: false, error: "AI draft failed: the answer holds no message (wrong shape for this provider)" };
  const json = jsonIn(text);
  if (json === undefined) return { ok: false, error: `AI draft failed: the model's answer is not JSON ("${oneLine(text, 60)}")` };
  return { ok: true, payload: json };
}

/** JSON in a model's text: the whole text, or a fenced ```json block. */
function jsonIn(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  for (const candidate of [text, fenced?.[1]]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate.trim()) as unknown;
    } catch {
      // try the next
    }
  }
  return undefined;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** The provider's answer as a draft, or one line that says what went wrong. */
export function readDraftResponse(provider: AiProvider, model: string, response: HttpResponse): DraftResult {
  if (response.status < 200 || response.status >= 300) return { ok: false, error: statusLine(response.status, response.text) };
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return { ok: false, error: `AI draft failed: the provider's answer is not JSON ("${oneLine(response.text, 60)}")` };
  }
  const inner = unwrap(provider, body);
  if (!inner.ok) return inner;
  const parsed = draftSchema.safeParse(inner.payload);
  if (!parsed.success) return { ok: false, error: `AI draft failed: the model's answer has the wrong shape (${shapeProblem(parsed.error)})` };
  const claims = parsed.data.claims
    .map((c): DraftedClaim => ({
      title: clean(c.title),
      description: clean(c.description),
      evidence: c.evidence.map(clean).filter((e) => e !== ""),
      confidence: (CONFIDENCES as readonly string[]).includes(clean(c.confidence)) ? (clean(c.confidence) as Confidence) : null,
      enriches: clean(c.enriches) || null,
    }))
    .filter((c) => c.title !== "");
  return { ok: true, draft: { model, verdict: parsed.data.verdict, claims } };
}

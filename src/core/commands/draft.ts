// Asking a model for a draft of one source (SPEC §9), for every door: what is
// sent (the source's title, content, hints and curator notes, and the titles of
// up to 20 similar existing claims), one request through the door's transport,
// and the answer read back as a draft or one line saying why not. The door
// owns the network (fetch, requestUrl), the time limit and cancelling; core
// only builds the request and reads the answer.
import type { ClaimIndex } from "../claims/claim-index";
import { buildCandidates } from "../extraction/candidates";
import { contentSentences } from "../claims/evidence";
import { configProblem, endpointOf, type AiConfig } from "../extraction/ai-draft/provider";
import { draftRequest, MAX_SIMILAR_SENT, type DraftInput, type HttpRequest } from "../extraction/ai-draft/request";
import { readDraftResponse, type DraftResult, type HttpResponse } from "../extraction/ai-draft/response";
import type { Settings } from "../note/settings";
import { readSource } from "../note/source-note";
import type { VaultPort } from "../note/vault-port";
import { requireNote } from "./note-path";

/** Why a request got no answer: the door's time limit, the user's cancel, or the network. */
export class TransportError extends Error {
  constructor(
    readonly kind: "timeout" | "cancelled" | "network",
    detail: string,
  ) {
    super(detail);
  }
}

/** Sends one request and resolves with the answer (any status), or rejects with a TransportError. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface DraftContext {
  settings: Settings;
  ai: AiConfig;
  send: Transport;
  claims?: ClaimIndex;
}

/** What is sent about this source (SPEC §9: these fields and nothing else). */
export function draftInputOf(path: string, text: string, settings: Settings, claims?: ClaimIndex): DraftInput {
  const { note, sections } = readSource(path, text, settings);
  const set = buildCandidates(note, sections, settings, () => null);
  const hints = sections.hints ?? note.extractionHints.map((h) => `- ${h}`).join("\n");
  const curatorNotes = [
    sections.whyArchived ? `WHY ARCHIVED: ${sections.whyArchived}` : "",
    sections.curatorHint ? `EXTRACTION HINT: ${sections.curatorHint}` : "",
    sections.primaryConnection ? `PRIMARY CONNECTION: ${sections.primaryConnection}` : "",
  ].filter(Boolean).join("\n");
  // The existing claims most like the source's title or any hint candidate, best first.
  const best = new Map<string, number>();
  const content = sections.content ?? text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  // The source's title, its candidates and its opening sentences: what an existing claim would repeat.
  const queries = [note.title, ...set.candidates.map((c) => c.title), ...contentSentences(content.slice(0, 20_000)).slice(0, 40)];
  for (const query of queries) {
    for (const hit of claims?.similarTo(query, { limit: MAX_SIMILAR_SENT }) ?? []) best.set(hit.title, Math.max(best.get(hit.title) ?? 0, hit.score));
  }
  const existingClaims = [...best].sort((a, b) => b[1] - a[1]).slice(0, MAX_SIMILAR_SENT).map(([t]) => t);
  return { title: note.title, content, hints, curatorNotes, existingClaims };
}

/** One line for a request that got no answer. */
export function transportLine(err: unknown, ai: AiConfig): string {
  if (err instanceof TransportError) {
    if (err.kind === "timeout") return `AI draft failed: no answer within ${ai.timeoutSeconds} s (the time limit); the request was stopped`;
    if (err.kind === "cancelled") return "AI draft cancelled";
    return `AI draft failed: could not reach ${endpointOf(ai)} (${err.message})`;
  }
  return `AI draft failed: ${err instanceof Error ? err.message : String(err)}`;
}

/** The draft of one source, or one line that says why there is none. Never throws for the provider's or the network's failures. */
export async function draftSource(port: VaultPort, path: string, ctx: DraftContext): Promise<DraftResult> {
  const problem = configProblem(ctx.ai);
  if (problem !== null) return { ok: false, error: problem };
  requireNote(port, path);
  const text = await port.read(path);
  const input = draftInputOf(path, text, ctx.settings, ctx.claims);
  return draftOf(input, ctx);
}

/** The one request for a draft of this input, and its answer read. */
export async function draftOf(input: DraftInput, ctx: Pick<DraftContext, "ai" | "send">): Promise<DraftResult> {
  const problem = configProblem(ctx.ai);
  if (problem !== null) return { ok: false, error: problem };
  let response: HttpResponse;
  try {
    response = await ctx.send(draftRequest(ctx.ai, input));
  } catch (err) {
    return { ok: false, error: transportLine(err, ctx.ai) };
  }
  return readDraftResponse(ctx.ai.provider, ctx.ai.model, response);
}


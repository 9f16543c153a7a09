// A stand-in AI provider on loopback (SPEC §9 tests): a real node:http server
// that answers as OpenAI-compatible servers, Ollama and Anthropic do, in each
// one's JSON mode and error bodies. Each test sets the answer it wants; the
// server records every request, so a test can also prove none was sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AiProvider } from "../src/core/extraction/ai-draft/provider";

export type Answer =
  | { kind: "draft"; payload: unknown }
  | { kind: "text"; text: string }
  | { kind: "refusal" }
  | { kind: "status"; status: number }
  | { kind: "slow"; ms: number; payload: unknown };

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export interface StandIn {
  url: string;
  requests: SeenRequest[];
  answer: Answer;
  close(): Promise<void>;
}

const PATHS: Record<Exclude<AiProvider, "none">, string> = { "openai-compatible": "/v1/chat/completions", ollama: "/api/chat", anthropic: "/v1/messages" };

/** The error body each provider sends with a status. */
function errorBody(provider: AiProvider, status: number): unknown {
  const message = status === 401 ? "Incorrect API key provided" : status === 429 ? "Rate limit reached" : "Internal server error";
  if (provider === "anthropic") return { type: "error", error: { type: status === 401 ? "authentication_error" : status === 429 ? "rate_limit_error" : "api_error", message } };
  if (provider === "ollama") return { error: message };
  return { error: { message, type: "invalid_request_error", code: null } };
}

/** A successful answer carrying `text` (or, for Anthropic's tool, `payload`) in the provider's envelope. */
function envelope(provider: AiProvider, model: string, payload: unknown, text?: string): unknown {
  if (provider === "anthropic") {
    const content = text === undefined ? [{ type: "tool_use", id: "toolu_1", name: "claim_draft", input: payload }] : [{ type: "text", text }];
    return { id: "msg_1", type: "message", role: "assistant", model, content, stop_reason: text === undefined ? "tool_use" : "end_turn" };
  }
  const content = text ?? JSON.stringify(payload);
  if (provider === "ollama") return { model, created_at: "2026-12-01T00:00:00Z", message: { role: "assistant", content }, done: true };
  return { id: "chatcmpl-1", object: "chat.completion", model, choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop" }] };
}

function refusal(provider: AiProvider, model: string): unknown {
  if (provider === "anthropic") return { id: "msg_1", type: "message", role: "assistant", model, content: [], stop_reason: "refusal" };
  if (provider === "ollama") return envelope(provider, model, null, "I can't help with that.");
  return { id: "chatcmpl-1", object: "chat.completion", model, choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "I can't help with that." }, finish_reason: "stop" }] };
}

/** The request is the provider's own, in its JSON mode; anything else is a 400, as a real server would answer. */
function wrongRequest(provider: AiProvider, req: SeenRequest): string | null {
  if (req.method !== "POST" || req.path !== PATHS[provider as Exclude<AiProvider, "none">]) return `no route ${req.method} ${req.path}`;
  const b = req.body;
  if (typeof b.model !== "string") return "model missing";
  if (provider === "anthropic") {
    if (req.headers["anthropic-version"] === undefined) return "anthropic-version header missing";
    if ((b.tool_choice as { name?: string } | undefined)?.name !== "claim_draft") return "no forced tool";
  } else if (provider === "ollama") {
    if (b.stream !== false || typeof b.format !== "object") return "not a JSON-schema request";
  } else if ((b.response_format as { type?: string } | undefined)?.type !== "json_schema") return "no response_format";
  return null;
}

export async function startStandIn(provider: Exclude<AiProvider, "none">): Promise<StandIn> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const state: StandIn = { url: "", requests, answer: { kind: "status", status: 500 }, close: async () => undefined };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // recorded as empty
      }
      const seen: SeenRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      requests.push(seen);
      const wrong = wrongRequest(provider, seen);
      if (wrong !== null) return send(res, 400, { error: { message: wrong } });
      const model = String(body.model);
      const a = state.answer;
      if (a.kind === "draft") return send(res, 200, envelope(provider, model, a.payload));
      if (a.kind === "text") return send(res, 200, provider === "anthropic" ? envelope(provider, model, null, a.text) : envelope(provider, model, null, a.text));
      if (a.kind === "refusal") return send(res, 200, refusal(provider, model));
      if (a.kind === "status") return send(res, a.status, errorBody(provider, a.status));
      const timer = setTimeout(() => send(res, 200, envelope(provider, model, a.payload)), a.ms);
      res.on("close", () => clearTimeout(timer));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  // OpenAI-compatible servers are addressed with their /v1 (LM Studio, llama.cpp, vLLM).
  state.url = provider === "openai-compatible" ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

// SPEC §9 against a stand-in of each provider on loopback: the request goes
// out in the provider's own form and JSON mode, and every answer — good,
// invented quotes, a near-duplicate, "nothing new", not JSON, a wrong shape,
// a refusal, 401, 429, 500, too slow, cancelled — ends as checked candidates
// or as one line, with the rule-based candidates kept and nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftSource } from "../../src/core/commands/draft";
import { planExtract } from "../../src/core/commands/extract";
import type { AiConfig, AiProvider } from "../../src/core/extraction/ai-draft/provider";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import { aiConfigFromEnv, fetchTransport } from "../../src/node/ai-transport";
import { startStandIn, type StandIn } from "../../test-support/ai-stand-in";
import { claimsOf, EXISTING, GROWTH, INVENTED, NEAR_DUPLICATE, SOURCE, SOURCE_TEXT, vault, VULNERABILITY } from "../core/extraction/ai-draft/fixture";

const NOW = new Date("2026-05-01T12:00:00Z");
const PROVIDERS: Exclude<AiProvider, "none">[] = ["openai-compatible", "ollama", "anthropic"];
const claim = (c: typeof GROWTH) => ({ ...c, enriches: undefined });

describe.each(PROVIDERS)("a draft from a stand-in %s", (provider) => {
  let server: StandIn;
  beforeAll(async () => {
    server = await startStandIn(provider);
  });
  afterAll(() => server.close());

  const config = (over: Partial<AiConfig> = {}): AiConfig => ({ provider, baseUrl: server.url, model: "stand-in-model", timeoutSeconds: 5, key: "sk-test", ...over });

  async function run(over: Partial<AiConfig> = {}, cancel?: AbortSignal) {
    const port = vault();
    const claims = claimsOf(port);
    const ai = config(over);
    const result = await draftSource(port, SOURCE, { settings: DEFAULT_SETTINGS, ai, send: fetchTransport(ai.timeoutSeconds, cancel), claims });
    const plan = await planExtract(port, { path: SOURCE, draft: result.ok ? result.draft : undefined }, { settings: DEFAULT_SETTINGS, now: NOW, claims });
    return { result, plan, port };
  }

  it("sends one request in the provider's JSON mode with the source, its hints and the similar claims; the key where the provider wants it", async () => {
    server.answer = { kind: "draft", payload: { verdict: "claims", claims: [claim(GROWTH), claim(VULNERABILITY)] } };
    const before = server.requests.length;
    const { result, plan } = await run();
    expect(result.ok).toBe(true);
    expect(server.requests.length - before).toBe(1);
    const sent = server.requests.at(-1);
    const text = JSON.stringify(sent?.body);
    expect(text).toContain("Counter-cyclical growth claim");
    expect(text).toContain("Marketplaces that cut seller fees during recessions");
    expect(text).toContain("Sellers who join a marketplace during a downturn churn less");
    if (provider === "anthropic") expect(sent?.headers["x-api-key"]).toBe("sk-test");
    else expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(plan.candidates.filter((c) => c.origin === "ai").map((c) => c.selected)).toEqual([true, true]);
  });

  it("invented quotes: dropped, the claim flagged and unselected", async () => {
    server.answer = { kind: "draft", payload: { verdict: "claims", claims: [claim(INVENTED)] } };
    const { plan } = await run();
    const c = plan.candidates.find((x) => x.origin === "ai");
    expect(c?.ai?.unverified).toEqual(INVENTED.evidence);
    expect(c?.selected).toBe(false);
  });

  it("a near-duplicate of an existing claim: unselected, similar to it", async () => {
    server.answer = { kind: "draft", payload: { verdict: "claims", claims: [claim(NEAR_DUPLICATE)] } };
    const { plan } = await run();
    const c = plan.candidates.find((x) => x.origin === "ai");
    expect(c?.selected).toBe(false);
    expect(c?.similar[0]?.path).toBe(EXISTING);
  });

  it('"nothing new": no drafted claim, nothing selected from the draft', async () => {
    server.answer = { kind: "draft", payload: { verdict: "nothing new", claims: [] } };
    const { result, plan } = await run();
    expect(result.ok).toBe(true);
    expect(plan.draft?.verdict).toBe("nothing new");
    expect(plan.candidates.filter((c) => c.origin === "ai")).toEqual([]);
  });

  const failures: [string, () => void, RegExp][] = [
    ["not JSON", () => (server.answer = { kind: "text", text: "Here are some claims: growth is good." }), /^AI draft failed: the model's answer is not JSON/],
    ["a wrong shape", () => (server.answer = { kind: "draft", payload: { verdict: "claims", claims: [{ title: "X", evidence: "one string" }] } }), /^AI draft failed: the model's answer has the wrong shape \(claims\.0\.evidence: /],
    ["a refusal", () => (server.answer = { kind: "refusal" }), provider === "ollama" ? /not JSON/ : /^AI draft refused: the model declined/],
    ["401", () => (server.answer = { kind: "status", status: 401 }), /^AI draft refused: the provider rejected the key \(401\) \(Incorrect API key provided\); check the AI key$/],
    ["429", () => (server.answer = { kind: "status", status: 429 }), /^AI draft refused: too many requests or quota used up \(429\) \(Rate limit reached\); try again later$/],
    ["500", () => (server.answer = { kind: "status", status: 500 }), /^AI draft failed: the provider had an error \(500\)/],
  ];
  it.each(failures)("%s: one line, the rule-based candidates kept, nothing written", async (_name, set, line) => {
    set();
    const { result, plan, port } = await run();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(line);
      expect(result.error).not.toContain("\n");
    }
    expect(plan.candidates.map((c) => c.origin)).toEqual(["hints", "hints"]);
    expect(port.log).toEqual([]);
    expect(port.files.get(SOURCE)).toBe(SOURCE_TEXT);
  });

  it("slow past the time limit: stopped at the limit, one line", async () => {
    server.answer = { kind: "slow", ms: 5000, payload: { verdict: "claims", claims: [] } };
    const started = Date.now();
    const { result } = await run({ timeoutSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toEqual({ ok: false, error: "AI draft failed: no answer within 1 s (the time limit); the request was stopped" });
  });

  it("cancelled mid-request: stopped at once, one line", async () => {
    server.answer = { kind: "slow", ms: 5000, payload: { verdict: "claims", claims: [] } };
    const cancel = new AbortController();
    const before = server.requests.length;
    const started = Date.now();
    const pending = run({}, cancel.signal);
    // Cancel once the request has reached the server.
    while (server.requests.length === before) await new Promise((r) => setTimeout(r, 10));
    cancel.abort();
    const { result } = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ ok: false, error: "AI draft cancelled" });
  });
});

describe("the CLI's configuration", () => {
  it("SOURCE_QUEUE_AI_* override the settings; the key only from the environment", () => {
    const settings = { ...DEFAULT_SETTINGS, aiProvider: "ollama" as const, aiModel: "llama3.1" };
    const { config } = aiConfigFromEnv(settings, { SOURCE_QUEUE_AI_PROVIDER: "anthropic", SOURCE_QUEUE_AI_URL: "http://127.0.0.1:9", SOURCE_QUEUE_AI_MODEL: "claude-x", SOURCE_QUEUE_AI_KEY: "k" });
    expect(config).toEqual({ provider: "anthropic", baseUrl: "http://127.0.0.1:9", model: "claude-x", timeoutSeconds: 60, key: "k" });
    expect(aiConfigFromEnv(settings, { SOURCE_QUEUE_AI_PROVIDER: "gpt" }).problem).toMatch(/is not one of none, openai-compatible, ollama, anthropic/);
  });

  it("provider none: no request, one line", async () => {
    const port = vault();
    const result = await draftSource(port, SOURCE, { settings: DEFAULT_SETTINGS, ai: { provider: "none", baseUrl: "", model: "", timeoutSeconds: 1, key: "" }, send: () => Promise.reject(new Error("sent")) });
    expect(result).toEqual({ ok: false, error: "AI drafts are off: choose a provider in the settings (AI provider)" });
  });

  it("a server that is not there: one line naming the address", async () => {
    const port = vault();
    // A port that was just free: nothing listens there.
    const gone = await startStandIn("ollama");
    const url = gone.url;
    await gone.close();
    const ai: AiConfig = { provider: "ollama", baseUrl: url, model: "m", timeoutSeconds: 2, key: "" };
    const result = await draftSource(port, SOURCE, { settings: DEFAULT_SETTINGS, ai, send: fetchTransport(2) });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toBe(`AI draft failed: could not reach ${url}/api/chat (ECONNREFUSED)`);
  });
});

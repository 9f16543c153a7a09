// SPEC §7 "limits are the transport's": the largest extract_claims the
// documented limits allow, every character escaped as long as JSON escapes
// one, is still a line the stdio server reads; and a skipped line's id is
// found where clients write it, so its one error line answers that request.
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/core/claims/agent-claim";
import { MAX_BODIES_BYTES, MAX_CLAIMS, MAX_TARGETS } from "../../src/node/agent-tools";
import { idOfEdges, MAX_REQUEST_BYTES } from "../../src/mcp/stdio-lines";

describe("the documented limits fit the stdio line", () => {
  it("the worst request they allow is shorter than MAX_REQUEST_BYTES", () => {
    const worst = (n: number) => "\u0001".repeat(n); // six bytes each once escaped
    const claims = Array.from({ length: MAX_CLAIMS }, (_, i) => ({ title: worst(1000), description: worst(2000), body: i < MAX_BODIES_BYTES / MAX_BODY_BYTES ? worst(MAX_BODY_BYTES) : "", confidence: "experimental" }));
    const targets = Object.fromEntries(Array.from({ length: MAX_TARGETS }, (_, i) => [String(400 + i), worst(4096)]));
    const args = { path: worst(4096), version: worst(100), select: Array.from({ length: 500 }, (_, i) => 100 + i), targets, claims, model: worst(200), notes: worst(10_000), dry_run: false, agent: worst(100) };
    const line = JSON.stringify({ jsonrpc: "2.0", id: 2 ** 53 - 1, method: "tools/call", params: { name: "extract_claims", arguments: args, _meta: { progressToken: 2 ** 53 - 1 } } });
    expect(line.length).toBeGreaterThan(50_000_000);
    expect(line.length).toBeLessThan(MAX_REQUEST_BYTES);
  });
});

describe("the id of a request line too long to read", () => {
  const cases: [string, string, string, string | number | undefined][] = [
    ["the SDK's client writes it last", '{"method":"tools/call","params":{"name":"x","arguments":{"body":"', 'yyyy"}},"jsonrpc":"2.0","id":42}', 42],
    ["another client writes it first", '{"jsonrpc":"2.0","id":"req-7","method":"tools/call","params":', '"}}}', "req-7"],
    ["an id inside the arguments is not the request's", '{"method":"tools/call","params":{"arguments":{"id":', '"id":5}}}', undefined],
    ["no id at either end", '{"method":"x","params":{"a":"', 'b"}}', undefined],
  ];
  for (const [name, head, tail, id] of cases) it(name, () => expect(idOfEdges(head, tail)).toBe(id));
});

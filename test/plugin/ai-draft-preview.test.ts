// @vitest-environment happy-dom
// SPEC §9 in the plugin, in the test double: no request until the user asks;
// "Draft with AI" sends one (through requestUrl, to a stand-in on loopback),
// shows the drafted rows beside the hint rows with their origin, their
// verified quotes and an invented one flagged; a failure is one line and the
// rule-based rows stay; Cancel stops a pending draft; the key comes from
// secret storage, and an app without it says it needs a newer Obsidian.
import { request as httpRequest } from "node:http";
import { requestLog, setRequestHandler } from "../../test-support/obsidian";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../test-support/ai-stand-in";
import { EXISTING, GROWTH, INVENTED, SOURCE, SOURCE_TEXT } from "../core/extraction/ai-draft/fixture";
import { DATA_PATH, loadPlugin, MANIFEST, openExtract, type ExtractDialog } from "./extract-support";
import type { Harness } from "../../test-support/obsidian/harness";
import { NEEDS_NEWER_APP } from "../../src/plugin/ai-request";

let server: StandIn;
let h: Harness | null = null;

beforeAll(async () => {
  server = await startStandIn("ollama");
  // requestUrl of the double goes out over node:http, as the app's goes out over Electron's net, not the page's fetch.
  setRequestHandler(
    (req) =>
      new Promise((resolve, reject) => {
        const out = httpRequest(req.url, { method: req.method ?? "GET", headers: req.headers }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text, json: null, headers: {}, arrayBuffer: new ArrayBuffer(0) }));
        });
        out.on("error", reject);
        out.end(typeof req.body === "string" ? req.body : undefined);
      }),
  );
});
afterAll(async () => {
  setRequestHandler(null);
  await server.close();
});
afterEach(() => {
  h?.destroy();
  h = null;
});

const claimNote = `---\ntype: claim\ndomain: economics\n---\n# Sellers who join a marketplace during a downturn churn less than sellers who join in a boom\n\nWhy.\n`;

async function open(settings: Record<string, unknown> = {}, apiVersion?: string): Promise<ExtractDialog> {
  const data = { settings: { aiProvider: "ollama", aiBaseUrl: server.url, aiModel: "llama3.1:8b", aiTimeoutSeconds: 2, aiKeySecret: "ollama-key", ...settings } };
  const loaded = await loadPlugin({ files: { [SOURCE]: SOURCE_TEXT, [EXISTING]: claimNote, [DATA_PATH]: JSON.stringify(data) }, apiVersion });
  h = loaded.h;
  return openExtract(loaded.h, SOURCE);
}

const button = (d: ExtractDialog, text: string) => [...d.el.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement;
const line = (d: ExtractDialog) => d.el.querySelector(".source-queue-extract-ai-line")?.textContent ?? "";
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("Draft with AI in the preview", () => {
  it("sends nothing until the user presses it (opening the plugin, the preview and the settings sends no request)", async () => {
    const before = requestLog.length;
    const d = await open();
    await h?.settle();
    h?.app.setting.open?.();
    expect(requestLog.length - before).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(button(d, "Draft with AI")).toBeTruthy();
    expect(d.rows).toHaveLength(2);
  });

  it("a draft adds checked rows: origin and model shown, verified quotes listed, an invented quote flagged and unselected", async () => {
    server.answer = { kind: "draft", payload: { verdict: "claims", claims: [{ ...GROWTH, enriches: undefined }, { ...INVENTED, enriches: undefined }] } };
    const d = await open();
    h?.app.secretStorage.setSecret("ollama-key", "local-key");
    button(d, "Draft with AI").click();
    await until(() => d.rows.length === 4);
    expect(line(d)).toBe("Drafted by llama3.1:8b: 2 claims, each checked below.");
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer local-key");
    const drafted = d.row(3);
    expect(drafted.dataset.origin).toBe("ai");
    expect(drafted.querySelector(".source-queue-extract-origin")?.textContent).toBe("Drafted by AI (llama3.1:8b)");
    expect(drafted.querySelector(".source-queue-extract-ai-quotes li")?.textContent).toContain("competitors’ seller bases shrank");
    expect(d.checkbox(3).checked).toBe(true);
    // The model's confidence is the row's, as Create writes it (not the default).
    expect(drafted.querySelector("select")?.value).toBe(GROWTH.confidence);
    // The topic hint the draft states is unselected for it.
    expect(d.checkbox(1).checked).toBe(false);
    const invented = d.row(4);
    expect(invented.querySelector(".source-queue-extract-ai-unverified")?.textContent).toMatch(/^Unverified: a quote not in the source, dropped:/);
    expect(invented.querySelector(".source-queue-extract-ai-unverified-list li")?.textContent).toBe(INVENTED.evidence[0]);
    expect(d.checkbox(4).checked).toBe(false);
    expect(invented.querySelector(".source-queue-extract-why")?.textContent).toMatch(/No quote of it found in the source/);
  });

  it("a failure is one line; the rule-based rows stay and nothing is written", async () => {
    server.answer = { kind: "status", status: 401 };
    const d = await open();
    button(d, "Draft with AI").click();
    await until(() => /refused/.test(line(d)));
    expect(line(d)).toBe("AI draft refused: the provider rejected the key (401) (Incorrect API key provided); check the AI key. The candidates below are the rule-based ones; nothing was written.");
    expect(d.rows).toHaveLength(2);
    expect(await h?.vault.adapter.read(SOURCE)).toBe(SOURCE_TEXT);
  });

  it("Cancel draft stops a pending draft at once", async () => {
    server.answer = { kind: "slow", ms: 5000, payload: { verdict: "claims", claims: [] } };
    const d = await open({ aiTimeoutSeconds: 30 });
    const sent = server.requests.length;
    button(d, "Draft with AI").click();
    await until(() => server.requests.length > sent);
    expect(line(d)).toMatch(/^Asking llama3\.1:8b at 127\.0\.0\.1:\d+… \(up to 30 s\)$/);
    button(d, "Cancel draft").click();
    await until(() => /cancelled/.test(line(d)));
    expect(line(d)).toMatch(/^AI draft cancelled\./);
    expect(d.rows).toHaveLength(2);
  });

  it("past the time limit: stopped, one line", async () => {
    server.answer = { kind: "slow", ms: 5000, payload: { verdict: "claims", claims: [] } };
    const d = await open({ aiTimeoutSeconds: 1 });
    button(d, "Draft with AI").click();
    await until(() => /time limit/.test(line(d)));
    expect(line(d)).toMatch(/^AI draft failed: no answer within 1 s \(the time limit\)/);
  });

  it("provider none: the button says how to turn drafts on, and sends nothing", async () => {
    const before = requestLog.length;
    const d = await open({ aiProvider: "none" });
    button(d, "Draft with AI").click();
    await until(() => line(d) !== "");
    expect(line(d)).toBe("AI drafts are off: choose a provider in the settings (AI provider). The candidates below are the rule-based ones; nothing was written.");
    expect(requestLog.length).toBe(before);
  });

  it("an app older than 1.11.4 (no secret storage) says it needs a newer Obsidian, and sends nothing", async () => {
    const before = requestLog.length;
    const d = await open({}, "1.10.0");
    button(d, "Draft with AI").click();
    await until(() => line(d) !== "");
    expect(line(d)).toBe(NEEDS_NEWER_APP);
    expect(requestLog.length).toBe(before);
  });

  it('the command "Draft claims with AI" opens the preview and asks at once', async () => {
    server.answer = { kind: "draft", payload: { verdict: "nothing new", claims: [] } };
    const data = { settings: { aiProvider: "ollama", aiBaseUrl: server.url, aiModel: "llama3.1:8b" } };
    const loaded = await loadPlugin({ files: { [SOURCE]: SOURCE_TEXT, [DATA_PATH]: JSON.stringify(data) } });
    h = loaded.h;
    const file = h.vault.getFileByPath(SOURCE);
    if (!file) throw new Error("no source");
    await h.workspace.getLeaf(false).openFile(file);
    await h.settle();
    expect(await h.runCommand(`${MANIFEST.id}:draft-claims-with-ai`)).toBe(true);
    const el = () => document.querySelector(".modal.source-queue-extract .source-queue-extract-ai-line")?.textContent ?? "";
    await until(() => /nothing new/.test(el()));
    expect(el()).toBe("Drafted by llama3.1:8b: nothing new in this source.");
  });
});

// The one request of a draft (SPEC §9), as data: the instructions (the
// vault's claim rules), the source, and the JSON shape asked for, in each
// provider's own format and JSON mode. A door sends it (fetch on Node,
// requestUrl in Obsidian); nothing here touches the network.
import { endpointOf, type AiConfig } from "./provider";

export interface HttpRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** What is sent about the source: exactly these fields, nothing else of the vault. */
export interface DraftInput {
  title: string;
  content: string;
  hints: string;
  curatorNotes: string;
  /** Titles of up to MAX_SIMILAR_SENT existing claims most like the source's hints. */
  existingClaims: string[];
}

export const MAX_SIMILAR_SENT = 20;
/** A pasted page can be megabytes; the model reads the first part. */
export const MAX_CONTENT_SENT = 60_000;

/** The JSON Schema of the answer (the zod schema in ./response.ts checks the same on arrival). */
export const DRAFT_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["verdict", "claims"],
  properties: {
    verdict: { type: "string", enum: ["claims", "nothing new"] },
    claims: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["title", "description", "evidence", "confidence"],
        properties: {
          title: { type: "string", description: "A specific, arguable proposition: a full sentence someone could disagree with" },
          description: { type: "string", description: "One sentence that adds what the title leaves out" },
          evidence: { type: "array", items: { type: "string" }, description: "Sentences copied verbatim from the source's content" },
          confidence: { type: "string", enum: ["proven", "likely", "experimental", "speculative"] },
          enriches: { type: "string", description: "The exact title of a listed existing claim this adds evidence to, when it is one" },
        },
      },
    },
  },
} as const;

export const INSTRUCTIONS = [
  "You draft claim notes for a research knowledge base from one source.",
  "Rules:",
  "- A claim title is a specific, arguable proposition: a full sentence with a verb that someone could disagree with, not a topic or a label.",
  "- One claim per title; do not join two claims with 'and'.",
  "- Every claim quotes its evidence verbatim: whole sentences copied exactly from the source's content, never paraphrased.",
  "- The hints say what the curator expects; where a hint only names a topic, write the proposition the source states about it.",
  "- If a claim is already among the existing claims, set `enriches` to that exact title instead of repeating it as new.",
  '- If the source has nothing new, answer {"verdict": "nothing new", "claims": []}.',
  "Answer with JSON only, of this shape:",
  '{"verdict": "claims" | "nothing new", "claims": [{"title": "...", "description": "...", "evidence": ["verbatim sentence", ...], "confidence": "proven|likely|experimental|speculative", "enriches": "existing claim title (optional)"}]}',
].join("\n");

/** The user message: the source's title, hints, curator notes, content and the existing claims' titles. */
export function userMessage(input: DraftInput): string {
  const content = input.content.length > MAX_CONTENT_SENT ? `${input.content.slice(0, MAX_CONTENT_SENT)}\n[…cut]` : input.content;
  const existing = input.existingClaims.slice(0, MAX_SIMILAR_SENT);
  return [
    `# Source: ${input.title}`,
    "",
    "## Extraction hints",
    input.hints.trim() || "(none)",
    "",
    "## Curator notes",
    input.curatorNotes.trim() || "(none)",
    "",
    "## Existing claims most like this source",
    existing.length > 0 ? existing.map((t) => `- ${t}`).join("\n") : "(none)",
    "",
    "## Content",
    content.trim() || "(empty)",
  ].join("\n");
}

/** The provider's request for a draft of this source. `config.provider` is not "none" (see configProblem). */
export function draftRequest(config: AiConfig, input: DraftInput): HttpRequest {
  const url = endpointOf(config);
  const user = userMessage(input);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (config.provider === "anthropic") {
    headers["x-api-key"] = config.key;
    headers["anthropic-version"] = "2023-06-01";
    // Forcing the one tool is Anthropic's way to get JSON of a schema.
    const body = {
      model: config.model,
      max_tokens: 4096,
      temperature: 0,
      system: INSTRUCTIONS,
      messages: [{ role: "user", content: user }],
      tools: [{ name: "claim_draft", description: "The drafted claims of the source", input_schema: DRAFT_SCHEMA }],
      tool_choice: { type: "tool", name: "claim_draft" },
    };
    return { url, method: "POST", headers, body: JSON.stringify(body) };
  }
  if (config.key !== "") headers.authorization = `Bearer ${config.key}`;
  const messages = [
    { role: "system", content: INSTRUCTIONS },
    { role: "user", content: user },
  ];
  if (config.provider === "ollama") {
    return { url, method: "POST", headers, body: JSON.stringify({ model: config.model, messages, stream: false, format: DRAFT_SCHEMA, options: { temperature: 0 } }) };
  }
  const body = { model: config.model, messages, temperature: 0, response_format: { type: "json_schema", json_schema: { name: "claim_draft", schema: DRAFT_SCHEMA } } };
  return { url, method: "POST", headers, body: JSON.stringify(body) };
}

// The HTTP door's request limit (SPEC §7 "Limits are the transport's"): a
// body over the limit is answered 413 with one error line, without reading
// the rest into memory, and the server goes on serving every other agent.
// Kept apart from the stdio door's limit (issue #27) so the two can become one.
import { Buffer } from "node:buffer";
import type { IncomingMessage } from "node:http";

/** The largest request body read: extract_claims bodies are at most 1 MB each, so a few of them fit. */
export const HTTP_BODY_LIMIT = 8 * 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; status: 413; line: string };

export const tooLargeLine = (limit: number) => `request body over the limit of ${limit} bytes; nothing was read`;

/** Reads the body up to `limit` bytes; a declared or actual length over it stops the read. */
export function readBody(req: IncomingMessage, limit = HTTP_BODY_LIMIT): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drained, not kept
    return Promise.resolve({ ok: false, status: 413, line: tooLargeLine(limit) });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve({ ok: false, status: 413, line: tooLargeLine(limit) });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", reject);
  });
}

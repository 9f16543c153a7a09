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

/** How much of a refused body is read and dropped before the answer, and for how long: enough for any honest client to finish sending. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 5000;

/**
 * The rest of a refused body read and dropped (nothing kept) before the 413
 * is sent. Answering while the client still writes, then closing, makes its
 * write fail (EPIPE) and it never sees the answer; a client that sends on
 * past the bounds above gets the answer and the connection closed anyway.
 */
function drain(req: IncomingMessage, alreadyRead: number): Promise<void> {
  return new Promise((resolve) => {
    let size = alreadyRead;
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_MS);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_BYTES) done();
    });
    req.on("end", done);
    req.on("error", done);
    req.on("close", done);
    req.resume();
  });
}

/** Reads the body up to `limit` bytes; a declared or actual length over it stops the read. */
export async function readBody(req: IncomingMessage, limit = HTTP_BODY_LIMIT): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) {
    await drain(req, 0);
    return { ok: false, status: 413, line: tooLargeLine(limit) };
  }
  return readUpTo(req, limit);
}

function readUpTo(req: IncomingMessage, limit: number): Promise<BodyRead> {
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
        void drain(req, size).then(() => resolve({ ok: false, status: 413, line: tooLargeLine(limit) }));
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

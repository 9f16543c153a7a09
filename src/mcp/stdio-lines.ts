// The stdio transport of `source-queue mcp`, in place of the SDK's
// StdioServerTransport (SPEC §7 "Holders, versions and limits"). The SDK's
// reader keeps at most 10 MiB of unread input and, past it, closes the
// transport: one large request ended the server for every agent. This one
// reads newline-delimited JSON-RPC as the SDK's does, but:
// - a line may be as long as the largest request the tools' documented
//   limits allow (MAX_REQUEST_BYTES; see agent-tools.ts), kept as chunks
//   and joined once, so reading it costs one copy rather than one per chunk;
// - a longer line is read past, not kept, and answered with one JSON-RPC
//   error naming its size (its id found at the line's start or end, where
//   clients put it), and the next line is served as usual;
// - keys a schema could skip as inherited (`__proto__`, `constructor`) are
//   refused before the SDK's parsing can drop them silently.
import { Buffer } from "node:buffer";
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from "@modelcontextprotocol/sdk/types.js";
import { hiddenKeyProblem } from "../node/agent-tools";

/** The longest request line read: 64 MiB, above the ~53 MB the documented limits allow at worst. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** How much of a skipped line's start and end is kept to find its id. */
const EDGE = 512;
const NEWLINE = 0x0a;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** The id of a request from the start or the end of its line, where JSON-RPC clients write it; undefined when neither holds it. */
export function idOfEdges(head: string, tail: string): RequestId | undefined {
  const value = (text: string | undefined): RequestId | undefined => (text === undefined ? undefined : text.startsWith('"') ? (JSON.parse(text) as string) : Number(text));
  const id = String.raw`("(?:[^"\\]|\\.){0,200}"|-?\d{1,16})`;
  const atStart = new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*${id}`).exec(head);
  if (atStart) return value(atStart[1]);
  const atEnd = new RegExp(String.raw`[,{]\s*"id"\s*:\s*${id}\s*\}\s*$`).exec(tail);
  return atEnd ? value(atEnd[1]) : undefined;
}

interface Skipped {
  head: Buffer;
  tail: Buffer;
  bytes: number;
}

export class StdioLineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;

  private chunks: Buffer[] = [];
  private bytes = 0;
  private skipped: Skipped | null = null;
  private started = false;

  constructor(
    private readonly stdin: Readable = process.stdin,
    private readonly stdout: Writable = process.stdout,
    private readonly maxLine = MAX_REQUEST_BYTES,
  ) {}

  private readonly ondata = (chunk: Buffer): void => {
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      this.take(chunk.subarray(start, nl === -1 ? chunk.length : nl));
      if (nl === -1) return;
      this.endLine();
      start = nl + 1;
    }
  };

  private readonly onstdinerror = (error: Error): void => this.onerror?.(error);

  async start(): Promise<void> {
    if (this.started) throw new Error("StdioLineTransport already started");
    this.started = true;
    this.stdin.on("data", this.ondata);
    this.stdin.on("error", this.onstdinerror);
  }

  /** A part of the current line: kept, or, once the line is too long, only its edges. */
  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.skipped !== null) {
      this.skipped.bytes += part.length;
      this.skipped.tail = Buffer.concat([this.skipped.tail, part]).subarray(-EDGE);
      return;
    }
    if (this.bytes + part.length <= this.maxLine) {
      this.chunks.push(part);
      this.bytes += part.length;
      return;
    }
    const first = this.chunks[0] ?? part;
    const last = Buffer.concat([...this.chunks.slice(-2), part]);
    this.skipped = { head: Buffer.from(first.subarray(0, EDGE)), tail: Buffer.from(last.subarray(-EDGE)), bytes: this.bytes + part.length };
    this.chunks = [];
    this.bytes = 0;
  }

  private endLine(): void {
    if (this.skipped !== null) {
      const { head, tail, bytes } = this.skipped;
      this.skipped = null;
      this.refuse(idOfEdges(head.toString("utf8"), tail.toString("utf8")), ErrorCode.InvalidRequest, `request too large: ${bytes.toLocaleString("en-US")} bytes (${mib(bytes)}); a request is at most ${mib(this.maxLine)} (see the limits in docs/agents.md)`);
      this.onerror?.(new Error(`a request line of ${bytes} bytes was refused (at most ${this.maxLine})`));
      return;
    }
    const line = Buffer.concat(this.chunks, this.bytes).toString("utf8").replace(/\r$/, "");
    this.chunks = [];
    this.bytes = 0;
    if (line.trim() !== "") this.handle(line);
  }

  private handle(line: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      this.onerror?.(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const hidden = hiddenKeyProblem(raw);
    if (hidden !== null) {
      const request = raw as { id?: RequestId; method?: unknown; params?: { name?: unknown; arguments?: unknown } };
      this.refuse(request.id, ErrorCode.InvalidParams, `${typeof request.params?.name === "string" ? request.params.name : String(request.method)}: ${hiddenKeyProblem(request.params?.arguments) ?? hidden}`);
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.onerror?.(new Error(`not a JSON-RPC message: ${parsed.error.message.split("\n")[0] ?? ""}`));
      return;
    }
    this.onmessage?.(parsed.data);
  }

  /** One JSON-RPC error line for a request the server will not run. */
  private refuse(id: RequestId | undefined, code: number, message: string): void {
    void this.send({ jsonrpc: "2.0", ...(id === undefined ? {} : { id }), error: { code, message } });
  }

  async close(): Promise<void> {
    this.stdin.off("data", this.ondata);
    this.stdin.off("error", this.onstdinerror);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.chunks = [];
    this.skipped = null;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }
}

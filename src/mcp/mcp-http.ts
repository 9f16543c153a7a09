// `source-queue mcp --http [HOST:]PORT` (SPEC §7 "Remote agents over HTTP"):
// the agent tools over the MCP Streamable HTTP transport (the SDK's), one
// session per client, every session on the same commands. It binds
// 127.0.0.1 unless told; on any other address a bearer token (--token-file)
// is required and every request without it refused. The Origin header is
// validated as the MCP specification asks (a browser page on another site
// must not reach a local server). Every refusal is one JSON-RPC error line.
import { Buffer } from "node:buffer";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { hiddenKeyProblem } from "../node/agent-tools";
import type { AgentCommands } from "../node/agent-tools";
import { UsageError } from "../node/fs-vault";
import { readBody } from "./http-limit";
import { createMcpServer, type McpServerOptions } from "./mcp-server";

export interface HttpAddress {
  host: string;
  port: number;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "[::1]"]);

/** `8080`, `127.0.0.1:8080`, `0.0.0.0:8080`, `[::1]:8080`; a UsageError for anything else. */
export function parseHttpAddress(text: string): HttpAddress {
  const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 0 || port > 65535) throw new UsageError(`--http: "${text}" is not [HOST:]PORT`);
  return { host: (m[1] ?? "127.0.0.1").replace(/^\[(.*)\]$/, "$1"), port };
}

/** The token of --token-file, checked at start: required off loopback, never empty. */
export function loadToken(address: HttpAddress, tokenFile: string | undefined): string | null {
  if (tokenFile === undefined) {
    if (!LOOPBACK.has(address.host)) throw new UsageError(`--http ${address.host}: any address but 127.0.0.1 needs --token-file FILE (a bearer token)`);
    return null;
  }
  let token: string;
  try {
    token = readFileSync(tokenFile, "utf8").trim();
  } catch (err) {
    throw new UsageError(`--token-file: cannot read ${tokenFile}: ${(err as Error).message.split("\n")[0]}`);
  }
  if (token === "" || /\s/.test(token)) throw new UsageError(`--token-file: ${tokenFile} must hold one token (no spaces), and it is ${token === "" ? "empty" : "not one word"}`);
  return token;
}

/** A refusal as the one JSON-RPC error line a client shows. */
function refuse(res: ServerResponse, status: number, line: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: line }, id: null }));
}

const sameToken = (given: string, token: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** An Origin is allowed when absent (not a browser), or when it names a loopback host or the host the server is reached at. */
function originAllowed(req: IncomingMessage, address: HttpAddress): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return false;
  }
  return LOOPBACK.has(host) || host === address.host;
}

export interface HttpServeOptions extends McpServerOptions {
  token: string | null;
}

/** Serves until the process ends; resolves with the server once it listens (its address has the port when 0 was asked). */
export async function serveHttp(commands: AgentCommands, address: HttpAddress, opts: HttpServeOptions): Promise<Server> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/mcp") return refuse(res, 404, `no MCP endpoint at ${url.pathname}; it is /mcp`);
    if (!originAllowed(req, address)) return refuse(res, 403, `Origin ${String(req.headers.origin)} is not allowed`);
    if (opts.token !== null) {
      const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
      if (!auth || !sameToken(auth[1] ?? "", opts.token)) return refuse(res, 401, "a bearer token is required (Authorization: Bearer …)", { "www-authenticate": "Bearer" });
    }
    const id = req.headers["mcp-session-id"];
    const sessionId = Array.isArray(id) ? id[0] : id;
    let body: unknown;
    if (req.method === "POST") {
      const read = await readBody(req);
      if (!read.ok) return refuse(res, read.status, read.line, { connection: "close" });
      try {
        body = JSON.parse(read.text);
      } catch {
        return refuse(res, 400, "the request body is not JSON");
      }
      // As over stdio (#27): a key a schema would skip as inherited is refused, not dropped.
      const hidden = hiddenKeyProblem(body);
      if (hidden !== null) return refuse(res, 400, `request refused: ${hidden}`);
    }
    if (sessionId !== undefined) {
      const transport = sessions.get(sessionId);
      if (transport === undefined) return refuse(res, 404, `no session ${sessionId}; initialize again`);
      return transport.handleRequest(req, res, body);
    }
    const initializing = req.method === "POST" && (Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body));
    if (!initializing) return refuse(res, 400, "no session: the first request must be initialize");
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => {
        sessions.set(sid, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await createMcpServer(commands, opts).connect(transport);
    return transport.handleRequest(req, res, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`source-queue mcp: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) refuse(res, 500, "the server failed on this request; it goes on serving");
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(new UsageError(`--http: cannot listen on ${address.host}:${address.port} (${err.code ?? err.message})`)));
    server.listen(address.port, address.host, () => resolve());
  });
  return server;
}

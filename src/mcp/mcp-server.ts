// `source-queue mcp` (SPEC §7): the agent tools as a Model Context Protocol
// server over stdio, on the official SDK. A door only: it lists the tools
// with JSON Schemas made from their zod schemas, checks each call's
// arguments, calls the injected commands and shows their JSON. Every failure
// (an unknown tool, a bad argument, a refused or failed command) is a tool
// error of one line; the server keeps serving. stdout carries only JSON-RPC,
// so anything logged goes to stderr.
//
// The transport is our own line reader (stdio-lines.ts): a request too long
// for it is one error line, never the end of the server.
//
// The tools are served through McpServer's underlying `server` with our own
// list and call handlers rather than `registerTool`: registerTool reports a
// call with several bad arguments as several lines; here the door decides
// how every failure reads.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { StdioLineTransport } from "./stdio-lines";
import * as z from "zod";
import { CommandError, issuesLine, TOOLS, type AgentCommands, type ToolSpec } from "../node/agent-tools";

export interface McpServerOptions {
  name?: string;
  version?: string;
  /** Where diagnostics go (never stdout). */
  log?: (line: string) => void;
}

type JsonSchemaObject = Tool["inputSchema"];

/** JSON Schema for MCP: an object schema, without the `$schema` line (clients assume 2020-12). */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return { ...rest, type: "object" };
}

export function toolList(): Tool[] {
  return TOOLS.map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: jsonSchemaOf(t.input, "input"),
    outputSchema: jsonSchemaOf(t.output, "output"),
    annotations: { readOnlyHint: ["list_sources", "next_source", "read_source", "validate_vault"].includes(t.name) },
  }));
}

const errorResult = (line: string): CallToolResult => ({ isError: true, content: [{ type: "text", text: line.split("\n")[0] ?? line }] });

/** The error an agent reads: a CommandError's line, else the first line of whatever was thrown. */
function errorLine(tool: string, err: unknown): string {
  if (err instanceof CommandError) return err.message;
  const e = err as NodeJS.ErrnoException;
  const message = e instanceof Error ? e.message : String(err);
  return `${tool} failed: ${(e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message).split("\n")[0]}`;
}

/** One call, start to end; never throws. */
export async function callTool(commands: AgentCommands, name: string, args: unknown, log: (line: string) => void = () => undefined): Promise<CallToolResult> {
  const spec: ToolSpec | undefined = TOOLS.find((t) => t.name === name);
  if (spec === undefined) return errorResult(`unknown tool "${name}" (the tools are ${TOOLS.map((t) => t.name).join(", ")})`);
  const parsed = spec.input.safeParse(args ?? {});
  if (!parsed.success) return errorResult(issuesLine(name, parsed.error));
  try {
    const result = await spec.run(commands, parsed.data as never);
    return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
  } catch (err) {
    if (!(err instanceof CommandError)) log(`source-queue mcp: ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return errorResult(errorLine(name, err));
  }
}

export function createMcpServer(commands: AgentCommands, opts: McpServerOptions = {}): McpServer {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const mcp = new McpServer({ name: opts.name ?? "source-queue", version: opts.version ?? "0.0.0" }, { capabilities: { tools: {} } });
  const tools = toolList();
  // No call before initialize (SPEC §7): the SDK would run it; a client that skips the handshake gets one error line.
  const initialized = () => {
    if (mcp.server.getClientVersion() === undefined) throw new McpError(ErrorCode.InvalidRequest, "the session is not initialized: send initialize first");
  };
  mcp.server.setRequestHandler(ListToolsRequestSchema, () => {
    initialized();
    return { tools };
  });
  mcp.server.setRequestHandler(CallToolRequestSchema, (request) => {
    initialized();
    return callTool(commands, request.params.name, request.params.arguments, log);
  });
  mcp.server.onerror = (err) => log(`source-queue mcp: ${err.message}`);
  return mcp;
}

/** Serve over this process's stdin and stdout until the client hangs up. */
export async function serveStdio(commands: AgentCommands, opts: McpServerOptions = {}): Promise<void> {
  const server = createMcpServer(commands, opts);
  const transport = new StdioLineTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => undefined);
}

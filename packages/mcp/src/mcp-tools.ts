import type { ApprovalPolicy, StandardSchemaV1, Tool, ToolContext } from '@baton/core';
import { BatonError } from '@baton/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { jsonSchemaInput } from './json-schema.js';
import { type McpCallResult, toolOutput } from './results.js';
import { connect, type McpSource } from './source.js';

/** A tool as an MCP server lists it (`tools/list`). */
export interface McpToolInfo {
  name: string;
  description?: string | undefined;
  inputSchema: Record<string, unknown>;
  annotations?: Record<string, unknown> | undefined;
}

/**
 * Which MCP tools wait for the user's approval: all (`true`, the default: another server's tools
 * are not yours to trust), none (`false`), those named (a list, or a record of flags and
 * policies by MCP tool name), or a policy deciding per call from the tool's name and input.
 */
export type McpApproval =
  | boolean
  | readonly string[]
  | Readonly<Record<string, boolean | ApprovalPolicy<Record<string, unknown>>>>
  | ((toolName: string, input: Record<string, unknown>, ctx: ToolContext) => boolean | Promise<boolean>);

export interface McpToolsOptions {
  /** Which calls wait for approval (default `true`: every one). */
  requiresApproval?: McpApproval;
  /** Prepended to every Baton tool name (e.g. `github_`), so two servers' tools cannot clash. */
  prefix?: string;
  /** Keep only the tools this accepts (default: all). */
  include?: (tool: McpToolInfo) => boolean;
  /** Sent to the server when this package connects (default `{ name: 'baton', version: '0' }`). */
  clientInfo?: { name: string; version: string };
  /** Called after the list was refreshed (`tools/list_changed`): register new tools from `tools`. */
  onToolsChanged?: (tools: readonly Tool[]) => void;
  /** A refresh after `tools/list_changed` failed (default: console.error). */
  onError?: (error: unknown) => void;
}

/** An MCP server's tools as Baton tools, and the connection they run on. */
export interface McpToolSet {
  /** The server's tools as Baton tools (validated input, the approval gate): `new Agent({ tools })`. */
  readonly tools: readonly Tool[];
  /** The MCP client (connected). */
  readonly client: Client;
  /** Lists the server's tools again (done by itself on `tools/list_changed`). */
  refresh(): Promise<readonly Tool[]>;
  /** Closes the connection this package opened (stops a stdio server); a client passed in stays open. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Connects to an MCP server (stdio, Streamable HTTP, or a connected client) and returns its tools
 * as Baton tools: input validated against each tool's JSON Schema (model input and edited
 * approvals alike), each behind Baton's approval gate (signed, claimed, at most once), results
 * mapped (structured content, text, `isError`). The list follows `tools/list_changed`: a tool the
 * server changed is updated in place, one it dropped refuses to run, a new one is in `tools` (and
 * `onToolsChanged`). Call `close()` when the app shuts down.
 */
export async function mcpTools(source: McpSource, options: McpToolsOptions = {}): Promise<McpToolSet> {
  const { client, owned } = await connect(source, options.clientInfo ?? { name: 'baton', version: '0' });
  const byName = new Map<string, McpTool>();
  let current: McpTool[] = [];
  const refresh = async (): Promise<readonly Tool[]> => {
    const listed = await listAll(client);
    const next: McpTool[] = [];
    for (const info of listed) {
      if (options.include && !options.include(info)) continue;
      const name = batonName(options.prefix ?? '', info.name);
      const existing = byName.get(name);
      if (existing !== undefined && existing.mcpName !== info.name) {
        throw new BatonError('CONFIG_INVALID', `MCP tools "${existing.mcpName}" and "${info.name}" are both "${name}"`);
      }
      const t = existing ?? new McpTool(name, client, approvalOf(options.requiresApproval ?? true, info.name));
      t.update(info);
      byName.set(name, t);
      next.push(t);
    }
    for (const t of current) if (!next.includes(t)) t.update(undefined);
    current = next;
    return current;
  };
  try {
    await refresh();
  } catch (error) {
    if (owned) await client.close();
    throw error;
  }
  const onError = options.onError ?? ((error) => console.error('[baton] MCP tool list refresh failed:', error));
  client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    try {
      options.onToolsChanged?.(await refresh());
    } catch (error) {
      onError(error);
    }
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    client.removeNotificationHandler('notifications/tools/list_changed');
    if (owned) await client.close();
  };
  return {
    get tools() {
      return current;
    },
    client,
    refresh,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Every page of `tools/list`. */
async function listAll(client: Client): Promise<McpToolInfo[]> {
  const tools: McpToolInfo[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    tools.push(...(page.tools as McpToolInfo[]));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return tools;
}

/** The Baton name of an MCP tool: the prefix, then the name with every other character as `_`. */
function batonName(prefix: string, mcpName: string): string {
  const name = `${prefix}${mcpName}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (!TOOL_NAME.test(name)) {
    throw new BatonError('CONFIG_INVALID', `MCP tool "${mcpName}" has no valid Baton name ("${name}")`);
  }
  return name;
}

type Approval = boolean | ApprovalPolicy<unknown>;

function approvalOf(option: McpApproval, mcpName: string): Approval {
  if (typeof option === 'boolean') return option;
  if (typeof option === 'function') {
    return (input, ctx) => option(mcpName, input as Record<string, unknown>, ctx);
  }
  if (Array.isArray(option)) return option.includes(mcpName);
  const named = (option as Record<string, boolean | ApprovalPolicy<Record<string, unknown>>>)[mcpName];
  return (named ?? false) as Approval;
}

/**
 * One MCP tool as a Baton tool. The object stays the same across refreshes (the agent holds it);
 * what the server lists is swapped in, so validation and the model's schema follow the server.
 */
class McpTool implements Tool {
  #info: McpToolInfo | undefined;
  #input: StandardSchemaV1 = jsonSchemaInput({ type: 'object' });

  constructor(
    readonly name: string,
    readonly client: Client,
    readonly requiresApproval: Approval,
  ) {}

  /** The MCP server's name of the tool. */
  get mcpName(): string {
    return this.#info?.name ?? this.name;
  }

  get description(): string {
    return this.#info?.description ?? '';
  }

  get jsonSchema(): Record<string, unknown> {
    return this.#info?.inputSchema ?? { type: 'object' };
  }

  get input(): StandardSchemaV1 {
    return this.#input;
  }

  update(info: McpToolInfo | undefined): void {
    if (info !== undefined && JSON.stringify(info.inputSchema) !== JSON.stringify(this.#info?.inputSchema)) {
      this.#input = jsonSchemaInput(info.inputSchema);
    }
    this.#info = info;
  }

  async execute(input: unknown, ctx: ToolContext): Promise<unknown> {
    if (this.#info === undefined) throw new Error(`The MCP server no longer offers tool "${this.name}"`);
    const result = (await this.client.callTool(
      { name: this.#info.name, arguments: input as Record<string, unknown> },
      undefined,
      { signal: ctx.signal },
    )) as McpCallResult;
    return toolOutput(result);
  }
}

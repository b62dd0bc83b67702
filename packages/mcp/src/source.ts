import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** An MCP server started as a child process, spoken to over its stdin/stdout. */
export interface StdioSource {
  command: string;
  args?: string[];
  /** The child's environment (default: the SDK's safe subset of this process's: PATH, HOME...). */
  env?: Record<string, string>;
  cwd?: string;
  /** Where the child's stderr goes (default `inherit`). */
  stderr?: 'inherit' | 'ignore' | 'pipe';
}

/** An MCP server reached over Streamable HTTP. */
export interface HttpSource {
  url: string | URL;
  /** Sent with every request (e.g. `authorization`). */
  headers?: Record<string, string>;
}

/** Where the tools come from: a server to start (stdio), one to reach (HTTP), or a connected client. */
export type McpSource = StdioSource | HttpSource | Client;

/** The client this package opened (and closes), or the caller's (which stays theirs). */
export interface Connection {
  client: Client;
  owned: boolean;
}

/** Connects to the source; a `Client` passed in must already be connected. */
export async function connect(source: McpSource, clientInfo: { name: string; version: string }): Promise<Connection> {
  if (source instanceof Client) return { client: source, owned: false };
  const transport =
    'command' in source
      ? new StdioClientTransport({
          command: source.command,
          ...(source.args ? { args: source.args } : {}),
          ...(source.env ? { env: source.env } : {}),
          ...(source.cwd ? { cwd: source.cwd } : {}),
          stderr: source.stderr ?? 'inherit',
        })
      : new StreamableHTTPClientTransport(new URL(source.url), {
          ...(source.headers ? { requestInit: { headers: source.headers } } : {}),
        });
  const client = new Client(clientInfo);
  await client.connect(transport);
  return { client, owned: true };
}

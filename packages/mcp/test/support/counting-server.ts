/**
 * A real MCP server (the SDK's `McpServer`) for the tests: it counts the calls it runs, so a test
 * can prove what ran, and how often. Run as a script it serves stdio (`node --import tsx
 * counting-server.ts`); `serveHttp` serves it over Streamable HTTP in the test's process.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/** What the server ran: every `deploy` with its input. */
export interface Counts {
  deploy: { service: string; replicas: number }[];
}

export function countingServer(counts: Counts = { deploy: [] }): McpServer {
  const server = new McpServer(
    { name: 'counting', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } } },
  );
  server.registerTool(
    'deploy',
    {
      description: 'Deploys a service',
      inputSchema: { service: z.string().regex(/^[a-z][a-z0-9-]*$/), replicas: z.number().int().min(1).max(100) },
      outputSchema: { deployed: z.string(), replicas: z.number() },
    },
    async ({ service, replicas }) => {
      counts.deploy.push({ service, replicas });
      return {
        content: [{ type: 'text', text: `Deployed ${service} with ${replicas} replicas` }],
        structuredContent: { deployed: service, replicas },
      };
    },
  );
  server.registerTool('status', { description: 'Reports the status', inputSchema: {} }, async () => ({
    content: [
      { type: 'text', text: 'all' },
      { type: 'text', text: 'good' },
    ],
  }));
  server.registerTool('fail', { description: 'Always fails', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: 'the disk is full' }],
    isError: true,
  }));
  server.registerTool('calls', { description: 'What ran so far', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: JSON.stringify(counts) }],
    structuredContent: { ...counts },
  }));
  server.registerTool('add_tool', { description: 'Adds the tool `late`', inputSchema: {} }, async () => {
    server.registerTool('late', { description: 'Added later', inputSchema: { n: z.number() } }, async ({ n }) => ({
      content: [{ type: 'text', text: `late ${n}` }],
    }));
    return { content: [{ type: 'text', text: 'added' }] };
  });
  return server;
}

/** Serves a counting server over Streamable HTTP (one session) on a free port of 127.0.0.1. */
export async function serveHttp(counts: Counts): Promise<{ url: string; close: () => Promise<void> }> {
  const mcp = countingServer(counts);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await mcp.connect(transport);
  const http: Server = createServer((req, res) => {
    transport.handleRequest(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: async () => {
      await mcp.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

/** How a test starts this file as a stdio MCP server. */
export const STDIO_SERVER = {
  command: process.execPath,
  args: ['--import', 'tsx', new URL(import.meta.url).pathname],
  stderr: 'inherit' as const,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await countingServer().connect(new StdioServerTransport());
}

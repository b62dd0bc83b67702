/**
 * `@baton/mcp`: an MCP server's tools as Baton tools, behind Baton's approval gate.
 *
 * ```ts
 * const github = await mcpTools({ command: 'github-mcp-server', args: ['stdio'] }, {
 *   requiresApproval: (name) => !name.startsWith('get_'),
 * });
 * const agent = new Agent({ model, tools: [...github.tools] });
 * // on shutdown: await github.close();
 * ```
 */
export { type McpApproval, type McpToolInfo, type McpToolSet, type McpToolsOptions, mcpTools } from './mcp-tools.js';
export { type McpCallResult, type McpContent, McpToolError, toolOutput } from './results.js';
export type { HttpSource, McpSource, StdioSource } from './source.js';

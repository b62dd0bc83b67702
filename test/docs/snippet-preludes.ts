/**
 * Declarations a docs block may assume, named by its marker (`<!-- snippet: prelude=agent,koa -->`).
 * Each prelude is prepended to the block's file before it is compiled. They stand for what the prose
 * around a block calls "your agent", "the Koa app", "the router" and so on: declarations only (type
 * queries, no imports), so a block's own imports never clash with them.
 */
export const PRELUDES: Record<string, string> = {
  /** The app's agent (any session shape). */
  agent: "declare const agent: import('@baton/core').Agent;\n",
  /** The app's tools. */
  tools: "declare const tools: import('@baton/core').Tool[];\n",
  /** A Koa application. */
  koa: "declare const app: import('koa');\n",
  /** The Koa router `batonRouter(agent, options)` returned. */
  router: "declare const router: ReturnType<typeof import('@baton/koa').batonRouter>;\n",
  /** The Fetch-API handler `createBatonHandler(agent, options)` returned, and a request for it. */
  handler:
    "declare const baton: ReturnType<typeof import('@baton/core').createBatonHandler>;\ndeclare const request: Request;\n",
  /** Sealing secrets, newest first. */
  secrets: 'declare const newest: string;\ndeclare const older: string;\n',
  /** The app's `SessionManager`. */
  sessions: "declare const sessions: import('@baton/core').SessionManager;\n",
  /** The HTTP server the app listens on. */
  server: "declare const server: import('node:http').Server;\n",
  /** A Redis URL. */
  redis: 'declare const url: string;\n',
  /** A session, and the schema and class the Session API block reads values with. */
  session: [
    "declare const session: import('@baton/core').Session;",
    "declare const CartSchema: import('zod').ZodType<{ items: string[] }>;",
    'declare class Since { static fromJSON(value: unknown): Since; }',
    'declare const obj: Record<string, unknown>;',
    '',
  ].join('\n'),
  /** The model and messages a block runs an agent with. */
  model:
    "declare const model: import('@baton/core').Model;\ndeclare const messages: import('@baton/core').Message[];\n",
  /** The app's own operations a tool calls. */
  ops: [
    'declare function scaleService(service: string, replicas: number): Promise<string>;',
    'declare function getWeather(city: string): Promise<{ celsius: number }>;',
    '',
  ].join('\n'),
  /** A test file's globals. */
  vitest: "import { expect, it } from 'vitest';\n",
};

import type { Agent } from './agent/agent.js';
import type { BatonHandler } from './http/adapter.js';
import { createFetchHandler } from './http/fetch-handler.js';
import type { FetchHandlerOptions } from './http/options.js';
import { type BatonRoute, type RouteTableOptions, routeTable } from './http/route-table.js';
import { helpdesk } from './protocols/helpdesk/index.js';
import type { ChatResponseBody, StreamEvent } from './protocols/helpdesk/wire.js';
import { defaultProtocols } from './protocols/index.js';
import type { Protocol } from './protocols/protocol.js';
import type { SessionShape } from './session/session.js';
import type { ServerContext } from './turn.js';
import { TurnRunner, type TurnRunnerOptions } from './turn-runner/turn-runner.js';

/*
 * Where the defaults live: the HTTP core and the turn runner name no protocol; this module gives
 * them Baton's default ones (HelpDesk, and the AI SDK UI on request).
 */

/** Options of {@link createBatonHandler}. */
export interface BatonHandlerOptions<C extends ServerContext = ServerContext>
  extends Omit<FetchHandlerOptions<C>, 'protocols'> {
  /**
   * The wire protocols answered, in mounting order (default `defaultProtocols()`: HelpDesk on
   * `/api/chat`, `/api/chat-stream` and their older aliases `/api/sendMessage`,
   * `/api/sendMessageStream`; the AI SDK UI on `/api/ui/chat` when `aiSdkUi` asks for it).
   */
  protocols?: readonly Protocol[];
  /**
   * The AI SDK UI route (`useChat`, `DefaultChatTransport`): `true` mounts it at `POST /api/ui/chat`,
   * a string at that path (the prefix goes before it). Default: off. The same as `paths.uiChat`.
   */
  aiSdkUi?: boolean | string;
}

/**
 * Baton on the Fetch API: `Request` in, `Response` out — the protocols' turn routes (HelpDesk's
 * `POST /api/chat`, `POST /api/chat-stream` and their older aliases by default), `DELETE
 * /api/session`, `GET /api/session/messages`, `GET /health`, body rules and limits, the session id
 * from a header or cookie, abort on disconnect and error mapping. Koa, Node, Hono, Next.js, Bun
 * and Deno map onto it in a few lines.
 */
export function createBatonHandler<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonHandlerOptions<C> = {},
): BatonHandler<S> {
  return createFetchHandler<S, C>(agent, withDefaults(options));
}

/** Baton's route table from `protocols`, `paths`, `aliases`, `aiSdkUi` and `prefix`. */
export function batonRoutes(
  options: RouteTableOptions & Pick<BatonHandlerOptions, 'aiSdkUi' | 'protocols'> = {},
): BatonRoute[] {
  const full = withDefaults(options);
  return [...routeTable(full.protocols, full).routes];
}

/** The options with the default protocols filled in, and `aiSdkUi` as the `uiChat` path it stands for. */
function withDefaults<O extends Pick<BatonHandlerOptions, 'aiSdkUi' | 'protocols' | 'paths'>>(
  options: O,
): Omit<O, 'aiSdkUi' | 'protocols'> & { protocols: readonly Protocol[] } {
  const { aiSdkUi, protocols, ...rest } = options;
  const paths =
    aiSdkUi === undefined || rest.paths?.uiChat !== undefined ? rest.paths : { ...rest.paths, uiChat: aiSdkUi };
  return { ...rest, ...(paths ? { paths } : {}), protocols: protocols ?? defaultProtocols() };
}

/** Options of {@link ChatHandler}: a {@link TurnRunner}'s, the protocol HelpDesk unless given. */
export interface ChatHandlerOptions extends Omit<TurnRunnerOptions<ChatResponseBody, StreamEvent>, 'protocol'> {
  protocol?: Protocol<ChatResponseBody, StreamEvent>;
}

/**
 * The turn runner with the HelpDesk protocol, for turns in process (no HTTP): `begin(body)` reads
 * a HelpDesk request, `respond()` answers its JSON body, `events()` its stream events.
 */
export class ChatHandler<S extends object = SessionShape> extends TurnRunner<S, ChatResponseBody, StreamEvent> {
  constructor(agent: Agent<S>, options: ChatHandlerOptions = {}) {
    super(agent, { ...options, protocol: options.protocol ?? helpdesk });
  }
}

import type { Agent } from '../agent/agent.js';
import { BatonError } from '../errors.js';
import { BatonMetrics } from '../observability/metrics.js';
import { TurnObserver } from '../observability/turn-observation.js';
import type { Protocol } from '../protocols/protocol.js';
import { SessionManager } from '../session/session-manager.js';
import { hasTurnLog } from '../session/stores/store.js';
import { type ResolvedTurnLog, resolveTurnLog } from '../session/turn-log.js';
import type { ServerContext } from '../turn.js';
import { InflightTurns, shuttingDown } from '../turn-runner/inflight-turns.js';
import { LocalTurns } from '../turn-runner/turn-control.js';
import { TurnRunner } from '../turn-runner/turn-runner.js';
import {
  type BatonCloseOptions,
  type BatonHandler,
  type HandleExtra,
  JSON_ANSWERED,
  type JsonAnswer,
} from './adapter.js';
import { byteLimit } from './body.js';
import { SessionIdTransport } from './cookies.js';
import { errorResponse, HostError, reportable, toBatonError, withRequestId } from './errors.js';
import { health, liveness, readiness } from './health.js';
import type { FetchHandlerOptions } from './options.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { requestLog } from './request-log.js';
import { answerResume, answerStop, type ResumeServices } from './resume-routes.js';
import { type BatonRouteName, type RouteEntry, type RouteTable, routeTable } from './route-table.js';
import { endSession, readMessages } from './session-routes.js';
import { deleteSession, listSessions, renameSession } from './sessions-routes.js';
import { answerTurn, type RequestState, type TurnRouteServices } from './turn-route.js';

/**
 * Baton on the Fetch API, for the protocols given: each protocol's turn routes, Baton's session
 * and health routes, body rules and limits, the session id from a header or cookie, abort on
 * disconnect and error mapping. It names no protocol: `createBatonHandler` fills the default list.
 */
export function createFetchHandler<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: FetchHandlerOptions<C>,
): BatonHandler<S> {
  const sessions = sessionManager(options);
  const turnLog = turnLogOf(sessions, options);
  const table = routeTable(options.protocols, { ...options, resume: turnLog !== undefined });
  const local = new LocalTurns();
  const { runners, first } = turnRunners(agent, sessions, options, { turnLog, local });
  const { inflight, onError } = first;
  const cookie = options.cookie === true ? {} : options.cookie || undefined;
  const services: TurnRouteServices = {
    sessions,
    limits: { limit: byteLimit(options.bodyLimit ?? '1mb'), timeoutMs: options.bodyTimeoutMs ?? 10_000 },
    context: options.context,
    ids: new SessionIdTransport(options.sessionHeader ?? 'x-baton-session', cookie),
  };
  const requestIdHeader = options.requestIdHeader ?? REQUEST_ID_HEADER;
  const requestIdPair = requestIdHeader.toLowerCase();
  const log = requestLog(options.logger);

  const resume = turnLog === undefined ? undefined : { sessions, turnLog, local, route: services };
  const server: RouteServer<S> = { sessions, inflight, runners, services, table, resume };

  /** Every answer carries the request id, errors in their body too; each request is logged once. */
  const dispatch = async (request: Request, given: HandleExtra<S>): Promise<Response> => {
    const requestId = given.requestId ?? requestIdFrom(request.headers.get(requestIdHeader), options.generateRequestId);
    let name: BatonRouteName | undefined = given.route;
    let state: RequestState | undefined;
    try {
      name ??= table.nameAt(new URL(request.url).pathname);
      const entry = name === undefined ? undefined : table.entries.get(name);
      if (entry === undefined) {
        throw new BatonError('NOT_FOUND', `No route ${request.method} ${new URL(request.url).pathname}`);
      }
      state = { requestId, route: entry.name, started: false };
      const answer = await answerRoute(server, request, given, state, entry);
      if (!(answer instanceof Response)) {
        // A turn's JSON answer as plain data (`jsonAnswer`): the host writes it.
        answer.headers.push([requestIdPair, requestId]);
        given.jsonAnswer?.(answer);
        if (!state.started) log(name, requestId, answer.status);
        return JSON_ANSWERED;
      }
      answer.headers.set(requestIdHeader, requestId);
      if (!state.started) log(name, requestId, answer.status);
      return answer;
    } catch (error) {
      if (error instanceof HostError) throw error;
      const baton = withRequestId(toBatonError(error), requestId, requestIdHeader);
      if (!state?.started) log(name, requestId, baton.status, baton);
      throw baton;
    }
  };

  return {
    handle: async (request, extra = {}) => {
      try {
        return await dispatch(request, extra);
      } catch (error) {
        if (error instanceof HostError) throw error.error;
        const baton = toBatonError(error);
        const report = reportable(baton);
        if (report !== undefined) onError(report);
        return errorResponse(baton);
      }
    },
    handleOrThrow: async (request, extra = {}) => {
      try {
        return await dispatch(request, extra);
      } catch (error) {
        throw error instanceof HostError ? error.error : toBatonError(error);
      }
    },
    routes: table.routes,
    table,
    chatPaths: table.turnPaths,
    handler: first,
    sessions,
    close: async (closeOptions: BatonCloseOptions = {}) => {
      const drained = await inflight.drain(closeOptions);
      options.logger?.info({ finished: drained.finished, aborted: drained.aborted }, 'baton closed');
      if (closeOptions.closeStore !== false) await sessions.close();
    },
    get closing() {
      return inflight.closing;
    },
  };
}

/** What answering a route needs, built once per handler. */
interface RouteServer<S extends object> {
  sessions: SessionManager;
  inflight: InflightTurns;
  runners: Map<Protocol, TurnRunner<S>>;
  services: TurnRouteServices;
  table: RouteTable;
  /** Resume on: what its routes share. */
  resume: ResumeServices | undefined;
}

/** Answers one named route (its methods checked): a health check, a protocol's turn, a session route. */
async function answerRoute<S extends object>(
  server: RouteServer<S>,
  request: Request,
  extra: HandleExtra<S>,
  state: RequestState,
  entry: RouteEntry,
): Promise<Response | JsonAnswer> {
  const { sessions, inflight, services } = server;
  if (!entry.methods.includes(request.method)) {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: entry.allow } });
    const pathname = new URL(request.url).pathname;
    throw new BatonError('METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${pathname}`, undefined, {
      headers: { Allow: entry.allow },
    });
  }
  const { target } = entry;
  if (target.kind === 'live') return liveness();
  if (target.kind === 'ready') return readiness(sessions, inflight.closing);
  if (target.kind === 'health') return health(sessions, inflight.closing);
  if (inflight.closing) throw shuttingDown(); // turns and session ends: the store is closing
  if (server.resume && (target.kind === 'resume' || (target.kind === 'turn' && request.method !== 'POST'))) {
    const context = await serverContext(request, extra, services);
    const pathId = target.kind === 'resume' ? server.table.idAt(entry.name, new URL(request.url).pathname) : undefined;
    return answerResume(request, context, target, server.resume, pathId);
  }
  if (target.kind === 'turn') {
    // `return await`: one microtask hop, where returning the promise takes three.
    return await answerTurn(
      request,
      extra,
      state,
      server.runners.get(target.protocol) as TurnRunner<S>,
      target.framing,
      services,
    );
  }
  // Session routes see the trusted context too: the `owner` hook reads it.
  const context = await serverContext(request, extra, services);
  if (target.kind === 'messages') return readMessages(request, sessions, services.ids.read(request), context);
  if (target.kind === 'sessions') return listSessions(request, sessions, context);
  if (target.kind === 'stop') {
    if (server.resume === undefined) throw new BatonError('NOT_FOUND', 'Resume is off (the `resume` option)');
    return answerStop(request, context, server.resume);
  }
  if (target.kind === 'sessionById') {
    const id = server.table.idAt(entry.name, new URL(request.url).pathname);
    if (request.method === 'DELETE') return deleteSession(sessions, id, context);
    return renameSession(request, sessions, id, context, { limits: services.limits, parsed: extra.body });
  }
  return endSession(request, sessions, services.ids, context);
}

/** The host's trusted context for a request (its `server`, or the `context` option); its errors are the host's. */
async function serverContext(
  request: Request,
  extra: Pick<HandleExtra<object>, 'server'>,
  services: TurnRouteServices,
): Promise<ServerContext> {
  try {
    const context = services.context;
    const given = extra.server ?? (context ? () => context(request) : undefined);
    return (typeof given === 'function' ? await given() : given) ?? {};
  } catch (error) {
    throw new HostError(error);
  }
}

/** Resume: the turn logs' options when `resume` is on (server mode with a store keeping them). */
function turnLogOf(sessions: SessionManager, options: FetchHandlerOptions): ResolvedTurnLog | undefined {
  const given = options.resume;
  if (given === undefined || given === false) {
    if (options.doubleText === 'interrupt' || options.doubleText === 'rollback') {
      throw new BatonError('CONFIG_INVALID', `doubleText '${options.doubleText}' needs \`resume\` (turn logs)`);
    }
    return undefined;
  }
  if (sessions.mode !== 'server' || !hasTurnLog(sessions.store)) {
    throw new BatonError('CONFIG_INVALID', 'resume needs server mode and a store keeping turn logs', {
      mode: sessions.mode,
    });
  }
  return resolveTurnLog(given === true ? {} : given);
}

/** The handler's SessionManager: the one given, or one built from its options (and the handler's `owner`, `title`). */
function sessionManager(options: FetchHandlerOptions): SessionManager {
  const { owner, title } = options;
  if (options.sessions instanceof SessionManager) {
    if (owner !== undefined || title !== undefined) {
      throw new BatonError('CONFIG_INVALID', 'Give `owner` and `title` to the SessionManager you pass as `sessions`');
    }
    return options.sessions;
  }
  if (owner === undefined && title === undefined) return new SessionManager(options.sessions);
  const given = options.sessions ?? {};
  if (given.mode !== 'server') {
    throw new BatonError('CONFIG_INVALID', 'owner needs server mode: owners are recorded in the session store', {
      mode: given.mode ?? 'client',
    });
  }
  return new SessionManager({ ...given, ...(owner ? { owner } : {}), ...(title ? { title } : {}) });
}

/**
 * One turn runner per protocol, sharing the sessions, one observer (logs, metrics), one set of
 * turns in flight (drained by `close()`) and one `onError`.
 */
function turnRunners<S extends object>(
  agent: Agent<S>,
  sessions: SessionManager,
  options: FetchHandlerOptions,
  resume: { turnLog: ResolvedTurnLog | undefined; local: LocalTurns },
): { runners: Map<Protocol, TurnRunner<S>>; first: TurnRunner<S> } {
  const { logger } = options;
  const inflight = new InflightTurns();
  const observer = new TurnObserver(
    logger,
    new BatonMetrics(options.meterProvider, () => inflight.size, options.metricProducer),
  );
  const onError = options.onError ?? (logger ? () => {} : undefined);
  const runners = new Map<Protocol, TurnRunner<S>>();
  for (const protocol of options.protocols) {
    runners.set(
      protocol,
      new TurnRunner<S>(agent, {
        protocol,
        sessions,
        observer,
        inflight,
        ...(onError ? { onError } : {}),
        ...(options.turnTimeoutMs === undefined ? {} : { turnTimeoutMs: options.turnTimeoutMs }),
        ...(resume.turnLog === undefined ? {} : { turnLog: resume.turnLog }),
        local: resume.local,
        ...(options.doubleText === undefined ? {} : { doubleText: options.doubleText }),
        ...(options.onDisconnect === undefined ? {} : { onDisconnect: options.onDisconnect }),
      }),
    );
  }
  const first = runners.get(options.protocols[0] as Protocol);
  if (first === undefined) throw new BatonError('CONFIG_INVALID', 'Give at least one protocol');
  return { runners, first };
}

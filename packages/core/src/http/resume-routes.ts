import { BatonError } from '../errors.js';
import type { Framing, Protocol, TurnInput, TurnResult } from '../protocols/protocol.js';
import { isSessionId } from '../session/session-id.js';
import type { SessionManager } from '../session/session-manager.js';
import { followTurnLog, type ResolvedTurnLog, type TurnLogMeta } from '../session/turn-log.js';
import type { ServerContext, TurnEvent } from '../turn-events.js';
import { type LocalTurns, stopTurn, turnLogStore, visibleMeta } from '../turn-runner/turn-control.js';
import { isJsonType, readJsonBody } from './body.js';
import { asBaton } from './errors.js';
import type { TurnRouteServices } from './turn-route.js';

/*
 * Resume and stop (`resume` on, server mode): `GET` on a protocol's resume route replays the
 * session's running turn from its log, in the protocol's framing, and follows it live to its end
 * (`TURN_LOST` if its process died); `POST /api/session/stop` stops it from any process. An owned
 * session's turn is its owner's only: to anyone else it is answered exactly as no turn at all.
 */

const encoder = new TextEncoder();
/** The resume routes' 200: the turn's status when the resume began (`running`, `ended`, `stopped`). */
const TURN_STATUS_HEADER = 'x-baton-turn-status';
const NOTHING = () => new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });

/** What the resume and stop routes share. */
export interface ResumeServices {
  readonly sessions: SessionManager;
  readonly turnLog: ResolvedTurnLog;
  readonly local: LocalTurns;
  readonly route: TurnRouteServices;
}

/**
 * `GET {route}?after=<n>` (HelpDesk: the stream route's path) or `GET {route}/:id/stream` (AI SDK
 * UI): the turn's frames after the first `after` (default 0: all), then live to the end. 204 when
 * the session has no turn log the caller may see — or, on a path with the id (the AI SDK's
 * contract), no turn running. The session is the one the header or cookie names, else `pathId`.
 * A 200 says in `x-baton-turn-status` whether the turn was still `running` or already ended.
 */
export async function answerResume(
  request: Request,
  server: ServerContext,
  target: { protocol: Protocol; framing: Framing },
  services: ResumeServices,
  pathId?: string,
): Promise<Response> {
  const { framing, protocol } = target;
  if (framing.kind !== 'stream') throw new BatonError('NOT_FOUND', 'This route does not stream');
  const store = turnLogStore(services.sessions.store);
  const after = afterOf(new URL(request.url).searchParams);
  const id = services.route.ids.read(request) ?? pathId;
  if (!isSessionId(id)) return NOTHING();
  const first = await asBaton(store.readTurnLog(id, 0));
  const meta = visibleMeta(first, services.sessions.ownerOf(server));
  if (first === undefined || meta === undefined) return NOTHING();
  if (pathId !== undefined && first.status !== 'running') return NOTHING();
  const follow = new AbortController();
  const events = protocol
    .encodeEvents(turnEvents(followTurnLog(store, id, first, services.turnLog, follow.signal)), inputOf(meta, id))
    [Symbol.asyncIterator]();
  let skip = after;
  const stop = () => follow.abort();
  request.signal.addEventListener('abort', stop, { once: true });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (true) {
        const step = await events.next();
        if (step.done) {
          request.signal.removeEventListener('abort', stop);
          if (framing.end !== undefined) controller.enqueue(encoder.encode(framing.end));
          controller.close();
          return;
        }
        if (skip > 0) {
          skip -= 1;
          continue;
        }
        controller.enqueue(encoder.encode(framing.frame(step.value)));
        return;
      }
    },
    async cancel() {
      stop();
      await events.return?.(undefined);
    },
  });
  const headers = new Headers(framing.headers);
  // Whether the turn still runs (a page reloaded mid-answer follows it) or is only replayed.
  headers.set(TURN_STATUS_HEADER, first.status);
  return new Response(body, { status: 200, headers });
}

/** The log's steps as turn events: a lost producer ends the stream with `TURN_LOST`. */
async function* turnEvents(steps: ReturnType<typeof followTurnLog>): AsyncGenerator<TurnEvent<TurnResult>> {
  for await (const step of steps) {
    if (step.kind === 'event') yield step.event;
    else yield { type: 'error', error: new BatonError('TURN_LOST', 'The process running the turn stopped') };
  }
}

/** What the protocol's encoder reads of the turn's input (it never reads the messages again). */
function inputOf(meta: TurnLogMeta, id: string): TurnInput {
  return {
    messages: [],
    approvals: meta.input.approvals,
    context: {},
    session: undefined,
    sessionId: id,
    extra: meta.input.extra,
  };
}

/** `after`: how many of the turn's frames the client has (0 or more). */
function afterOf(query: URLSearchParams): number {
  const raw = query.get('after');
  if (raw === null) return 0;
  if (!/^(0|[1-9][0-9]{0,8})$/.test(raw)) {
    throw new BatonError('REQUEST_INVALID', '`after` must be a whole number of frames', {
      issues: [{ path: 'after', message: 'an integer from 0' }],
    });
  }
  return Number(raw);
}

/**
 * `POST /api/session/stop`: stops the running turn of the session the header or cookie (or the
 * JSON body's `session_id` / `sessionId`) names, from any process, and answers once it ended:
 * `200 { stopped: true }`. The turn commits nothing, frees the lease, and its stream (and every
 * resumed one) ends with `TURN_STOPPED`. No turn running that the caller may see: 404
 * `SESSION_NOT_FOUND`, as an unknown id.
 */
export async function answerStop(request: Request, server: ServerContext, services: ResumeServices): Promise<Response> {
  const store = turnLogStore(services.sessions.store);
  let id = services.route.ids.read(request);
  if (id === undefined && isJsonType(request.headers.get('content-type'))) {
    const body = (await readJsonBody(request, services.route.limits)) as Record<string, unknown> | null;
    const named = body?.session_id ?? body?.sessionId;
    if (typeof named === 'string') id = named;
  }
  if (!isSessionId(id)) throw new BatonError('SESSION_NOT_FOUND', 'No running turn of this session');
  const caller = services.sessions.ownerOf(server);
  const { pollMs, aliveMs } = services.turnLog;
  const stopped = await asBaton(stopTurn(store, services.local, id, caller, { by: 'stop', waitMs: aliveMs, pollMs }));
  if (stopped === undefined) throw new BatonError('SESSION_NOT_FOUND', 'No running turn of this session');
  return Response.json({ stopped: true }, { headers: { 'Cache-Control': 'no-store' } });
}

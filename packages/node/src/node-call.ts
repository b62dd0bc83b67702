import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BatonError,
  type BatonHandler,
  type HandleExtra,
  type JsonAnswer,
  REQUEST_ID_HEADER,
  requestIdFrom,
  type SessionShape,
  TurnController,
} from '@baton/core';
import { toRequest, type UrlSource } from './node-request.js';

/**
 * What a Node framework adapter says about one request besides `req` and `res`: the fields of
 * `HandleExtra` it has (the route it matched, a body a parser read, `server`, `onSession`), and
 * how to read the rest. `callBaton` fills in `controller`, `jsonText` (or `jsonAnswer`) and `requestId` (one object
 * per request, handed to the core as it is).
 */
export interface NodeCall<S extends object = SessionShape> extends HandleExtra<S> {
  /** Where the URL comes from, when the framework knows better (Koa's `ctx`). */
  url?: UrlSource;
  /** The request id header (default `x-request-id`) and how to make an id, when `requestId` is not given. */
  requestIdHeader?: string;
  generateRequestId?: (() => string) | undefined;
  /** Failures before the first byte reject (the framework answers them) instead of being answered. */
  throws?: boolean;
  /**
   * A turn's whole JSON answer comes back as plain data (`NodeAnswer.answer`: status, header
   * pairs, text), `response` being then the empty `JSON_ANSWERED`: no Fetch Headers or Response
   * is built for it. Default false: the Response carries the status and headers.
   */
  plainJson?: boolean;
}

/** The answer: the `Response` and, for a turn's whole JSON answer, its text (the Response has no body then). */
export interface NodeAnswer {
  response: Response;
  json: string | undefined;
  /** With `plainJson`: a turn's whole JSON answer (write it with {@link writeJsonAnswer}); `response` carries nothing then. */
  answer?: JsonAnswer | undefined;
  requestId: string;
}

/**
 * Answers one Node request with Baton's Fetch handler, on the fast path: the request is a view of
 * Node's (no real `Request`), the client going away aborts the request's one controller (the turn
 * runs on it), and a JSON answer comes back as its text, for the adapter to write as it is.
 */
export async function callBaton<S extends object>(
  baton: BatonHandler<S>,
  req: IncomingMessage,
  res: ServerResponse,
  call: NodeCall<S>,
): Promise<NodeAnswer> {
  const disconnect = new TurnController(); // its signal is raced without a listener
  const onClose = () => {
    if (!res.writableFinished && !disconnect.signal.aborted) {
      disconnect.abort(new BatonError('TURN_ABORTED', 'The client went away'));
    }
  };
  res.on('close', onClose); // removed below: no `once` wrapper per request
  const requestId = call.requestId ?? requestIdOf(req, call.requestIdHeader, call.generateRequestId);
  let json: string | undefined;
  let answer: JsonAnswer | undefined;
  call.controller = disconnect;
  call.requestId = requestId;
  if (call.plainJson) {
    call.jsonAnswer = (given) => {
      answer = given;
    };
  } else {
    call.jsonText = (text) => {
      json = text;
    };
  }
  try {
    const request = toRequest(req, disconnect.signal, call.body === undefined, call.url);
    const response = await (call.throws ? baton.handleOrThrow(request, call) : baton.handle(request, call));
    return answer === undefined ? { response, json, requestId } : { response, json: answer.text, answer, requestId };
  } finally {
    res.off('close', onClose);
  }
}

/**
 * Writes a turn's JSON answer given as plain data (`NodeAnswer.answer`) onto Node's response:
 * status, headers (each `Set-Cookie` on its own), Content-Length and the text.
 */
export function writeJsonAnswer(res: ServerResponse, answer: JsonAnswer): void {
  res.statusCode = answer.status;
  const cookies: string[] = [];
  for (const [name, value] of answer.headers) {
    if (name === 'set-cookie') cookies.push(value);
    else res.setHeader(name, value);
  }
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.setHeader('content-length', Buffer.byteLength(answer.text));
  res.end(answer.text);
}

/** Whether a body parser in front already read the request's body. */
export function bodyWasRead(req: IncomingMessage): boolean {
  return req.readableEnded || req.readableDidRead;
}

/** The request's id: the one in its id header when that one is safe, else a new one. */
export function requestIdOf(req: IncomingMessage, header = REQUEST_ID_HEADER, generate?: () => string): string {
  const given = req.headers[header.toLowerCase()];
  return requestIdFrom(typeof given === 'string' ? given : undefined, generate);
}

import {
  type Agent,
  type BatonCloseOptions,
  BatonError,
  type BatonHandler,
  type BatonHandlerOptions,
  type BatonRouteName,
  createBatonHandler,
  type ServerContext,
  type SessionShape,
} from '@baton/core';
import { callBaton, errorAnswer, nodeBody } from '@baton/node';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

/** Options of {@link batonFastify} (besides Fastify's own register options, `prefix` among them). */
export interface BatonFastifyOptions<C extends ServerContext = ServerContext>
  extends Omit<BatonHandlerOptions<C>, 'context' | 'prefix'> {
  /** The agent answering the turns. */
  // biome-ignore lint/suspicious/noExplicitAny: any session shape
  agent: Agent<any>;
  /** Trusted values for the turn from Fastify's request (`request.user`); an error thrown here is the app's. */
  context?: (request: FastifyRequest) => C | Promise<C>;
  /** Options of Baton's `close()`, which Fastify's `onClose` runs (default: drain the turns, close the store). */
  close?: BatonCloseOptions;
  /** Receives the handler once it is built (its session manager, routes, `close`). */
  onReady?: (baton: BatonHandler<SessionShape>) => void;
}

/** Methods each of Baton's paths is mounted with: the core answers 405 (with `Allow`) for the wrong one. OPTIONS is left to CORS. */
const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * Baton's routes as a Fastify plugin: `app.register(batonFastify, { agent, ... })` mounts every
 * route of core's route table (the protocols' turn routes and their aliases, `DELETE /api/session`,
 * `GET /api/session/messages`, the health routes), under Fastify's `prefix` when given.
 *
 * The plugin is encapsulated: inside it, Fastify's body parsers are replaced by one that leaves
 * the body unread, so Baton reads it with its own rules (`bodyLimit`, `bodyTimeoutMs`, JSON only,
 * UTF-8, no `__proto__`): Fastify's `bodyLimit` and the app's own parsers apply to the app's
 * routes only. Answers go through `reply` (the app's hooks see them); an NDJSON stream is piped,
 * and a client that goes away aborts the turn. An error of `context` goes to the app's error
 * handler untouched. Fastify's `onClose` runs Baton's graceful `close()`.
 */
export async function batonFastify<C extends ServerContext = ServerContext>(
  app: FastifyInstance,
  options: BatonFastifyOptions<C>,
): Promise<void> {
  const { agent, context, close, onReady, ...rest } = options;
  // Fastify hands its own register options (`prefix`, `logLevel`) to the plugin: Fastify applies them.
  const {
    prefix: _prefix,
    logLevel: _logLevel,
    ...handlerOptions
  } = rest as typeof rest & {
    prefix?: string;
    logLevel?: string;
  };
  const baton = createBatonHandler(agent, handlerOptions);
  onReady?.(baton);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  app.setErrorHandler(async (error, request, reply) => {
    // A Content-Type header Fastify cannot read is refused before the parser runs: Baton's 415.
    if ((error as { code?: unknown }).code !== 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw error;
    const refused = new BatonError('UNSUPPORTED_MEDIA_TYPE', 'The Content-Type header is not valid');
    const answer = await errorAnswer(refused, error, request.raw, undefined);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  // Before Fastify closes its server: new turns are refused, the turns in flight finish (their
  // answers close their connections, so the server's close does not wait on kept-alive sockets).
  let closed: Promise<void> | undefined;
  app.addHook('preClose', async () => {
    closed ??= baton.close(close);
    await closed;
  });
  app.addHook('onClose', async () => {
    closed ??= baton.close(close);
    await closed;
  });

  const answer = async (name: BatonRouteName, request: FastifyRequest, reply: FastifyReply) => {
    const { response, json, answer } = await callBaton(baton, request.raw, reply.raw, {
      route: name,
      plainJson: true,
      url: { protocol: request.protocol, host: request.host, url: request.url },
      ...(options.requestIdHeader ? { requestIdHeader: options.requestIdHeader } : {}),
      generateRequestId: options.generateRequestId,
      ...(context ? { server: () => context(request) } : {}),
    });
    if (answer !== undefined) {
      reply.code(answer.status);
      if (baton.closing) reply.header('connection', 'close');
      const cookies: string[] = [];
      for (const [key, value] of answer.headers) {
        if (key === 'set-cookie') cookies.push(value);
        else reply.header(key, value);
      }
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.send(answer.text);
    }
    reply.code(response.status);
    if (baton.closing) reply.header('connection', 'close');
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    return reply.send(await nodeBody(response, json)); // a stream is piped: a client gone cancels the turn
  };

  const mounted = new Set<string>();
  for (const { name, path } of baton.routes) {
    if (mounted.has(path)) continue;
    mounted.add(path);
    app.route({
      method: METHODS,
      url: path,
      exposeHeadRoute: false,
      handler: (request, reply) => answer(name, request, reply),
    });
  }
}

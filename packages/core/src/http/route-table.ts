import type { Framing, Protocol } from '../protocols/protocol.js';

/** Baton's own routes, beside the protocols' turn routes. */
export type SessionRouteName = 'session' | 'messages' | 'sessions' | 'sessionById' | 'stop';
/** The health routes (Kubernetes probes ask `live` and `ready`). */
export type HealthRouteName = 'health' | 'live' | 'ready';
/**
 * A route's name: one of Baton's own, or a protocol's turn route (`chat`, `chatStream`, `uiChat`
 * with the default protocols).
 */
export type BatonRouteName = SessionRouteName | HealthRouteName | (string & {});

/** One route: its name, method and full path (prefix included). Aliases are routes of the same name. */
export interface BatonRoute {
  name: BatonRouteName;
  method: 'POST' | 'GET' | 'DELETE' | 'PATCH';
  /** A segment `:id` matches one path segment (the id), as in Koa, Fastify and Express. */
  path: string;
}

/**
 * Where each route lives, by name: a path renames it, `false` switches it off, `true` mounts a
 * route that is off by default (a protocol's opt-in route) at its own path. A protocol's turn
 * routes are named by the protocol (`chat`, `chatStream`, `uiChat` with the default ones).
 */
export interface BatonRoutePaths {
  [route: string]: string | boolean | undefined;
  /** `DELETE` ends a server-mode session (default `/api/session`). */
  session?: string | false;
  /** `GET` reads a session's conversation back, with memory on (default `/api/session/messages`). */
  messages?: string | false;
  /** Owners: `GET` lists the caller's sessions (default `/api/sessions`). */
  sessions?: string | false;
  /** Owners: `PATCH` renames, `DELETE` ends one of the caller's sessions (default `/api/sessions/:id`). */
  sessionById?: string | false;
  /** Resume: `POST` stops the session's running turn, from any process (default `/api/session/stop`). */
  stop?: string | false;
  /** Liveness and store check (default `/health`). */
  health?: string | false;
  /** Liveness: 200 while the process runs (default `/health/live`). */
  live?: string | false;
  /** Readiness: 200 when the store answers, 503 when it does not or while shutting down (default `/health/ready`). */
  ready?: string | false;
}

/** How the route table is laid out: renamed routes, aliases, a mount point. */
export interface RouteTableOptions {
  /** Rename or switch off routes. */
  paths?: BatonRoutePaths;
  /** Mount the protocols' older route names beside their routes (default true). */
  aliases?: boolean;
  /** Mount point put before every path (default: none). */
  prefix?: string;
  /** Resume on: mount the protocols' resume routes (`GET`) and the stop route. */
  resume?: boolean;
}

/** What answers a route: a protocol's turn (with the route's framing), a session route, a health check. */
export type RouteTarget =
  | { readonly kind: 'turn'; readonly protocol: Protocol; readonly framing: Framing }
  /** Resume: `GET` replays a running turn's events in the protocol's framing and follows it live. */
  | { readonly kind: 'resume'; readonly protocol: Protocol; readonly framing: Framing }
  | { readonly kind: SessionRouteName | HealthRouteName };

/** One named route as the core answers it: the methods it allows (the `Allow` header) and its target. */
export interface RouteEntry {
  readonly name: BatonRouteName;
  readonly allow: string;
  readonly methods: readonly string[];
  readonly target: RouteTarget;
}

/**
 * The one route table every adapter reads: which routes are mounted where (`routes`), what
 * answers each name (`entries`, every known route, mounted or not: a host that routed already
 * names it), and which paths run turns (`turnPaths`, where a body parser's errors are Baton's).
 */
export interface RouteTable {
  readonly routes: readonly BatonRoute[];
  readonly entries: ReadonlyMap<BatonRouteName, RouteEntry>;
  /** Full paths of the turn routes (aliases included). */
  readonly turnPaths: readonly string[];
  /** The route mounted at a full path, if any (an exact path first, then one with `:id`). */
  nameAt(pathname: string): BatonRouteName | undefined;
  /** The `:id` segment of `pathname` under a route of this name (undefined if none matches). */
  idAt(name: BatonRouteName, pathname: string): string | undefined;
}

const OWN_ROUTES: readonly {
  name: SessionRouteName | HealthRouteName;
  methods: readonly ('GET' | 'DELETE' | 'PATCH' | 'POST')[];
  path: string;
  /** Mounted only with `resume` on. */
  resume?: boolean;
}[] = [
  { name: 'session', methods: ['DELETE'], path: '/api/session' },
  { name: 'messages', methods: ['GET'], path: '/api/session/messages' },
  { name: 'stop', methods: ['POST'], path: '/api/session/stop', resume: true },
  { name: 'sessions', methods: ['GET'], path: '/api/sessions' },
  { name: 'sessionById', methods: ['PATCH', 'DELETE'], path: '/api/sessions/:id' },
  { name: 'health', methods: ['GET'], path: '/health' },
  { name: 'live', methods: ['GET'], path: '/health/live' },
  { name: 'ready', methods: ['GET'], path: '/health/ready' },
];

/**
 * The route table: the protocols' turn routes (`POST`) in the order given, then Baton's session
 * and health routes, each renamed, switched off or prefixed as `options` say. An alias follows
 * its route: renamed, it stays; switched off, it goes too.
 */
export function routeTable(protocols: readonly Protocol[], options: RouteTableOptions = {}): RouteTable {
  const paths = options.paths ?? {};
  const prefix = options.prefix ?? '';
  const aliases = options.aliases ?? true;
  const routes: BatonRoute[] = [];
  const entries = new Map<BatonRouteName, RouteEntry>();
  const turnPaths: string[] = [];
  const mount = (name: string, method: BatonRoute['method'], path: string | false, more: readonly string[] = []) => {
    if (path === false) return [];
    const full = [path, ...(aliases ? more : [])].map((p) => `${prefix}${p}`);
    for (const p of full) routes.push({ name, method, path: p });
    return full;
  };
  for (const protocol of protocols) {
    for (const route of protocol.routes) {
      if (entries.has(route.name)) continue; // the first protocol naming a route keeps it
      const target = { kind: 'turn', protocol, framing: route.framing } as const;
      const path = pathOf(paths[route.name], route.path, route.optIn);
      const resumeHere = options.resume === true && route.resumePath === '';
      const methods = resumeHere ? ['POST', 'GET', 'HEAD'] : ['POST'];
      entries.set(route.name, { name: route.name, allow: methods.join(', '), methods, target });
      turnPaths.push(...mount(route.name, 'POST', path, route.aliases));
      if (path === false || options.resume !== true || route.resumePath === undefined) continue;
      if (resumeHere) mount(route.name, 'GET', path);
      else {
        // A route of its own under the turn route's path (it follows a rename).
        const name = `${route.name}Resume`;
        const resume = { kind: 'resume', protocol, framing: route.framing } as const;
        entries.set(name, { name, allow: 'GET, HEAD', methods: ['GET', 'HEAD'], target: resume });
        mount(name, 'GET', `${path}${route.resumePath}`);
      }
    }
  }
  for (const own of OWN_ROUTES) {
    const allow = own.methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
    entries.set(own.name, { name: own.name, allow, methods: allow.split(', '), target: { kind: own.name } });
    const path = own.resume && options.resume !== true ? false : pathOf(paths[own.name], own.path, false);
    for (const method of own.methods) mount(own.name, method, path);
  }
  const byPath = new Map<string, BatonRouteName>();
  const patterns: { name: BatonRouteName; pattern: RegExp }[] = [];
  for (const route of routes) {
    if (route.path.includes('/:')) {
      if (!patterns.some((p) => p.name === route.name))
        patterns.push({ name: route.name, pattern: patternOf(route.path) });
    } else if (!byPath.has(route.path)) byPath.set(route.path, route.name);
  }
  const idAt = (name: BatonRouteName, pathname: string) => {
    for (const p of patterns) if (p.name === name) return p.pattern.exec(pathname)?.[1];
    return undefined;
  };
  const nameAt = (pathname: string) => byPath.get(pathname) ?? patterns.find((p) => p.pattern.test(pathname))?.name;
  return { routes, entries, turnPaths, nameAt, idAt };
}

/** A path with one `:param` segment as a regular expression capturing that segment. */
function patternOf(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

/** A route's path from what the host said: nothing (its default, unless opt-in), `true`, `false` or a path. */
function pathOf(given: string | boolean | undefined, path: string, optIn: boolean | undefined): string | false {
  if (given === undefined) return optIn ? false : path;
  return given === true ? path : given;
}

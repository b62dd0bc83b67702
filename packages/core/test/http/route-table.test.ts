/** The one route table: the protocols' turn routes in order, then Baton's session and health routes. */
import { describe, expect, it } from 'vitest';
import { aiSdkUi, batonRoutes, defaultProtocols, helpdesk, type Protocol, routeTable } from '../../src/index.js';

const paths = (protocols: readonly Protocol[], options = {}) =>
  routeTable(protocols, options).routes.map((r) => `${r.method} ${r.path} ${r.name}`);

describe('routeTable', () => {
  it('mounts each protocol route (aliases beside it), then the session and health routes', () => {
    expect(paths(defaultProtocols())).toEqual([
      'POST /api/chat chat',
      'POST /api/sendMessage chat',
      'POST /api/chat-stream chatStream',
      'POST /api/sendMessageStream chatStream',
      'DELETE /api/session session',
      'GET /api/session/messages messages',
      'GET /api/sessions sessions',
      'PATCH /api/sessions/:id sessionById',
      'DELETE /api/sessions/:id sessionById',
      'GET /health health',
      'GET /health/live live',
      'GET /health/ready ready',
    ]);
  });

  it('an opt-in route is mounted when named (true: its own path), aliases follow their route when off', () => {
    const table = routeTable([helpdesk, aiSdkUi], {
      prefix: '/v1',
      paths: { uiChat: true, chat: false, chatStream: '/stream' },
    });
    expect(table.turnPaths).toEqual(['/v1/stream', '/v1/api/sendMessageStream', '/v1/api/ui/chat']);
    expect(table.nameAt('/v1/api/ui/chat')).toBe('uiChat');
    expect(table.nameAt('/v1/api/chat')).toBeUndefined();
    // Every route stays known by name (a host that routed already names it), mounted or not.
    expect(table.entries.get('chat')?.target.kind).toBe('turn');
    expect(table.entries.get('health')?.allow).toBe('GET, HEAD');
  });

  it('`aliases: false` drops every alias; the first protocol naming a route keeps it', () => {
    const copy: Protocol = { ...aiSdkUi, name: 'copy', routes: [{ ...helpdesk.routes[0], path: '/copy' } as never] };
    const table = routeTable([helpdesk, copy], { aliases: false });
    expect(table.turnPaths).toEqual(['/api/chat', '/api/chat-stream']);
    expect(table.entries.get('chat')?.target).toMatchObject({ kind: 'turn', protocol: helpdesk });
  });
});

describe('routeTable: a path with an `:id` segment', () => {
  it('matches one segment after exact paths, renamed and prefixed like every route', () => {
    const table = routeTable([helpdesk], { prefix: '/v1', paths: { sessionById: '/chats/:id' } });
    expect(table.nameAt('/v1/chats/abc')).toBe('sessionById');
    expect(table.idAt('sessionById', '/v1/chats/abc')).toBe('abc');
    expect(table.nameAt('/v1/chats/abc/more')).toBeUndefined();
    expect(table.nameAt('/v1/chats/')).toBeUndefined();
    expect(table.nameAt('/v1/api/sessions')).toBe('sessions');
    expect(table.entries.get('sessionById')?.allow).toBe('PATCH, DELETE');
    expect(routeTable([helpdesk], { paths: { sessionById: false } }).nameAt('/api/sessions/abc')).toBeUndefined();
  });
});

describe('batonRoutes (the default protocols)', () => {
  it('`aiSdkUi` stands for `paths.uiChat`', () => {
    expect(batonRoutes({ aiSdkUi: '/ui' }).find((r) => r.name === 'uiChat')).toEqual({
      name: 'uiChat',
      method: 'POST',
      path: '/ui',
    });
    expect(batonRoutes({}).some((r) => r.name === 'uiChat')).toBe(false);
  });
});

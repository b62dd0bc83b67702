/**
 * Where HelpDesk clients send turns: `chat` answers one JSON body, `chatStream` streams NDJSON.
 * Older HelpDesk clients call the same two by the names in `aliases`, which the Python server
 * keeps; web adapters mount both (`@baton/koa`'s `aliases` option).
 */
export const helpDeskRoutes = {
  chat: '/api/chat',
  chatStream: '/api/chat-stream',
  aliases: { chat: '/api/sendMessage', chatStream: '/api/sendMessageStream' },
} as const;

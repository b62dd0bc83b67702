/** The framings a protocol's route can name: JSON, NDJSON, Server-Sent Events. */
import { describe, expect, it } from 'vitest';
import { aiSdkUi, helpdesk, jsonFraming, ndjsonFraming, sseFraming } from '../../src/index.js';

describe('framing', () => {
  it('NDJSON: one JSON line per event, never buffered by proxies', () => {
    const ndjson = ndjsonFraming<object>();
    expect(ndjson.frame({ type: 'text_delta', text: 'a' })).toBe('{"type":"text_delta","text":"a"}\n');
    expect(ndjson.headers['Content-Type']).toBe('application/x-ndjson');
    expect(ndjson.end).toBeUndefined();
  });

  it('SSE: one data event per event, then the end text', () => {
    const sse = sseFraming<object>({ 'content-type': 'text/event-stream' }, 'data: [DONE]\n\n');
    expect(sse.frame({ type: 'start' })).toBe('data: {"type":"start"}\n\n');
    expect(sse.end).toBe('data: [DONE]\n\n');
  });

  it('each protocol names its framing per route', () => {
    expect(helpdesk.routes.map((r) => [r.name, r.framing.kind])).toEqual([
      ['chat', 'json'],
      ['chatStream', 'stream'],
    ]);
    expect(helpdesk.routes[0]?.framing).toBe(jsonFraming);
    expect(aiSdkUi.routes.map((r) => [r.name, r.framing.kind, r.optIn])).toEqual([['uiChat', 'stream', true]]);
  });
});

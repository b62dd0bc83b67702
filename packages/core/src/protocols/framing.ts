import type { JsonFraming, StreamFraming } from './protocol.js';

/** One JSON answer per turn (`application/json`). */
export const jsonFraming: JsonFraming = { kind: 'json' };

/** Newline-delimited JSON: one event per line (`application/x-ndjson`), never buffered by proxies. */
export function ndjsonFraming<Event>(): StreamFraming<Event> {
  return {
    kind: 'stream',
    headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
    frame: (event) => `${JSON.stringify(event)}\n`,
  };
}

/** Server-Sent Events: one `data:` event per turn event, then `end` (if any). */
export function sseFraming<Event>(headers: Readonly<Record<string, string>>, end?: string): StreamFraming<Event> {
  return {
    kind: 'stream',
    headers,
    frame: (event) => `data: ${JSON.stringify(event)}\n\n`,
    ...(end === undefined ? {} : { end }),
  };
}

import type { SessionShape } from '../session/session.js';
import type { Plugin, StreamChunk, StreamChunks } from '../turn.js';
import type { ExecutedCall } from '../turn-events.js';
import { checkFunction, invalid } from './options.js';

const NAME = 'pii-redaction';

/** The kinds of personal data `piiRedaction` knows. */
export type PiiKind = 'email' | 'phone' | 'card';
const KINDS: readonly PiiKind[] = ['email', 'phone', 'card'];

/** A pattern of your own; `replacement` defaults to `[redacted <name>]`. */
export interface PiiPattern {
  name: string;
  pattern: RegExp;
  replacement?: string;
}

/** Options of {@link piiRedaction}. */
export interface PiiRedactionOptions {
  /** Built-in detectors to use (default all: email, phone, card). */
  kinds?: PiiKind[];
  /** Extra patterns, tried after the built-in ones. Keep each within one word-run: see below. */
  patterns?: PiiPattern[];
  /** The text that replaces a value (default `[redacted <kind>]`); a pattern's own wins. */
  replacement?: (kind: string, value: string) => string;
}

interface Detector {
  kind: string;
  regex: RegExp;
  accept?: (value: string) => boolean;
  replace: (value: string) => string;
}

// Whitespace inside a value is a single space, never a newline: the stream can then release text
// at any other whitespace without splitting a value (see `safeCut`).
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// International (+CC ...), North American ((415) 555-2671, 415.555.2671) and leading-0 national
// numbers with one separator throughout (06 12 34 56 78, 020 7946 0958).
const PHONE =
  /(?<![\w+])(?:\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,4})){2,5}|(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}|0\d{1,4}([ .-])\d{2,4}(?:\1\d{2,4}){1,3})(?![\w])/g;
const CARD = /(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])/g;
/** Characters a phone or card number is made of (a value may run across spaces of these). */
const NUMBER_CHAR = /[0-9 ().+-]/;

const digitCount = (value: string) => value.replace(/\D/g, '').length;

/** The Luhn checksum every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Redacts emails, phone numbers and payment card numbers (13 to 19 digits, spaces or dashes
 * allowed, Luhn-checked so order numbers pass) from what the client sees: the answer's content,
 * the streamed text, and the inputs and outputs of executed tool calls. Tool calls awaiting
 * approval are left as they are: the user decides on the real call, and the approval is matched
 * against it. The model still sees everything; this filters its answer, not its context.
 *
 * Streaming: a value may arrive split across chunks, so the stream holds back the text after the
 * last whitespace that cannot be inside a value (a number may run across spaces) and releases it
 * with later chunks, before a tool event, or when the answer ends. The streamed text therefore
 * equals the redacted content `done` carries. Custom patterns should not span whitespace or
 * use anchors and whitespace lookbehinds, or a value split at a space may stream unredacted.
 *
 * Ordering: register it first so its stream hook is outermost and sees the text other stream hooks
 * produce; its response interceptor then runs first among response interceptors, so a later
 * plugin that rewrites the content must not add personal data back.
 *
 * @example
 * new Agent({ model }).use(piiRedaction({
 *   kinds: ['email', 'card'],
 *   patterns: [{ name: 'iban', pattern: /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/, replacement: '[IBAN]' }],
 * }));
 */
export function piiRedaction<S extends object = SessionShape>(options: PiiRedactionOptions = {}): Plugin<S> {
  const detectors = buildDetectors(options);
  const redact = (text: string) => redactText(text, detectors);
  // Per turn: the text held back, not yet released (raw; redacted when released).
  const holds = new WeakMap<object, string>();

  /** Releases everything held (the segment of text is complete), then starts a new segment. */
  const release = (ctx: object): StreamChunk[] => {
    const held = holds.get(ctx) ?? '';
    holds.delete(ctx);
    return held === '' ? [] : [{ type: 'text', delta: redact(held) }];
  };

  return {
    name: NAME,
    responseInterceptors: [
      (response) => ({
        ...response,
        content: redact(response.content),
        executedToolCalls: response.executedToolCalls.map((call) => redactExecuted(call, redact)),
      }),
    ],
    stream: {
      transform(chunk, ctx): StreamChunks {
        if (chunk.type !== 'text') {
          const out = release(ctx);
          out.push(
            chunk.type === 'executed' ? { ...chunk, calls: chunk.calls.map((c) => redactExecuted(c, redact)) } : chunk,
          );
          return out;
        }
        const text = (holds.get(ctx) ?? '') + chunk.delta;
        const cut = safeCut(text);
        holds.set(ctx, text.slice(cut));
        return cut === 0 ? null : { type: 'text', delta: redact(text.slice(0, cut)) };
      },
      flush: (ctx) => release(ctx),
    },
  };
}

/**
 * How much of the held `text` can go now: up to a whitespace no value can span. A value holds no
 * whitespace but single spaces between number characters, so a cut after a space is safe unless
 * number characters sit on both sides of it (the character after the text's end is unknown and
 * counts as one). Released text always ends with whitespace, so a space at `text`'s start is safe.
 */
function safeCut(text: string): number {
  for (let c = text.length; c > 0; c--) {
    const space = text.charAt(c - 1);
    if (!/\s/.test(space)) continue;
    if (space !== ' ' || c === 1) return c;
    const left = text.charAt(c - 2);
    const right = c < text.length ? text.charAt(c) : '0';
    if (left === ' ' || !NUMBER_CHAR.test(left) || !NUMBER_CHAR.test(right)) return c;
  }
  return 0;
}

function buildDetectors(options: PiiRedactionOptions): Detector[] {
  if (typeof options !== 'object' || options === null) throw invalid(NAME, 'options must be an object');
  checkFunction(NAME, 'replacement', options.replacement);
  const kinds = options.kinds ?? KINDS;
  if (!Array.isArray(kinds) || kinds.some((k) => !KINDS.includes(k))) {
    throw invalid(NAME, `\`kinds\` must list some of ${KINDS.join(', ')}`);
  }
  const patterns = options.patterns ?? [];
  if (!Array.isArray(patterns)) throw invalid(NAME, '`patterns` must be an array');
  const replaceWith = (kind: string, own?: string) => (value: string) =>
    own ?? options.replacement?.(kind, value) ?? `[redacted ${kind}]`;
  const detectors: Detector[] = [];
  // Order matters only for values two detectors both match from the same start (see redactText).
  if (kinds.includes('email')) detectors.push({ kind: 'email', regex: EMAIL, replace: replaceWith('email') });
  if (kinds.includes('card')) {
    detectors.push({
      kind: 'card',
      regex: CARD,
      accept: (value) => luhnValid(value.replace(/\D/g, '')),
      replace: replaceWith('card'),
    });
  }
  if (kinds.includes('phone')) {
    detectors.push({
      kind: 'phone',
      regex: PHONE,
      // Nine digits at least: a date (01.02.2024) has eight.
      accept: (value) => digitCount(value) >= 9 && digitCount(value) <= 15,
      replace: replaceWith('phone'),
    });
  }
  for (const p of patterns) {
    if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || p.name === '') {
      throw invalid(NAME, 'every pattern needs a non-empty `name`');
    }
    if (!(p.pattern instanceof RegExp)) throw invalid(NAME, `pattern "${p.name}": \`pattern\` must be a RegExp`);
    if (p.replacement !== undefined && typeof p.replacement !== 'string') {
      throw invalid(NAME, `pattern "${p.name}": \`replacement\` must be a string`);
    }
    // Global for matchAll; never sticky (it would only match at the start).
    const flags = `${p.pattern.flags.replace(/[gy]/g, '')}g`;
    detectors.push({
      kind: p.name,
      regex: new RegExp(p.pattern.source, flags),
      replace: replaceWith(p.name, p.replacement),
    });
  }
  if (detectors.length === 0) throw invalid(NAME, 'nothing to redact: no kinds and no patterns');
  return detectors;
}

/**
 * Replaces every value any detector finds. Where two overlap, the earliest wins, then the longest,
 * then the detector listed first; the text is scanned once per detector, never re-scanned after a
 * replacement (a replacement cannot be matched again).
 */
function redactText(text: string, detectors: readonly Detector[]): string {
  const found: { start: number; end: number; rank: number; detector: Detector }[] = [];
  for (const [rank, detector] of detectors.entries()) {
    for (const match of text.matchAll(detector.regex)) {
      const value = match[0];
      if (value === '' || (detector.accept !== undefined && !detector.accept(value))) continue;
      found.push({ start: match.index, end: match.index + value.length, rank, detector });
    }
  }
  if (found.length === 0) return text;
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  let out = '';
  let at = 0;
  for (const { start, end, detector } of found) {
    if (start < at) continue;
    out += text.slice(at, start) + detector.replace(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

function redactExecuted(call: ExecutedCall, redact: (text: string) => string): ExecutedCall {
  return { ...call, input: redactDeep(call.input, redact), output: redactDeep(call.output, redact) };
}

/** Redacts every string in a JSON value, keys left as they are. */
function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
  }
  return value;
}

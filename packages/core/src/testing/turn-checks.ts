import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../json.js';
import type { AgentResult, Plugin } from '../turn.js';
import type { KitTurn, PluginCheckOptions, Scenario, ScenarioExpectation } from './scenario.js';

/* The checks the plugin test kit makes on each turn it ran, and how it describes what it saw. */

/** The approval must be rejected — or the turn refused before the gate (a rate limiter may). */
export function expectRejected(turn: KitTurn, code: string, what: string, problems: string[]): void {
  if (turn.toolRuns.kit_deploy > 0) problems.push(`${what} ran kit_deploy ${turn.toolRuns.kit_deploy} time(s)`);
  if (turn.outcome === 'answer' || (turn.outcome === 'error' && errorCode(turn.error) !== code)) {
    problems.push(`${what} must fail with ${code} (or be refused), got ${describeTurn(turn)}`);
  }
}

/** The expectation checks of a scenario's main (or approving) turn. */
export function expectTurn(s: Scenario, turn: KitTurn, kitTool: 'kit_note' | 'kit_deploy', prefix = ''): void {
  const e = s.expected;
  const problem = (text: string) => s.problems.push(prefix + text);
  const wanted = describeExpectation(e);
  if (e.outcome !== undefined && turn.outcome !== e.outcome) {
    problem(`expected the turn to ${wanted}, but it ${describeTurn(turn)}`);
  } else if (turn.outcome === 'error') {
    if (e.errorCode !== undefined && errorCode(turn.error) !== e.errorCode) {
      problem(`expected the turn to ${wanted}, but it ${describeTurn(turn)}`);
    }
  } else {
    const result = turn.result as AgentResult;
    if (turn.outcome === 'answer' && e.stopReason !== undefined && result.stopReason !== e.stopReason) {
      problem(`expected stopReason "${e.stopReason}", got "${result.stopReason}" (${describeTurn(turn)})`);
    }
    if (turn.outcome === 'refused' && e.errorCode !== undefined && result.error?.code !== e.errorCode) {
      problem(`expected the refusal's code ${e.errorCode}, got ${result.error?.code}`);
    }
    if (e.content !== undefined && !contentMatches(e.content, result.content)) {
      problem(`content ${JSON.stringify(result.content)} does not match ${describeContent(e.content)}`);
    }
    if (turn.outcome === 'answer') {
      for (const [key, value] of Object.entries(e.sessionIncludes ?? {})) {
        if (!isDeepStrictEqual(turn.sessionAfter[key], value)) {
          problem(
            `session key "${key}" should be ${JSON.stringify(value)} after the turn, got ${JSON.stringify(turn.sessionAfter[key])}`,
          );
        }
      }
    }
  }
  if (e.toolRuns !== undefined && turn.toolRuns[kitTool] !== e.toolRuns) {
    problem(`${kitTool} ran ${turn.toolRuns[kitTool]} time(s), expected ${e.toolRuns}`);
  }
  const other = kitTool === 'kit_note' ? 'kit_deploy' : 'kit_note';
  if (turn.toolRuns[other] > 0) problem(`${other} ran ${turn.toolRuns[other]} time(s), expected 0`);
  if (e.modelCalls !== undefined && turn.modelCalls !== e.modelCalls) {
    problem(`the model was called ${turn.modelCalls} time(s), expected ${e.modelCalls}`);
  }
}

/** Invariants of every turn, whatever it was expected to do. */
export async function checkTurn(
  turn: KitTurn,
  plugin: Plugin,
  options: PluginCheckOptions,
  problem: (text: string) => void,
): Promise<void> {
  checkEvents(turn, options, problem);
  if (turn.outcome !== 'answer') {
    if (!isDeepStrictEqual(turn.sessionAfter, turn.sessionBefore)) {
      const how = turn.outcome === 'error' ? 'failed' : 'was refused';
      problem(`the turn ${how} but the session changed: ${diff(turn.sessionBefore, turn.sessionAfter)}`);
    }
  }
  if (turn.result !== undefined && !isDeepStrictEqual(turn.result.session, turn.sessionAfter)) {
    problem(
      `the session changed after the turn returned (an observer or a stray promise wrote to it): ${diff(turn.result.session, turn.sessionAfter)}`,
    );
  }
  if (turn.outcome === 'answer') {
    for (const [key, schema] of Object.entries(plugin.sessionKeys ?? {})) {
      if (!(key in turn.sessionAfter)) continue;
      let outcome = schema['~standard'].validate(turn.sessionAfter[key]);
      if (outcome instanceof Promise) outcome = await outcome;
      if (outcome.issues !== undefined) {
        const issues = outcome.issues.map((i) => i.message).join('; ');
        problem(
          `owned key "${key}" holds ${JSON.stringify(turn.sessionAfter[key])}, which its schema refuses: ${issues}`,
        );
      }
    }
  }
}

function checkEvents(turn: KitTurn, options: PluginCheckOptions, problem: (text: string) => void): void {
  const events = turn.events.filter((e) => e.type !== 'session_load' && e.type !== 'session_commit');
  const first = events[0];
  const last = events.at(-1);
  if (first?.type !== 'turn_start') problem(`the first event is ${first?.type ?? 'missing'}, not turn_start`);
  if (last?.type !== 'turn_end') problem(`the last event is ${last?.type ?? 'missing'}, not turn_end`);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  if (count('turn_start') > 1 || count('turn_end') > 1) {
    problem(`expected one turn_start and one turn_end, got ${count('turn_start')} and ${count('turn_end')}`);
  }
  const context = first !== undefined && 'context' in first ? first.context : undefined;
  if (events.some((e) => 'context' in e && e.context !== context)) problem('the events do not all share one context');
  const open = new Set<object>();
  for (const e of events) {
    if (e.type === 'model_start' || e.type === 'tool_start') open.add(e.call);
    if ((e.type === 'model_end' || e.type === 'tool_end') && !open.delete(e.call)) {
      problem(`${e.type} without its ${e.type.replace('_end', '_start')}`);
    }
    if (e.type === 'turn_end' && open.size > 0) problem(`${open.size} model/tool call(s) still open at turn_end`);
    if (e.type === 'plugin_error' && !options.allowPluginErrors) {
      problem(`plugin "${e.plugin}" (${e.hook} hook) threw and was skipped: ${describeError(e.error)}`);
    }
  }
  if (last?.type === 'turn_end') {
    if (turn.outcome === 'answer' && last.error !== undefined)
      problem('turn_end reports an error, but the turn answered');
    if (turn.outcome === 'error' && last.error !== turn.error)
      problem('turn_end does not carry the error the turn threw');
    if (turn.outcome === 'answer' && last.result?.content !== turn.result?.content) {
      problem("turn_end's result differs from the turn's result");
    } else if (turn.outcome === 'answer' && !isDeepStrictEqual(last.result?.session, turn.result?.session)) {
      const from = last.result?.session ?? {};
      problem(
        `the session changed after turn_end (an observer wrote to it): ${diff(from, turn.result?.session ?? {})}`,
      );
    }
  }
}

export function checkStream(turn: KitTurn, e: ScenarioExpectation, problems: string[]): void {
  const chunks = turn.chunks ?? [];
  if (turn.outcome === 'error') return; // a failed stream ends by throwing; the expectation said so
  const done = chunks.at(-1);
  if (done?.type !== 'done') {
    problems.push(`the stream's last chunk is ${done?.type ?? 'missing'}, not done`);
    return;
  }
  const dones = chunks.filter((c) => c.type === 'done').length;
  if (dones !== 1) problems.push(`the stream sent ${dones} done chunks`);
  const text = chunks.flatMap((c) => (c.type === 'text' ? [c.delta] : [])).join('');
  const { result } = done;
  // A refusal's message reaches a streaming client in `done` only, whatever streamed before it.
  if (e.streamMatchesContent !== false && turn.outcome === 'answer' && text !== result.content) {
    problems.push(
      `the streamed text ${JSON.stringify(text)} differs from done.content ${JSON.stringify(result.content)} (a stream hook dropped or held text it never released?)`,
    );
  }
  if (!isDeepStrictEqual(result.session, turn.result?.session)) problems.push("done's session differs from the turn's");
  if (!isDeepStrictEqual(result.session, turn.sessionAfter)) problems.push("done's session differs from the Session");
  if (result.content !== turn.result?.content || result.stopReason !== turn.result?.stopReason) {
    problems.push("done's content or stop reason differs from the stream's result");
  }
  const streamed = new Set(chunks.flatMap((c) => (c.type === 'executed' ? c.calls.map((x) => x.id) : [])));
  for (const call of turn.result?.executedToolCalls ?? []) {
    if (!streamed.has(call.id)) problems.push(`executed tool call ${call.name} (${call.id}) was never streamed`);
  }
}

/* ------------------------------------------------------------------------------------------ */

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error);
  return code === undefined ? `${error.name}: ${error.message}` : `${code}: ${error.message}`;
}

export function describeTurn(turn: KitTurn): string {
  if (turn.outcome === 'error') return `threw ${describeError(turn.error)}`;
  const r = turn.result as AgentResult;
  const code = r.error === undefined ? '' : ` ${r.error.code}`;
  return `answered (${r.stopReason}${code}) ${JSON.stringify(r.content)}`;
}

function describeExpectation(e: ScenarioExpectation): string {
  if (e.outcome === 'error') return `throw${e.errorCode === undefined ? '' : ` ${e.errorCode}`}`;
  if (e.outcome === 'refused') return `be refused${e.errorCode === undefined ? '' : ` (${e.errorCode})`}`;
  return `answer${e.stopReason === undefined ? '' : ` (${e.stopReason})`}`;
}

function contentMatches(expected: NonNullable<ScenarioExpectation['content']>, content: string): boolean {
  if (typeof expected === 'string') return content === expected;
  if (expected instanceof RegExp) return expected.test(content);
  return expected(content);
}

function describeContent(expected: NonNullable<ScenarioExpectation['content']>): string {
  if (typeof expected === 'string') return JSON.stringify(expected);
  return expected instanceof RegExp ? String(expected) : 'the expected content (predicate)';
}

function diff(before: JsonObject, after: JsonObject): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: string[] = [];
  for (const key of keys) {
    if (isDeepStrictEqual(before[key], after[key])) continue;
    if (!(key in after)) changes.push(`-${key}`);
    else if (!(key in before)) changes.push(`+${key}=${JSON.stringify(after[key])}`);
    else changes.push(`${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
  }
  const text = changes.join(', ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

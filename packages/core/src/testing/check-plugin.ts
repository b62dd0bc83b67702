import { isDeepStrictEqual } from 'node:util';
import { Agent } from '../agent/agent.js';
import type { JsonObject } from '../json.js';
import { Session } from '../session/session.js';
import type { AgentEvent, AgentOptions, AgentResult, AnyPlugin, Plugin, StopReason } from '../turn.js';
import type { Decision, Message, ProposedCall, TurnEvent } from '../turn-events.js';
import { KIT, type KitCounts, type KitFixture, kitFixture } from './fixture.js';

/* The plugin test kit: runs a plugin inside a deterministic agent through every path a turn can
   take and reports what broke. It imports no test framework — failures are plain strings in a
   report (`checkPlugin`) or one Error listing them all (`assertPlugin`). */

/** The paths a turn can take; the kit runs each as one scenario (see `checkPlugin`). */
export type PluginScenario = 'run' | 'stream' | 'early_answer' | 'refusal' | 'error' | 'approval';

export const PLUGIN_SCENARIOS: readonly PluginScenario[] = [
  'run',
  'stream',
  'early_answer',
  'refusal',
  'error',
  'approval',
];

export type { AnyPlugin };

/** How a turn ended: it answered (any stop reason but `refused`), was refused, or threw. */
export type ScenarioOutcome = 'answer' | 'refused' | 'error';

/**
 * What the scenario's main turn should do. Every field has a default per scenario (see
 * `checkPlugin`); override the ones a plugin legitimately changes. Changing `outcome` drops the
 * defaults that belong to the old outcome (`stopReason`, `errorCode`, `content`).
 */
export interface ScenarioExpectation {
  outcome?: ScenarioOutcome;
  /** Stop reason of an answer. */
  stopReason?: StopReason;
  /** `error.code` of a refusal, or the thrown error's `code`. */
  errorCode?: string;
  /** The answer's content: equal to a string, matching a RegExp, or accepted by a predicate. */
  content?: string | RegExp | ((content: string) => boolean);
  /** Runs of the scenario's kit tool (`kit_note`; `kit_deploy` in the approving turn). */
  toolRuns?: number;
  /** Model calls (checked only when set; early answers and refusals default to 0). */
  modelCalls?: number;
  /** Keys the session must hold, with these values, after an answer. */
  sessionIncludes?: JsonObject;
  /** Stream: the concatenated `text` deltas equal the content `done` carries (default true). */
  streamMatchesContent?: boolean;
}

export interface PluginCheckOptions {
  /** Scenarios to run (default: all, in `PLUGIN_SCENARIOS` order). */
  scenarios?: readonly PluginScenario[];
  /** The session every scenario starts from (default `{}`); it must satisfy the plugin's owned keys. */
  session?: JsonObject;
  /** The client context (`ctx.context`) of every turn. */
  context?: Record<string, unknown>;
  /**
   * More plugins (the plugin's peers), registered before it; `before`/`after` still apply. The
   * same instances serve every scenario: keep their state in the session, or use one scenario.
   */
  plugins?: readonly AnyPlugin[];
  /** Agent options besides the kit's model, tools and observer (e.g. `approvalSecrets`). */
  agent?: Omit<AgentOptions, 'model' | 'tools' | 'plugins' | 'events'>;
  /** `plugin_error` events (a hook of an `onError: 'skip'` plugin threw) are problems unless true. */
  allowPluginErrors?: boolean;
  /** Per-scenario overrides of what the main turn should do. */
  expect?: { [K in PluginScenario]?: ScenarioExpectation };
  /** More assertions, run after the kit's own for each scenario; what it throws becomes a problem. */
  check?: (report: ScenarioReport) => void | Promise<void>;
}

/** One turn the kit ran, with everything it observed. */
export interface KitTurn {
  /** `main`, or the step of the approval scenario: `propose`, `approve`, `forged`, `replay`. */
  label: string;
  messages: Message[];
  approvals?: Decision[];
  sessionBefore: JsonObject;
  /** The Session once the turn settled (observers included). */
  sessionAfter: JsonObject;
  outcome: ScenarioOutcome;
  result?: AgentResult;
  error?: unknown;
  /** Everything the agent's observers saw, in order. */
  events: AgentEvent[];
  /** The streamed chunks (stream scenario), `done` included. */
  chunks?: TurnEvent<AgentResult>[];
  modelCalls: number;
  toolRuns: KitCounts['toolRuns'];
}

export interface ScenarioReport {
  scenario: PluginScenario;
  ok: boolean;
  problems: string[];
  turns: KitTurn[];
}

export interface PluginReport {
  plugin: string;
  ok: boolean;
  /** Every scenario's problems, each prefixed with its scenario. */
  problems: string[];
  scenarios: ScenarioReport[];
}

/**
 * Runs `plugin` through the kit's scenarios and reports every problem; it never throws for a
 * failed check. Pass a factory when the plugin keeps state outside the session (a rate limiter's
 * counters): each scenario then gets a fresh plugin.
 *
 * Each scenario builds an agent with a scripted model, the kit tools `kit_note` (writes the
 * `kit_note` key) and `kit_deploy` (requires approval), the plugin under test, and inside it the
 * kit plugin, which answers early on `kit:early` and refuses on `kit:refuse`. Every turn checks:
 * events are well-ordered (one `turn_start` first, one `turn_end` last, each model and tool start
 * closed by its end, one shared context, no `plugin_error`), the turn's result agrees with
 * `turn_end` and with the Session, nothing writes to the session after the turn returned, a refused
 * or failed turn left the session exactly as it was, and the plugin's owned keys hold what their
 * schemas accept. Then, by default:
 *
 * - `run`: `note hello` → `kit_note` runs once, `Noted: hello.`, `end_turn`, `kit_note` committed.
 * - `stream`: the same, streamed → `done` last and only once, the text deltas add up to
 *   `done.content` (for an answer; a refusal after streamed text is carried by `done`), `done` carries the
 *   Session, every executed tool was streamed.
 * - `early_answer`: `kit:early` → `answered_early`, the model and tools never called, the early
 *   answer's session write (`kit_early`) kept.
 * - `refusal`: `kit:refuse` → `refused` with `KIT_REFUSED`, session exactly as before.
 * - `error`: `kit:fail` → `kit_note` runs, then the model throws → the turn throws `MODEL_ERROR`,
 *   session exactly as before (the tool's write undone).
 * - `approval`: `deploy web` proposes `kit_deploy` without running it; approving runs it exactly
 *   once (`Deployed web.`); an approval with a changed input, and a replay of the approval, are
 *   `APPROVAL_UNKNOWN` (or refused) and run nothing. Overrides apply to the approving turn; the rest is fixed:
 *   no plugin may run a call the user did not approve.
 */
export async function checkPlugin(
  plugin: AnyPlugin | (() => AnyPlugin),
  options: PluginCheckOptions = {},
): Promise<PluginReport> {
  const make = typeof plugin === 'function' ? plugin : () => plugin;
  const scenarios: ScenarioReport[] = [];
  let name = '(unnamed)';
  for (const scenario of options.scenarios ?? PLUGIN_SCENARIOS) {
    const instance: Plugin = make();
    name = instance.name ?? name;
    scenarios.push(await runScenario(scenario, instance, options));
  }
  const problems = scenarios.flatMap((s) => s.problems.map((p) => `${s.scenario}: ${p}`));
  return { plugin: name, ok: problems.length === 0, problems, scenarios };
}

/** `checkPlugin`, throwing one Error that lists every problem when any check failed. */
export async function assertPlugin(
  plugin: AnyPlugin | (() => AnyPlugin),
  options: PluginCheckOptions = {},
): Promise<PluginReport> {
  const report = await checkPlugin(plugin, options);
  if (!report.ok) {
    const list = report.problems.map((p) => `  - ${p}`).join('\n');
    throw new Error(`Plugin "${report.plugin}" failed the plugin kit (${report.problems.length} problems):\n${list}`);
  }
  return report;
}

/* ------------------------------------------------------------------------------------------ */

const DEFAULTS: Record<PluginScenario, ScenarioExpectation> = {
  run: {
    outcome: 'answer',
    stopReason: 'end_turn',
    content: KIT.noted,
    toolRuns: 1,
    sessionIncludes: { kit_note: 'hello' },
  },
  stream: {
    outcome: 'answer',
    stopReason: 'end_turn',
    content: KIT.noted,
    toolRuns: 1,
    sessionIncludes: { kit_note: 'hello' },
    streamMatchesContent: true,
  },
  early_answer: {
    outcome: 'answer',
    stopReason: 'answered_early',
    content: KIT.earlyAnswer,
    toolRuns: 0,
    modelCalls: 0,
    sessionIncludes: { kit_early: true },
  },
  refusal: { outcome: 'refused', errorCode: KIT.refusalCode, content: KIT.refusal, toolRuns: 0, modelCalls: 0 },
  error: { outcome: 'error', errorCode: 'MODEL_ERROR', toolRuns: 1 },
  approval: {
    outcome: 'answer',
    stopReason: 'end_turn',
    content: KIT.deployed,
    toolRuns: 1,
    sessionIncludes: { kit_deployed: 'web' },
  },
};

function expectationFor(scenario: PluginScenario, override: ScenarioExpectation = {}): ScenarioExpectation {
  const base = { ...DEFAULTS[scenario] };
  if (override.outcome !== undefined && override.outcome !== base.outcome) {
    delete base.stopReason;
    delete base.errorCode;
    delete base.content;
    delete base.sessionIncludes;
  }
  return { ...base, ...override };
}

/** What one scenario's body gets. */
interface Scenario {
  turn(
    label: string,
    messages: Message[],
    session: Session,
    how?: { stream?: boolean; approvals?: Decision[] },
  ): Promise<KitTurn>;
  expected: ScenarioExpectation;
  problems: string[];
}

const user = (content: string): Message => ({ role: 'user', content });

async function runScenario(
  scenario: PluginScenario,
  plugin: Plugin,
  options: PluginCheckOptions,
): Promise<ScenarioReport> {
  const problems: string[] = [];
  const turns: KitTurn[] = [];
  const report: ScenarioReport = { scenario, ok: false, problems, turns };
  try {
    const kit = kitFixture();
    let sink: AgentEvent[] = [];
    const agent = new Agent({
      ...options.agent,
      model: kit.model,
      tools: kit.tools,
      events: [(event) => void sink.push(event)],
    });
    for (const peer of options.plugins ?? []) agent.use(peer);
    agent.use(plugin);
    agent.use(kit.plugin); // registered last: the plugin under test wraps it
    const body: Scenario = {
      expected: expectationFor(scenario, options.expect?.[scenario]),
      problems,
      async turn(label, messages, session, how = {}) {
        sink = [];
        const turn = await runTurn(agent, kit, label, messages, session, how, options, () => sink);
        turns.push(turn);
        await checkTurn(turn, plugin, options, (p) => problems.push(label === 'main' ? p : `${label}: ${p}`));
        return turn;
      },
    };
    await SCENARIOS[scenario](body, Session.from(options.session ?? {}));
  } catch (error) {
    problems.push(`the kit could not run this scenario: ${describeError(error)}`);
  }
  if (options.check !== undefined) {
    try {
      await options.check(report);
    } catch (error) {
      problems.push(`check: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  report.ok = problems.length === 0;
  return report;
}

async function runTurn(
  agent: Agent,
  kit: KitFixture,
  label: string,
  messages: Message[],
  session: Session,
  how: { stream?: boolean; approvals?: Decision[] },
  options: PluginCheckOptions,
  events: () => AgentEvent[],
): Promise<KitTurn> {
  kit.counts.modelCalls = 0;
  kit.counts.toolRuns = { kit_note: 0, kit_deploy: 0 };
  const sessionBefore = session.toJSON();
  const runOptions = { session, context: options.context, approvals: how.approvals };
  let result: AgentResult | undefined;
  let error: unknown;
  let threw = false;
  let chunks: TurnEvent<AgentResult>[] | undefined;
  try {
    if (how.stream) {
      chunks = [];
      const stream = agent.stream(messages, runOptions);
      while (true) {
        const next = await stream.next();
        if (next.done) {
          result = next.value;
          break;
        }
        chunks.push(next.value);
      }
    } else {
      result = await agent.run(messages, runOptions);
    }
  } catch (caught) {
    threw = true;
    error = caught;
  }
  // Observers run a microtask after the fact; one macrotask later they have all seen the turn.
  await new Promise((resolve) => setImmediate(resolve));
  const turn: KitTurn = {
    label,
    messages,
    sessionBefore,
    sessionAfter: session.toJSON(),
    outcome: threw ? 'error' : result?.stopReason === 'refused' ? 'refused' : 'answer',
    events: events(),
    modelCalls: kit.counts.modelCalls,
    toolRuns: { ...kit.counts.toolRuns },
  };
  if (how.approvals !== undefined) turn.approvals = how.approvals;
  if (result !== undefined) turn.result = result;
  if (threw) turn.error = error;
  if (chunks !== undefined) turn.chunks = chunks;
  return turn;
}

/* ------------------------------------------------------------------------------------------ */

const SCENARIOS: Record<PluginScenario, (s: Scenario, session: Session) => Promise<void>> = {
  async run(s, session) {
    const turn = await s.turn('main', [user(KIT.note)], session);
    expectTurn(s, turn, 'kit_note');
  },

  async stream(s, session) {
    const turn = await s.turn('main', [user(KIT.note)], session, { stream: true });
    expectTurn(s, turn, 'kit_note');
    checkStream(turn, s.expected, s.problems);
  },

  async early_answer(s, session) {
    const turn = await s.turn('main', [user(KIT.early)], session);
    expectTurn(s, turn, 'kit_note');
  },

  async refusal(s, session) {
    const turn = await s.turn('main', [user(KIT.refuse)], session);
    expectTurn(s, turn, 'kit_note');
  },

  async error(s, session) {
    const turn = await s.turn('main', [user(KIT.fail)], session);
    expectTurn(s, turn, 'kit_note');
  },

  async approval(s, session) {
    const { problems } = s;
    const propose = await s.turn('propose', [user(KIT.deploy)], session);
    const proposed = propose.result?.toolCalls.find((c) => c.name === 'kit_deploy');
    if (propose.toolRuns.kit_deploy > 0) problems.push('propose: kit_deploy ran before it was approved');
    if (propose.result?.stopReason !== 'approval_required' || proposed === undefined) {
      problems.push(
        `propose: expected stopReason "approval_required" with kit_deploy proposed, got ${describeTurn(propose)}`,
      );
      return;
    }
    const pending = propose.result.session;
    const history = [user(KIT.deploy), { role: 'assistant', content: propose.result.content } as Message, user('')];
    const approval: Decision = { ...toDecision(proposed), approved: true };

    const approve = await s.turn('approve', history, Session.from(pending), { approvals: [approval] });
    expectTurn(s, approve, 'kit_deploy', 'approve: ');
    if (approve.outcome === 'answer' && !approve.events.some((e) => e.type === 'approval' && e.approved)) {
      problems.push('approve: no "approval" event with approved: true');
    }

    // The gate is not negotiable: no expectation override applies below.
    const forged: Decision = { ...approval, input: { service: 'prod' } };
    const forgedTurn = await s.turn('forged', history, Session.from(pending), { approvals: [forged] });
    expectRejected(forgedTurn, 'APPROVAL_UNKNOWN', 'forged: an approval with a changed input', problems);
    if (approve.outcome === 'answer' && approve.result !== undefined) {
      const replay = await s.turn('replay', history, Session.from(approve.result.session), { approvals: [approval] });
      expectRejected(replay, 'APPROVAL_UNKNOWN', 'replay: an approval replayed after it ran', problems);
    }
  },
};

function toDecision(call: ProposedCall): Omit<Decision, 'approved'> {
  return { id: call.id, name: call.name, input: call.input };
}

/** The approval must be rejected — or the turn refused before the gate (a rate limiter may). */
function expectRejected(turn: KitTurn, code: string, what: string, problems: string[]): void {
  if (turn.toolRuns.kit_deploy > 0) problems.push(`${what} ran kit_deploy ${turn.toolRuns.kit_deploy} time(s)`);
  if (turn.outcome === 'answer' || (turn.outcome === 'error' && errorCode(turn.error) !== code)) {
    problems.push(`${what} must fail with ${code} (or be refused), got ${describeTurn(turn)}`);
  }
}

/** The expectation checks of a scenario's main (or approving) turn. */
function expectTurn(s: Scenario, turn: KitTurn, kitTool: 'kit_note' | 'kit_deploy', prefix = ''): void {
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
async function checkTurn(
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

function checkStream(turn: KitTurn, e: ScenarioExpectation, problems: string[]): void {
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

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error);
  return code === undefined ? `${error.name}: ${error.message}` : `${code}: ${error.message}`;
}

function describeTurn(turn: KitTurn): string {
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

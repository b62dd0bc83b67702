import { Agent } from '../agent/agent.js';
import { Session } from '../session/session.js';
import type { AgentEvent, AgentResult, AnyPlugin, Plugin } from '../turn.js';
import type { Decision, Message, ProposedCall, TurnEvent } from '../turn-events.js';
import { KIT, type KitFixture, kitFixture } from './fixture.js';
import type {
  KitTurn,
  PluginCheckOptions,
  PluginReport,
  PluginScenario,
  Scenario,
  ScenarioExpectation,
  ScenarioReport,
} from './scenario.js';
import { PLUGIN_SCENARIOS } from './scenario.js';
import { checkStream, checkTurn, describeError, describeTurn, expectRejected, expectTurn } from './turn-checks.js';

/* The plugin test kit: runs a plugin inside a deterministic agent through every path a turn can
   take and reports what broke. It imports no test framework — failures are plain strings in a
   report (`checkPlugin`) or one Error listing them all (`assertPlugin`). */

export {
  type KitTurn,
  PLUGIN_SCENARIOS,
  type PluginCheckOptions,
  type PluginReport,
  type PluginScenario,
  type ScenarioExpectation,
  type ScenarioOutcome,
  type ScenarioReport,
} from './scenario.js';
export type { AnyPlugin };

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

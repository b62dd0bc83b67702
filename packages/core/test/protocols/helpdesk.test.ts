import { describe, expect, it } from 'vitest';
import {
  type AgentResponse,
  BatonError,
  helpdesk,
  InterceptorError,
  type TurnEvent,
  type TurnInput,
  type TurnResult,
} from '../../src/index.js';
import {
  decodeRequest as decodeHelpDeskRequest,
  encodeEvents as encodeHelpDeskEvents,
  encodeResponse as encodeHelpDeskResponse,
  helpDeskEventEncoder,
} from '../../src/protocols/helpdesk/index.js';

/* The HelpDesk codec: Baton's neutral turn events and results, as HelpDesk clients read them. */

const input = (extra: Record<string, unknown> = {}): TurnInput => ({
  messages: [{ role: 'user', content: 'hi' }],
  approvals: [],
  context: {},
  session: undefined,
  sessionId: undefined,
  extra,
});

const proposed = {
  id: 'call_1',
  name: 'deploy',
  input: { service: 'api', replicas: 2 },
  description: 'Deploys a service',
  inputSchema: {
    type: 'object',
    properties: { service: { type: 'string' }, replicas: { type: 'integer' } },
    required: ['service', 'replicas'],
  },
  intent: 'Deploy api with 2 replicas',
};

const response = (over: Partial<AgentResponse> = {}): AgentResponse => ({
  content: 'Done.',
  toolCalls: [],
  executedToolCalls: [],
  stopReason: 'end_turn',
  usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
  ...over,
});

/** The NDJSON lines one event becomes, after the events before it. */
function lines(events: TurnEvent<TurnResult>[], extra?: Record<string, unknown>): string[] {
  const encode = helpDeskEventEncoder(input(extra));
  return events.flatMap((e) => encode(e)).map((e) => JSON.stringify(e));
}

describe('HelpDesk events (NDJSON lines)', () => {
  it('text is a text_delta', () => {
    expect(lines([{ type: 'text', delta: 'Hel' }])).toEqual(['{"type":"text_delta","text":"Hel"}']);
  });

  it('proposed calls are tool_calls with execute: false, the description and the input properties', () => {
    expect(lines([{ type: 'proposed', calls: [proposed] }])).toEqual([
      '{"type":"tool_calls","tool_calls":[{"id":"call_1","name":"deploy","input":{"service":"api","replicas":2},"execute":false,"tool_description":"Deploys a service","input_description":{"service":{"type":"string"},"replicas":{"type":"integer"}},"intent":"Deploy api with 2 replicas"}]}',
    ]);
    const { intent: _, ...plain } = proposed;
    expect(lines([{ type: 'proposed', calls: [{ ...plain, inputSchema: {} }] }])).toEqual([
      '{"type":"tool_calls","tool_calls":[{"id":"call_1","name":"deploy","input":{"service":"api","replicas":2},"execute":false,"tool_description":"Deploys a service","input_description":{}}]}',
    ]);
  });

  it('executed calls are executed_tool_calls, is_error only when one failed', () => {
    expect(
      lines([
        {
          type: 'executed',
          calls: [
            { id: 'a', name: 'ok', input: {}, output: 1 },
            { id: 'b', name: 'bad', input: { x: 1 }, output: { error: 'no' }, isError: true },
          ],
        },
      ]),
    ).toEqual([
      '{"type":"executed_tool_calls","executed_tool_calls":[{"id":"a","name":"ok","input":{},"output":1},{"id":"b","name":"bad","input":{"x":1},"output":{"error":"no"},"is_error":true}]}',
    ]);
  });

  it('a refusal is one text_delta of its message, unless text was streamed or there is none', () => {
    const refused = { type: 'refused', code: 'NOPE', message: 'Refused.' } as const;
    expect(lines([refused])).toEqual(['{"type":"text_delta","text":"Refused."}']);
    expect(lines([{ type: 'text', delta: 'Hi' }, refused])).toEqual(['{"type":"text_delta","text":"Hi"}']);
    expect(lines([{ ...refused, message: '' }])).toEqual([]);
  });

  it('an error shows a refusal’s user message, a 4xx its message, anything else only INTERNAL', () => {
    expect(lines([{ type: 'error', error: new InterceptorError('Not now.', 'BUSY_HOURS') }])).toEqual([
      '{"type":"error","error":"Not now.","code":"BUSY_HOURS"}',
    ]);
    expect(
      lines([{ type: 'error', error: new BatonError('APPROVAL_UNKNOWN', 'Tool call "x" is not awaiting approval') }]),
    ).toEqual(['{"type":"error","error":"Tool call \\"x\\" is not awaiting approval","code":"APPROVAL_UNKNOWN"}']);
    const [internal] = lines([{ type: 'error', error: new Error('secret detail') }]);
    expect(JSON.parse(internal as string)).toEqual({ type: 'error', error: expect.any(String), code: 'INTERNAL' });
    expect(internal).not.toContain('secret detail');
  });

  it('done carries stop_reason, content, data in HelpDesk order, and meta_data when the request had extra fields', () => {
    const result: TurnResult = {
      response: response({
        content: 'Deploy?',
        toolCalls: [proposed],
        stopReason: 'refused',
        error: { code: 'NOPE' },
      }),
      session: { session: { a: 1 }, sessionId: 'id', status: 'resumed' },
    };
    const [line] = lines([{ type: 'done', result }], { thread_id: 't1' });
    expect(line).toBe(
      `{"type":"done","stop_reason":"refused","content":"Deploy?","data":{"tool_calls":[${JSON.stringify({ id: 'call_1', name: 'deploy', input: proposed.input, execute: false, tool_description: 'Deploys a service', input_description: proposed.inputSchema.properties, intent: proposed.intent })}],"executed_tool_calls":[],"cmds":[],"executed_cmds":[],"approvals":[],"executed_approvals":[],"session":{"a":1},"error":{"code":"NOPE"},"session_id":"id","session_status":"resumed"},"meta_data":{"request_context":{"thread_id":"t1"}}}`,
    );
    const [plain] = lines([{ type: 'done', result: { response: response(), session: { session: {} } } }]);
    expect(plain).toBe(
      '{"type":"done","stop_reason":"end_turn","content":"Done.","data":{"tool_calls":[],"executed_tool_calls":[],"cmds":[],"executed_cmds":[],"approvals":[],"executed_approvals":[],"session":{}}}',
    );
  });

  it('encodeEvents encodes a whole stream, in order', async () => {
    async function* events(): AsyncGenerator<TurnEvent<TurnResult>> {
      yield { type: 'text', delta: 'a' };
      yield { type: 'done', result: { response: response({ content: 'a' }), session: { session: {} } } };
    }
    const out = [];
    for await (const e of encodeHelpDeskEvents(events(), input())) out.push(e.type);
    expect(out).toEqual(['text_delta', 'done']);
    expect(helpdesk.encodeEvents).toBe(encodeHelpDeskEvents);
  });
});

describe('HelpDesk answer and request', () => {
  it('the answer is role, content, data and meta_data, as the Python server sends it', () => {
    const body = encodeHelpDeskResponse(
      {
        response: response({ executedToolCalls: [{ id: 'b', name: 'bad', input: {}, output: 0, isError: true }] }),
        session: { session: 'sealed-token', status: 'new' },
      },
      input({ tenant_id: 'acme' }),
    );
    expect(JSON.stringify(body)).toBe(
      '{"role":"assistant","content":"Done.","data":{"tool_calls":[],"executed_tool_calls":[{"id":"b","name":"bad","input":{},"output":0,"is_error":true}],"cmds":[],"executed_cmds":[],"approvals":[],"executed_approvals":[],"session":"sealed-token","session_status":"new"},"meta_data":{"request_context":{"tenant_id":"acme"}}}',
    );
  });

  it('decodes messages, the latest platform_context, decisions, the session and the fields to echo', () => {
    const decoded = decodeHelpDeskRequest({
      messages: [
        { role: 'user', content: 'deploy', platform_context: { tier: 'old' } },
        { role: 'assistant', content: 'Deploy?', data: { session_id: 'older' } },
        {
          role: 'user',
          content: '',
          platform_context: { tier: 'gold' },
          data: {
            tool_calls: [
              { id: 'c1', name: 'deploy', input: { a: 1 }, execute: true },
              { id: 'c2', name: 'drop', input: {}, execute: false, rejection_reason: 'no' },
            ],
          },
        },
      ],
      data: { session: { step: 3 }, source: 'web' },
      thread_id: 't9',
    });
    expect(decoded).toEqual({
      messages: [
        { role: 'user', content: 'deploy' },
        { role: 'assistant', content: 'Deploy?' },
        { role: 'user', content: '' },
      ],
      approvals: [
        { id: 'c1', name: 'deploy', input: { a: 1 }, approved: true },
        { id: 'c2', name: 'drop', input: {}, approved: false, reason: 'no' },
      ],
      context: { tier: 'gold' },
      session: { step: 3 },
      sessionId: 'older',
      extra: { data: { source: 'web' }, thread_id: 't9' },
    });
    expect(helpdesk.decode).toBe(decodeHelpDeskRequest);
  });
});

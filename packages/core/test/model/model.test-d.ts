import { describe, expectTypeOf, it } from 'vitest';
import type { ModelCall, ScriptContext, Session, SessionView } from '../../src/index.js';

describe('the model layer knows no Session', () => {
  it('a model call reads the session through SessionView, which every Session satisfies', () => {
    expectTypeOf<ModelCall['session']>().toEqualTypeOf<SessionView>();
    expectTypeOf<ScriptContext['session']>().toEqualTypeOf<SessionView>();
    expectTypeOf<Session>().toExtend<SessionView>();
    expectTypeOf<Session<{ visits: number; name: string }>>().toExtend<SessionView>();
  });
});

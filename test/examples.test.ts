import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assertPlugin } from '@baton/core/testing';
import { describe, expect, it } from 'vitest';
import { auditPlugin } from '../examples/writing-a-plugin/audit-plugin.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

interface Turn {
  user: string;
  assistant: string;
  session: Record<string, unknown>;
}

/** Splits the example's output into turns: `--- turn n ---`, `user:`, `assistant:` (multi-line), `session:`. */
function parseTurns(stdout: string): Turn[] {
  return stdout
    .split(/^--- turn \d+ ---$/m)
    .slice(1)
    .map((block) => {
      const user = /^user: (.*)$/m.exec(block)?.[1];
      const assistant = /^assistant: ([\s\S]*?)\nsession: /m.exec(block)?.[1];
      const session = /^session: (.*)$/m.exec(block)?.[1];
      if (user === undefined || assistant === undefined || session === undefined) {
        throw new Error(`Unexpected turn output:\n${block}`);
      }
      return { user, assistant, session: JSON.parse(session) as Record<string, unknown> };
    });
}

describe('examples/shopping-cart', () => {
  it('runs three turns and carries the cart from one turn into the next', async () => {
    const { stdout, stderr } = await run(tsx, ['examples/shopping-cart/index.ts'], { cwd: root, timeout: 60_000 });
    expect(stderr).toBe('');
    const turns = parseTurns(stdout);
    expect(turns.map((t) => t.user)).toEqual([
      'add 2 apples',
      'add 3 pears and show cart',
      'remove apples, then show cart',
    ]);
    const [first, second, third] = turns as [Turn, Turn, Turn];

    expect(first.session).toEqual({ cart: { items: [{ name: 'apples', qty: 2 }] } });
    expect(first.assistant).toContain('Added 2 apples.');

    // The apples from turn 1 are still there: the session came back with the next request.
    expect(second.session).toEqual({
      cart: {
        items: [
          { name: 'apples', qty: 2 },
          { name: 'pears', qty: 3 },
        ],
      },
    });
    expect(second.assistant).toContain('Your cart: 2 apples, 3 pears.');

    expect(third.session).toEqual({ cart: { items: [{ name: 'pears', qty: 3 }] } });
    expect(third.assistant).toContain('Removed apples.');
    expect(third.assistant).toContain('Your cart: 3 pears.');

    // The response interceptor's summary line, with the tier the request interceptor put in
    // `temp:tier` (gold from the platform context; standard when the context has none).
    expect(first.assistant).toMatch(/\n\[cart \(gold\): 2 apples; 2 items\]$/);
    expect(second.assistant).toMatch(/\n\[cart \(gold\): 2 apples, 3 pears; 5 items\]$/);
    expect(third.assistant).toMatch(/\n\[cart \(standard\): 3 pears; 3 items\]$/);
    // `temp:` keys never reach the session the client gets.
    expect(stdout).not.toContain('temp:');
  });
});

describe('examples/writing-a-plugin', () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const readme = read('../docs/extending.md');

  it('docs/extending.md shows audit-plugin.ts verbatim, and its kit snippet is the test below', () => {
    expect(readme).toContain(`\`\`\`ts\n${read('../examples/writing-a-plugin/audit-plugin.ts')}\`\`\``);
    const snippet = /```ts\n(import \{ assertPlugin \}[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const test = snippet.slice(snippet.indexOf('it('));
    expect(test).toMatch(/^it\('/);
    const indented = test.replace(/^(?=.)/gm, '  ');
    expect(read('./examples.test.ts')).toContain(indented);
  });

  it('the audit plugin passes the plugin kit', async () => {
    const report = await assertPlugin(auditPlugin()); // throws an Error listing every problem
    const run = report.scenarios.find((s) => s.scenario === 'run');
    expect(run?.turns[0]?.sessionAfter.audit).toMatchObject([{ tool: 'kit_note', ok: true }]);
  });

  it('audits approved calls when they run, keeps the latest entries, and rolls back with a failed turn', async () => {
    const report = await assertPlugin(auditPlugin(1), { session: { audit: [{ tool: 'older', ok: false, ms: 3 }] } });
    const turns = (scenario: string) => report.scenarios.find((s) => s.scenario === scenario)?.turns ?? [];
    const [propose, approve] = turns('approval');
    expect(propose?.sessionAfter.audit).toEqual([{ tool: 'older', ok: false, ms: 3 }]);
    expect(approve?.sessionAfter.audit).toMatchObject([{ tool: 'kit_deploy', ok: true }]);
    expect(turns('error')[0]?.sessionAfter.audit).toEqual([{ tool: 'older', ok: false, ms: 3 }]);
  });
});

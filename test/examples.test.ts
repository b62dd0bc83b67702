import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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

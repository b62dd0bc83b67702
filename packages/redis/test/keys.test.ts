import { describe, expect, it } from 'vitest';
import { KeyNames } from '../src/keys.js';

const hashTag = (key: string): string | undefined => /\{([^}]*)\}/.exec(key)?.[1];

describe('KeyNames', () => {
  it('tags every key and channel of a session with its id, so they share one Cluster slot', () => {
    const names = new KeyNames('app:');
    const { hash, transcript, tombstone } = names.of('abc');
    const { turnLog, turnEvents } = names.turnLogOf('abc');
    const all = [hash, transcript, tombstone, turnLog, turnEvents, names.lease('abc'), names.wake('abc')];
    for (const key of [...all, names.claim('abc', 'n1')]) {
      expect(key.startsWith('app:')).toBe(true);
      expect(hashTag(key)).toBe('abc');
    }
    // The scripts publish on `KEYS[1] .. ':wake'`.
    expect(names.wake('abc')).toBe(`${hash}:wake`);
  });

  it('refuses a prefix with a brace: it would become the hash tag (CONFIG_INVALID)', () => {
    for (const prefix of ['a{', 'b}', '{c}:']) {
      expect(() => new KeyNames(prefix)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });
});

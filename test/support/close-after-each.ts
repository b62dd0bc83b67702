import { afterEach } from 'vitest';

/**
 * Closes, after each test of the file or `describe` block it is called in, whatever the returned
 * function was handed (session managers standing for processes, mostly); it returns what it is given.
 */
export function closeAfterEach<T extends { close(): Promise<unknown> }>(): (value: T) => T {
  const open: T[] = [];
  afterEach(async () => {
    for (const value of open.splice(0)) await value.close();
  });
  return (value) => {
    open.push(value);
    return value;
  };
}

/**
 * `TurnController`: an AbortController whose signal Baton races with no 'abort' listener. Its
 * own `abort` settles the signal's aborted promise, whoever calls it (the client going away, the
 * turn deadline, a lost lease), once.
 */
import { describe, expect, it } from 'vitest';
import { raceAbort } from '../src/abort.js';
import { BatonError, TurnController } from '../src/index.js';

describe('TurnController', () => {
  it('is an AbortController; a race on its signal rejects with the abort reason, once aborted', async () => {
    const controller = new TurnController();
    expect(controller).toBeInstanceOf(AbortController);
    const pending = raceAbort(new Promise(() => {}), controller.signal);
    const reason = new BatonError('TURN_ABORTED', 'The client went away');
    controller.abort(reason);
    controller.abort(new Error('second')); // ignored: the first reason stays
    await expect(pending).rejects.toMatchObject({ code: 'TURN_ABORTED' });
    expect(controller.signal.reason).toBe(reason);
    await expect(raceAbort(Promise.resolve(1), controller.signal)).rejects.toMatchObject({ code: 'TURN_ABORTED' });
  });

  it("adds no 'abort' listener to race its signal; a race settles with the promise when not aborted", async () => {
    const controller = new TurnController();
    const added: string[] = [];
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((type: string, ...rest: [EventListener]) => {
      added.push(type);
      add(type, ...rest);
    }) as typeof controller.signal.addEventListener;
    await expect(raceAbort(Promise.resolve('done'), controller.signal)).resolves.toBe('done');
    expect(added).toEqual([]);
    let heard = false;
    controller.signal.addEventListener('abort', () => {
      heard = true;
    });
    controller.abort();
    expect(heard).toBe(true);
  });
});

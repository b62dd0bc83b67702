import type { Model } from '@baton/core';

/** `model` as the model `counting`, adding one to `counts.model` for every step it is asked for. */
export function countingModel(model: Model, counts: { model: number }): Model {
  return {
    id: 'counting',
    generate: (call) => {
      counts.model++;
      return model.generate(call);
    },
  };
}

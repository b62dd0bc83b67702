/**
 * The prototype of every turn and tool context: it carries the deprecated `context` alias of
 * `clientContext` as one shared accessor. Written as getter/setter pairs in each context's object
 * literal, the alias allocated two closures per turn and per tool call and gave each context
 * accessor properties of its own, which made a turn measurably slower (`pnpm bench:turn`).
 */
export const CLIENT_CONTEXT_ALIAS: object = Object.create(Object.prototype, {
  context: {
    get(this: { clientContext: unknown }) {
      return this.clientContext;
    },
    set(this: { clientContext: unknown }, value: unknown) {
      this.clientContext = value;
    },
    configurable: true,
  },
});

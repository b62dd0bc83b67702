/**
 * Shopping cart: a typed, schema-validated session carried across turns.
 *
 *   npx tsx --conditions=@baton/source examples/shopping-cart/index.ts
 *
 * Runs three turns against a deterministic scripted model (no API key needed). Each turn gets the
 * session the previous turn returned, as a plain JSON object — the way a HelpDesk client sends
 * `data.session` back (the Python framework's client mode).
 */
import {
  Agent,
  type JsonObject,
  type Message,
  type ScriptContext,
  type Session,
  scriptedModel,
  toolFor,
} from '@baton/core';
import { z } from 'zod';

const CartSchema = z.object({
  items: z.array(z.object({ name: z.string().min(1), qty: z.number().int().positive() })),
});
type Cart = z.infer<typeof CartSchema>;

/** The session's shape: `cart` is persisted, `temp:tier` lives for one turn only. */
type Shape = { cart: Cart; 'temp:tier': string };

/** Reads the cart, validated: corrupt data fails loudly instead of turning into `undefined`. */
const readCart = (session: Session<Shape>): Cart => session.get('cart', { schema: CartSchema, default: { items: [] } });

const describeCart = (cart: Cart): string =>
  cart.items.length === 0 ? 'empty' : cart.items.map((i) => `${i.qty} ${i.name}`).join(', ');

const cartTool = toolFor<Shape>();

const addItem = cartTool({
  name: 'add_item',
  description: 'Adds a quantity of an item to the cart',
  input: z.object({ name: z.string().min(1), qty: z.number().int().positive() }),
  execute({ name, qty }, { session }) {
    const cart = readCart(session);
    const line = cart.items.find((i) => i.name === name);
    if (line) line.qty += qty;
    else cart.items.push({ name, qty });
    session.set('cart', cart);
    return { added: { name, qty }, cart };
  },
});

const removeItem = cartTool({
  name: 'remove_item',
  description: 'Removes an item from the cart',
  input: z.object({ name: z.string().min(1) }),
  execute({ name }, { session }) {
    const cart = readCart(session);
    const items = cart.items.filter((i) => i.name !== name);
    const removed = items.length !== cart.items.length;
    if (removed) session.set('cart', { items });
    return { removed, name, cart: { items } };
  },
});

const listCart = cartTool({
  name: 'list_cart',
  description: "Lists the cart's items",
  input: z.object({}),
  execute(_input, { session }) {
    return { cart: readCart(session), tier: session.get('temp:tier') ?? 'standard' };
  },
});

type Command = { name: string; input: unknown };

/** "add 2 apples and show cart" -> add_item, list_cart. */
function parseCommands(text: string): Command[] {
  const commands: Command[] = [];
  for (const clause of text.toLowerCase().split(/\s*(?:,|\band\b|\bthen\b)\s*/)) {
    const add = /^add (\d+) ([a-z]+)$/.exec(clause);
    const remove = /^remove ([a-z]+)$/.exec(clause);
    if (add) commands.push({ name: 'add_item', input: { name: add[2], qty: Number(add[1]) } });
    else if (remove) commands.push({ name: 'remove_item', input: { name: remove[1] } });
    else if (/^(show|list) (my |the )?cart$/.test(clause)) commands.push({ name: 'list_cart', input: {} });
  }
  return commands;
}

/** The model's answer after the tools ran: one sentence per tool result. */
function answerFromResults({ toolResults }: ScriptContext): string {
  return toolResults
    .map(({ toolName, output, isError }) => {
      if (isError) return `Sorry, that did not work: ${(output as { error: string }).error}.`;
      if (toolName === 'add_item') {
        const { added } = output as { added: { name: string; qty: number } };
        return `Added ${added.qty} ${added.name}.`;
      }
      if (toolName === 'remove_item') {
        const { removed, name } = output as { removed: boolean; name: string };
        return removed ? `Removed ${name}.` : `There were no ${name} in your cart.`;
      }
      const { cart } = output as { cart: Cart };
      return `Your cart: ${describeCart(cart)}.`;
    })
    .join(' ');
}

const model = scriptedModel([
  { when: (ctx) => ctx.toolResults.length > 0, reply: answerFromResults },
  { when: (ctx) => parseCommands(ctx.text).length > 0, reply: (ctx) => ({ toolCalls: parseCommands(ctx.text) }) },
  { when: () => true, reply: 'I can add, remove and show items. Try "add 2 apples".' },
]);

const agent = new Agent<Shape>({
  model,
  system: 'You manage a shopping cart.',
  tools: [addItem, removeItem, listCart],
  requestInterceptors: [
    // The user's tier comes from the platform (not from the user's text) and is needed only for
    // this turn: a `temp:` key is visible to every stage and never persisted.
    (_request, ctx) => {
      const tier = typeof ctx.clientContext.tier === 'string' ? ctx.clientContext.tier : 'standard';
      ctx.session.set('temp:tier', tier);
    },
  ],
  responseInterceptors: [
    (response, ctx) => {
      const cart = readCart(ctx.session);
      const count = cart.items.reduce((n, i) => n + i.qty, 0);
      const tier = ctx.session.get('temp:tier') ?? 'standard';
      return { ...response, content: `${response.content}\n[cart (${tier}): ${describeCart(cart)}; ${count} items]` };
    },
  ],
});

// Each turn's message and the client's context (a HelpDesk client's `platform_context`).
const turns: { message: Message; context?: Record<string, unknown> }[] = [
  { message: { role: 'user', content: 'add 2 apples' }, context: { tier: 'gold' } },
  { message: { role: 'user', content: 'add 3 pears and show cart' }, context: { tier: 'gold' } },
  { message: { role: 'user', content: 'remove apples, then show cart' } },
];

let session: JsonObject = {};
for (const [i, { message, context }] of turns.entries()) {
  const result = await agent.run([message], { session, ...(context ? { context } : {}) });
  console.log(`--- turn ${i + 1} ---`);
  console.log(`user: ${message.content}`);
  console.log(`assistant: ${result.content}`);
  console.log(`session: ${JSON.stringify(result.session)}`);
  // What goes over the wire and comes back with the next request.
  session = JSON.parse(JSON.stringify(result.session)) as JsonObject;
}

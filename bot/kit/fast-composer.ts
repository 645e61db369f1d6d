import {
  Composer,
  type Context,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from 'grammy';

/**
 * grammY's middleware tree, made cheaper to walk: the same semantics, fewer allocations and awaits.
 *
 * Every update walks the whole tree up to its handler: with ~150 filters (`command`,
 * `callbackQuery`, `on`, `chatType`), grammY 1.x spends per update and per filter a fresh Composer
 * (`branch` is built on `lazy`, which wraps the chosen side in `new Composer` on every call) and
 * two `async` frames per `use` layer. The throughput benchmark measured about 20 % of an update's
 * CPU there (docs/benchmarks.md). `installFastComposer` replaces two methods of `Composer.prototype`
 * (so `Bot`, features, menus and the composers `filter` makes all get them):
 *
 * - `branch(predicate, yes, no)` picks a side without building a Composer, and calls a synchronous
 *   predicate's choice at once (an asynchronous one is awaited, as before);
 * - `use(...middleware)` chains with plain functions instead of `async` ones: no extra microtask
 *   turns. Each layer still returns a Promise, still refuses a second `next()` call, and a throw in a
 *   middleware still surfaces as a rejection to whoever awaits it (grammY's error boundaries and
 *   `bot.catch` see the same errors).
 *
 * Installed once from createBot; test/bot/fast-composer.test.ts pins the semantics it must keep.
 * grammY's private field `handler` is checked first: if a new grammY release renamed it, nothing is
 * replaced and the tree works as shipped (slower).
 */
type AnyMiddleware = Middleware<Context>;
type Fn = MiddlewareFn<Context>;

const installed = Symbol.for('lytslot.fastComposer');

/** A middleware's function form; a composer's function is read at call time, as grammY does. */
function flatten(middleware: AnyMiddleware): Fn {
  return typeof middleware === 'function'
    ? middleware
    : (ctx, next) => middleware.middleware()(ctx, next);
}

/** Runs `fn` and gives its outcome as a Promise: a synchronous throw becomes a rejection. */
function settle(fn: Fn, ctx: Context, next: NextFunction): Promise<void> {
  try {
    return Promise.resolve(fn(ctx, next)) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/** `first`, whose `next` runs `andThen` (once) and then the outer `next`. */
function concat(first: Fn, andThen: Fn): Fn {
  return (ctx, next) => {
    let nextCalled = false;
    return settle(first, ctx, () => {
      if (nextCalled) return Promise.reject(new Error('`next` already called before!'));
      nextCalled = true;
      return settle(andThen, ctx, next);
    });
  };
}

interface Internals {
  handler: Fn;
}

/** Replaces Composer's `use` and `branch` (once per process); false when grammY's shape changed. */
export function installFastComposer(): boolean {
  const proto = Composer.prototype as unknown as Record<symbol, unknown>;
  if (proto[installed]) return true;
  if (typeof (new Composer() as unknown as Partial<Internals>).handler !== 'function') return false;
  proto[installed] = true;

  Composer.prototype.use = function use(this: Composer<Context>, ...middleware: AnyMiddleware[]) {
    const composer = new Composer<Context>(...middleware);
    const self = this as unknown as Internals;
    self.handler = concat(self.handler, flatten(composer));
    return composer;
  } as unknown as typeof Composer.prototype.use;

  Composer.prototype.branch = function branch(
    this: Composer<Context>,
    predicate: (ctx: Context) => boolean | Promise<boolean>,
    trueMiddleware: AnyMiddleware | AnyMiddleware[],
    falseMiddleware: AnyMiddleware | AnyMiddleware[],
  ) {
    const side = (m: AnyMiddleware | AnyMiddleware[]) =>
      Array.isArray(m) ? flatten(new Composer<Context>(...m)) : flatten(m);
    const yes = side(trueMiddleware);
    const no = side(falseMiddleware);
    return this.use((ctx, next) => {
      const chosen = predicate(ctx);
      if (typeof chosen === 'boolean') return (chosen ? yes : no)(ctx, next);
      return Promise.resolve(chosen).then((ok) => (ok ? yes : no)(ctx, next));
    });
  } as unknown as typeof Composer.prototype.branch;
  return true;
}

import { Composer, Context, type Middleware, type NextFunction } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { installFastComposer } from '../../bot/kit/fast-composer.js';

// grammY's middleware semantics that bot/kit/fast-composer.ts must keep (its cheaper `use` and
// `branch` replace Composer.prototype's for the whole process, as createBot does).
installFastComposer();

const me = { id: 1, is_bot: true, first_name: 'Bot', username: 'bot' } as UserFromGetMe;

function contextOf(update: Partial<Update>): Context {
  return new Context({ update_id: 1, ...update } as Update, undefined as never, me);
}

const text = (value: string) =>
  contextOf({
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 7, type: 'private', first_name: 'A' },
      from: { id: 7, is_bot: false, first_name: 'A' },
      text: value,
      ...(value.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: value.split(' ')[0]!.length }] }
        : {}),
    },
  });

const callback = (data: string) =>
  contextOf({
    callback_query: {
      id: 'q',
      chat_instance: 'c',
      from: { id: 7, is_bot: false, first_name: 'A' },
      data,
    },
  });

/** Runs the composer as grammY's Bot does: its middleware, then a leaf. */
async function run(composer: Composer<Context>, ctx: Context, leaf?: NextFunction): Promise<void> {
  await composer.middleware()(ctx, leaf ?? (() => Promise.resolve()));
}

describe('fast composer (grammY middleware semantics)', () => {
  it('installs once and reports so', () => {
    expect(installFastComposer()).toBe(true);
    expect(installFastComposer()).toBe(true);
  });

  it('runs layers in order, each around the rest, and reaches the outer next', async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.use(async (_ctx, next) => {
      seen.push('a in');
      await next();
      seen.push('a out');
    });
    composer.use((_ctx, next) => {
      seen.push('b (synchronous)');
      return next();
    });
    composer.use(async (_ctx, next) => {
      seen.push('c');
      await next();
    });
    await run(composer, text('x'), async () => {
      seen.push('leaf');
    });
    expect(seen).toEqual(['a in', 'b (synchronous)', 'c', 'leaf', 'a out']);
  });

  it('stops where a layer does not call next', async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.use(() => {
      seen.push('handler');
    });
    composer.use(() => {
      seen.push('never');
    });
    await run(composer, text('x'), async () => {
      seen.push('leaf');
    });
    expect(seen).toEqual(['handler']);
  });

  it('returns a Promise from every layer, even around synchronous middleware', () => {
    const composer = new Composer<Context>();
    composer.use(() => undefined);
    const nexts: unknown[] = [];
    const outer = new Composer<Context>();
    outer.use((_ctx, next) => {
      nexts.push(next());
    });
    outer.use(() => undefined);
    expect(composer.middleware()(text('x'), () => Promise.resolve())).toBeInstanceOf(Promise);
    expect(outer.middleware()(text('x'), () => Promise.resolve())).toBeInstanceOf(Promise);
    expect(nexts[0]).toBeInstanceOf(Promise);
  });

  it('refuses a second next() call', async () => {
    const composer = new Composer<Context>();
    composer.use(async (_ctx, next) => {
      await next();
      await next();
    });
    composer.use(() => undefined);
    await expect(run(composer, text('x'))).rejects.toThrow('`next` already called before!');
  });

  it('turns a synchronous throw into a rejection that an error boundary catches (and may go on)', async () => {
    const composer = new Composer<Context>();
    composer.use(() => {
      throw new Error('boom');
    });
    await expect(run(composer, text('x'))).rejects.toThrow('boom');

    const caught: string[] = [];
    const bounded = new Composer<Context>();
    bounded
      .errorBoundary((error, next) => {
        caught.push((error.error as Error).message);
        return next();
      })
      .use(() => {
        throw new Error('inside');
      });
    bounded.use(() => {
      caught.push('after the boundary');
    });
    await run(bounded, text('x'));
    expect(caught).toEqual(['inside', 'after the boundary']);
  });

  it('filters with synchronous, asynchronous and truthy predicates', async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.filter(
      () => false,
      () => {
        seen.push('never');
      },
    );
    composer.filter(
      async () => false,
      () => {
        seen.push('never (async)');
      },
    );
    composer.filter((() => 'yes') as unknown as () => boolean, (_ctx, next) => {
      seen.push('truthy');
      return next();
    });
    composer.filter(
      async () => true,
      () => {
        seen.push('async true');
      },
    );
    await run(composer, text('x'));
    expect(seen).toEqual(['truthy', 'async true']);
  });

  it('routes commands, callback data and filter queries as grammY does', async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.command('start', (ctx) => {
      seen.push(`start ${ctx.match}`);
    });
    composer.callbackQuery(/^bal:(\w+)$/, (ctx) => {
      seen.push(`bal ${ctx.match[1]}`);
    });
    composer.on('message:text', (ctx) => {
      seen.push(`text ${ctx.message.text}`);
    });
    composer.use(() => {
      seen.push('fallback');
    });
    await run(composer, text('/start deep'));
    await run(composer, callback('bal:rub'));
    await run(composer, text('hello'));
    await run(composer, callback('other'));
    expect(seen).toEqual(['start deep', 'bal rub', 'text hello', 'fallback']);
  });

  it('sees middleware added to a filtered composer after it was installed', async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    const privateChats = composer.chatType('private');
    privateChats.command('later', () => {
      seen.push('later');
    });
    await run(composer, text('/later'));
    expect(seen).toEqual(['later']);
  });

  it('branches to either side, arrays included', async () => {
    const seen: string[] = [];
    const mark =
      (label: string): Middleware<Context> =>
      (_ctx, next) => {
        seen.push(label);
        return next();
      };
    const composer = new Composer<Context>();
    composer.branch(
      (ctx) => ctx.message?.text === 'yes',
      [mark('yes 1'), mark('yes 2')],
      mark('no'),
    );
    composer.use(mark('after'));
    await run(composer, text('yes'));
    await run(composer, text('nope'));
    expect(seen).toEqual(['yes 1', 'yes 2', 'after', 'no', 'after']);
  });

  it('passes a rejection of an asynchronous predicate on', async () => {
    const composer = new Composer<Context>();
    composer.filter(
      () => Promise.reject(new Error('predicate failed')),
      () => undefined,
    );
    await expect(run(composer, text('x'))).rejects.toThrow('predicate failed');
  });
});

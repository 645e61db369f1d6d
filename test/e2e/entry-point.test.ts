import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

const root = new URL('../../', import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts `main.ts` as its own process, pointed at the emulator and the test database. */
function startMain(sandbox: Sandbox, database: Database): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.apiRoot,
      DATABASE_URL: database.url,
      ROLES: 'bot,jobs,http',
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the real entry point (main.ts as a process)', () => {
  let sandbox: Sandbox;
  let database: Database;
  beforeAll(async () => {
    [sandbox, database] = await Promise.all([startSandbox(), createTestDatabase()]);
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.close();
  });

  it('answers /start, and a SIGTERM loses no update Telegram already handed over', async () => {
    let main = startMain(sandbox, database);
    try {
      const alex = sandbox.advertiser();
      alex.send('/start');
      await alex.waitForMessage(/advertis|channel/i, { timeoutMs: 60_000 });

      // A burst from several people; stop the process the moment the bot has taken (and
      // confirmed) the updates, while they are still being handled.
      const people = Array.from({ length: 8 }, (_, i) =>
        sandbox.user({ first_name: `Burst ${i}` }),
      );
      const perPerson = 4;
      const queue = sandbox.emulator.world.bots.get(sandbox.ids.botId)!.updates;
      for (let n = 0; n < perPerson; n++) for (const p of people) p.send(`free text ${n}`);
      await until(() => queue.pending.length === 0, 20_000, 'the bot to take the burst');
      const answered = () => people.reduce((n, p) => n + p.botMessages().length, 0);
      const answeredAtStop = answered();
      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      // In-flight updates were finished before the process exited.
      expect(answeredAtStop).toBeLessThan(people.length * perPerson);
      expect(answered()).toBe(people.length * perPerson);
      expect(main.output.join('')).toContain('"msg":"stopped"');

      // Whatever was not answered before the stop must be answered after a restart: nothing lost.
      main = startMain(sandbox, database);
      for (const person of people) {
        await until(
          () =>
            person.botMessages().filter((m) => /didn't understand|\/help/i.test(m.text ?? ''))
              .length >= perPerson,
          60_000,
          `${perPerson} answers for ${person.user.first_name}`,
        );
      }
      for (const person of people) {
        const answers = person
          .botMessages()
          .filter((m) => /didn't understand|\/help/i.test(m.text ?? ''));
        expect(answers).toHaveLength(perPerson);
      }
    } finally {
      main.child.kill('SIGTERM');
      await main.exited;
    }
  }, 180_000);
});

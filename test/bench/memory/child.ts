import { setTimeout as sleep } from 'node:timers/promises';
import { createEmulator } from '../../../sandbox/emulator.js';
import { createSandboxWorld } from '../../../sandbox/seed.js';
import { startEchoBot } from '../load/echo-bot.js';
import { createLoadDriver } from '../load/driver.js';
import { echoFlow, lytslotFlow } from '../load/flows.js';
import type { ChildMessage, ChildMode, MemorySnapshot, ParentMessage } from './protocol.js';

/**
 * One side of the memory benchmark, run by memory/index.ts as
 * `node --expose-gc --import tsx test/bench/memory/child.ts <echo|lytslot>` with an IPC channel.
 * Both sides host the emulator and the load driver in-process, as the sandbox does in `npm start`.
 */
const send = (message: ChildMessage) => process.send?.(message);
const sendAndExit = (message: ChildMessage, code: number) => {
  if (process.send) process.send(message, () => process.exit(code));
  else process.exit(code);
};

async function snapshot(metricsUrl?: string): Promise<MemorySnapshot> {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const memory: MemorySnapshot = {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  if (metricsUrl) {
    const text = await (await fetch(metricsUrl)).text();
    const line = /^lytslot_process_resident_memory_bytes (\d+)/m.exec(text);
    if (!line?.[1]) throw new Error('no lytslot_process_resident_memory_bytes in /metrics');
    memory.metricsRss = Number(line[1]);
  }
  return memory;
}

async function start(mode: ChildMode) {
  const emulator = createEmulator({ onError: (error) => console.error(error) });
  const ids = createSandboxWorld(emulator);
  const { url } = await emulator.listen(0, '127.0.0.1');
  if (mode === 'echo') {
    const bot = await startEchoBot(ids.botToken, url);
    return { emulator, botId: ids.botId, stop: bot.stop, metricsUrl: undefined };
  }
  // Imported only here, so that the echo side does not load the app's modules.
  const { startAllInOne } = await import('./lytslot-app.js');
  const app = await startAllInOne(ids, url);
  return { emulator, botId: ids.botId, stop: app.stop, metricsUrl: app.metricsUrl };
}

async function main(mode: ChildMode): Promise<void> {
  const started = performance.now();
  const side = await start(mode);
  const startMs = performance.now() - started;
  await sleep(2000); // let timers, jobs and pools settle before the first reading
  send({ type: 'started', memory: await snapshot(side.metricsUrl), startMs });
  const driver = createLoadDriver(side.emulator);
  const flow = mode === 'echo' ? echoFlow : lytslotFlow;
  process.on('message', (message: ParentMessage) => {
    const handle = async () => {
      if (message.type === 'load') {
        const users = driver.createUsers(message.users);
        const result = await driver.run(flow, users, side.botId, message.concurrency);
        await sleep(1000);
        send({ type: 'loaded', memory: await snapshot(side.metricsUrl), result });
      } else {
        driver.close();
        await side.stop();
        await side.emulator.close();
        sendAndExit({ type: 'stopped' }, 0);
      }
    };
    handle().catch(fail);
  });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  sendAndExit({ type: 'error', message }, 1);
}

const mode = process.argv[2];
if (mode !== 'echo' && mode !== 'lytslot') fail(new Error(`usage: child.ts echo|lytslot`));
else main(mode).catch(fail);

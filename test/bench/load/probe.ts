import { median } from '../report.js';
import type { Flow, LoadDriver } from './driver.js';

/** Users sent through the flow alone, one at a time, to count what each step costs. */
export const probeUsers = 3;
/** A step's count is taken once every counter stood still for this long (the update is done). */
const quietMs = 60;

/** Resolves once every counter stayed the same for quietMs; their values then. */
async function settled(counters: (() => number)[]): Promise<number[]> {
  let last = counters.map((count) => count());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = counters.map((count) => count());
    if (now.every((n, i) => n === last[i])) return now;
    last = now;
  }
}

/**
 * What each step of `flow` adds to each counter (SQL round trips, Bot API calls…): median over
 * probeUsers new users, each running the flow alone, counted once the bot went quiet after a step.
 */
export async function probeSteps<K extends string>(
  driver: LoadDriver,
  flow: Flow,
  botId: number,
  counters: Record<K, () => number>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(counters) as K[];
  const read = names.map((name) => counters[name]);
  const perUser: number[][][] = [];
  for (const userId of driver.createUsers(probeUsers)) {
    const steps: number[][] = [];
    let before = await settled(read);
    await driver.runAlone(flow, userId, botId, async () => {
      const after = await settled(read);
      steps.push(after.map((n, i) => n - (before[i] ?? 0)));
      before = after;
    });
    perUser.push(steps);
  }
  const result = {} as Record<K, number[]>;
  names.forEach((name, c) => {
    result[name] = flow.steps.map((_, s) => median(perUser.map((steps) => steps[s]?.[c] ?? 0)));
  });
  return result;
}

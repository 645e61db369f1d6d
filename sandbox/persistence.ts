import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadWorldFile, saveWorldFile } from './snapshot.js';
import type { World } from './world.js';

/** Restores the world from `path` and keeps saving it (every 2 s when it changed, and on stop). */
export function startPersistence(
  world: World,
  path: string,
  onError: (error: unknown, context: string) => void,
): { restored: boolean; stop(): void } {
  mkdirSync(dirname(path), { recursive: true });
  const restored = loadWorldFile(world, path);
  let last: string | undefined;
  const save = (): void => {
    try {
      last = saveWorldFile(world, path, last);
    } catch (error) {
      onError(error, `saving the sandbox world to ${path}`);
    }
  };
  const timer = setInterval(save, 2000);
  timer.unref();
  return {
    restored,
    stop() {
      clearInterval(timer);
      save();
    },
  };
}

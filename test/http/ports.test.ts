import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { PortInUseError } from '../../http/ports.js';
import { startApp } from '../../main.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

let taken: Server;
let takenPort: number;
let dataDir: string;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
  dataDir = await mkdtemp(join(tmpdir(), 'lytslot-ports-'));
});

afterAll(async () => {
  await new Promise((resolve) => taken?.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` with these variables: exit code, stderr lines and how long it took. */
function start(env: Record<string, string>) {
  const began = Date.now();
  return new Promise<{ code: number | null; stderr: string[]; ms: number }>((resolve) => {
    const proc = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: {
        ...process.env,
        BOT_TOKEN: '',
        DATABASE_URL: '',
        ROLES: 'bot,jobs,http',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        SANDBOX_PORT: '0',
        HTTP_PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    proc.on('exit', (code) =>
      resolve({
        code,
        // Node's note about a missing .env is not ours.
        stderr: stderr.split('\n').filter((l) => l && !l.includes('.env not found')),
        ms: Date.now() - began,
      }),
    );
  });
}

describe('a taken port', () => {
  it.each(['SANDBOX_PORT', 'HTTP_PORT'])(
    'with %s taken, npm start fails before the database with one line naming it, no stack',
    async (variable) => {
      const run = await start({ [variable]: String(takenPort) });
      expect(run.code).toBe(1);
      expect(run.stderr).toEqual([
        `Failed to start: port ${takenPort} is already in use: set ${variable} to a free port (or stop what listens there)`,
      ]);
      // Before anything slow: the embedded database was never opened. Alone this takes ≈0.7 s
      // (npm, node, the config); the bound leaves room for a loaded CI machine, far from the old 23 s.
      expect(await readdir(dataDir)).toEqual([]);
      expect(run.ms).toBeLessThan(6_000);
    },
  );

  it('startApp refuses it before opening the database', async () => {
    const parsed = parseConfig({
      SANDBOX_PORT: String(takenPort),
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const began = Date.now();
    const failed = await startApp(parsed.value).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(PortInUseError);
    expect(failed).toMatchObject({ port: takenPort, variable: 'SANDBOX_PORT' });
    expect(Date.now() - began).toBeLessThan(500);
  });
});

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a TypeScript script (through tsx) in a child process with `env` added to this one's, its
 * stdout ignored and stderr shown; resolves with how it ended (a crash test expects SIGKILL).
 */
export function runScript(
  script: URL,
  env: Record<string, string>,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

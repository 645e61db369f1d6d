import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Inside the repository, so the bundle's bare imports resolve from its node_modules. */
const bundles = fileURLToPath(
  new URL('../../node_modules/.cache/lytslot-test-children/', import.meta.url),
);
const built = new Map<string, Promise<string>>();

/** Each module keeps its own import.meta.url (locales and migrations are found next to it). */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/**
 * The script and what it imports of ours as one ES module (packages stay imports), built once per
 * test process: a crash test starts its child again and again, and loading ~300 files through
 * tsx's loader took ~1.4 s of CPU each time where the bundle takes ~0.6 s.
 */
export function bundledScript(script: URL): Promise<string> {
  const source = fileURLToPath(script);
  let bundle = built.get(source);
  if (!bundle) {
    const outfile = join(bundles, `${basename(source, '.ts')}-${process.pid}.mjs`);
    bundle = mkdir(bundles, { recursive: true })
      .then(() =>
        build({
          entryPoints: [source],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          packages: 'external',
          plugins: [keepModuleUrls],
          logLevel: 'warning',
        }),
      )
      .then(() => outfile);
    built.set(source, bundle);
  }
  return bundle;
}

/**
 * Runs a TypeScript script (bundled, see bundledScript) in a child process with `env` added to
 * this one's, its stdout ignored and stderr shown; resolves with how it ended (a crash test
 * expects SIGKILL).
 */
export async function runScript(
  script: URL,
  env: Record<string, string>,
): Promise<{ code: number | null; signal: string | null }> {
  const bundle = await bundledScript(script);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundle], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

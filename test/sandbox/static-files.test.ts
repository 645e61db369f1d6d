import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../sandbox/emulator.js';

describe('the page files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lytslot-page-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at /, other files by type, a placeholder without a page, nothing outside', async () => {
    const bare = createEmulator({ publicDir: join(dir, 'missing') });
    const { url: bareUrl } = await bare.listen();
    expect(await (await fetch(`${bareUrl}/`)).text()).toMatch(/not built yet/);
    await bare.close();

    writeFileSync(join(dir, 'index.html'), '<h1>Sandbox</h1>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    const emulator = createEmulator({ publicDir: dir });
    const { url } = await emulator.listen();
    try {
      expect(await (await fetch(`${url}/`)).text()).toBe('<h1>Sandbox</h1>');
      const script = await fetch(`${url}/app.js`);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await fetch(`${url}/..%2Fpackage.json`)).status).toBe(404);
      expect((await fetch(`${url}/nothing.js`)).status).toBe(404);
    } finally {
      await emulator.close();
    }
  });

  it('answers a broken %-encoding with 400 on the page, the files and the control API, never 500', async () => {
    writeFileSync(join(dir, 'index.html'), '<h1>Sandbox</h1>');
    const errors: string[] = [];
    const emulator = createEmulator({
      publicDir: dir,
      onError: (_, context) => void errors.push(context),
    });
    const { url } = await emulator.listen();
    try {
      for (const path of [
        '/%E0%A4%A',
        '/app%ZZ.js',
        '/sandbox/api/files/%C0',
        '/file/bot1:x/%E0',
      ]) {
        const response = await fetch(`${url}${path}`);
        expect(response.status, path).toBe(400);
        expect(await response.json()).toEqual({
          ok: false,
          error_code: 400,
          description: 'Bad Request: malformed %-encoding in the path',
        });
      }
      expect(errors).toEqual([]);
      expect((await fetch(`${url}/`)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

import { parseConfig } from '../../config.js';
import { startApp, type App } from '../../main.js';
import type { Database } from '../../models/db.js';

/**
 * The app as `npm start` runs it without BOT_TOKEN — the sandbox emulator and page, the test clock,
 * and `roles` — on any free ports, against a test database, silent.
 */
export async function startSandboxApp(database: Database, roles = 'bot,jobs,http'): Promise<App> {
  const parsed = parseConfig({
    ROLES: roles,
    HTTP_PORT: '0',
    SANDBOX_PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return startApp(parsed.value);
}

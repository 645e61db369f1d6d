import { parseConfig } from '../../../config.js';
import { startApp } from '../../../main.js';
import type { SandboxWorld } from '../../../sandbox/seed.js';

/**
 * What `npm start` runs in sandbox mode (bot, jobs and http roles, PGlite in memory, test clock
 * on), pointed at an emulator the caller owns so that it can add users.
 */
export async function startAllInOne(ids: SandboxWorld, apiRoot: string) {
  const parsed = parseConfig({
    ROLES: 'bot,jobs,http',
    BOT_TOKEN: ids.botToken,
    TELEGRAM_API_ROOT: apiRoot,
    DATA_DIR: 'memory://',
    HTTP_PORT: '0',
    SANDBOX_PORT: '0',
    TEST_CLOCK: 'on',
    LOG_LEVEL: 'silent',
    ADMIN_CHAT_ID: String(ids.adminChatId),
    ADMIN_TELEGRAM_IDS: ids.adminTelegramIds.join(','),
    VERIFY_CHAT_ID: String(ids.verifyChatId),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const app = await startApp(parsed.value);
  return { stop: () => app.stop(), metricsUrl: `${app.httpUrl ?? ''}/metrics` };
}

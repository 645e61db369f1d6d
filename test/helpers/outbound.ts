import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { createLogger, type Logger } from '../../models/logger.js';
import { createOutboundGateway, type OutboundGateway } from '../../telegram/gateway.js';

/** Where a test's bot talks: a parsed config (token needed) or the emulator (sandbox). */
type TelegramTarget =
  Pick<Config, 'botToken' | 'telegramApiRoot'> | { token: string; apiRoot: string };

/** The process's outbound gateway as main.ts builds it (memory limits unless Redis is given). */
export function testOutbound(
  target: TelegramTarget,
  options: { logger?: Logger; redis?: Redis } = {},
): OutboundGateway {
  const [token, apiRoot] =
    'token' in target ? [target.token, target.apiRoot] : [target.botToken, target.telegramApiRoot];
  if (!token) throw new Error('testOutbound needs a bot token');
  return createOutboundGateway({
    token,
    apiRoot,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    ...(options.redis ? { redis: options.redis } : {}),
  });
}

import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach logs. */
const redactPaths = [
  'token',
  'botToken',
  'password',
  'secret',
  'apiKey',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.token',
  '*.password',
  '*.secretKey',
  '*.webhookSecret',
  '*.apiKey',
];

/** Bot tokens appear inside Bot API URLs; mask them wherever a string is logged. */
const tokenInText = /(?<!\d)\d{5,}:[\w-]{30,}/g;

export function maskSecrets(text: string): string {
  return text.replace(tokenInText, '<bot-token>');
}

/** JSON logs (pino) with secrets redacted. */
export function createLogger(options: {
  level: string;
  name?: string;
  destination?: DestinationStream;
}): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    name: options.name ?? 'lytslot',
    redact: { paths: redactPaths, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const s = pino.stdSerializers.err(err as Error);
        if (s && typeof s.message === 'string') s.message = maskSecrets(s.message);
        if (s && typeof s.stack === 'string') s.stack = maskSecrets(s.stack);
        return s;
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

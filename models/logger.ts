import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { prettyFactory as PrettyFactory } from 'pino-pretty';
import { maskUrlPasswords } from './urls.js';

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
  // Telegram's webhook secret (BOT_WEBHOOK_SECRET), wherever a request or its headers are logged.
  'botWebhookSecret',
  'secretToken',
  'headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'request.headers["x-telegram-bot-api-secret-token"]',
  '*.token',
  '*.password',
  '*.secretKey',
  '*.webhookSecret',
  '*.botWebhookSecret',
  '*.secretToken',
  '*.apiKey',
];

/** Bot tokens appear inside Bot API URLs; mask them wherever a string is logged. */
const tokenInText = /(?<!\d)\d{5,}:[\w-]{30,}/g;

/** Bot tokens and URL passwords (database and Redis connection strings) masked in a text. */
export function maskSecrets(text: string): string {
  return maskUrlPasswords(text.replace(tokenInText, '<bot-token>'));
}

/**
 * A serialized error (a fresh object) with its string fields masked: message and stack (causes
 * included), and e.g. `input` of an invalid-URL error; an AggregateError's errors likewise.
 */
function maskErrorFields(serialized: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(serialized)) {
    if (typeof value === 'string') serialized[key] = maskSecrets(value);
  }
  const aggregated = serialized.aggregateErrors;
  if (Array.isArray(aggregated)) aggregated.forEach((e) => e && maskErrorFields(e));
  return serialized;
}

/** One destination (and one 'error' listener) per stream, however many loggers write to it. */
const destinations = new WeakMap<Writable, DestinationStream>();

/**
 * Lines go to `stream` until it fails once (EPIPE: whoever read stdout is gone); from then on they
 * are dropped. pino's default destination instead retries a broken pipe forever when the process
 * exits, so a stopped process with a closed stdout never ended. process.stdout writes to pipes and
 * files synchronously on Linux, so nothing is left buffered at exit.
 */
export function createStreamDestination(stream: Writable): DestinationStream {
  const known = destinations.get(stream);
  if (known) return known;
  let broken = stream.destroyed;
  stream.on('error', () => {
    broken = true;
  });
  const destination = {
    write(line: string) {
      if (broken || stream.destroyed) return;
      try {
        stream.write(line);
      } catch {
        broken = true;
      }
    },
  };
  destinations.set(stream, destination);
  return destination;
}

/**
 * Lines made readable for a person at a terminal (pino-pretty: time, level, message, fields), then
 * written to `destination`. Fields are already redacted and masked when they get here.
 */
export function createPrettyDestination(
  destination: DestinationStream,
  options: { colorize: boolean },
): DestinationStream {
  // Required here, not at import: a process logging JSON (production) never loads pino-pretty.
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as {
    prettyFactory: typeof PrettyFactory;
  };
  const prettify = prettyFactory({
    colorize: options.colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name',
  });
  return { write: (line: string) => destination.write(prettify(line)) };
}

/**
 * Logs (pino) with secrets redacted, to `destination`, or else to stdout: pretty when stdout is a
 * terminal (or `pretty` says so), one JSON object a line otherwise (files, pipes, log collectors).
 */
export function createLogger(options: {
  level: string;
  name?: string;
  destination?: DestinationStream;
  pretty?: boolean;
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
    formatters: {
      // Text fields of the line itself ({ error: '…' }, { url: '…' }); nested objects go by redactPaths.
      log: (object) =>
        Object.fromEntries(
          Object.entries(object).map(([k, v]) => [k, typeof v === 'string' ? maskSecrets(v) : v]),
        ),
    },
    serializers: {
      err: (err: unknown) => {
        const s = pino.stdSerializers.err(err as Error);
        return s && typeof s === 'object' ? maskErrorFields(s as Record<string, unknown>) : s;
      },
    },
  };
  const destination = options.destination ?? createStreamDestination(process.stdout);
  const pretty = options.pretty ?? (!options.destination && process.stdout.isTTY === true);
  return pino(
    settings,
    pretty ? createPrettyDestination(destination, { colorize: !options.destination }) : destination,
  );
}

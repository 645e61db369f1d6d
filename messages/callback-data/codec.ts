import { uuidSource } from '../../models/uuid.js';

/** Telegram's limit on an inline button's callback_data, in bytes. */
export const callbackDataLimit = 64;

/** A button's data that cannot be packed: a value does not fit its field, or the whole is too long. */
export class CallbackDataError extends Error {
  override readonly name = 'CallbackDataError';
  constructor(
    readonly prefix: string,
    readonly reason: string,
  ) {
    super(`callback data ${prefix}: ${reason}`);
  }
}

/** One typed field of callback data: its text on the wire and the value it stands for. */
export interface Field<T> {
  /** RegExp source of the field's text; never matches ':' unless `tail` is set. */
  readonly source: string;
  /** The field's texts when it is one of a fixed set (they name the button's kinds). */
  readonly literals?: readonly string[];
  /** A list at the end that carries its own ':' separators (zero or more segments). */
  readonly tail?: boolean;
  /** Values that fit: documentation, and the registry test packs them. */
  readonly samples: readonly T[];
  /** A check beyond `source` on the written text (e.g. one text that would read back as two). */
  fits?(value: T): boolean;
  write(value: T): string;
  /** Total over every text that matches `source`. */
  read(text: string): T;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const oneOfField = <T extends string>(
  values: readonly T[],
  text: (value: T) => string,
): Field<T> => {
  const literals = values.map(text);
  return {
    source: literals.map(escape).join('|'),
    literals,
    samples: values,
    write: text,
    read: (literal) => values[literals.indexOf(literal)] as T,
  };
};

/** The field kinds; a feature may declare its own `Field` (e.g. booking's format code). */
export const field = {
  uuid: {
    source: uuidSource,
    samples: ['00000000-0000-4000-8000-000000000000'],
    write: (value: string) => value,
    read: (text: string) => text,
  } satisfies Field<string> as Field<string>,
  /** A whole number of at most `digits` digits; `signed` admits a leading '-'. */
  int: (digits: number, options: { signed?: boolean } = {}): Field<number> => ({
    source: `${options.signed ? '-?' : ''}\\d{1,${digits}}`,
    samples: [0, 10 ** digits - 1],
    write: (value) => String(value),
    read: Number,
  }),
  /** One of the given words, written as is. */
  oneOf: <const T extends string>(...values: T[]): Field<T> => oneOfField(values, (v) => v),
  /** One of the keys, written as its short code (`{ stars: 's' }`). */
  codes: <const T extends string>(codes: Record<T, string>): Field<T> =>
    oneOfField(Object.keys(codes) as T[], (value) => codes[value]),
  /** A short code matching `source` (no ':'), kept as text; `example` fits. */
  code: (source: string, example: string): Field<string> => ({
    source,
    samples: [example],
    write: (value) => value,
    read: (text) => text,
  }),
  /** A day 'YYYY-MM-DD', written 'YYYYMMDD'. */
  date: {
    source: '\\d{8}',
    samples: ['2026-01-31'],
    write: (value: string) => value.replaceAll('-', ''),
    read: (text: string) => `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`,
  } satisfies Field<string> as Field<string>,
  /** A moment to the minute, written as minutes since the epoch (at most `digits` digits). */
  minute: (digits: number): Field<Date> => ({
    source: `\\d{1,${digits}}`,
    samples: [new Date(29_000_000 * 60_000)],
    write: (value) => String(Math.floor(value.getTime() / 60_000)),
    read: (text) => new Date(Number(text) * 60_000),
  }),
  /** Any number of trailing `:<letters or digits>` segments (last field only). */
  segments: {
    source: '(?::[A-Za-z0-9]+)*',
    tail: true,
    samples: [[], ['price', '2']],
    fits: (value: string[]) => value.every((segment) => /^[A-Za-z0-9]+$/.test(segment)),
    write: (value: string[]) => value.map((segment) => `:${segment}`).join(''),
    read: (text: string) => text.split(':').filter(Boolean),
  } satisfies Field<string[]> as Field<string[]>,
};

type Fields = Record<string, Field<unknown>>;
export type Values<F> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** A declared button kind: `prefix:field:field…`, at most 64 bytes. */
export interface CallbackData<V> {
  readonly prefix: string;
  /** For `composer.callbackQuery(…)`: the whole data of this kind and nothing else. */
  readonly filter: RegExp;
  /** Literal heads of the data (the prefix, with a leading fixed-set field's texts). */
  readonly kinds: readonly string[];
  pack(...values: keyof V extends never ? [] : [V]): string;
  /** The values, or undefined for data of any other shape. */
  unpack(data: string): V | undefined;
  /** The values of data `filter` matched; throws CallbackDataError on any other data. */
  parse(data: string): V;
  /** Data packed from the fields' samples (for tests). */
  samples(): string[];
}

/** Declares a button kind once: its prefix (`<feature>:<action>`) and its typed fields in order. */
export function callbackData<const F extends Fields>(
  prefix: string,
  fields: F,
): CallbackData<Values<F>> {
  const entries = Object.entries(fields) as [string, Field<unknown>][];
  const body = entries.map(([, f], i) => `${f.tail ? '' : ':'}(?<f${i}>${f.source})`).join('');
  const filter = new RegExp(`^${escape(prefix)}${body}$`);
  const first = entries[0]?.[1].literals;
  const kinds = first ? first.map((text) => `${prefix}:${text}`) : [prefix];

  const pack = (values?: Record<string, unknown>): string => {
    const texts = entries.map(([name, f]) => {
      const value = values?.[name];
      const text = f.write(value);
      if (!new RegExp(`^(?:${f.source})$`).test(text) || f.fits?.(value) === false)
        throw new CallbackDataError(prefix, `${name} does not fit: ${String(value)}`);
      return `${f.tail ? '' : ':'}${text}`;
    });
    const data = prefix + texts.join('');
    if (Buffer.byteLength(data) > callbackDataLimit)
      throw new CallbackDataError(
        prefix,
        `${Buffer.byteLength(data)} bytes > ${callbackDataLimit}`,
      );
    return data;
  };
  const unpack = (data: string) => {
    const match = filter.exec(data);
    if (!match) return undefined;
    return Object.fromEntries(
      entries.map(([name, f], i) => [name, f.read(match.groups?.[`f${i}`] ?? '')]),
    ) as Values<F>;
  };
  const samples = () =>
    entries
      .reduce<Record<string, unknown>[]>(
        (rows, [name, f]) => rows.flatMap((row) => f.samples.map((s) => ({ ...row, [name]: s }))),
        [{}],
      )
      .map(pack);

  return {
    prefix,
    filter,
    kinds,
    pack: (...args: unknown[]) => pack(args[0] as Record<string, unknown> | undefined),
    unpack,
    parse: (data) => {
      const values = unpack(data);
      if (!values) throw new CallbackDataError(prefix, `not of this kind: ${data}`);
      return values;
    },
    samples,
  };
}

/** Whether a module export is a declared button kind (the registry collects them). */
export function isCallbackData(value: unknown): value is CallbackData<unknown> {
  return typeof value === 'object' && value !== null && 'filter' in value && 'unpack' in value;
}

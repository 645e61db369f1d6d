import { fail, ok, type Result } from '../errors.js';
import { isValidInn } from './inn.js';

/** Ad marking data of an order (docs/creative.md#ad-marking), stored in orders.marking. */
export interface Marking {
  name: string;
  inn: string;
  erid: string;
}

export const markingNameLimits = { min: 2, max: 200 } as const;

/** The advertiser's name: whitespace collapsed, 2–200 characters. */
export function parseMarkingName(
  input: string,
): Result<string, 'name_too_short' | 'name_too_long'> {
  const name = input.replace(/\s+/g, ' ').trim();
  if (name.length < markingNameLimits.min) return fail('name_too_short');
  if (name.length > markingNameLimits.max) return fail('name_too_long', { length: name.length });
  return ok(name);
}

/** An INN: spaces and dashes ignored; 10 or 12 digits with valid control digits. */
export function parseInn(input: string): Result<string, 'inn_format' | 'inn_checksum'> {
  const inn = input.replace(/[\s-]/g, '');
  if (!/^(\d{10}|\d{12})$/.test(inn)) return fail('inn_format');
  return isValidInn(inn) ? ok(inn) : fail('inn_checksum');
}

/** An erid token as ORDs issue it: 1–64 Latin letters and digits (surrounding spaces ignored). */
export function parseErid(input: string): Result<string, 'erid_format'> {
  const erid = input.trim();
  return /^[A-Za-z0-9]{1,64}$/.test(erid) ? ok(erid) : fail('erid_format');
}

/** Reads stored marking (orders.marking); anything malformed counts as absent. */
export function readMarking(stored: unknown): Marking | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { name, inn, erid } = stored as Record<string, unknown>;
  if (typeof name !== 'string' || typeof inn !== 'string' || typeof erid !== 'string') return null;
  if (!parseMarkingName(name).ok || !isValidInn(inn) || !parseErid(erid).ok) return null;
  return { name, inn, erid };
}

/** The marking line added to the post: «Реклама. <name>, ИНН <inn>. erid: <erid>». */
export function markingLine(marking: Marking): string {
  return `Реклама. ${marking.name}, ИНН ${marking.inn}. erid: ${marking.erid}`;
}

/** Adds erid=<erid> to a URL's query, keeping the other parameters and the fragment as they are. */
export function addEridToUrl(url: string, erid: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = base.indexOf('?');
  const path = queryAt === -1 ? base : base.slice(0, queryAt);
  const params =
    queryAt === -1
      ? []
      : base
          .slice(queryAt + 1)
          .split('&')
          .filter(Boolean);
  const kept = params.filter((param) => !/^erid(=|$)/i.test(param));
  return `${path}?${[...kept, `erid=${erid}`].join('&')}${hash}`;
}

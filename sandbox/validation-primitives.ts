import { badRequest } from './errors.js';
import type { ValidationInput } from './validation.js';

/** Checks a value at `path` and returns it coerced (form strings become numbers, booleans…). */
export type Check = (
  value: unknown,
  path: string,
  input: ValidationInput,
  form: boolean,
) => unknown;

/** The 400 answer for a value of the wrong type. */
export const typeError = (path: string, type: string): Error =>
  badRequest(`parameter "${path}" must be of type ${type}`);

/** Integer: a JSON integer or a string of digits. */
export const integer: Check = (value, path) => {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value.trim())) return Number(value);
  throw typeError(path, 'Integer');
};

/** Float: a JSON number or a numeric string. */
export const float: Check = (value, path) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw typeError(path, 'Float');
};

/** String: only a string (numbers and objects are refused). */
export const string: Check = (value, path) => {
  if (typeof value === 'string') return value;
  throw typeError(path, 'String');
};

/** Boolean: true/false, or their form spellings. */
export const boolean: Check = (value, path) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 'True') return true;
  if (value === 'false' || value === '0' || value === 'False') return false;
  throw typeError(path, 'Boolean');
};

/** InputFile: an upload, or attach://<name> naming one. */
export const inputFile: Check = (value, path, input) => {
  if (typeof value === 'object' && value !== null && 'upload' in value) return value;
  if (typeof value === 'string' && value.startsWith('attach://')) {
    const file = input.files.get(value.slice('attach://'.length));
    if (!file) throw badRequest(`file for "${path}" must be uploaded as ${value}`);
    return { upload: file };
  }
  throw typeError(path, 'InputFile');
};

/** Parses a JSON-serialized parameter from a form body. */
export function parseJson(value: unknown, path: string, form: boolean): unknown {
  if (typeof value !== 'string' || (!form && !/^\s*[[{]/.test(value))) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(`can't parse JSON in parameter "${path}"`);
  }
}

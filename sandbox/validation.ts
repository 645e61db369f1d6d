import { badRequest } from './errors.js';
import {
  boolean,
  float,
  inputFile,
  integer,
  parseJson,
  string,
  typeError,
  type Check,
} from './validation-primitives.js';
import type { CompactSpec, SpecField } from './spec/derive-spec.js';

/** A file received in a multipart body. */
export interface UploadedFile {
  name: string;
  type: string;
  data: Buffer;
}

/** A parameter that carries a file: a new upload, or a string (file_id or URL). */
export type FileInput = { upload: UploadedFile } | { ref: string };

export interface ValidationInput {
  /** Values came from a query string, urlencoded or multipart body: everything is a string. */
  form: boolean;
  files: Map<string, UploadedFile>;
}

export type MethodValidator = (
  params: Record<string, unknown>,
  input: ValidationInput,
) => Record<string, unknown>;

/** Compiles validators for every method once; requests then only walk their own values. */
export function compileValidators(spec: CompactSpec): Map<string, MethodValidator> {
  const compiled = new Map<string, Check>();
  const pending: (() => void)[] = [];
  // Types refer to each other (even cyclically), so each gets a stable wrapper whose body is
  // built right after all wrappers exist; no spec lookups happen per request.
  const named = (name: string): Check => {
    let check = compiled.get(name);
    if (!check) {
      let inner: Check | undefined;
      check = (value, path, input, form) => (inner ??= buildType(name))(value, path, input, form);
      pending.push(() => void (inner ??= buildType(name)));
      compiled.set(name, check);
    }
    return check;
  };

  const fromType = (type: string): Check => {
    if (type.startsWith('Array of ')) {
      const item = fromType(type.slice('Array of '.length));
      return (value, path, input, form) => {
        const parsed = parseJson(value, path, form);
        if (!Array.isArray(parsed)) throw typeError(path, type);
        return parsed.map((v, i) => item(v, `${path}[${i}]`, input, false));
      };
    }
    switch (type) {
      case 'Integer':
        return integer;
      case 'Float':
        return float;
      case 'String':
        return string;
      case 'Boolean':
      case 'True':
        return boolean;
      case 'InputFile':
        return inputFile;
      default:
        return named(type);
    }
  };

  const fromTypes = (types: string[]): Check => {
    if (types.length > 1 && types.every((t) => t.startsWith('Array of '))) {
      // "Array of InputMediaPhoto, InputMediaVideo…": one array whose items may be any of them.
      const items = types.map((t) => t.slice('Array of '.length));
      const item = unionCheck(commonPrefix(items), items);
      return (value, path, input, form) => {
        const parsed = parseJson(value, path, form);
        if (!Array.isArray(parsed)) throw typeError(path, `Array of ${commonPrefix(items)}`);
        return parsed.map((v, i) => item(v, `${path}[${i}]`, input, false));
      };
    }
    const checks = types.map(fromType);
    if (checks.length === 1 && checks[0]) return checks[0];
    return (value, path, input, form) => {
      let first: unknown;
      for (const check of checks) {
        try {
          return check(value, path, input, form);
        } catch (error) {
          first ??= error;
        }
      }
      if (types.length === 2 && types.includes('Integer') && types.includes('String')) {
        throw typeError(path, 'Integer or String');
      }
      throw first;
    };
  };

  const objectCheck = (typeName: string, fields: SpecField[]): Check => {
    const byName = new Map(fields.map((f) => [f.name, { field: f, check: fromTypes(f.types) }]));
    const required = fields.filter((f) => f.required).map((f) => f.name);
    return (value, path, input, form) => {
      const parsed = parseJson(value, path, form);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw typeError(path, typeName);
      }
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(parsed)) {
        const entry = byName.get(key);
        if (!entry) throw badRequest(`unknown field "${path}.${key}" in ${typeName}`);
        if (v === null || v === undefined) continue;
        if (entry.field.const !== undefined && v !== entry.field.const) {
          throw badRequest(`field "${path}.${key}" must be "${entry.field.const}"`);
        }
        out[key] = entry.check(v, `${path}.${key}`, input, false);
      }
      for (const key of required) {
        if (!(key in out)) throw badRequest(`field "${path}.${key}" is required in ${typeName}`);
      }
      return out;
    };
  };

  const unionCheck = (typeName: string, subtypes: string[]): Check => {
    const members = subtypes.map((name) => ({
      name,
      check: named(name),
      consts: (spec.types[name]?.fields ?? []).filter((f) => f.const !== undefined),
    }));
    return (value, path, input, form) => {
      const parsed = parseJson(value, path, form);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw typeError(path, typeName);
      }
      const record = parsed as Record<string, unknown>;
      const candidates = members.filter((m) => m.consts.every((f) => record[f.name] === f.const));
      if (candidates.length === 0) {
        const key = members[0]?.consts[0]?.name ?? 'type';
        throw badRequest(`unsupported ${typeName} ${key} "${String(record[key])}" in "${path}"`);
      }
      let first: unknown;
      for (const member of candidates) {
        try {
          return member.check(record, path, input, false);
        } catch (error) {
          first ??= error;
        }
      }
      throw first;
    };
  };

  const buildType = (name: string): Check => {
    const type = spec.types[name];
    if (type?.subtypes) return unionCheck(name, type.subtypes);
    if (type?.fields) return objectCheck(name, type.fields);
    return (value, path, _input, form) => parseJson(value, path, form);
  };

  const methods = new Map<string, MethodValidator>();
  for (const [name, method] of Object.entries(spec.methods)) {
    methods.set(name, compileMethod(method.fields, fromTypes));
  }
  for (let i = 0; i < pending.length; i++) pending[i]?.();
  return methods;
}

function commonPrefix(names: string[]): string {
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix || names.join(' or ');
}

const missingText: Record<string, string> = {
  text: 'message text is empty',
  chat_id: 'chat_id is empty',
  callback_query_id: 'query_id is empty',
};

function compileMethod(
  fields: SpecField[],
  fromTypes: (types: string[]) => Check,
): MethodValidator {
  const byName = new Map(fields.map((f) => [f.name, fromTypes(f.types)]));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return (params, input) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) {
      const check = byName.get(key);
      if (!check) throw badRequest(`unknown parameter "${key}"`);
      if (value === null || value === undefined) continue;
      out[key] = check(value, key, input, input.form);
    }
    for (const key of required) {
      if (!(key in out)) throw badRequest(missingText[key] ?? `parameter "${key}" is required`);
    }
    return out;
  };
}

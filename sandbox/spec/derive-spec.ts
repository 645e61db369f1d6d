import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** One parameter or object field: name, accepted types, required flag, and a constant discriminator. */
export interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  /** The only value a union member's discriminator may have (e.g. `type` must be "photo"). */
  const?: string;
}

/** The compact Bot API spec committed as sandbox/spec/bot-api.json. */
export interface CompactSpec {
  version: string;
  methods: Record<string, { fields: SpecField[] }>;
  types: Record<string, { fields?: SpecField[]; subtypes?: string[] }>;
}

/** A field of Telegram's Bot API as JSON (methods and types with descriptions). */
export interface RawField {
  name: string;
  types: string[];
  required: boolean;
  description?: string;
}
/** The full Bot API as JSON, e.g. `api.json` of the community telegram-bot-api-spec project. */
export interface RawSpec {
  version: string;
  methods: Record<string, { fields?: RawField[] }>;
  types: Record<string, { fields?: RawField[]; subtypes?: string[]; subtype_of?: string[] }>;
}

const discriminatorNames = new Set(['type', 'status', 'source']);
const constantText = /(?:must be|always) ["“]?([a-z_]+)["”]?/;

function compactField(field: RawField, isUnionMember: boolean): SpecField {
  const out: SpecField = { name: field.name, types: field.types, required: field.required };
  if (isUnionMember && discriminatorNames.has(field.name)) {
    const match = constantText.exec(field.description ?? '');
    if (match?.[1]) out.const = match[1];
  }
  return out;
}

/** Reduces the full Bot API spec (with descriptions) to what the emulator validates against. */
export function deriveSpec(raw: RawSpec): CompactSpec {
  const methods: CompactSpec['methods'] = {};
  for (const name of Object.keys(raw.methods).sort()) {
    methods[name] = {
      fields: (raw.methods[name]?.fields ?? []).map((f) => compactField(f, false)),
    };
  }
  const types: CompactSpec['types'] = {};
  for (const name of Object.keys(raw.types).sort()) {
    const type = raw.types[name];
    if (!type) continue;
    const isMember = (type.subtype_of?.length ?? 0) > 0;
    const entry: CompactSpec['types'][string] = {};
    if (type.fields) entry.fields = type.fields.map((f) => compactField(f, isMember));
    if (type.subtypes) entry.subtypes = type.subtypes;
    types[name] = entry;
  }
  return { version: raw.version, methods, types };
}

/** Serializes the compact spec exactly as it is committed: prettier-formatted JSON. */
export async function serializeSpec(spec: CompactSpec): Promise<string> {
  const options = (await resolveConfig(compactSpecPath)) ?? {};
  return format(JSON.stringify(spec), { ...options, parser: 'json' });
}

/** The committed compact copy. */
export const compactSpecPath = fileURLToPath(new URL('./bot-api.json', import.meta.url));

/** Reads the full spec at `from` and writes the compact one. */
export async function writeCompactSpec(from: string, to = compactSpecPath): Promise<void> {
  writeFileSync(to, await deriveSpecText(from));
}

/** The text the committed bot-api.json must have, derived from the full spec at `from`. */
export async function deriveSpecText(from: string): Promise<string> {
  const raw = JSON.parse(readFileSync(from, 'utf8')) as RawSpec;
  return serializeSpec(deriveSpec(raw));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [from, to] = process.argv.slice(2);
  if (!from) {
    process.stderr.write(
      'usage: tsx sandbox/spec/derive-spec.ts <full-spec.json> [bot-api.json]\n',
    );
    process.exit(2);
  }
  await writeCompactSpec(from, to);
}

/** A uuid's canonical text form (lowercase hex) as a RegExp source: the one copy in the app. */
export const uuidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const uuidPattern = new RegExp(`^${uuidSource}$`, 'i');

/** True when `value` is a uuid in its canonical text form (what a uuid column accepts). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrdersWorld, type OrdersWorld } from './orders-world.js';
import type { ApiCall } from './world.js';

/**
 * Every operation of the document, fed random parameters and bodies — valid-looking and hostile
 * (uuids, dates, numbers out of range, unicode, huge strings, bodies that are not JSON). Whatever
 * comes in, the answer is one the document declares for that operation (the world's `call` checks
 * the status, media type and schema), never a 500, never a stack. Property-based with fast-check;
 * a failure prints its seed and the shrunk request.
 */

interface DocumentParameter {
  name: string;
  in: 'path' | 'query';
  schema?: { enum?: unknown[]; type?: string };
}
interface DocumentOperation {
  parameters?: DocumentParameter[];
  requestBody?: unknown;
}

const uuidLike = fc.oneof(
  fc.uuid(),
  fc.constant('00000000-0000-0000-0000-000000000000'),
  fc.string({ maxLength: 40 }),
);
/** A value for one parameter: its enum members sometimes, else anything a client might send. */
function valueFor(parameter: DocumentParameter): fc.Arbitrary<string> {
  const loose = fc.oneof(
    uuidLike,
    fc.integer({ min: -1e12, max: 1e12 }).map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constantFrom('', ' ', '%', '../', 'null', 'true', '1e999', 'a'.repeat(5000)),
  );
  const members = parameter.schema?.enum?.map(String) ?? [];
  const any = members.length > 0 ? fc.oneof(fc.constantFrom(...members), loose) : loose;
  // A path segment that is empty or a dot segment is another URL (the client normalizes it away).
  return parameter.in === 'path' ? any.filter((v) => !['', '.', '..'].includes(v.trim())) : any;
}

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom('items', 'creative', 'payment_method', 'url', 'events', 'name', 'text'),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', 'not json', '[]', 'null', '{"__proto__":{"x":1}}'),
);

/** Drops the members fast-check left out (optional keys come as absent or undefined). */
const defined = (record: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined),
  );

function requestFor(path: string, method: string, operation: DocumentOperation) {
  const parameters = operation.parameters ?? [];
  const record = (where: 'path' | 'query', optional: boolean) => {
    const entries = parameters.filter((p) => p.in === where);
    return fc.record(
      Object.fromEntries(entries.map((p) => [p.name, valueFor(p)])),
      optional ? { requiredKeys: [] } : {},
    );
  };
  return fc
    .record({
      params: record('path', false),
      query: record('query', true),
      body: operation.requestBody || method !== 'get' ? fc.option(jsonBody) : fc.constant(null),
      idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 300 })),
      asOwner: fc.boolean(),
    })
    .map((r): ApiCall => ({
      method: method as ApiCall['method'],
      path,
      params: defined(r.params),
      query: defined(r.query),
      ...(r.body !== null ? { body: r.body } : {}),
      ...(r.idempotencyKey !== null && method !== 'get'
        ? { headers: { 'idempotency-key': r.idempotencyKey } }
        : {}),
      key: r.asOwner ? 'owner' : 'advertiser',
    }));
}

// The world with booking mounted: every production operation is in the document.
let world: OrdersWorld;
let keys: { owner: string; advertiser: string };
beforeAll(async () => {
  world = await startOrdersWorld();
  keys = {
    owner: (await world.api.ownerKey()).key,
    advertiser: (await world.advertiser()).key,
  };
});
afterAll(async () => {
  await world?.close();
});

describe('every operation under random input', () => {
  it('answers only what the document declares, never a 500', async () => {
    const operations = Object.entries(world.api.document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, DocumentOperation>).map(
        ([method, operation]) => [path, method, operation] as const,
      ),
    );
    expect(operations.map(([path, method]) => `${method} ${path}`)).toContain('post /v1/orders');
    const statuses = new Map<string, Set<number>>();
    for (const [path, method, operation] of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(path, method, operation), async (call) => {
          const answer = await world.api.call({
            ...call,
            key: call.key === 'owner' ? keys.owner : keys.advertiser,
          });
          expect(answer.status).toBeLessThan(500);
          const seen = statuses.get(`${method} ${path}`) ?? new Set<number>();
          statuses.set(`${method} ${path}`, seen.add(answer.status));
        }),
        { numRuns: 40 },
      );
    }
    // The inputs reached past validation somewhere: not every answer was a 400.
    const all = [...statuses.values()].flatMap((s) => [...s]);
    expect(all.some((s) => s !== 400)).toBe(true);
  }, 120_000);
});

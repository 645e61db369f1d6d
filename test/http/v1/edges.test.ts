import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../../../http/v1/operation.js';
import { problemTypeBase, type Problem } from '../../../http/v1/problems.js';
import { named } from '../../../http/v1/schemas.js';
import { generateApiKey } from '../../../models/api-keys/key-format.js';
import { revokeApiKey } from '../../../models/api-keys/revoke-api-key.js';
import { capturedLogger } from '../../helpers/captured-logger.js';
import { startV1World, type ApiAnswer, type V1World } from './world.js';

const echoed = named('TestEcho', z.object({ name: z.string() }));
/** Routes only this test mounts: one that throws with a secret in its message, one with a body. */
const testOperations = [
  defineOperation({
    operationId: 'testBoom',
    method: 'get',
    path: '/v1/test/boom',
    tag: 'Test',
    summary: 'Always fails',
    responses: { 200: { description: 'Never.', schema: echoed } },
    handle: async () => {
      throw new Error('connection postgres://lytslot:hunter2@db/prod refused');
    },
  }),
  defineOperation({
    operationId: 'testEcho',
    method: 'post',
    path: '/v1/test/echo',
    tag: 'Test',
    summary: 'Echoes a name',
    body: z.object({ name: z.string().min(1) }),
    responses: { 200: { description: 'The name.', schema: echoed } },
    handle: async (_ctx, { body }) => ({ body: { name: body.name } }),
  }),
];

const log = capturedLogger();
let world: V1World;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;

beforeAll(async () => {
  world = await startV1World({ operations: testOperations, logger: log.logger });
  owner = await world.ownerKey();
});
afterAll(async () => {
  await world?.close();
});

/** The problem body of an answer, checked against RFC 9457's members and the request. */
function problemOf(answer: ApiAnswer, slug: string, path: string): Problem {
  const problem = answer.body as Problem;
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problem).toMatchObject({
    type: `${problemTypeBase}${slug}`,
    status: answer.status,
    instance: path,
    request_id: answer.headers.get('x-request-id'),
  });
  expect(problem.title).not.toBe('');
  return problem;
}

describe('keys', () => {
  it('refuses a missing, malformed, unknown, wrong or revoked key with one and the same 401', async () => {
    const revoked = await world.ownerKey();
    const revocation = await revokeApiKey(
      world.database,
      {
        owner: { workspaceId: revoked.workspaceId },
        actorAccountId: revoked.accountId,
        keyId: revoked.keyId,
      },
      world.clock,
    );
    expect(revocation.ok).toBe(true);
    // The owner key's prefix with another secret.
    const ownPrefix = /^lsk_live_[a-z0-9]{10}_/.exec(owner.key)![0];
    const wrongSecret = generateApiKey().key.replace(/^lsk_live_[a-z0-9]{10}_/, ownPrefix);
    const refused: Record<string, string | undefined> = {
      none: undefined,
      'not bearer': `Basic ${Buffer.from('a:b').toString('base64')}`,
      'bearer alone': 'Bearer',
      malformed: 'Bearer not-a-key',
      'unknown prefix': `Bearer ${generateApiKey().key}`,
      'wrong secret': `Bearer ${wrongSecret}`,
      revoked: `Bearer ${revoked.key}`,
    };
    const bodies = new Set<string>();
    for (const [what, authorization] of Object.entries(refused)) {
      const answer = await world.call({
        path: '/v1/channels',
        headers: authorization ? { authorization } : {},
      });
      expect(answer.status, what).toBe(401);
      expect(answer.headers.get('www-authenticate'), what).toBe('Bearer');
      expect(answer.headers.get('ratelimit-limit'), what).toBeNull();
      const { request_id: _id, ...rest } = problemOf(answer, 'unauthorized', '/v1/channels');
      bodies.add(JSON.stringify(rest));
    }
    expect(bodies.size).toBe(1);
    const accepted = await world.call({ path: '/v1/channels', key: owner.key });
    expect(accepted.status).toBe(200);
  });
});

describe('problems', () => {
  it('answers an unknown route under /v1 with a 404 problem, key or not', async () => {
    for (const key of [undefined, owner.key]) {
      const answer = await world.call({ path: '/v1/nothing/here', ...(key ? { key } : {}) });
      expect(answer.status).toBe(404);
      problemOf(answer, 'not-found', '/v1/nothing/here');
    }
  });

  it('answers a method the route does not have with a 405 problem and Allow', async () => {
    const answer = await world.call({ method: 'delete', path: '/v1/channels', key: owner.key });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toContain('GET');
    problemOf(answer, 'method-not-allowed', '/v1/channels');
  });

  it('lists each invalid parameter in `errors` of one 400 problem', async () => {
    const answer = await world.call({
      path: '/v1/channels',
      query: { limit: 0, currency: 'EUR' },
      key: owner.key,
    });
    expect(answer.status).toBe(400);
    const problem = problemOf(answer, 'validation-failed', '/v1/channels');
    expect(problem.errors?.map((e) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['query.limit', 'query.currency']),
    );
    expect(answer.text).not.toContain('EUR');
    const badId = await world.call({
      path: '/v1/channels/{id}',
      params: { id: 'not-a-uuid' },
      key: owner.key,
    });
    expect(badId.status).toBe(400);
    expect(problemOf(badId, 'validation-failed', '/v1/channels/not-a-uuid').errors).toEqual([
      expect.objectContaining({ path: ['path', 'id'] }),
    ]);
  });

  it('answers a body that is not JSON with 400 malformed-body, and a wrong one with its errors', async () => {
    // Every write needs an Idempotency-Key (a new one each: these are different requests).
    let n = 0;
    const echo = (body: string) =>
      world.call({
        method: 'post',
        path: '/v1/test/echo',
        key: owner.key,
        body,
        headers: { 'idempotency-key': `echo-${(n += 1)}` },
      });
    const broken = await echo('{"name":');
    expect(broken.status).toBe(400);
    problemOf(broken, 'malformed-body', '/v1/test/echo');
    const wrong = await echo('{"name":1}');
    expect(wrong.status).toBe(400);
    expect(problemOf(wrong, 'validation-failed', '/v1/test/echo').errors).toEqual([
      expect.objectContaining({ path: ['body', 'name'] }),
    ]);
    const fine = await echo('{"name":"Ann"}');
    expect(fine.body).toEqual({ name: 'Ann' });
  });

  it('answers a thrown error with a 500 problem without its message or stack, and logs it', async () => {
    const answer = await world.call({
      path: '/v1/test/boom',
      key: owner.key,
      headers: { 'x-request-id': 'boom-1' },
    });
    expect(answer.status).toBe(500);
    const problem = problemOf(answer, 'internal-error', '/v1/test/boom');
    expect(problem.detail).toBeUndefined();
    expect(answer.text).not.toMatch(/postgres|hunter2|refused|\.ts:/);
    const logged = log.lines.find((l) => l.msg === 'request failed') as
      { requestId?: string; err?: { message?: string } } | undefined;
    expect(logged?.requestId).toBe('boom-1');
    expect(logged?.err?.message).toMatch(/refused/);
  });
});

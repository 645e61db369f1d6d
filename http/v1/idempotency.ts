import type { Context } from 'koa';
import {
  claimIdempotencyKey,
  completeIdempotentRequest,
  completeIdempotentRequestInTx,
  fingerprintRequest,
  idempotencyKeyPattern,
  releaseIdempotencyKey,
} from '../../models/api-idempotency/idempotency.js';
import type { Clock } from '../../models/clock.js';
import type { Database, Tx } from '../../models/db.js';
import { apiKeyOwnerOf, apiKeyScopeOf } from './auth.js';
import type { OperationResult } from './operation.js';
import { problemBodyOf, problemMediaType, ProblemError, problems } from './problems.js';

export interface IdempotencyDeps {
  database: Database;
  clock: Clock;
}

/** What a write's handler may do with its Idempotency-Key (ctx.state.idempotentWrite). */
export interface IdempotentWrite {
  /**
   * Stores the answer in the handler's own transaction, so its rows and the answer commit together
   * (a retry can never run it twice). False: another request completed the key first — roll back.
   */
  storeInTx(tx: Tx, answer: { status: number; body: unknown }): Promise<boolean>;
  /** Replaces the stored answer after the commit (a payment link made afterwards, say). */
  restore(answer: { status: number; body: unknown }): Promise<void>;
}

/** A stored answer being replayed to a retry. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** The Idempotency-Key of the write this handler runs (set by runIdempotently). */
export function idempotentWriteOf(ctx: Context): IdempotentWrite {
  const write = ctx.state.idempotentWrite as IdempotentWrite | undefined;
  if (!write) throw new Error('this handler is not a keyed write');
  return write;
}

/** A stored answer as it was (a problem keeps its media type). */
export const replayOf = (stored: StoredAnswer): OperationResult => ({
  status: stored.status,
  body: stored.body,
  ...(stored.status >= 400 ? { type: problemMediaType } : {}),
});

/**
 * Runs a write under its `Idempotency-Key` (docs/api.md#idempotency): missing → 400; the first
 * request runs and its answer (2xx or 4xx) is stored, unless the handler stored it in its own
 * transaction; a retry gets the stored answer (through `replay` when the operation refreshes it);
 * the key with another request → 422; still running → 409 with Retry-After; a 5xx or a throw
 * gives the key back, so a retry runs again.
 */
export async function runIdempotently(
  ctx: Context,
  deps: IdempotencyDeps,
  rawBody: unknown,
  run: () => Promise<OperationResult>,
  replay?: (stored: StoredAnswer) => Promise<OperationResult>,
): Promise<OperationResult> {
  const idempotencyKey = ctx.get('Idempotency-Key');
  if (!idempotencyKey)
    throw new ProblemError('idempotency-key-missing', 'Send a unique Idempotency-Key header.');
  if (!idempotencyKeyPattern.test(idempotencyKey))
    throw new ProblemError('validation-failed', 'Each rejected member is in `errors`.', [
      {
        code: 'invalid_format',
        path: ['header', 'Idempotency-Key'],
        message: 'must be 1–255 printable ASCII characters',
      },
    ]);
  const owner = apiKeyOwnerOf(ctx);
  const key = { keyId: apiKeyScopeOf(ctx).keyId, idempotencyKey };
  const requestHash = fingerprintRequest({ method: ctx.method, path: ctx.url, body: rawBody });
  const claim = await claimIdempotencyKey(
    deps.database,
    owner,
    { ...key, requestHash },
    deps.clock,
  );
  const write: IdempotentWrite = {
    storeInTx: (tx, answer) =>
      completeIdempotentRequestInTx(tx, { ...key, statusCode: answer.status, body: answer.body }),
    restore: (answer) =>
      completeIdempotentRequest(deps.database, owner, {
        ...key,
        statusCode: answer.status,
        body: answer.body,
      }),
  };
  ctx.state.idempotentWrite = write;
  const store = (answer: StoredAnswer) =>
    deps.database.withScope(owner, (tx) => write.storeInTx(tx, answer));
  switch (claim.kind) {
    case 'mismatch':
      throw new ProblemError(
        'idempotency-key-reused',
        'This Idempotency-Key was used with another method, path or body; use a new key.',
      );
    case 'in_progress':
      ctx.set('Retry-After', String(claim.retryAfterSeconds));
      throw new ProblemError('idempotency-key-in-use', 'Retry after the first request ends.');
    case 'replay': {
      ctx.set('Idempotent-Replayed', 'true');
      const stored = { status: claim.statusCode, body: claim.body };
      return replay ? replay(stored) : replayOf(stored);
    }
    case 'run':
      break;
  }
  try {
    const result = await run();
    // A no-op when the handler stored its answer with its rows.
    await store({ status: result.status ?? 200, body: result.body });
    return result;
  } catch (err) {
    if (err instanceof ProblemError && problems[err.slug].status < 500) {
      const body = problemBodyOf(ctx, err);
      await store({ status: body.status, body });
    } else {
      // Deletes only a key still running: an answer the handler committed stays.
      await releaseIdempotencyKey(deps.database, owner, key);
    }
    throw err;
  }
}

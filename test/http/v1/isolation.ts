import { expect } from 'vitest';
import type { Problem } from '../../../http/v1/problems.js';
import type { ApiAnswer } from './world.js';

/** What two answers must share to be the same answer: status and body, a problem's per-request members left out. */
export function comparableAnswer(answer: ApiAnswer): Record<string, unknown> {
  if (answer.status < 400) return { answered: answer.status, body: answer.body };
  const { request_id: _id, instance: _path, ...rest } = answer.body as Problem;
  return { answered: answer.status, ...rest };
}

/** Another tenant's resource answers exactly as a missing one: same status, type, title, detail. */
export function expectSameNotFound(foreign: ApiAnswer, missing: ApiAnswer): void {
  expect(comparableAnswer(foreign)).toEqual(comparableAnswer(missing));
  expect(foreign.status).toBe(404);
  expect((foreign.body as Problem).type).toMatch(/\/not-found$/);
}

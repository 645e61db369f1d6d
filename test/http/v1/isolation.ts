import { expect } from 'vitest';
import type { Problem } from '../../../http/v1/problems.js';
import type { ApiAnswer } from './world.js';

/** Another tenant's resource answers exactly as a missing one: same status, type, title, detail. */
export function expectSameNotFound(foreign: ApiAnswer, missing: ApiAnswer): void {
  const strip = (answer: ApiAnswer) => {
    const { request_id: _id, instance: _path, ...rest } = answer.body as Problem;
    return { answered: answer.status, ...rest };
  };
  expect(strip(foreign)).toEqual(strip(missing));
  expect(foreign.status).toBe(404);
  expect((foreign.body as Problem).type).toMatch(/\/not-found$/);
}

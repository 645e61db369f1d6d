import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrdersWorld, type OrdersWorld } from '../orders-world.js';
import { clientTypesPath, generateClientTypes } from './types.js';

let world: OrdersWorld;
beforeAll(async () => {
  world = await startOrdersWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the generated client types', () => {
  it('are what openapi-typescript makes of the served document today (npm run api:types)', async () => {
    const fresh = await generateClientTypes(world.api.document);
    expect(fresh).toContain("'/v1/orders': {");
    expect(await readFile(clientTypesPath, 'utf8')).toBe(fresh);
  });
});

import { z } from 'zod';
import { uuidSource } from '../../models/uuid.js';

/**
 * The named schemas of the partner API: each becomes `#/components/schemas/<id>` in the OpenAPI
 * document, and an operation's response schema must be one of them (http/v1/openapi.ts).
 */
export const apiSchemas = z.registry<{ id: string }>();

/** Registers a schema under a component name and returns it. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  if (!apiSchemas.has(schema)) apiSchemas.add(schema, { id });
  return schema;
}

/** A uuid in a path, query or body member. */
export const uuid = z.string().regex(new RegExp(`^${uuidSource}$`, 'i'), 'must be a uuid');

/** An amount of money in integer minor units. */
export const minorUnits = z.number().int().describe('Minor units of `currency` (kopecks, cents).');

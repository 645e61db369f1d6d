import { writeFile } from 'node:fs/promises';
import { startOrdersWorld } from '../orders-world.js';
import { clientTypesPath, generateClientTypes } from './types.js';

// npm run api:types: rewrites v1.d.ts from the document of every production operation.
const world = await startOrdersWorld();
try {
  await writeFile(clientTypesPath, await generateClientTypes(world.api.document));
  process.stdout.write(`wrote ${clientTypesPath.pathname}\n`);
} finally {
  await world.close();
}
// The test world is closed, but two keep-alive sockets of its HTTP clients may still wait for
// their idle timeout; a one-shot script need not wait for them.
process.exit(0);

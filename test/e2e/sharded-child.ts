// One process of sharded mode for test/e2e/sharded.test.ts and the scale benchmark: startApp with
// the roles in ROLES (fetcher or worker), configured through the environment like production.
import { readConfig } from '../../config.js';
import { startApp } from '../../main.js';
import { createLogger } from '../../models/logger.js';

const config = readConfig();
const app = await startApp(config, { logger: createLogger({ level: config.logLevel }) });
process.stdout.write(`ready ${app.httpUrl ?? ''}\n`);
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

// A process for test/shutdown.test.ts: installs the real shutdown handling over an app whose stop
// hangs (SHUTDOWN_STOP=hang) or takes a moment (slow), and logs without pause to stdout, which the
// parent closes before signalling.
import { createLogger } from '../models/logger.js';
import { installShutdown } from '../shutdown.js';

const logger = createLogger({ level: 'info' });
const hang = process.env.SHUTDOWN_STOP === 'hang';
const deadline = process.env.SHUTDOWN_DEADLINE_MS;
const app = {
  async stop() {
    for (let i = 0; i < 200; i++) logger.info({ i, filler: 'x'.repeat(200) }, 'stopping');
    await new Promise((resolve) => (hang ? undefined : setTimeout(resolve, 300)));
  },
};
installShutdown(app, logger, deadline ? { deadlineMs: Number(deadline) } : {});
setInterval(() => logger.info({ filler: 'x'.repeat(200) }, 'working'), 1);
process.stderr.write(`ready ${process.pid}\n`);

// `npm start` loads this with `--import` before main.ts, so a taken port is reported in well under
// 2 s, before the app's modules load. startApp checks again (for other entry points and tests).
import { readConfig } from '../config.js';
import { assertPortsFree, PortInUseError, wantedPorts } from './ports.js';

try {
  await assertPortsFree(wantedPorts(readConfig()));
} catch (err) {
  if (!(err instanceof PortInUseError)) throw err;
  process.stderr.write(`Failed to start: ${err.message}\n`);
  process.exit(1);
}

// `npm run lint`: prettier, then ESLint even when prettier failed, so one run shows every problem.
import { inherit, lintCommands, runEach } from './stages.js';

const { ok } = await runEach(lintCommands, inherit);
process.exit(ok ? 0 : 1);

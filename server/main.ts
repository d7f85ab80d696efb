// `npm start`: the whole back office in one process (embedded PostgreSQL unless DATABASE_URL is set).
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { onShutdown } from './shutdown.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
// Loaded after the configuration is known to be valid, so a bad setting is reported at once.
const { startBackOffice } = await import('./back-office.js');

try {
  const backOffice = await startBackOffice(config, logger);
  const created = backOffice.bootstrap.createdAdmin;
  if (created) printFirstAdministrator(created.email, created.generated ? created.password : undefined);
  console.log(`\n  Energy CMMS: ${backOffice.url}/admin   (Ctrl-C to stop)\n`);
  onShutdown(logger, () => backOffice.stop());
} catch (error) {
  logger.fatal({ err: error }, 'the back office could not start');
  process.exit(1);
}

function printFirstAdministrator(email: string, generatedPassword: string | undefined): void {
  const lines = [
    'First administrator created:',
    `  e-mail:   ${email}`,
    generatedPassword
      ? `  password: ${generatedPassword}   (shown only this once: change it after signing in)`
      : '  password: the one given in ADMIN_PASSWORD',
  ];
  console.log(`\n${'='.repeat(72)}\n${lines.join('\n')}\n${'='.repeat(72)}`);
}

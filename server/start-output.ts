// What `npm start` prints on the terminal (besides its logs), once per start whatever the number of web
// processes: the first administrator's credentials, and the address to open.
import type { BootstrapResult } from '../domain/users/bootstrap.js';

export function printFirstAdministrator(created: BootstrapResult['createdAdmin']): void {
  if (!created) return;
  const lines = [
    'First administrator created:',
    `  e-mail:   ${created.email}`,
    created.generated
      ? `  password: ${created.password}   (shown only this once: change it after signing in)`
      : '  password: the one given in ADMIN_PASSWORD',
  ];
  console.log(`\n${'='.repeat(72)}\n${lines.join('\n')}\n${'='.repeat(72)}`);
}

export function printAddress(url: string, webProcesses = 1): void {
  const processes = webProcesses > 1 ? `, ${webProcesses} web processes` : '';
  console.log(`\n  Energy CMMS: ${url}/admin   (Ctrl-C to stop${processes})\n`);
}

export function addressOf(host: string, port: number): string {
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}

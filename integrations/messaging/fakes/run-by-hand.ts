// Lets a fake run by hand (npm run fake:*): started on a port (PORT, or a free one), printing what it
// receives until Ctrl-C.
import { pathToFileURL } from 'node:url';

export function startedByHand(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;
}

export function portFromEnvironment(): number {
  return Number(process.env.PORT ?? 0);
}

export function stopOnCtrlC(close: () => Promise<void>): void {
  process.once('SIGINT', () => void close().then(() => process.exit(0)));
}

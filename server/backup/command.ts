// The process side of `npm run backup` / `npm run restore`: a refusal is printed as what is wrong and
// what to do (exit code 1), anything else with its stack.
import { BackupError } from './backup-error.js';

export async function runBackupCommand(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) console.error(error.message);
    else console.error(error);
    return 1;
  }
}

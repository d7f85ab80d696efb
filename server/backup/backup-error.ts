// A backup or restore that cannot go on: what is wrong, and what the operator should do about it.
export class BackupError extends Error {
  constructor(
    message: string,
    /** The next step, in a sentence the operator can follow. */
    readonly whatToDo: string,
  ) {
    super(`${message}\n${whatToDo}`);
    this.name = 'BackupError';
  }
}

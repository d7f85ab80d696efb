// How to reach the legacy SIG: read and validated in server/config.ts, handed to the client. The password
// travels only in the login form's body: never in a message, a log line or a run record.
export interface SigSettings {
  /** The SIG's root, e.g. http://sig.ccg.hn (the login form is at /login, open tickets at /tickets). */
  baseUrl: string;
  username: string;
  password: string;
  /** Pause between two list pages, so the old server is not hammered. */
  pageDelayMs: number;
  /** Longest wait for one page before the run fails. */
  timeoutMs: number;
  /** Most list pages one run follows (a guard against a "next" link that loops). */
  maxPages: number;
}

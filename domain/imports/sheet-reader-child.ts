// The import's side of the sheet reader process (sheet-reader.process.mjs): forked with its own heap
// limit, so a workbook that would need more memory (a bomb of shared strings, a cell of gigabytes) ends
// that process only, and the import is refused with the reason. A worker thread's resourceLimits were
// used first: V8 sometimes aborts the whole process when a thread reaches its heap limit.
// One reader is kept between imports for two minutes (started, it costs a Node start-up and loading
// its reader: a preview and its import reuse it); a second import at the same time gets a reader of its
// own. A reader that failed or was left mid-file is ended.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReaderMessage, ReaderRequest, SheetRow } from './sheet-reader.process.mjs';

export interface SheetReaderLimits {
  /** Heap of the reader process, in MB. */
  memoryMb: number;
  /** Longest wait for the next rows (the reader has room to send them) before it is given up. */
  stallMs: number;
}

// The shared strings of a 500 000-row sheet fit with room; a hostile file does not.
export const SHEET_READER_LIMITS: SheetReaderLimits = { memoryMb: 192, stallMs: 60_000 };

/** The reader could not read the file: the reason is for the clerk (the run's message). */
export class UnreadableSheetError extends Error {}

interface Reader {
  process: ChildProcess;
  memoryMb: number;
  ready: Promise<void>;
}

let idle: Reader | null = null;
let idleTimer: NodeJS.Timeout | undefined;
/** An idle reader is ended after this long (its ~50 MB are not kept for an import that may never come). */
const KEEP_IDLE_MS = 120_000;

function keepIdle(reader: Reader): void {
  idle = reader;
  release(reader.process);
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (idle === reader) {
      idle = null;
      reader.process.kill('SIGKILL');
    }
  }, KEEP_IDLE_MS).unref();
}

// An idle reader (its process and its message channel) does not keep the application alive.
function release(child: ChildProcess) {
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
}
function hold(child: ChildProcess) {
  child.ref();
  (child.channel as { ref?: () => void } | undefined)?.ref?.();
}

function startReader(memoryMb: number): Reader {
  const entry = fileURLToPath(new URL('./sheet-reader.process.mjs', import.meta.url));
  const child = fork(entry, [], {
    // No tsx and no type stripping: the entry is plain JavaScript importing nothing of ours. A young
    // generation of 2 MB semi-spaces: the XML's strings die young (a 200 000-row read peaked at 67 MB
    // against 78 with 8 MB, 90 with 16, its idle process being 50).
    execArgv: [`--max-old-space-size=${memoryMb}`, '--max-semi-space-size=2', '--expose-gc', '--disable-warning=ExperimentalWarning'],
    // Rows cross as structured clones (dates stay dates), not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: ReaderMessage) => {
      if (!('ready' in message)) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the sheet reader stopped while starting (${signal ?? `exit code ${code}`})`)));
  });
  ready.catch(() => undefined);
  const reader = { process: child, memoryMb, ready };
  child.once('exit', () => {
    if (idle === reader) idle = null;
  });
  return reader;
}

/** Starts a reader ahead of need (an import about to read), so its start-up overlaps the file's download. */
export function warmSheetReader(limits: SheetReaderLimits = SHEET_READER_LIMITS): void {
  if (idle?.memoryMb === limits.memoryMb) return;
  if (idle) idle.process.kill('SIGKILL');
  keepIdle(startReader(limits.memoryMb));
}

function takeReader(memoryMb: number): Reader {
  const reader = idle?.memoryMb === memoryMb ? idle : startReader(memoryMb);
  if (reader === idle) idle = null;
  hold(reader.process);
  return reader;
}

/** Back to idle after a file read to its end (one idle reader at most); otherwise ended. */
function giveBack(reader: Reader, healthy: boolean): void {
  if (healthy && !idle && reader.process.exitCode === null && reader.process.connected) keepIdle(reader);
  else reader.process.kill('SIGKILL');
}

/** The first worksheet's rows, read in a reader process a few messages ahead of the caller.
 * Stopping early (a refused header) ends that reader. */
export async function* readInChildProcess(filePath: string, limits: SheetReaderLimits = SHEET_READER_LIMITS): AsyncGenerator<SheetRow[], number> {
  const reader = takeReader(limits.memoryMb);
  const child = reader.process;
  const messages: ReaderMessage[] = [];
  let stopped: UnreadableSheetError | null = null;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  const onMessage = (message: ReaderMessage) => {
    messages.push(message);
    arrived();
  };
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    // V8 aborts a process out of heap (SIGABRT, or exit code 134 through a shell).
    stopped ??= new UnreadableSheetError(
      signal === 'SIGABRT' || code === 134
        ? `El archivo .xlsx necesita más de ${limits.memoryMb} MB de memoria para leerse: está dañado o tiene demasiado texto. Ábralo en Excel, guárdelo de nuevo o divídalo en varios archivos.`
        : `La lectura del archivo .xlsx se interrumpió (${signal ?? `código ${code}`}). Vuelva a intentarlo; si se repite, ábralo en Excel y guárdelo de nuevo.`,
    );
    arrived();
  };
  const onError = (error: Error) => {
    stopped ??= new UnreadableSheetError(`No se pudo leer el archivo .xlsx (${error.message}). Vuelva a intentarlo.`);
    arrived();
  };
  child.on('message', onMessage).on('exit', onExit).on('error', onError);
  let finished = false;
  try {
    // Asked once it listens; one that cannot start says so through onExit (or stalls).
    reader.ready.then(() => !stopped && child.send({ read: filePath } satisfies ReaderRequest), () => undefined);
    for (;;) {
      const message = messages.shift();
      if (!message) {
        if (stopped) throw stopped;
        await waitOrStall(limits.stallMs, (resolve) => (wake = resolve));
        if (!messages.length && !stopped)
          stopped = new UnreadableSheetError(`El archivo .xlsx dejó de avanzar al leerse (más de ${Math.round(limits.stallMs / 1000)} s sin filas): puede estar dañado. Ábralo en Excel y guárdelo de nuevo.`);
        continue;
      }
      if ('ready' in message) continue;
      if ('done' in message) {
        finished = true;
        return message.rowElements;
      }
      if ('failed' in message) throw new UnreadableSheetError(`El archivo .xlsx está dañado y no se pudo leer completo (${message.failed}).`);
      child.send({ more: true } satisfies ReaderRequest);
      yield message.rows;
    }
  } finally {
    child.off('message', onMessage).off('exit', onExit).off('error', onError);
    giveBack(reader, finished);
  }
}

/** Waits for the next message, at most `ms`. */
function waitOrStall(ms: number, onWake: (resolve: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    onWake(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Process output of the command-line tools (`npm run lists`, `npm run report`, `npm run seed`).
 *
 * Why this exists: on Linux, stdout to a pipe is asynchronous in Node. `process.exit()` right after a large
 * `process.stdout.write()` throws away whatever the kernel's pipe buffer (64 KiB) could not take yet, so
 * `lists export … | jq` received exactly 65,536 bytes and the command still exited 0. Every CLI therefore
 * writes through `procesUitvoer()` and ends with `beeindig(code)`, which waits until every chunk written so far
 * has been handed to the operating system (a file, a pipe, a terminal, however slow its reader) before it
 * exits.
 */
import type { Writable } from 'node:stream';

/** Writers that remember their last pending write, so the process can wait for it before exiting. */
export interface ProcesUitvoer {
  /** Write `s` to stdout. Never throws; a closed reader (EPIPE) ends the wait for that stream. */
  out: (s: string) => void;
  /** Write `s` to stderr. */
  err: (s: string) => void;
  /** Resolves when everything written so far on both streams has been flushed (or the stream failed). */
  geschreven: () => Promise<void>;
}

function schrijver(stream: Writable): { write: (s: string) => void; klaar: () => Promise<void> } {
  let laatste: Promise<void> = Promise.resolve();
  let kapot = false;
  // A reader that goes away (`| head`) must not crash the process with an unhandled 'error' event.
  stream.on('error', () => {
    kapot = true;
  });
  return {
    write(s: string) {
      if (kapot || s === '') return;
      laatste = new Promise<void>((resolve) => {
        stream.write(s, () => resolve());
      });
    },
    klaar: () => (kapot ? Promise.resolve() : laatste),
  };
}

/**
 * Writers for `stdout` and `stderr` (default the process's own) that track pending writes.
 * @param streams injectable for tests.
 */
export function procesUitvoer(
  streams: { stdout: Writable; stderr: Writable } = { stdout: process.stdout, stderr: process.stderr },
): ProcesUitvoer {
  const o = schrijver(streams.stdout);
  const e = schrijver(streams.stderr);
  return { out: o.write, err: e.write, geschreven: () => Promise.all([o.klaar(), e.klaar()]).then(() => undefined) };
}

/** The writers every CLI in this folder uses when run as a program. */
export const standaardUitvoer: ProcesUitvoer = procesUitvoer();

/**
 * End the process with `code` after all output of `uitvoer` is flushed. The exit itself stays explicit
 * (open handles such as HTTP keep-alive sockets must not keep a finished CLI running).
 */
export async function beeindig(code: number, uitvoer: ProcesUitvoer = standaardUitvoer): Promise<never> {
  process.exitCode = code;
  await uitvoer.geschreven();
  process.exit(code);
}

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (tests run side by side; never use fixed ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Poll `url` every 250 ms until it answers 2xx.
 * @throws Error when it has not answered within `ms` milliseconds.
 */
export async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} kwam niet op binnen ${ms} ms`);
}

/** Start a process in its own process group, so that `stop` (by its id) also stops its children. */
export function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
}

/** Stop a process group started with `start` (SIGTERM); a process that is already gone is fine. */
export function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

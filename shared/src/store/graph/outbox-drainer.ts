/**
 * When the outbox is drained: a write kicks a drain and waits up to `writeWaitMs` for it (then returns; the
 * row is safe in the outbox and the drain goes on in the background); a poller picks up rows left by other
 * processes or earlier runs (once at start-up, then every `pollMs`); `lists sync` drains on demand. One drain runs at a time per store. The draining
 * itself ($batch, per-key order, uncertain sends) is the `OutboxWorker`.
 */
import pino from 'pino';
import type { GraphOutbox } from './outbox';
import type { DrainOptions, DrainSummary, OutboxWorker } from './outbox-worker';

const log = pino({ name: 'graph-outbox', level: process.env.LOG_LEVEL ?? 'info' });

/** Schedules the worker's drains for one store. */
export class OutboxDrainer {
  private running?: Promise<DrainSummary | undefined>;
  private poller?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly outbox: GraphOutbox,
    private readonly worker: OutboxWorker,
    private readonly signal: AbortSignal,
    /** Default wait of a write for its row to reach Graph (ms). */
    readonly writeWaitMs: number,
    /** Background check interval (ms); 0 = no poller. */
    pollMs: number,
  ) {
    if (pollMs > 0) {
      const kijk = () => {
        if (!this.stopped && !this.running && this.outbox.counts().pending > 0) void this.start();
      };
      this.poller = setInterval(kijk, pollMs);
      this.poller.unref();
      // Rows left by an earlier run (a restart during a Graph outage) go out at start-up, not one interval later.
      setImmediate(kijk).unref();
    }
  }

  /** Start a drain unless one runs; @returns the running drain (undefined result when it stopped on an error). */
  start(options: DrainOptions = {}): Promise<DrainSummary | undefined> {
    if (!this.running) {
      this.running = this.worker
        .drain(options)
        .catch((err) => {
          if (!this.signal.aborted) log.error({ err: (err as Error).message }, 'outbox drain stopped');
          return undefined;
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  /** Wait until the outbox is drained, or `waitMs` passed (the drain then continues in the background). */
  async settle(waitMs = this.writeWaitMs): Promise<void> {
    if (this.stopped || this.outbox.counts().pending === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref();
    });
    try {
      for (let i = 0; i < 3 && !this.stopped && this.outbox.counts().pending > 0; i++) {
        const r = await Promise.race([this.start(), timeout.then(() => 'timeout' as const)]);
        if (r === 'timeout') return;
      }
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Drain now, after any running drain (the `lists sync` command). */
  async drain(options: DrainOptions = {}): Promise<DrainSummary> {
    while (this.running) await this.running;
    return this.worker.drain(options);
  }

  /** Stop the poller and wait for the running drain to end (the caller aborts the signal first). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    await this.running;
  }
}

/**
 * When the outbox is drained: a write kicks a drain and waits up to `writeWaitMs` for it (then returns; the
 * row is safe in the outbox and the drain goes on in the background); a poller picks up rows left by other
 * processes or earlier runs (once at start-up, then every `pollMs`); `lists sync` drains on demand. One drain runs at a time per store. The draining
 * itself ($batch, per-key order, uncertain sends) is the `OutboxWorker`.
 */
import pino from 'pino';
import type { OutboxQueue } from './outbox';
import type { DrainOptions, DrainSummary, OutboxWorker } from './outbox-worker';

const log = pino({ name: 'graph-outbox', level: process.env.LOG_LEVEL ?? 'info' });

/** Schedules the worker's drains for one store. */
export class OutboxDrainer {
  private running?: Promise<DrainSummary | undefined>;
  private poller?: NodeJS.Timeout;
  private stopped = false;
  /** A kick came while a drain ran: start another when it ends (its last look may have missed the new row). */
  private nogEens = false;

  constructor(
    private readonly outbox: OutboxQueue,
    private readonly worker: OutboxWorker,
    private readonly signal: AbortSignal,
    /** Default wait of a write for its row to reach Graph (ms). */
    readonly writeWaitMs: number,
    /** Background check interval (ms); 0 = no poller. */
    pollMs: number,
  ) {
    if (pollMs > 0) {
      const kijk = () => {
        if (this.stopped || this.running) return;
        void Promise.resolve(this.outbox.counts())
          .then((c) => {
            if (c.pending > 0 && !this.stopped) void this.start();
          })
          .catch((err) => log.warn({ err: (err as Error).message }, 'outbox check failed'));
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
          if (this.nogEens && !this.stopped) {
            this.nogEens = false;
            void this.start();
          }
        });
    }
    return this.running;
  }

  /**
   * A write was committed elsewhere (the PostgreSQL mirror): start a drain without waiting for it, or, when one
   * runs, another right after it (answers never wait for SharePoint).
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.nogEens = true;
    else void this.start();
  }

  /** Wait until the outbox is drained, or `waitMs` passed (the drain then continues in the background). */
  async settle(waitMs = this.writeWaitMs): Promise<void> {
    if (this.stopped || (await this.outbox.counts()).pending === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref();
    });
    try {
      for (let i = 0; i < 3 && !this.stopped && (await this.outbox.counts()).pending > 0; i++) {
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

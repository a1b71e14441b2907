import { toonTijd, type BoekingPlan, type Sessie } from '@shared/domain/ambtseed';
import { t, type Locale } from '@shared/i18n';
import type { ListStore, LokaleStaat, WriteStatus } from '@shared/store';
import type { Reply } from '../feature';
import type { ProactiveSender } from '../../proactive';

/**
 * Whether a booking is true yet ("a booking is confirmed only once its seat is durably reserved").
 *
 * With `STORE=graph` a booking's writes go to the outbox and reach SharePoint in the background; the store waits
 * up to `GRAPH_WRITE_WAIT_MS`. After the booking's transaction the feature asks `store.writeStatus` for every
 * item the plan wrote:
 * - all written → the person gets the confirmation as before;
 * - one still pending (Graph throttled or down) → the person hears that the request is received but not yet
 *   confirmed, and the inschrijving is kept in `ambtseed_wacht_op_lijst` (local state, survives a restart);
 *   `BoekingWachtrij` tells the outcome proactively once the outbox has settled it — never a confirmation that
 *   is later lost;
 * - one refused for good (e.g. 400) → the person hears it failed; the write stays in the outbox with Graph's
 *   reason (`lists sync` shows it) and holds no place (failed writes are not read back).
 * With SQLite or PostgreSQL every write is `written` when the transaction returns, so nothing changes there.
 */
export type BoekingUitkomst = { soort: 'vast' } | { soort: 'wacht' } | { soort: 'mislukt'; status: number | null; reden: string };

/** The combined status of the items a plan wrote: failed wins over pending, pending over written. */
export async function uitkomstVan(store: ListStore, plan: BoekingPlan): Promise<BoekingUitkomst> {
  const statussen: WriteStatus[] = [];
  for (const i of [...plan.nieuw, ...plan.gewijzigd]) statussen.push(await store.writeStatus('AmbtseedInschrijvingen', i.inschrijvingId));
  if (plan.sessie) statussen.push(await store.writeStatus('AmbtseedSessies', plan.sessie.sessieId));
  const fout = statussen.find((s) => s.state === 'failed');
  if (fout && fout.state === 'failed') return { soort: 'mislukt', status: fout.status, reden: fout.reason };
  return statussen.some((s) => s.state === 'pending') ? { soort: 'wacht' } : { soort: 'vast' };
}

/** The text parameters of a session in messages: kind, Amsterdam time, place. */
export function sessieTekst(s: Sessie, l: Locale): { soort: string; tijd: string; plaats: string } {
  return {
    soort: t(l, `ambtseed.soort.${s.soort}`),
    tijd: toonTijd(s.start, l),
    plaats: s.online ? t(l, 'ambtseed.sessie.online') : (s.locatie ?? ''),
  };
}

/** Options of {@link BoekingWachtrij}. */
export interface BoekingWachtrijOpties {
  lokaal: LokaleStaat;
  store: ListStore;
  proactive?: ProactiveSender;
  log?: { info(o: object, msg?: string): void; warn(o: object, msg?: string): void };
  /**
   * Called once per session after a pass told someone their seat is now confirmed (the server brings the Graph
   * calendar invitation up to date there, which a pending booking skipped). A rejection is logged, not retried.
   */
  naVastgelegd?: (sessieId: string) => Promise<void>;
}

/** What one pass over the pending bookings did. */
export interface WachtrijRonde {
  /** Outcomes told (or found told before). */
  verteld: number;
  /** Still waiting for the outbox. */
  wachtend: number;
}

/**
 * The bookings answered "pending" and the proactive message with their outcome (see {@link BoekingUitkomst}).
 * Rows live in the local table `ambtseed_wacht_op_lijst` (inschrijving id, person's object id, request time), so a
 * restart loses none; each outcome is sent once (dedupe key `ambtseed:uitkomst:<inschrijvingId>`).
 */
export class BoekingWachtrij {
  private timer?: NodeJS.Timeout;
  private bezig?: Promise<WachtrijRonde>;

  constructor(private readonly opties: BoekingWachtrijOpties) {}

  /** Remember that the booking `inschrijvingId` of `aadObjectId` waits for the outbox (idempotent). */
  async registreer(inschrijvingId: string, aadObjectId: string, nu: Date): Promise<void> {
    this.opties.lokaal.db
      .prepare('INSERT OR IGNORE INTO ambtseed_wacht_op_lijst (inschrijving_id, aad_object_id, aangevraagd_op) VALUES (?, ?, ?)')
      .run(inschrijvingId, aadObjectId, nu.toISOString());
  }

  /** Inschrijving ids still waiting, oldest first. */
  async wachtend(): Promise<string[]> {
    return (
      this.opties.lokaal.db
        .prepare('SELECT inschrijving_id FROM ambtseed_wacht_op_lijst ORDER BY aangevraagd_op, inschrijving_id')
        .all() as { inschrijving_id: string }[]
    ).map((r) => r.inschrijving_id);
  }

  /**
   * One pass: every waiting booking whose writes the outbox has settled gets its outcome as a proactive message
   * (ingeschreven / wachtlijst as SharePoint now holds it, or mislukt); rows whose message could not be sent
   * (a transient Teams failure) stay for the next pass. Runs one pass at a time.
   */
  verwerk(): Promise<WachtrijRonde> {
    this.bezig ??= this.ronde().finally(() => (this.bezig = undefined));
    return this.bezig;
  }

  private async ronde(): Promise<WachtrijRonde> {
    const { lokaal, store, proactive, log } = this.opties;
    const rijen = lokaal.db
      .prepare('SELECT inschrijving_id, aad_object_id FROM ambtseed_wacht_op_lijst ORDER BY aangevraagd_op, inschrijving_id')
      .all() as { inschrijving_id: string; aad_object_id: string }[];
    const weg = lokaal.db.prepare('DELETE FROM ambtseed_wacht_op_lijst WHERE inschrijving_id = ?');
    let verteld = 0;
    let wachtend = 0;
    const vastgelegd = new Set<string>();
    for (const r of rijen) {
      const status = await store.writeStatus('AmbtseedInschrijvingen', r.inschrijving_id);
      if (status.state === 'pending') {
        wachtend++;
        continue;
      }
      const inschrijving = status.state === 'written' ? await store.get('AmbtseedInschrijvingen', r.inschrijving_id) : undefined;
      const sessieId = inschrijving?.sessieId ?? r.inschrijving_id.slice(0, r.inschrijving_id.lastIndexOf('#'));
      const sessie = await store.get('AmbtseedSessies', sessieId);
      const l = (await proactive?.localeVan?.(r.aad_object_id)) ?? 'nl';
      const p = sessie ? sessieTekst(sessie, l) : { soort: t(l, 'ambtseed.soort.ambtseed'), tijd: '', plaats: '' };
      const sleutel = !inschrijving
        ? 'ambtseed.uitkomst.mislukt'
        : inschrijving.status === 'wachtlijst'
          ? 'ambtseed.uitkomst.wachtlijst'
          : 'ambtseed.uitkomst.ingeschreven';
      const replies: Reply[] = [{ type: 'text', text: t(l, sleutel, p) }];
      const verzonden = proactive
        ? await proactive.send(r.aad_object_id, replies, `ambtseed:uitkomst:${r.inschrijving_id}`)
        : 'geenReferentie';
      log?.info({ feature: 'ambtseed', actie: 'uitkomst', status: status.state, verzonden }, 'uitkomst van een wachtende boeking');
      if (verzonden === 'mislukt') {
        wachtend++;
        continue;
      }
      weg.run(r.inschrijving_id);
      verteld++;
      if (inschrijving?.status === 'ingeschreven') vastgelegd.add(inschrijving.sessieId);
    }
    for (const sessieId of vastgelegd) {
      try {
        await this.opties.naVastgelegd?.(sessieId);
      } catch (err) {
        log?.warn({ feature: 'ambtseed', actie: 'naVastgelegd', err: (err as Error).name }, 'na vastleggen: bijwerken mislukt');
      }
    }
    return { verteld, wachtend };
  }

  /** Run a pass now and then every `intervalMs` (ms, default 5000) until `stop()`; the timer does not keep the process alive. */
  start(intervalMs = 5000): void {
    const tik = () =>
      void this.verwerk().catch((err) =>
        this.opties.log?.warn({ feature: 'ambtseed', err: (err as Error).message }, 'wachtrij van boekingen: ronde mislukt'),
      );
    tik();
    this.timer = setInterval(tik, intervalMs);
    this.timer.unref();
  }

  /** Stop the timer and wait for a running pass. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.bezig?.catch(() => undefined);
  }
}

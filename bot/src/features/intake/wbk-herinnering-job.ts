import type { OrgConfig } from '@shared/config';
import { gebruikersMetRol } from '@shared/domain/rollen';
import { vandaag as vandaagVan } from '@shared/domain/tijd';
import { wbkSignalen, type WbkSignaal } from '@shared/domain/wbk-termijnen';
import { queryAll, type ListStore } from '@shared/store';
import { verstuurInEigenTaal, type ProactiveSender, type SendStatus } from '../../proactive';
import { renderWbkCard } from './cards';

/**
 * The daily Wbk reminder: the integriteitscoördinator gets a proactive card listing the
 * meldingen whose ontvangstbevestiging or terugkoppeling deadline falls within `intake.wbkVooruitDagen` (default 2)
 * days or has passed; overdue lines are red with the days late. Nothing is sent when nothing needs attention.
 * One card per coordinator per day (dedupe key `wbk:<YYYY-MM-DD>:<oid>`), also across restarts.
 */

/** The Wbk signals of all open meldingen in the store, as of `vandaag` (YYYY-MM-DD). */
export async function wbkSignalenUitStore(store: ListStore, vandaag: string, vooruitDagen: number): Promise<WbkSignaal[]> {
  const meldingen = await queryAll(store, 'Meldingen');
  return wbkSignalen(meldingen, vandaag, vooruitDagen);
}

/** Outcome of one run. */
export interface WbkHerinneringResultaat {
  vandaag: string;
  signalen: number;
  verlopen: number;
  /** Per coordinator object id: the send status (absent when there was nothing to send). */
  verzonden: Record<string, SendStatus>;
}

/**
 * Run the reminder for the day of `now` (Europe/Amsterdam).
 * @param ctx store, config and the proactive sender (inject a fake in tests).
 */
export async function runWbkHerinnering(
  ctx: { store: ListStore; config: OrgConfig; proactive: ProactiveSender },
  now: Date,
): Promise<WbkHerinneringResultaat> {
  const vandaag = vandaagVan(now);
  const vooruit = ctx.config.intake.wbkVooruitDagen;
  const signalen = await wbkSignalenUitStore(ctx.store, vandaag, vooruit);
  const resultaat: WbkHerinneringResultaat = {
    vandaag,
    signalen: signalen.length,
    verlopen: signalen.filter((s) => s.status === 'verlopen').length,
    verzonden: {},
  };
  if (signalen.length === 0) return resultaat;
  // Sequential on purpose: a handful of recipients, and Teams throttles bursts per bot. Each in their own language.
  for (const oid of gebruikersMetRol(ctx.config.rollen, 'integriteitscoordinator')) {
    resultaat.verzonden[oid] = await verstuurInEigenTaal(
      ctx.proactive,
      oid,
      (l) => [{ type: 'card', card: renderWbkCard(l, { vandaag, vooruitDagen: vooruit, signalen }) }],
      `wbk:${vandaag}:${oid.toLowerCase()}`,
    );
  }
  return resultaat;
}

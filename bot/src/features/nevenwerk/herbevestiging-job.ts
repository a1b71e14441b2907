import type { OrgConfig } from '@shared/config';
import { plusDagen, vandaag } from '@shared/domain/tijd';
import { t, type Locale } from '@shared/i18n';
import { vanKrachtOp } from '@shared/report/publicatie-nevenwerk';
import { queryAll, type ListStore } from '@shared/store';
import { verstuurInEigenTaal, type ProactiveSender, type SendStatus } from '../../proactive';
import { renderLijstKaart } from './cards';
import { regelVan, type Registratie } from './register';

/** Counts of one run (for the job log; no ids). */
export interface HerbevestigingRapport {
  /** Registrations newly put to their holder in this run. */
  gevraagd: number;
  verzoeken: Partial<Record<SendStatus, number>>;
  herinneringen: Partial<Record<SendStatus, number>>;
}

/**
 * The yearly refresh round of the register (Huizen 2020: a yearly actualisation). Run daily; from
 * `nevenwerk.herbevestigingDatum` (`MM-DD`, Europe/Amsterdam) of year J on, every registration in force that was
 * reported before that day gets one `NevenwerkHerbevestigingen` row (ronde J, antwoord openstaand, key
 * `J|<registratieId>`) and its holder one card to confirm or end it (dedupe `nevenwerk:herbevestiging:J:<id>`);
 * still openstaand `herinneringNaDagen` days after asking, one reminder (`…:herinnering`). Running it twice a day,
 * or on several instances, asks nothing twice: the row's key and the dedupe keys make it idempotent.
 * Each card is in its holder's own Teams language (their locale at their last message); `locale` (default Dutch) is
 * the language for holders whose language is unknown.
 */
export async function runNevenwerkHerbevestiging(deps: {
  store: ListStore;
  config: OrgConfig;
  sender: ProactiveSender;
  now: Date;
  locale?: Locale;
}): Promise<HerbevestigingRapport> {
  const { store, config, sender, now } = deps;
  const l = deps.locale ?? 'nl';
  const datum = vandaag(now);
  const jaar = datum.slice(0, 4);
  const start = `${jaar}-${config.nevenwerk.herbevestigingDatum}`;
  const rapport: HerbevestigingRapport = { gevraagd: 0, verzoeken: {}, herinneringen: {} };
  if (datum < start) return rapport;
  const tel = (r: Partial<Record<SendStatus, number>>, s: SendStatus) => (r[s] = (r[s] ?? 0) + 1);
  const vragen = new Map((await queryAll(store, 'NevenwerkHerbevestigingen', { where: { ronde: jaar } })).map((h) => [h.registratieId, h]));
  const actief = (await queryAll(store, 'Nevenwerkzaamheden', { range: { column: 'gemeldOp', to: plusDagen(start, -1) } })).filter((r) =>
    vanKrachtOp(r, datum),
  );
  for (const r of actief) {
    let vraag = vragen.get(r.registratieId);
    if (!vraag) {
      const { item, created } = await store.add('NevenwerkHerbevestigingen', {
        ronde: jaar,
        registratieId: r.registratieId,
        gevraagdOp: datum,
        antwoord: 'openstaand',
      });
      vraag = item;
      if (created) rapport.gevraagd++;
    }
    if (vraag.antwoord !== 'openstaand') continue;
    tel(
      rapport.verzoeken,
      await verstuurInEigenTaal(
        sender,
        r.medewerker,
        (taal) => [kaartVoor(taal, r, jaar, 'verzoek')],
        `nevenwerk:herbevestiging:${jaar}:${r.registratieId}`,
        l,
      ),
    );
    if (datum >= plusDagen(vraag.gevraagdOp, config.nevenwerk.herinneringNaDagen))
      tel(
        rapport.herinneringen,
        await verstuurInEigenTaal(
          sender,
          r.medewerker,
          (taal) => [kaartVoor(taal, r, jaar, 'herinnering')],
          `nevenwerk:herbevestiging:${jaar}:${r.registratieId}:herinnering`,
          l,
        ),
      );
  }
  return rapport;
}

function kaartVoor(l: Locale, r: Registratie, ronde: string, soort: 'verzoek' | 'herinnering') {
  const data = (antwoord: string) => ({ action: 'nevenwerk.herbevestig', registratieId: r.registratieId, ronde, antwoord });
  return {
    type: 'card' as const,
    card: renderLijstKaart({
      titel: t(l, `nevenwerk.herbevestiging.${soort}.titel`, { jaar: ronde }),
      tekst: t(l, `nevenwerk.herbevestiging.${soort}.tekst`),
      regels: [
        {
          tekst: regelVan(l, r),
          knoppen: [
            { titel: t(l, 'nevenwerk.knop.bevestig'), data: data('bevestigd') },
            { titel: t(l, 'nevenwerk.knop.beeindig'), data: data('beeindigd') },
          ],
        },
      ],
    }),
  };
}

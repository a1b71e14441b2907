import type { OrgConfig } from '@shared/config';
import { gebruikersMetRol } from '@shared/domain/rollen';
import { isoWeek, vandaag } from '@shared/domain/tijd';
import { vogDagwerk, vogStand, type VogAanvraag } from '@shared/domain/vog';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import type { ListStore } from '@shared/store';
import type { ProactiveSender, SendStatus } from '../../proactive';
import { renderVerzoekKaart } from './cards';
import { overzichtKaart, uitstaand } from './hr';
import { functieTitel, heelRegister } from './lezen';

/** Counts of one run of the VOG job (for the job log; no ids). */
export interface VogJobRapport {
  /** Requests opened today. */
  geopend: number;
  verzoek: Partial<Record<SendStatus, number>>;
  herinnering: Partial<Record<SendStatus, number>>;
  weekoverzicht: Partial<Record<SendStatus, number>>;
  /** Holders with a function code the config does not name (skipped). */
  onbekendeFuncties: number;
}

/**
 * The daily VOG job: run it once a day (the config's `intake.dagelijksOm`); more often is harmless, because every
 * request has a fixed key and every message a dedupe key.
 * 1. Opens the requests that are due (`vogDagwerk`: at the start in a kwetsbare functie, and `geldigheidJaren`
 *    after the last VOG) in `VogAanvragen` and asks each person in their personal chat
 *    (`vog:verzoek:<aanvraagId>`). A request is written before the message goes out, so the register is right even
 *    when the person cannot be reached (`geenReferentie`): HR sees it in the overview.
 * 2. Reminds on the configured days after the request while the employee has not said it is applied for
 *    (`vog:herinnering:<aanvraagId>:<dagen>`).
 * 3. Gives HR (`rollen.hr.gebruikers`) the outstanding overview once per ISO week when anything is outstanding
 *    (`vog:weekoverzicht:<week>:<hr id>`).
 * Messages use the person's last Teams language (`localeVan`), else Dutch.
 */
export async function runVogHerinneringen(deps: {
  store: ListStore;
  config: OrgConfig;
  sender: ProactiveSender;
  now: Date;
  locale?: Locale;
}): Promise<VogJobRapport> {
  const { store, config, sender, now } = deps;
  const rapport: VogJobRapport = { geopend: 0, verzoek: {}, herinnering: {}, weekoverzicht: {}, onbekendeFuncties: 0 };
  if (!config.vog.functies.length) return rapport;
  const datum = vandaag(now);
  const taal = async (oid: string): Promise<Locale> => deps.locale ?? (await sender.localeVan?.(oid)) ?? 'nl';
  const tel = (soort: 'verzoek' | 'herinnering' | 'weekoverzicht', s: SendStatus) => (rapport[soort][s] = (rapport[soort][s] ?? 0) + 1);

  const { houders, aanvragen } = await heelRegister(store);
  const werk = vogDagwerk(datum, houders, aanvragen, config.vog);
  rapport.onbekendeFuncties = werk.onbekendeFuncties;

  const kaart = (a: VogAanvraag, l: Locale, tekst: string) => [
    {
      type: 'card' as const,
      card: renderVerzoekKaart({
        titel: t(l, 'vog.verzoek.titel'),
        tekst,
        hoe: t(l, 'vog.verzoek.hoe'),
        aanvraagId: a.aanvraagId,
        aangevraagdTitel: t(l, 'vog.actie.aangevraagd'),
        statusTitel: t(l, 'vog.actie.status'),
      }),
    },
  ];

  const geopend: VogAanvraag[] = [];
  for (const nieuw of werk.nieuw) {
    const { item: a, created } = await store.add('VogAanvragen', nieuw);
    geopend.push(a);
    if (created) rapport.geopend++;
    const l = await taal(a.medewerker);
    const functie = functieTitel(config, a.functie, l);
    const houder = houders.find((h) => h.medewerker === a.medewerker && h.functie === a.functie);
    const vorige = houder ? vogStand(houder, aanvragen, config.vog.geldigheidJaren).laatsteVog : undefined;
    const tekst =
      a.aanleiding === 'start'
        ? t(l, 'vog.verzoek.start', { functie, datum: datumTekst(l, a.peildatum) })
        : t(l, 'vog.verzoek.hernieuwing', { functie, jaren: config.vog.geldigheidJaren, vorige: vorige ? datumTekst(l, vorige) : '' });
    tel('verzoek', await sender.send(a.medewerker, kaart(a, l, tekst), `vog:verzoek:${a.aanvraagId}`));
  }

  for (const { aanvraag: a, dagen } of werk.herinneringen) {
    const l = await taal(a.medewerker);
    const tekst = t(l, 'vog.verzoek.herinnering', { dagen, functie: functieTitel(config, a.functie, l) });
    tel('herinnering', await sender.send(a.medewerker, kaart(a, l, tekst), `vog:herinnering:${a.aanvraagId}:${dagen}`));
  }

  const open = uitstaand(houders, [...aanvragen, ...geopend], config, datum);
  if (open.length) {
    const week = isoWeek(datum);
    for (const hr of gebruikersMetRol(config.rollen, 'hr')) {
      const l = await taal(hr);
      tel(
        'weekoverzicht',
        await sender.send(hr, [{ type: 'card', card: overzichtKaart(open, config, l) }], `vog:weekoverzicht:${week}:${hr}`),
      );
    }
  }
  return rapport;
}

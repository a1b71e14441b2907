import { verplichtingenVan, type NieuweMedewerker, type OpenVerplichting } from '@shared/domain/ambtseed';
import { plusDagen } from '@shared/domain/ambtseed/verplichtingen';
import { vandaag } from '@shared/domain/tijd';
import { datumTekst, lijstTekst } from '@shared/i18n/formaat';
import { t, type Locale } from '@shared/i18n';
import { queryAll } from '@shared/store';
import { verstuurInEigenTaal, type SendStatus } from '../../proactive/sender';
import type { BotServices, Reply, TurnInput } from '../feature';
import { samenvatting } from './bevestigen';
import { renderBevestigKaart, renderHerinneringKaart } from './cards';

/**
 * HR reminds every new hire who is past the ambtseed deadline (an obligation not voldaan whose deadline lies before
 * today, the same rule as the weekly overview's "over de deadline"). Each person gets one reminder per day at most
 * (dedupe key `ambtseed:achterstallig:<datum>:<object id>`), in their own Teams language.
 */

/**
 * The new hires past their deadline on `now` (started in the last 400 days), each with the obligations that are
 * late (not voldaan, deadline before today's Europe/Amsterdam date). Reads the lists only; writes nothing.
 */
export async function achterstalligen(
  services: Pick<BotServices, 'store' | 'config'>,
  now: Date,
): Promise<{ nm: NieuweMedewerker; laat: OpenVerplichting[] }[]> {
  const { store, config } = services;
  const today = vandaag(now);
  const nms = await queryAll(store, 'NieuweMedewerkers', { range: { column: 'indienstOp', from: plusDagen(today, -400) } });
  const sessies = await queryAll(store, 'AmbtseedSessies', {
    range: { column: 'start', from: new Date(now.getTime() - 800 * 86400_000).toISOString() },
  });
  const inschrijvingen = nms.length
    ? await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: nms.map((m) => m.medewerkerId) } })
    : [];
  return nms
    .map((nm) => ({
      nm,
      laat: verplichtingenVan(nm, inschrijvingen, sessies, config.ambtseed).filter((v) => v.status !== 'voldaan' && v.deadline < today),
    }))
    .filter((x) => x.laat.length > 0);
}

/**
 * Route `ambtseed.herinnerAchterstallig` (HR). Without `bevestigd: 'ja'`: a card that says how many people would get
 * a reminder; nothing is sent. With it: the reminders go out, and HR hears how many were sent, had one today already,
 * cannot be reached (never talked to the bot, or removed it) or failed (try again later).
 */
export async function herinnerAchterstallig(d: { bevestigd?: string }, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const wie = await achterstalligen(services, input.now);
  if (!wie.length) return [{ type: 'text', text: t(l, 'ambtseed.achterstallig.niemand') }];
  if (d.bevestigd !== 'ja')
    return [
      {
        type: 'card',
        card: renderBevestigKaart({
          titel: t(l, 'ambtseed.achterstallig.vraag.titel'),
          tekst: t(l, 'ambtseed.achterstallig.vraag', { n: wie.length }),
          regels: [],
          jaTitel: t(l, 'ambtseed.achterstallig.ja', { n: wie.length }),
          jaData: { action: 'ambtseed.herinnerAchterstallig', bevestigd: 'ja' },
          neeTitel: t(l, 'ambtseed.achterstallig.nee'),
          neeData: { action: 'ambtseed.hr' },
        }),
      },
    ];
  const tel: Record<SendStatus, number> = { verzonden: 0, alVerzonden: 0, geenReferentie: 0, verouderd: 0, mislukt: 0 };
  const sender = services.proactive;
  const today = vandaag(input.now);
  for (const { nm, laat } of wie) {
    if (!sender) {
      tel.geenReferentie++;
      continue;
    }
    const bouw = (loc: Locale): Reply[] => [
      {
        type: 'card',
        card: renderHerinneringKaart({
          titel: t(loc, 'ambtseed.plan.titel'),
          tekst: t(loc, 'ambtseed.herinnering.achterstallig', {
            deadline: datumTekst(loc, laat[0].deadline),
            wat: lijstTekst(
              loc,
              laat.map((v) => t(loc, `ambtseed.verplichting.${v.soort}`)),
            ),
          }),
          planTitel: t(loc, 'ambtseed.actie.plan'),
        }),
      },
    ];
    tel[await verstuurInEigenTaal(sender, nm.medewerkerId, bouw, `ambtseed:achterstallig:${today}:${nm.medewerkerId}`)]++;
  }
  services.log.info({ feature: 'ambtseed', actie: 'herinnerAchterstallig', ...tel }, 'herinneringen achterstallig');
  const tekst = t(l, 'ambtseed.achterstallig.verstuurd', {
    n: wie.length,
    verzonden: tel.verzonden,
    al: tel.alVerzonden,
    onbereikbaar: tel.geenReferentie + tel.verouderd,
    mislukt: tel.mislukt,
  });
  return [samenvatting(t(l, 'ambtseed.achterstallig.vraag.titel'), tekst), { type: 'text', text: tekst }];
}

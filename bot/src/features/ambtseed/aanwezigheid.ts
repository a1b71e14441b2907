import { toonTijd } from '@shared/domain/ambtseed';
import { amsterdamDate } from '@shared/domain/tijd';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { markeerAanwezigheid } from '@shared/store/ambtseed-booking';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { bevestiging, soortNaam, vertel, type Bericht } from './berichten';
import { renderAanwezigheidKaart } from './cards';
import { samenvatting } from './bevestigen';
import { bestaandeSessie } from './lezen';
import { namenVoorBeurt, opNaam } from './namen';
import { aanwezigheidKeuze, type AanwezigheidInvoer } from './payload';
import { oorkondeUrl } from './routes';

/** HR records who took the oath, the promise or the workshop, and who was absent. */

/** Route `ambtseed.aanwezigheid`: the attendance card of a session that has started (one choice per booking). */
export async function aanwezigheid(d: AanwezigheidInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const s = await bestaandeSessie(services.store, d.sessieId, l);
  if (Date.parse(s.start) > input.now.getTime()) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.nogNiet') }];
  const rijen = (
    await queryAll(services.store, 'AmbtseedInschrijvingen', {
      where: { sessieId: s.sessieId, status: ['ingeschreven', 'afgelegd', 'afwezig'] },
    })
  ).sort((a, b) => a.inschrijvingId.localeCompare(b.inschrijvingId));
  if (!rijen.length) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.geen') }];
  const namen = await namenVoorBeurt(
    services,
    rijen.map((i) => i.medewerker),
    l,
  );
  rijen.sort(opNaam(namen));
  const ambtseed = s.soort === 'ambtseed';
  const keuzes = ambtseed
    ? [
        { title: t(l, 'ambtseed.aanwezigheid.afgelegdEed'), value: 'afgelegd-eed' },
        { title: t(l, 'ambtseed.aanwezigheid.afgelegdBelofte'), value: 'afgelegd-belofte' },
        { title: t(l, 'ambtseed.aanwezigheid.afwezig'), value: 'afwezig' },
      ]
    : [
        { title: t(l, 'ambtseed.aanwezigheid.afgelegd'), value: 'afgelegd' },
        { title: t(l, 'ambtseed.aanwezigheid.afwezig'), value: 'afwezig' },
      ];
  return [
    {
      type: 'card',
      card: renderAanwezigheidKaart({
        titel: t(l, 'ambtseed.aanwezigheid.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }),
        sessieId: s.sessieId,
        melding: namen.melding,
        opslaanTitel: t(l, 'ambtseed.aanwezigheid.opslaan'),
        deelnemers: rijen.map((i) => ({
          veld: `a_${i.inschrijvingId}`,
          label: t(l, 'ambtseed.aanwezigheid.deelnemer', {
            naam: namen.naam(i.medewerker),
            vorm: i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—',
          }),
          standaard: i.status === 'afwezig' ? 'afwezig' : ambtseed ? `afgelegd-${i.vorm === 'belofte' ? 'belofte' : 'eed'}` : 'afgelegd',
          keuzes,
        })),
      }),
    },
  ];
}

/**
 * Route `ambtseed.aanwezigheidOpslaan`: record afgelegd (eed/belofte) or afwezig per booking (fields
 * `a_<inschrijvingId>`); who took the oath gets a confirmation with the certificate link.
 * @throws ZodError on an unknown choice (the kit answers with the issue).
 */
export async function aanwezigheidOpslaan(d: AanwezigheidInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const s = await bestaandeSessie(services.store, d.sessieId, l);
  if (Date.parse(s.start) > input.now.getTime()) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.nogNiet') }];
  const besluiten = Object.entries(d)
    .filter(([k]) => k.startsWith('a_'))
    .map(([k, v]) => ({ inschrijvingId: k.slice(2), keuze: aanwezigheidKeuze.parse(v) }))
    .filter((b) => b.inschrijvingId.startsWith(`${s.sessieId}#`));
  const datum = amsterdamDate(new Date(s.start));
  const wie = new Map<string, string>();
  for (const b of besluiten) {
    const i = await services.store.get('AmbtseedInschrijvingen', b.inschrijvingId);
    if (i) wie.set(b.inschrijvingId, i.medewerker);
  }
  const namen = await namenVoorBeurt(services, [...wie.values()], l);
  let afgelegd = 0;
  let afwezig = 0;
  const berichten: Bericht[] = [];
  for (const b of besluiten) {
    const status = b.keuze === 'afwezig' ? 'afwezig' : 'afgelegd';
    const vorm = b.keuze === 'afgelegd-eed' ? 'eed' : b.keuze === 'afgelegd-belofte' ? 'belofte' : null;
    const i = await markeerAanwezigheid(services.store, b.inschrijvingId, { status, vorm, datum });
    if (status === 'afgelegd') {
      afgelegd++;
      const kaart = (loc: Locale) => ({
        ...bevestiging(
          loc,
          services.publicUrl,
          soortNaam(s.soort, loc),
          t(loc, 'ambtseed.aanwezigheid.afgerond', { wat: t(loc, `ambtseed.verplichting.${s.soort}`), datum: datumTekst(loc, datum) }),
          undefined,
        ),
        oorkondeUrl: i.vorm === 'eed' || i.vorm === 'belofte' ? oorkondeUrl(services.publicUrl, i.inschrijvingId, loc) : '',
      });
      berichten.push({ medewerker: i.medewerker, dedupeKey: `ambtseed:afgelegd:${i.inschrijvingId}`, kaart });
    } else afwezig++;
  }
  await vertel(services, berichten);
  services.log.info({ feature: 'ambtseed', actie: 'aanwezigheid', afgelegd, afwezig }, 'aanwezigheid vastgelegd');
  const tekst = t(l, 'ambtseed.aanwezigheid.opgeslagen', { afgelegd, afwezig });
  const keuzeNaam = (k: string) =>
    t(l, `ambtseed.aanwezigheid.${{ 'afgelegd-eed': 'afgelegdEed', 'afgelegd-belofte': 'afgelegdBelofte' }[k] ?? k}`);
  return [
    samenvatting(
      t(l, 'ambtseed.aanwezigheid.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }),
      tekst,
      besluiten.map((b) => ({ titel: namen.naam(wie.get(b.inschrijvingId) ?? ''), waarde: keuzeNaam(b.keuze) })),
    ),
    { type: 'text', text: tekst },
  ];
}

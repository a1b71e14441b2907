import {
  AANWEZIGHEID_UITKOMSTEN,
  huidigeUitkomst,
  toonTijd,
  uitkomstBesluit,
  uitkomstenVoor,
  type AanwezigheidUitkomst,
  type Inschrijving,
} from '@shared/domain/ambtseed';
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
import { namenVoorBeurt, opNaam } from '../namen';
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
    'ambtseed',
  );
  rijen.sort(opNaam(namen));
  return [
    {
      type: 'card',
      card: renderAanwezigheidKaart({
        titel: t(l, 'ambtseed.aanwezigheid.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }),
        sessieId: s.sessieId,
        melding: namen.melding,
        opslaanTitel: t(l, 'ambtseed.aanwezigheid.opslaan'),
        kies: t(l, 'ambtseed.aanwezigheid.kies'),
        deelnemers: rijen.map((i) => ({
          veld: `a_${i.inschrijvingId}`,
          label: t(l, 'ambtseed.aanwezigheid.deelnemer', {
            naam: namen.naam(i.medewerker),
            vorm: i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—',
          }),
          standaard: huidigeUitkomst(s.soort, i) ?? '',
          keuzes: uitkomstenVoor(s.soort, i).map((u) => ({ title: uitkomstNaam(u, l), value: u })),
        })),
      }),
    },
  ];
}

/** The name of an outcome on the card and in the counts ("Eed afgelegd", "Verklaring getekend", …). */
const uitkomstNaam = (u: AanwezigheidUitkomst, l: Locale) => t(l, `ambtseed.aanwezigheid.uitkomst.${u}`);

/**
 * Route `ambtseed.aanwezigheidOpslaan`: record the outcome HR chose per booking (fields `a_<inschrijvingId>`,
 * values {@link AANWEZIGHEID_UITKOMSTEN}). Only rows HR set count: an empty choice ("nog niet vastgelegd") and a
 * choice equal to what is already recorded change nothing. Bookings are those of this session by their `sessieId`
 * field, whatever their key looks like (the demo seed's `I-demo-mw-…` as well as `<sessieId>#<n>`); a field for
 * a booking of another session, on the waiting list or cancelled is ignored. Who took the oath, the promise or
 * signed gets a confirmation (eed/belofte with the certificate link). The reply counts the changes per outcome,
 * or says that nothing changed.
 * @throws ZodError on an unknown choice (the kit answers with the issue).
 */
export async function aanwezigheidOpslaan(d: AanwezigheidInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const s = await bestaandeSessie(services.store, d.sessieId, l);
  if (Date.parse(s.start) > input.now.getTime()) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.nogNiet') }];
  const gekozen = new Map(
    Object.entries(d)
      .filter(([k]) => k.startsWith('a_'))
      .map(([k, v]) => [k.slice(2), aanwezigheidKeuze.parse(v)] as const),
  );
  const rijen = await queryAll(services.store, 'AmbtseedInschrijvingen', {
    where: { sessieId: s.sessieId, status: ['ingeschreven', 'afgelegd', 'afwezig'] },
  });
  const opKaart = rijen.filter((i) => gekozen.has(i.inschrijvingId));
  const namen = await namenVoorBeurt(
    services,
    opKaart.map((i) => i.medewerker),
    l,
    'ambtseed',
  );
  const besluiten: { i: Inschrijving; uitkomst: AanwezigheidUitkomst }[] = [];
  let open = 0;
  let ongewijzigd = 0;
  for (const i of opKaart) {
    const keuze = gekozen.get(i.inschrijvingId);
    if (!keuze) {
      if (!huidigeUitkomst(s.soort, i)) open++;
      continue;
    }
    if (!uitkomstenVoor(s.soort, i).includes(keuze)) {
      const vorm = i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—';
      return [
        {
          type: 'text',
          text: t(l, 'ambtseed.aanwezigheid.pastNiet', { keuze: uitkomstNaam(keuze, l), naam: namen.naam(i.medewerker), vorm }),
        },
      ];
    }
    if (huidigeUitkomst(s.soort, i) === keuze) ongewijzigd++;
    else besluiten.push({ i, uitkomst: keuze });
  }
  const datum = amsterdamDate(new Date(s.start));
  const telling = new Map<AanwezigheidUitkomst, number>();
  const berichten: Bericht[] = [];
  for (const b of besluiten) {
    const i = await markeerAanwezigheid(services.store, b.i.inschrijvingId, { ...uitkomstBesluit(b.uitkomst), datum });
    telling.set(b.uitkomst, (telling.get(b.uitkomst) ?? 0) + 1);
    if (i.status !== 'afgelegd') continue;
    const kaart = (loc: Locale) => ({
      ...bevestiging(
        loc,
        services.publicUrl,
        soortNaam(s.soort, loc),
        i.vorm === 'integriteitsverklaring'
          ? t(loc, 'ambtseed.aanwezigheid.getekend', { datum: datumTekst(loc, datum) })
          : t(loc, 'ambtseed.aanwezigheid.afgerond', { wat: t(loc, `ambtseed.verplichting.${s.soort}`), datum: datumTekst(loc, datum) }),
        undefined,
      ),
      oorkondeUrl: i.vorm === 'eed' || i.vorm === 'belofte' ? oorkondeUrl(services.publicUrl, i.inschrijvingId, loc) : '',
    });
    berichten.push({ medewerker: i.medewerker, dedupeKey: `ambtseed:afgelegd:${i.inschrijvingId}`, kaart });
  }
  await vertel(services, berichten);
  const afgelegd = besluiten.filter((b) => b.uitkomst !== 'afwezig').length;
  services.log.info(
    { feature: 'ambtseed', actie: 'aanwezigheid', afgelegd, afwezig: besluiten.length - afgelegd, ongewijzigd, open },
    'aanwezigheid vastgelegd',
  );
  const rest = [
    ongewijzigd ? t(l, 'ambtseed.aanwezigheid.ongewijzigd', { n: ongewijzigd }) : '',
    open ? t(l, 'ambtseed.aanwezigheid.open', { n: open }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const tekst = [
    besluiten.length
      ? t(l, 'ambtseed.aanwezigheid.opgeslagen', {
          telling: AANWEZIGHEID_UITKOMSTEN.filter((u) => telling.has(u))
            .map((u) => t(l, 'ambtseed.aanwezigheid.telling', { n: telling.get(u)!, uitkomst: uitkomstNaam(u, l).toLowerCase() }))
            .join(', '),
        })
      : t(l, 'ambtseed.aanwezigheid.nietsGewijzigd'),
    rest,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    samenvatting(
      t(l, 'ambtseed.aanwezigheid.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }),
      tekst,
      besluiten.map((b) => ({ titel: namen.naam(b.i.medewerker), waarde: uitkomstNaam(b.uitkomst, l) })),
    ),
    { type: 'text', text: tekst },
  ];
}

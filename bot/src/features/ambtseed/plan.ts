import { sessieKeuze, toonTijd, verplichtingenVan, type SessieSoort } from '@shared/domain/ambtseed';
import { t, tekstIn } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { plaats, soortNaam } from './berichten';
import { renderPlanKaart, type EedSectie, type SessieSectie } from './cards';
import { inschrijvingenVan, nieuweMedewerker, sessiesVanaf } from './lezen';
import { icsUrl } from './routes';

/**
 * "Plan mijn ambtseed": what the caller owes (eed or belofte, workshop, integriteitsverklaring), their bookings
 * and the sessions they can choose, before their deadline first. `melding` is shown above the card.
 */
export async function planKaart(input: TurnInput, services: BotServices, melding?: string): Promise<Reply[]> {
  const l = input.locale;
  const me = input.user.aadObjectId;
  if (!me)
    return [
      {
        type: 'text',
        text: t(l, 'fout.nietToegestaan', { rol: t(l, 'ambtseed.rol.medewerker') }),
      },
    ];
  const { store, config } = services;
  const now = input.now;
  const { nm, geregistreerd } = await nieuweMedewerker(store, me, now);
  const toekomst = await sessiesVanaf(store, now);
  const mijnRijen = await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: me } });
  const extraIds = mijnRijen.map((i) => i.sessieId).filter((id) => !toekomst.some((s) => s.sessieId === id));
  const extra = extraIds.length ? await queryAll(store, 'AmbtseedSessies', { where: { sessieId: extraIds } }) : [];
  const sessies = [...toekomst, ...extra];
  const inschrijvingen = await inschrijvingenVan(
    store,
    toekomst.map((s) => s.sessieId),
    me,
  );
  const vs = verplichtingenVan(nm, inschrijvingen, sessies, config.ambtseed);
  const deadline = vs[0]?.deadline ?? '';
  const sessieVan = new Map(sessies.map((s) => [s.sessieId, s]));

  const sectie = (soort: SessieSoort): SessieSectie => {
    const v = vs.find((x) => x.soort === soort);
    const keuzes = sessieKeuze(sessies, inschrijvingen, { soort, deadline, now });
    const mijn = v?.inschrijving;
    const ms = mijn ? sessieVan.get(mijn.sessieId) : undefined;
    const opties = keuzes
      .filter((k) => k.sessie.sessieId !== mijn?.sessieId)
      .map((k) => ({
        id: k.sessie.sessieId,
        label: [
          toonTijd(k.sessie.start, l),
          plaats(k.sessie, l),
          k.vrij > 0 ? t(l, 'ambtseed.sessie.vrij', { n: k.vrij }) : t(l, 'ambtseed.sessie.vol', { n: k.wachtlijst }),
          k.voorDeadline ? '' : t(l, 'ambtseed.sessie.naDeadline'),
        ]
          .filter(Boolean)
          .join(' · '),
      }));
    return {
      toon: !!v && v.status !== 'voldaan',
      soort,
      kopje: soortNaam(soort, l),
      heeftMijn: !!mijn,
      mijnTekst:
        mijn && ms
          ? t(l, 'ambtseed.sessie.jouw', {
              tijd: toonTijd(ms.start, l),
              plaats: plaats(ms, l),
              status: t(l, `ambtseed.status.${mijn.status}`),
            })
          : '',
      inschrijvingId: mijn?.inschrijvingId ?? '',
      icsUrl: mijn && ms && mijn.status === 'ingeschreven' ? icsUrl(services.publicUrl, ms.sessieId, l) : '',
      teamsUrl: '',
      agendaTitel: t(l, 'ambtseed.actie.agenda'),
      teamsTitel: t(l, 'ambtseed.actie.teams'),
      annuleerTitel: t(l, 'ambtseed.actie.annuleer'),
      sessies: opties,
      eersteSessie: opties[0]?.id ?? '',
      geenSessies: opties.length ? '' : t(l, 'ambtseed.sessie.geen'),
      kiesSessie: t(l, 'ambtseed.kies.sessie'),
      boekTitel: t(l, 'ambtseed.actie.boek'),
      verzetTitel: t(l, 'ambtseed.actie.verzet'),
    };
  };
  const slot = (s: string) =>
    s
      .trim()
      .split(/(?<=[.!?])\s+/)
      .pop() ?? s;
  const a = config.ambtseed;
  const ambtseedSectie: EedSectie = {
    ...sectie('ambtseed'),
    afnemerTekst: t(l, 'ambtseed.afnemer', { afnemer: tekstIn(l, a.afnemer) }),
    getuigeTekst: a.getuige ? t(l, 'ambtseed.getuige', { getuige: tekstIn(l, a.getuige) }) : '',
    verschilTitel: t(l, 'ambtseed.eedBelofte.titel'),
    verschilUitleg: t(l, 'ambtseed.eedBelofte.uitleg'),
    verschilSlot: t(l, 'ambtseed.eedBelofte.slot', { eed: slot(a.eedTekst), belofte: slot(a.belofteTekst) }),
    eedTitel: t(l, 'ambtseed.vorm.eed'),
    eedTekst: a.eedTekst,
    belofteTitel: t(l, 'ambtseed.vorm.belofte'),
    belofteTekst: a.belofteTekst,
    kiesVorm: t(l, 'ambtseed.kies.vorm'),
    // No default between eed and belofte: the choice is the employee's (Ambtenarenwet art. 7); only a booked vorm is shown.
    gekozenVorm: vs.find((x) => x.soort === 'ambtseed')?.inschrijving?.vorm ?? '',
  };
  const verklaring = vs.find((x) => x.soort === 'integriteitsverklaring');
  const open = vs.filter((v) => v.status !== 'voldaan');
  const card = renderPlanKaart({
    titel: t(l, 'ambtseed.plan.titel'),
    intro: t(l, 'ambtseed.plan.intro', {
      dienstverband: t(l, `ambtseed.dienstverband.${nm.dienstverband}`),
      indienstOp: datumTekst(l, nm.indienstOp),
      deadline: deadline ? datumTekst(l, deadline) : '',
    }),
    nietGeregistreerd: geregistreerd ? '' : t(l, 'ambtseed.plan.nietGeregistreerd'),
    allesKlaar: open.length === 0 ? t(l, 'ambtseed.plan.allesKlaar') : '',
    verplichtingen: vs.map((v) => ({ wat: t(l, `ambtseed.verplichting.${v.soort}`), status: t(l, `ambtseed.status.${v.status}`) })),
    ambtseed: ambtseedSectie,
    workshop: sectie('workshopIntegriteit'),
    verklaring: {
      toon: !!verklaring && verklaring.status !== 'voldaan',
      kopje: t(l, 'ambtseed.verklaring.titel'),
      uitleg: t(l, 'ambtseed.verklaring.uitleg', { dienstverband: t(l, `ambtseed.dienstverband.${nm.dienstverband}`) }),
      tekst: a.verklaringTekst ?? '',
      verklaarTitel: t(l, 'ambtseed.actie.verklaar'),
    },
  });
  return [...(melding ? [{ type: 'text' as const, text: melding }] : []), { type: 'card', card }];
}

/** Route `ambtseed.plan` (also the commands "plan mijn ambtseed", …). */
export const plan = (_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> => planKaart(input, services);

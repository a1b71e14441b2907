import { bezetting, toonTijd, wachtrij } from '@shared/domain/ambtseed';
import { t } from '@shared/i18n';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { soortNaam } from './berichten';
import { renderSamenvattingKaart, type Feit } from './cards';
import { bestaandeSessie } from './lezen';
import { namenVoorBeurt, opNaam } from '../namen';
import type { DeelnemersInvoer } from './payload';

/**
 * Route `ambtseed.deelnemers` (HR): who comes to a session, by name — booked people (with their eed/belofte or
 * outcome) and the waiting list in its order. Names are looked up for this card only (`namen.ts`); without a
 * name source HR sees codes and a notice. The card's one button goes back to HR's beheer card.
 */
export async function deelnemers(d: DeelnemersInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const s = await bestaandeSessie(services.store, d.sessieId, l);
  const rijen = await queryAll(services.store, 'AmbtseedInschrijvingen', {
    where: { sessieId: s.sessieId, status: ['ingeschreven', 'afgelegd', 'afwezig', 'wachtlijst'] },
  });
  const namen = await namenVoorBeurt(
    services,
    rijen.map((i) => i.medewerker),
    l,
    'ambtseed',
  );
  const geplaatst = rijen.filter((i) => i.status !== 'wachtlijst').sort(opNaam(namen));
  const regels: Feit[] = [
    ...geplaatst.map((i) => ({
      titel: namen.naam(i.medewerker),
      waarde:
        i.status === 'ingeschreven'
          ? t(l, 'ambtseed.deelnemers.ingeschreven', { vorm: i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—' })
          : t(l, `ambtseed.deelnemers.${i.status}`, { vorm: i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—' }),
    })),
    ...wachtrij(s.sessieId, rijen).map((i, n) => ({
      titel: namen.naam(i.medewerker),
      waarde: t(l, 'ambtseed.deelnemers.wachtlijst', { positie: n + 1 }),
    })),
  ];
  const b = bezetting(s.sessieId, rijen);
  const tekst = [
    rijen.length
      ? t(l, 'ambtseed.deelnemers.tekst', { ingeschreven: b.ingeschreven, capaciteit: s.capaciteit, wachtlijst: b.wachtlijst })
      : t(l, 'ambtseed.aanwezigheid.geen'),
    namen.melding,
  ]
    .filter(Boolean)
    .join(' ');
  const titel = t(l, 'ambtseed.deelnemers.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) });
  return [{ type: 'card', card: renderSamenvattingKaart({ titel, tekst, regels, terugTitel: t(l, 'ambtseed.deelnemers.terug') }) }];
}

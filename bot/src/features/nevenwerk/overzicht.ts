import { vandaag } from '@shared/domain/tijd';
import { NEVENWERK_BEOORDELINGEN } from '@shared/lists/definitions';
import { t } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { vanKrachtOp } from '@shared/report/publicatie-nevenwerk';
import { buildJaarverslag } from '@shared/report/jaarverslag';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { kaart } from '../kit';
import { renderLijstKaart } from './cards';

/**
 * HR's overview (role `hr`): counts only, no person and no registration: in force today per register, per
 * assessment, not yet assessed; this year's count as the annual report and the dashboard make it (`buildJaarverslag`:
 * every registration in force at some time in the year, so also those that ended in it; hence higher than today's);
 * and this year's refresh round by answer. The publication is made by the application's administrator with
 * `npm run lists -- publiceer-nevenwerk` (the card says so).
 */
export async function overzicht(_d: unknown, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const datum = vandaag(turn.now);
  const alle = await queryAll(s.store, 'Nevenwerkzaamheden', {});
  const actief = alle.filter((r) => vanKrachtOp(r, datum));
  const ronde = await queryAll(s.store, 'NevenwerkHerbevestigingen', { where: { ronde: datum.slice(0, 4) } });
  const jaar = buildJaarverslag({ Nevenwerkzaamheden: alle }, { jaar: Number(datum.slice(0, 4)), organisatie: '' }).nevenwerk;
  const tel = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
  const regels = [
    t(l, 'nevenwerk.overzicht.nevenwerk', { n: tel(actief, (r) => r.register === 'nevenwerkzaamheid'), datum: datumTekst(l, datum) }),
    t(l, 'nevenwerk.overzicht.belangen', { n: tel(actief, (r) => r.register === 'financieelBelang'), datum: datumTekst(l, datum) }),
    ...NEVENWERK_BEOORDELINGEN.map((b) => `${t(l, `report.nevenwerkBeoordeling.${b}`)}: ${tel(actief, (r) => r.beoordeling === b)}`),
    `${t(l, 'report.rij.nevenwerkNietBeoordeeld')}: ${tel(actief, (r) => !r.beoordeling)}`,
    t(l, 'nevenwerk.overzicht.jaar', { jaar: datum.slice(0, 4), nw: jaar.geregistreerd, fb: jaar.financieleBelangen }),
    t(l, 'nevenwerk.overzicht.ronde', {
      jaar: datum.slice(0, 4),
      gevraagd: ronde.length,
      bevestigd: tel(ronde, (h) => h.antwoord === 'bevestigd'),
      beeindigd: tel(ronde, (h) => h.antwoord === 'beeindigd'),
      openstaand: tel(ronde, (h) => h.antwoord === 'openstaand'),
    }),
  ];
  return [
    kaart(
      renderLijstKaart({
        titel: t(l, 'nevenwerk.overzicht.titel', { datum: datumTekst(l, datum) }),
        tekst: t(l, 'nevenwerk.overzicht.tekst', { datum: datumTekst(l, datum) }),
        regels: regels.map((tekst) => ({ tekst, knoppen: [] })),
      }),
    ),
  ];
}

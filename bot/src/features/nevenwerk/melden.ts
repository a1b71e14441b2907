import { vandaag } from '@shared/domain/tijd';
import { heeftRol } from '@shared/domain/rollen';
import { FINANCIEEL_BELANG_SOORTEN, NEVENWERK_SOORTEN } from '@shared/lists/definitions';
import { t } from '@shared/i18n';
import type { z } from 'zod';
import { verstuurInEigenTaal } from '../../proactive/sender';
import type { BotServices, Reply, TurnInput } from '../feature';
import { kaart, tekst } from '../kit';
import { renderFormulierKaart, renderMenuKaart, type Knop } from './cards';
import type { formulierInvoer, OpslaanInvoer } from './payload';
import { bezettingVan, functieTitel } from './register';

/**
 * Reporting a nevenwerkzaamheid or a financial interest (Ambtenarenwet art. 8 lid 1 and 2): the menu, the form and
 * saving. Who holds which function comes from `Functiebezetting` (HR): without it nothing can be registered (the
 * manager who assesses would be unknown); financial interests only for functions the config designates.
 */

/** The nevenwerk menu: report, my registrations, and for managers / HR their part. */
export async function menu(_d: unknown, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const b = turn.user.aadObjectId ? await bezettingVan(s.store, s.config, turn.user.aadObjectId) : undefined;
  const knoppen: Knop[] = [
    { titel: t(l, 'nevenwerk.knop.nevenwerk'), data: { action: 'nevenwerk.formulier', register: 'nevenwerkzaamheid' } },
  ];
  if (b?.config?.financieleBelangen)
    knoppen.push({ titel: t(l, 'nevenwerk.knop.belang'), data: { action: 'nevenwerk.formulier', register: 'financieelBelang' } });
  knoppen.push({ titel: t(l, 'nevenwerk.knop.mijn'), data: { action: 'nevenwerk.mijn' } });
  if (heeftRol(turn.user.rollen, 'manager')) knoppen.push({ titel: t(l, 'nevenwerk.knop.team'), data: { action: 'nevenwerk.team' } });
  if (heeftRol(turn.user.rollen, 'hr')) knoppen.push({ titel: t(l, 'nevenwerk.knop.overzicht'), data: { action: 'nevenwerk.overzicht' } });
  return [kaart(renderMenuKaart({ titel: t(l, 'nevenwerk.menu.titel'), tekst: t(l, 'nevenwerk.menu.tekst'), knoppen }))];
}

/** Why the caller cannot register in `register`, or the function when they can. */
async function magMelden(
  turn: TurnInput,
  s: BotServices,
  register: 'nevenwerkzaamheid' | 'financieelBelang',
): Promise<{ fout: Reply[] } | { oid: string; b: NonNullable<Awaited<ReturnType<typeof bezettingVan>>> }> {
  const oid = turn.user.aadObjectId;
  if (!oid) return { fout: [tekst(t(turn.locale, 'nevenwerk.geenId'))] };
  const b = await bezettingVan(s.store, s.config, oid);
  if (!b) return { fout: [tekst(t(turn.locale, 'nevenwerk.geenFunctie'))] };
  if (register === 'financieelBelang' && !b.config?.financieleBelangen)
    return { fout: [tekst(t(turn.locale, 'nevenwerk.geenFinancieel', { functie: functieTitel(turn.locale, b) }))] };
  return { oid, b };
}

/** The registration form for the chosen register. */
export async function formulier(d: z.output<typeof formulierInvoer>, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const m = await magMelden(turn, s, d.register);
  if ('fout' in m) return m.fout;
  const l = turn.locale;
  const belang = d.register === 'financieelBelang';
  const soorten = belang
    ? FINANCIEEL_BELANG_SOORTEN.map((v) => ({ title: t(l, `report.belangSoort.${v}`), value: v }))
    : NEVENWERK_SOORTEN.map((v) => ({ title: t(l, `report.nevenwerkSoort.${v}`), value: v }));
  return [
    kaart(
      renderFormulierKaart({
        titel: t(l, belang ? 'nevenwerk.formulier.titelBelang' : 'nevenwerk.formulier.titel'),
        intro: t(l, belang ? 'nevenwerk.formulier.introBelang' : 'nevenwerk.formulier.intro'),
        soortLabel: t(l, 'nevenwerk.formulier.soort'),
        verplicht: t(l, 'nevenwerk.formulier.verplicht'),
        soorten,
        organisatieLabel: t(l, belang ? 'nevenwerk.formulier.onderneming' : 'nevenwerk.formulier.organisatie'),
        organisatieHint: t(l, 'nevenwerk.formulier.organisatieHint'),
        toonUren: !belang,
        betaaldLabel: t(l, 'nevenwerk.formulier.betaald'),
        urenLabel: t(l, 'nevenwerk.formulier.uren'),
        conflictLabel: t(l, 'nevenwerk.formulier.conflict'),
        privacy: t(l, 'nevenwerk.formulier.privacy'),
        opslaanTitel: t(l, 'nevenwerk.formulier.opslaan'),
        opslaanData: { action: 'nevenwerk.opslaan', register: d.register },
      }),
    ),
  ];
}

/**
 * Save a registration as `NW-<jaar>-<nnnn>` (status gemeld) and tell the manager (`Functiebezetting.leidinggevende`)
 * proactively, once per registration, in the manager's language.
 */
export async function opslaan(d: OpslaanInvoer, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const m = await magMelden(turn, s, d.register);
  if ('fout' in m) return m.fout;
  const l = turn.locale;
  const datum = vandaag(turn.now);
  const belang = d.register === 'financieelBelang';
  const item = await s.store.addWithSequence(
    'Nevenwerkzaamheden',
    { column: 'registratieId', prefix: `NW-${datum.slice(0, 4)}-`, digits: 4 },
    (registratieId) => ({
      registratieId,
      medewerker: m.oid,
      functie: m.b.functie,
      register: d.register,
      soortNevenwerk: belang ? null : (d.soort as (typeof NEVENWERK_SOORTEN)[number]),
      soortBelang: belang ? (d.soort as (typeof FINANCIEEL_BELANG_SOORTEN)[number]) : null,
      organisatie: d.organisatie || null,
      betaald: belang ? null : d.betaald,
      urenPerMaand: belang ? null : (d.urenPerMaand ?? null),
      mogelijkConflict: d.mogelijkConflict,
      gemeldOp: datum,
      status: 'gemeld' as const,
    }),
  );
  s.log.info({ feature: 'nevenwerk', event: 'geregistreerd', register: d.register }, 'registratie opgeslagen');
  // In the manager's own Teams language (their locale at their last message; Dutch when unknown).
  if (s.proactive && m.b.leidinggevende)
    await verstuurInEigenTaal(
      s.proactive,
      m.b.leidinggevende,
      (taal) => [
        kaart(
          renderMenuKaart({
            titel: t(taal, 'nevenwerk.teBeoordelen.titel'),
            tekst: t(taal, 'nevenwerk.teBeoordelen.tekst', { id: item.registratieId }),
            knoppen: [{ titel: t(taal, 'nevenwerk.knop.team'), data: { action: 'nevenwerk.team' } }],
          }),
        ),
      ],
      `nevenwerk:nieuw:${item.registratieId}`,
    );
  return [tekst(t(l, 'nevenwerk.opgeslagen', { id: item.registratieId }))];
}

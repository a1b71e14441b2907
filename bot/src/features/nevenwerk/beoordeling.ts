import { vandaag } from '@shared/domain/tijd';
import { NEVENWERK_BEOORDELINGEN, NEVENWERK_VOORWAARDEN } from '@shared/lists/definitions';
import { t } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { queryAll } from '@shared/store';
import { verstuurInEigenTaal } from '../../proactive/sender';
import { namenVoorBeurt } from '../namen';
import type { BotServices, Reply, TurnInput } from '../feature';
import { kaart, tekst } from '../kit';
import { renderBeoordelingKaart, renderMenuKaart } from './cards';
import type { BeoordeelInvoer, NietWijzigenInvoer } from './payload';
import { regelVan, zelfdeId, type Registratie } from './register';

/**
 * The manager's part (role `manager`): the open registrations of their own team (`Functiebezetting.leidinggevende`
 * = the caller) and the assessment (toegestaan / toegestaan met voorwaarden / niet toegestaan, conditions as codes).
 * A registration outside the caller's team is refused without telling anything about it.
 */

const MAX_KAARTEN = 10;

/**
 * The team's registrations waiting for an assessment, one card each (at most 10, the oldest first), with the
 * employee's display name looked up for this turn (`BotServices.namen`: Graph or the Playground's mock users; never
 * stored); without a name the code of the object id and, once, why names are missing.
 */
export async function team(_d: unknown, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const oid = turn.user.aadObjectId;
  if (!oid) return [tekst(t(l, 'nevenwerk.geenId'))];
  const leden = (await queryAll(s.store, 'Functiebezetting', {})).filter((b) => zelfdeId(b.leidinggevende, oid)).map((b) => b.medewerker);
  const open = leden.length
    ? (await queryAll(s.store, 'Nevenwerkzaamheden', { where: { medewerker: leden, status: 'gemeld' } })).sort((a, b) =>
        a.registratieId.localeCompare(b.registratieId),
      )
    : [];
  if (!open.length) return [tekst(t(l, 'nevenwerk.team.geen'))];
  const getoond = open.slice(0, MAX_KAARTEN);
  const namen = await namenVoorBeurt(s, [...new Set(getoond.map((r) => r.medewerker))], l, 'nevenwerk');
  const kaarten = getoond.map((r) => kaart(beoordelingKaart(l, r, namen.naam(r.medewerker))));
  const intro = t(l, 'nevenwerk.team.intro', { n: open.length, getoond: kaarten.length });
  return [tekst(namen.melding ? `${intro}\n\n${namen.melding}` : intro), ...kaarten];
}

function beoordelingKaart(l: TurnInput['locale'], r: Registratie, naam: string) {
  return renderBeoordelingKaart({
    titel: t(l, 'nevenwerk.beoordeling.titel', { id: r.registratieId }),
    feiten: [
      { title: t(l, 'nevenwerk.beoordeling.medewerker'), value: naam },
      { title: t(l, 'nevenwerk.beoordeling.registratie'), value: regelVan(l, r) },
      {
        title: t(l, 'nevenwerk.beoordeling.conflict'),
        value: t(l, r.mogelijkConflict ? 'publicatie.nevenwerk.ja' : 'publicatie.nevenwerk.nee'),
      },
      { title: t(l, 'nevenwerk.beoordeling.gemeldOp'), value: datumTekst(l, r.gemeldOp) },
    ],
    beoordelingLabel: t(l, 'nevenwerk.beoordeling.label'),
    verplicht: t(l, 'nevenwerk.formulier.verplicht'),
    beoordelingen: NEVENWERK_BEOORDELINGEN.map((v) => ({ title: t(l, `report.nevenwerkBeoordeling.${v}`), value: v })),
    voorwaardenLabel: t(l, 'nevenwerk.beoordeling.voorwaarden'),
    voorwaarden: NEVENWERK_VOORWAARDEN.map((v) => ({ title: t(l, `report.nevenwerkVoorwaarde.${v}`), value: v })),
    opslaanTitel: t(l, 'nevenwerk.beoordeling.opslaan'),
    beoordeelData: { action: 'nevenwerk.beoordeel', registratieId: r.registratieId },
  });
}

/** The assessment as one text: outcome and its conditions (`Toegestaan met voorwaarden (Alleen buiten werktijd)`). */
function uitkomstTekst(l: TurnInput['locale'], b: { beoordeling: string; voorwaarden: readonly string[] }): string {
  const voorwaarden = b.voorwaarden.map((v) => t(l, `report.nevenwerkVoorwaarde.${v}`));
  return t(l, `report.nevenwerkBeoordeling.${b.beoordeling}`) + (voorwaarden.length ? ` (${voorwaarden.join('; ')})` : '');
}

/** The submitted card becomes a read-only summary (`vervangKaart`): no old form to click again. */
const samenvatting = (titel: string, regel: string): Reply => ({
  type: 'vervangKaart',
  card: renderMenuKaart({ titel, tekst: regel, knoppen: [] }),
});

/** Same assessment: same outcome and the same set of conditions. */
const zelfdeBeoordeling = (r: Registratie, d: BeoordeelInvoer): boolean =>
  r.beoordeling === d.beoordeling && [...(r.voorwaarden ?? [])].sort().join(',') === [...d.voorwaarden].sort().join(',');

/** The registration when it is of the caller's own team (`Functiebezetting.leidinggevende`), else undefined (logged). */
async function vanEigenTeam(id: string, turn: TurnInput, s: BotServices): Promise<Registratie | undefined> {
  const r = await s.store.get('Nevenwerkzaamheden', id);
  const b = r ? await s.store.get('Functiebezetting', r.medewerker) : undefined;
  if (r && b && zelfdeId(b.leidinggevende, turn.user.aadObjectId)) return r;
  s.log.warn({ feature: 'nevenwerk', event: 'beoordeling.geweigerd' }, 'niet het eigen team');
  return undefined;
}

/**
 * Record the assessment of a registration of the caller's own team, and tell the employee once. The submitted card
 * is replaced by its summary. A registration already assessed: the same assessment again changes nothing and sends
 * nothing (an old card clicked twice); a different one is only saved after an explicit "wijzig beoordeling" step
 * (`bevestigd: 'ja'`) that says what changes, and the employee is then told of the change.
 */
export async function beoordeel(d: BeoordeelInvoer, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const r = await vanEigenTeam(d.registratieId, turn, s);
  if (!r) return [tekst(t(l, 'nevenwerk.nietJouwTeam', { id: d.registratieId }))];
  if (r.status === 'beeindigd') return [tekst(t(l, 'nevenwerk.alBeeindigd', { id: r.registratieId }))];
  const titel = t(l, 'nevenwerk.beoordeling.samenvatting', { id: r.registratieId });
  const wijziging = r.status === 'beoordeeld' && !!r.beoordeling;
  if (wijziging && zelfdeBeoordeling(r, d))
    return [
      samenvatting(titel, regelVan(l, r)),
      tekst(t(l, 'nevenwerk.beoordeling.ongewijzigd', { id: r.registratieId, uitkomst: uitkomstTekst(l, d) })),
    ];
  const oud = wijziging ? uitkomstTekst(l, { beoordeling: r.beoordeling!, voorwaarden: r.voorwaarden ?? [] }) : '';
  if (wijziging && d.bevestigd !== 'ja')
    return [
      samenvatting(titel, regelVan(l, r)),
      kaart(
        renderMenuKaart({
          titel: t(l, 'nevenwerk.wijzig.titel', { id: r.registratieId }),
          tekst: t(l, 'nevenwerk.wijzig.tekst', {
            id: r.registratieId,
            datum: r.beoordeeldOp ? datumTekst(l, r.beoordeeldOp) : '—',
            oud,
            nieuw: uitkomstTekst(l, d),
          }),
          knoppen: [
            {
              titel: t(l, 'nevenwerk.wijzig.ja'),
              data: {
                action: 'nevenwerk.beoordeel',
                registratieId: r.registratieId,
                beoordeling: d.beoordeling,
                voorwaarden: d.voorwaarden.join(','),
                bevestigd: 'ja',
              },
            },
            { titel: t(l, 'nevenwerk.wijzig.nee'), data: { action: 'nevenwerk.nietWijzigen', registratieId: r.registratieId } },
          ],
        }),
      ),
    ];
  await s.store.update('Nevenwerkzaamheden', r.registratieId, {
    status: 'beoordeeld',
    beoordeling: d.beoordeling,
    voorwaarden: d.voorwaarden,
    beoordeeldOp: vandaag(turn.now),
  });
  const na = { ...r, status: 'beoordeeld' as const, beoordeling: d.beoordeling, voorwaarden: d.voorwaarden };
  s.log.info({ feature: 'nevenwerk', event: wijziging ? 'beoordeling.gewijzigd' : 'beoordeeld' }, 'beoordeling opgeslagen');
  // In the employee's own Teams language (their locale at their last message; Dutch when unknown).
  if (s.proactive)
    await verstuurInEigenTaal(
      s.proactive,
      r.medewerker,
      (taal) => [
        kaart(
          renderMenuKaart({
            titel: t(taal, wijziging ? 'nevenwerk.herbeoordeeld.titel' : 'nevenwerk.beoordeeld.titel'),
            tekst: wijziging
              ? t(taal, 'nevenwerk.herbeoordeeld.tekst', {
                  oud: uitkomstTekst(taal, { beoordeling: r.beoordeling!, voorwaarden: r.voorwaarden ?? [] }),
                  regel: regelVan(taal, na),
                })
              : regelVan(taal, na),
            knoppen: [{ titel: t(taal, 'nevenwerk.knop.mijn'), data: { action: 'nevenwerk.mijn' } }],
          }),
        ),
      ],
      // A change is its own message (old → new, that day); the same assessment twice is one.
      wijziging
        ? `nevenwerk:gewijzigd:${r.registratieId}:${r.beoordeling}:${(r.voorwaarden ?? []).join(',')}>${d.beoordeling}:${d.voorwaarden.join(',')}:${vandaag(turn.now)}`
        : `nevenwerk:beoordeeld:${r.registratieId}:${d.beoordeling}:${d.voorwaarden.join(',')}`,
    );
  const klaar = wijziging
    ? t(l, 'nevenwerk.beoordeling.gewijzigd', { id: r.registratieId, oud, uitkomst: regelVan(l, na) })
    : t(l, 'nevenwerk.beoordeling.opgeslagen', { id: r.registratieId, uitkomst: regelVan(l, na) });
  return [samenvatting(titel, regelVan(l, na)), tekst(klaar)];
}

/** "Niet wijzigen" on the "wijzig beoordeling" card: nothing changes; the card becomes a summary saying so. */
export async function nietWijzigen(d: NietWijzigenInvoer, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const r = await vanEigenTeam(d.registratieId, turn, s);
  if (!r) return [tekst(t(l, 'nevenwerk.nietJouwTeam', { id: d.registratieId }))];
  return [
    samenvatting(
      t(l, 'nevenwerk.wijzig.titel', { id: r.registratieId }),
      t(l, 'nevenwerk.wijzig.niet', { id: r.registratieId, regel: regelVan(l, r) }),
    ),
  ];
}

import { vandaag } from '@shared/domain/tijd';
import { NEVENWERK_BEOORDELINGEN, NEVENWERK_VOORWAARDEN } from '@shared/lists/definitions';
import { t } from '@shared/i18n';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { kaart, tekst } from '../kit';
import { renderBeoordelingKaart, renderMenuKaart } from './cards';
import type { BeoordeelInvoer } from './payload';
import { regelVan, zelfdeId, type Registratie } from './register';

/**
 * The manager's part (role `manager`): the open registrations of their own team (`Functiebezetting.leidinggevende`
 * = the caller) and the assessment (toegestaan / toegestaan met voorwaarden / niet toegestaan, conditions as codes).
 * A registration outside the caller's team is refused without telling anything about it.
 */

const MAX_KAARTEN = 10;

/** The team's registrations waiting for an assessment, one card each (at most 10, the oldest first). */
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
  const kaarten = open.slice(0, MAX_KAARTEN).map((r) => kaart(beoordelingKaart(l, r)));
  const intro = t(l, 'nevenwerk.team.intro', { n: open.length, getoond: kaarten.length });
  return [tekst(intro), ...kaarten];
}

function beoordelingKaart(l: TurnInput['locale'], r: Registratie) {
  return renderBeoordelingKaart({
    titel: t(l, 'nevenwerk.beoordeling.titel', { id: r.registratieId }),
    feiten: [
      { title: t(l, 'nevenwerk.beoordeling.registratie'), value: regelVan(l, r) },
      {
        title: t(l, 'nevenwerk.beoordeling.conflict'),
        value: t(l, r.mogelijkConflict ? 'publicatie.nevenwerk.ja' : 'publicatie.nevenwerk.nee'),
      },
      { title: t(l, 'nevenwerk.beoordeling.gemeldOp'), value: r.gemeldOp },
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

/** Record the assessment of a registration of the caller's own team, and tell the employee once. */
export async function beoordeel(d: BeoordeelInvoer, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const r = await s.store.get('Nevenwerkzaamheden', d.registratieId);
  const b = r ? await s.store.get('Functiebezetting', r.medewerker) : undefined;
  if (!r || !b || !zelfdeId(b.leidinggevende, turn.user.aadObjectId)) {
    s.log.warn({ feature: 'nevenwerk', event: 'beoordeling.geweigerd' }, 'niet het eigen team');
    return [tekst(t(l, 'nevenwerk.nietJouwTeam', { id: d.registratieId }))];
  }
  if (r.status === 'beeindigd') return [tekst(t(l, 'nevenwerk.alBeeindigd', { id: r.registratieId }))];
  await s.store.update('Nevenwerkzaamheden', r.registratieId, {
    status: 'beoordeeld',
    beoordeling: d.beoordeling,
    voorwaarden: d.voorwaarden,
    beoordeeldOp: vandaag(turn.now),
  });
  const na = { ...r, status: 'beoordeeld' as const, beoordeling: d.beoordeling, voorwaarden: d.voorwaarden };
  if (s.proactive)
    await s.proactive.send(
      r.medewerker,
      [
        kaart(
          renderMenuKaart({
            titel: t('nl', 'nevenwerk.beoordeeld.titel'),
            tekst: regelVan('nl', na),
            knoppen: [{ titel: t('nl', 'nevenwerk.knop.mijn'), data: { action: 'nevenwerk.mijn' } }],
          }),
        ),
      ],
      `nevenwerk:beoordeeld:${r.registratieId}:${d.beoordeling}:${d.voorwaarden.join(',')}`,
    );
  return [tekst(t(l, 'nevenwerk.beoordeling.opgeslagen', { id: r.registratieId, uitkomst: regelVan(l, na) }))];
}

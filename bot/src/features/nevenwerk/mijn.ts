import { vandaag } from '@shared/domain/tijd';
import { t } from '@shared/i18n';
import { queryAll } from '@shared/store';
import type { z } from 'zod';
import type { BotServices, Reply, TurnInput } from '../feature';
import { kaart, tekst } from '../kit';
import { renderLijstKaart } from './cards';
import type { beeindigInvoer, HerbevestigInvoer } from './payload';
import { regelVan, zelfdeId } from './register';

/**
 * The employee's own registrations (and nobody else's): the list with "beëindigen", ending one, and answering the
 * yearly refresh round. A registration of someone else answers as if it did not exist (nothing is told about it).
 */

/** "Mijn registraties": every registration of the caller, newest first. */
export async function mijn(_d: unknown, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const oid = turn.user.aadObjectId;
  if (!oid) return [tekst(t(l, 'nevenwerk.geenId'))];
  const items = (await queryAll(s.store, 'Nevenwerkzaamheden', { where: { medewerker: oid } })).sort((a, b) =>
    b.registratieId.localeCompare(a.registratieId),
  );
  return [
    kaart(
      renderLijstKaart({
        titel: t(l, 'nevenwerk.mijn.titel'),
        tekst: items.length ? '' : t(l, 'nevenwerk.mijn.geen'),
        regels: items.map((r) => ({
          tekst: regelVan(l, r),
          knoppen:
            r.status === 'beeindigd'
              ? []
              : [{ titel: t(l, 'nevenwerk.knop.beeindig'), data: { action: 'nevenwerk.beeindig', registratieId: r.registratieId } }],
        })),
      }),
    ),
  ];
}

async function eigen(s: BotServices, turn: TurnInput, registratieId: string) {
  const r = await s.store.get('Nevenwerkzaamheden', registratieId);
  return r && zelfdeId(r.medewerker, turn.user.aadObjectId) ? r : undefined;
}

/** End one of the caller's registrations today. */
export async function beeindig(d: z.output<typeof beeindigInvoer>, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const r = await eigen(s, turn, d.registratieId);
  if (!r) return [tekst(t(l, 'nevenwerk.onbekend', { id: d.registratieId }))];
  if (r.status === 'beeindigd') return [tekst(t(l, 'nevenwerk.alBeeindigd', { id: r.registratieId }))];
  await s.store.update('Nevenwerkzaamheden', r.registratieId, { status: 'beeindigd', beeindigdOp: vandaag(turn.now) });
  return [tekst(t(l, 'nevenwerk.beeindigd', { id: r.registratieId }))];
}

/** The answer to the refresh round `ronde` for one of the caller's registrations: confirm it, or end it today. */
export async function herbevestig(d: HerbevestigInvoer, turn: TurnInput, s: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const r = await eigen(s, turn, d.registratieId);
  const vraag = r ? await s.store.get('NevenwerkHerbevestigingen', `${d.ronde}|${d.registratieId}`) : undefined;
  if (!r || !vraag) return [tekst(t(l, 'nevenwerk.onbekend', { id: d.registratieId }))];
  if (vraag.antwoord !== 'openstaand') return [tekst(t(l, 'nevenwerk.herbevestiging.alBeantwoord', { id: r.registratieId }))];
  const datum = vandaag(turn.now);
  await s.store.update('NevenwerkHerbevestigingen', `${d.ronde}|${d.registratieId}`, { antwoord: d.antwoord, beantwoordOp: datum });
  if (d.antwoord === 'beeindigd' && r.status !== 'beeindigd')
    await s.store.update('Nevenwerkzaamheden', r.registratieId, { status: 'beeindigd', beeindigdOp: datum });
  return [tekst(t(l, `nevenwerk.herbevestiging.${d.antwoord}`, { id: r.registratieId }))];
}

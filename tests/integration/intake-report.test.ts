/**
 * Items recorded through the intake feature show up in the jaarverslag (docs/contracts.md annual report contract) for
 * their year, and the report's Wbk counting agrees with the intake's deadline arithmetic.
 */
import { randomUUID } from 'node:crypto';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { buildJaarverslag, leesJaarverslagBronnen, binnen3Maanden, binnen7Dagen } from '@shared/report';
import { ontvangstbevestigdOpTijd, plusDagen, terugkoppelingOpTijd } from '@shared/domain/wbk-termijnen';
import { intakeFeature } from '../../bot/src/features/intake';
import type { TurnInput } from '../../bot/src/features/feature';
import { rollenVan } from '@shared/domain/rollen';
import { testServices } from '../support/services';

const config = loadOrgConfig('demo');
const now = new Date('2026-06-30T10:00:00Z');
const turn = (oid: string, data: unknown): TurnInput => ({
  kind: 'submit',
  data,
  user: { channelId: '29:x', aadObjectId: oid, rollen: rollenVan(config.rollen, { aadObjectId: oid }) },
  conversation: { id: 'a:x', type: 'personal' },
  locale: 'nl',
  now,
});
const VP = '00000000-0000-0000-0000-0000000000021';
const IC = '00000000-0000-0000-0000-0000000000020';
const EMP = '00000000-0000-0000-0000-0000000000025';

it('gesprekken, meldingen and agressie-incidenten recorded in the bot are counted in the jaarverslag of their year', async () => {
  const store = new SqliteListStore(':memory:');
  const services = testServices({ store, config, clock: () => now });
  const ok = async (oid: string, data: Record<string, unknown>) =>
    expect((await intakeFeature.onSubmit(turn(oid, { kaartId: randomUUID(), ...data }), services))[0]).toMatchObject({
      text: expect.stringMatching(/is opgeslagen/),
    });
  await ok(VP, {
    action: 'intake.gesprek.opslaan',
    cyclus: '',
    datum: '2026-02-03',
    vertrouwenspersoon: 'intern',
    onderwerp: 'integriteit',
    isMelding: 'true',
    doorverwezen: 'geen',
  });
  await ok(VP, {
    action: 'intake.gesprek.opslaan',
    cyclus: '',
    datum: '2026-05-03',
    vertrouwenspersoon: 'extern',
    onderwerp: 'discriminatie',
    isMelding: 'false',
    doorverwezen: 'coach',
  });
  // A gesprek of 31 December registered in January: last year is still open until 1 March (jaargrens.ts), and the
  // vertrouwenspersoon confirms that it changes 2025's figures.
  const januari = new Date('2026-01-20T10:00:00Z');
  const laat = {
    action: 'intake.gesprek.opslaan',
    kaartId: randomUUID(),
    cyclus: '',
    datum: '2025-12-31',
    vertrouwenspersoon: 'intern',
    onderwerp: 'integriteit',
    isMelding: 'true',
    doorverwezen: 'geen',
    bevestigJaar: '2025',
  };
  expect((await intakeFeature.onSubmit({ ...turn(VP, laat), now: januari }, services))[0]).toMatchObject({
    text: expect.stringMatching(/is opgeslagen/),
  });
  const m = {
    action: 'intake.melding.opslaan',
    cyclus: '',
    kanaal: 'gesprek',
    meldpunt: 'integriteitscoordinator',
    categorie: 'financieel',
    betrokkene: 'ambtenaar',
    onderzoek: 'geen',
    uitkomst: 'lopend',
    maatregelen: 'geen',
  };
  await ok(IC, { ...m, ontvangenOp: '2026-03-02', soort: 'vermoedenMisstand', anoniem: 'true', ontvangstbevestigdOp: '2026-03-09' }); // on time
  await ok(IC, { ...m, ontvangenOp: '2026-03-02', soort: 'zakelijk', anoniem: 'false', ontvangstbevestigdOp: '2026-03-10' }); // late
  await ok(EMP, { action: 'intake.agressie.opslaan', datum: '2026-04-01', soort: 'verbaal,fysiek', toelichting: '' });

  const r = buildJaarverslag(await leesJaarverslagBronnen(store, { jaar: 2026 }), { jaar: 2026, organisatie: config.organisatie.naam });
  expect(r.gesprekken).toMatchObject({ totaal: 2, meldingen: 1, extern: 1, doorverwezen: 1 });
  expect(r.gesprekken.perOnderwerp).toMatchObject({ integriteit: 1, discriminatie: 1 });
  expect(r.meldingen).toMatchObject({ totaal: 2, anoniem: 1 });
  expect(r.meldingen.perSoort).toMatchObject({ vermoedenMisstand: 1, zakelijk: 1, sociaal: 0 });
  expect(r.wbk.ontvangstbevestigdBinnen7Dagen).toEqual({ aantal: 1, van: 2 });
  expect(r.agressie).toMatchObject({ incidenten: 1, perSoort: { verbaal: 1, fysiek: 1, psychisch: 0, anders: 0 } });
  await store.close();
});

it('the report and the intake agree on "on time" for every receipt date of 2024 (a leap year)', () => {
  for (let d = 0; d < 366; d++) {
    const ontvangenOp = plusDagen('2024-01-01', d);
    for (const bevestigd of [null, plusDagen(ontvangenOp, 7), plusDagen(ontvangenOp, 8)]) {
      expect(binnen7Dagen(ontvangenOp, bevestigd)).toBe(ontvangstbevestigdOpTijd({ ontvangenOp, ontvangstbevestigdOp: bevestigd }));
      for (const extra of [88, 92, 95, 99]) {
        const terug = plusDagen(ontvangenOp, extra);
        expect([ontvangenOp, bevestigd, terug, binnen3Maanden(ontvangenOp, bevestigd, terug)]).toEqual([
          ontvangenOp,
          bevestigd,
          terug,
          terugkoppelingOpTijd({ ontvangenOp, ontvangstbevestigdOp: bevestigd, terugkoppelingOp: terug }),
        ]);
      }
    }
  }
});

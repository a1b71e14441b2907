/**
 * An absent yes/no or optional column is "onbekend" in the report, a category of its own, never "nee" (issue:
 * Graph leaves empty columns out of `fields`, and the report read an absent anoniem as "nee").
 */
import { buildJaarverslag, type JaarverslagBronnen } from '@shared/report';

test('null isMelding, anoniem and vorm are counted as onbekend, not as nee and not dropped', () => {
  const gesprek = (id: string, isMelding: boolean | null) => ({
    gesprekId: id,
    datum: '2024-04-01',
    vertrouwenspersoon: 'intern',
    onderwerp: 'integriteit',
    isMelding,
    doorverwezen: 'geen',
  });
  const melding = (id: string, anoniem: boolean | null) => ({
    meldingId: id,
    ontvangenOp: '2024-04-01',
    meldpunt: 'vertrouwenspersoon',
    soort: 'sociaal',
    categorie: 'ongewensteOmgangsvormen',
    anoniem,
    onderzoek: 'geen',
    uitkomst: 'lopend',
    maatregelen: [],
    ontvangstbevestigdOp: null,
    terugkoppelingOp: null,
  });
  const bronnen = {
    Gesprekken: [gesprek('g1', true), gesprek('g2', false), gesprek('g3', null), gesprek('g4', null)],
    Meldingen: [melding('m1', true), melding('m2', false), melding('m3', null)],
    AmbtseedSessies: [
      { sessieId: 's1', start: '2024-05-01T08:00:00.000Z', soort: 'ambtseed' },
      { sessieId: 'w1', start: '2024-05-02T08:00:00.000Z', soort: 'workshopIntegriteit' },
    ],
    AmbtseedInschrijvingen: [
      { sessieId: 'w1', status: 'afgelegd', vorm: null, afgelegdOp: '2024-05-02' }, // a workshop has no vorm: not onbekend
      { sessieId: 's1', status: 'afgelegd', vorm: 'eed', afgelegdOp: '2024-05-01' },
      { sessieId: 's1', status: 'afgelegd', vorm: null, afgelegdOp: '2024-05-01' },
    ],
  } as unknown as JaarverslagBronnen;
  const r = buildJaarverslag(bronnen, { jaar: 2024, organisatie: 'X' });
  expect(r.gesprekken).toMatchObject({ totaal: 4, meldingen: 1, meldingenOnbekend: 2 });
  expect(r.meldingen).toMatchObject({ totaal: 3, anoniem: 1, anoniemOnbekend: 1 });
  expect(r.ambtseed).toMatchObject({ afgelegd: 1, eed: 1, vormOnbekend: 1 });
  // Every count is still an integer and present in an empty year.
  const leeg = buildJaarverslag({}, { jaar: 2024, organisatie: 'X' });
  expect([leeg.gesprekken.meldingenOnbekend, leeg.meldingen.anoniemOnbekend, leeg.ambtseed.vormOnbekend]).toEqual([0, 0, 0]);
});

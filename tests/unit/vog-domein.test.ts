/**
 * The VOG cycle as pure rules (shared/src/domain/vog.ts), day by day on a fake calendar. The rule: a VOG at the
 * start in a kwetsbare functie, a new one `geldigheidJaren` (3) years after the last one's issue date, reminders
 * `herinneringNaDagen` (14, 28) days after the request while the employee has not applied. Dates worked out by hand.
 */
import { plusJaren, vogDagwerk, vogStand, type VogAanvraag, type VogHouder } from '@shared/domain/vog';
import type { OrgConfig } from '@shared/config';

const vog: OrgConfig['vog'] = {
  functies: [{ id: 'boa', titel: { nl: 'BOA' } }],
  geldigheidJaren: 3,
  herinneringNaDagen: [14, 28],
};
const houder = (o: Partial<VogHouder> = {}): VogHouder =>
  ({ medewerker: 'oid-1', functie: 'boa', startOp: '2026-03-02', ...o }) as VogHouder;
const aanvraag = (o: Partial<VogAanvraag>): VogAanvraag =>
  ({
    aanvraagId: 'boa:oid-1:2026-03-02',
    medewerker: 'oid-1',
    functie: 'boa',
    aanleiding: 'start',
    peildatum: '2026-03-02',
    gevraagdOp: '2026-03-02',
    status: 'openstaand',
    ...o,
  }) as VogAanvraag;

describe('VOG cycle', () => {
  test('start: nothing before the start date, a start request on it', () => {
    expect(vogDagwerk('2026-03-01', [houder()], [], vog).nieuw).toEqual([]);
    expect(vogDagwerk('2026-03-02', [houder()], [], vog).nieuw).toEqual([
      {
        aanvraagId: 'boa:oid-1:2026-03-02',
        medewerker: 'oid-1',
        functie: 'boa',
        aanleiding: 'start',
        peildatum: '2026-03-02',
        gevraagdOp: '2026-03-02',
        status: 'openstaand',
      },
    ]);
  });

  test('reminders: day 14 and day 28 after the request, the latest one reached only; none once applied for', () => {
    const open = [aanvraag({})];
    expect(vogDagwerk('2026-03-15', [houder()], open, vog).herinneringen).toEqual([]); // day 13
    expect(vogDagwerk('2026-03-16', [houder()], open, vog).herinneringen.map((h) => h.dagen)).toEqual([14]);
    expect(vogDagwerk('2026-03-29', [houder()], open, vog).herinneringen.map((h) => h.dagen)).toEqual([14]); // day 27
    expect(vogDagwerk('2026-03-30', [houder()], open, vog).herinneringen.map((h) => h.dagen)).toEqual([28]);
    expect(vogDagwerk('2026-04-30', [houder()], [aanvraag({ status: 'aangevraagd', aangevraagdOp: '2026-03-10' })], vog)).toEqual({
      nieuw: [],
      herinneringen: [],
      onbekendeFuncties: 0,
    });
  });

  test('received: the next request three years after the issue date (not after the day HR recorded it)', () => {
    const ontvangen = [aanvraag({ status: 'ontvangen', afgifteOp: '2026-03-20', vastgelegdOp: '2026-04-02' })];
    expect(vogStand(houder(), ontvangen, 3).volgende).toEqual({ peildatum: '2029-03-20', aanleiding: 'hernieuwing' });
    expect(vogDagwerk('2029-03-19', [houder()], ontvangen, vog).nieuw).toEqual([]);
    expect(vogDagwerk('2029-03-20', [houder()], ontvangen, vog).nieuw).toMatchObject([
      { aanvraagId: 'boa:oid-1:2029-03-20', aanleiding: 'hernieuwing', peildatum: '2029-03-20', gevraagdOp: '2029-03-20' },
    ]);
  });

  test('a VOG from before the register counts (laatsteVogOp); 29 February + 3 years is 28 February', () => {
    expect(plusJaren('2024-02-29', 3)).toBe('2027-02-28');
    const h = houder({ startOp: '2015-01-01', laatsteVogOp: '2024-02-29' });
    expect(vogDagwerk('2027-02-27', [h], [], vog).nieuw).toEqual([]);
    expect(vogDagwerk('2027-02-28', [h], [], vog).nieuw).toMatchObject([{ aanleiding: 'hernieuwing', peildatum: '2027-02-28' }]);
  });

  test('not received: no automatic new request (HR follows up); an ended holder or an unknown function is left alone', () => {
    const niet = [aanvraag({ status: 'nietOntvangen', vastgelegdOp: '2026-05-01' })];
    expect(vogStand(houder(), niet, 3).volgende).toBeUndefined();
    expect(vogDagwerk('2030-01-01', [houder()], niet, vog).nieuw).toEqual([]);
    expect(vogDagwerk('2026-03-02', [houder({ eindOp: '2026-03-01' })], [], vog).nieuw).toEqual([]);
    expect(vogDagwerk('2026-03-02', [houder({ functie: 'kassier' })], [], vog)).toEqual({
      nieuw: [],
      herinneringen: [],
      onbekendeFuncties: 1,
    });
  });
});

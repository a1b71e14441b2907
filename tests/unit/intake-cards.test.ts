/**
 * The intake cards after expansion (both languages) are valid Adaptive Cards 1.5, carry no unresolved
 * `${…}` bindings, and the submit payloads match what the feature's zod schemas accept.
 */
import * as AC from 'adaptivecards';
import * as k from '../../bot/src/features/intake/cards';
import { messageKeys } from '@shared/i18n';
import type { ListItem } from '@shared/lists/schemas';

function problems(card: Record<string, unknown>): string[] {
  const out: string[] = [];
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) out.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) out.push(`validatie: ${e.message}`);
  if (JSON.stringify(card).includes('${')) out.push('onopgeloste binding');
  if (card.version !== '1.5') out.push('versie');
  return out;
}

const melding: ListItem<'Meldingen'> = {
  meldingId: 'M-2026-0001',
  ontvangenOp: '2026-02-20',
  kanaal: 'gesprek',
  meldpunt: 'integriteitscoordinator',
  soort: 'vermoedenMisstand',
  categorie: 'misstand',
  betrokkene: 'onbekend',
  anoniem: true,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['geen'],
  ontvangstbevestigdOp: null,
  terugkoppelingOp: null,
  afgeslotenOp: null,
  bewaarTot: null,
};
const gesprekItem: ListItem<'Gesprekken'> = {
  gesprekId: 'G-2026-0001',
  datum: '2026-03-02',
  vertrouwenspersoon: 'extern',
  onderwerp: 'discriminatie',
  isMelding: true,
  doorverwezen: 'klachtencommissie',
  verwijderdOp: null,
};
const incident: ListItem<'AgressieIncidenten'> = { incidentId: 'A-2026-0001', datum: '2026-03-01', soort: ['verbaal'], maatregelen: [] };

const cases = (locale: 'nl' | 'en'): [string, Record<string, unknown>][] => [
  ['menu', k.renderIntakeMenuCard(locale, [{ titel: 'x', action: 'intake.gesprek.start' }])],
  ['menu zonder acties', k.renderIntakeMenuCard(locale, [])],
  ['gesprek', k.renderGesprekCard(locale, { vandaag: '2026-03-02' })],
  ['gesprek uitvraag', k.renderGesprekCard(locale, { vandaag: '2026-07-01', uitvraag: { cyclus: '2026-07-01', sinds: '2026-01-01' } })],
  ['melding', k.renderMeldingCard(locale, { vandaag: '2026-03-02', meldpunt: 'integriteitscoordinator' })],
  [
    'melding uitvraag',
    k.renderMeldingCard(locale, {
      vandaag: '2026-07-01',
      meldpunt: 'leidinggevende',
      uitvraag: { cyclus: '2026-07-01', sinds: '2026-01-01' },
    }),
  ],
  ['melding bijwerken', k.renderMeldingBijwerkenCard(locale, melding, 12)],
  [
    'kies',
    k.renderKiesCard(locale, {
      titel: 't',
      veld: 'meldingId',
      action: 'intake.melding.kies',
      keuzes: [{ title: 'M-2026-0001', value: 'M-2026-0001' }],
    }),
  ],
  ['agressie', k.renderAgressieCard(locale, { vandaag: '2026-03-02' })],
  ['gesprek correctie', k.renderGesprekCard(locale, { vandaag: '2026-12-02', correctie: gesprekItem })],
  ['mijn registraties', k.renderMijnRegistratiesCard(locale, 2026, [gesprekItem])],
  ['mijn registraties leeg', k.renderMijnRegistratiesCard(locale, 2026, [])],
  ['gesprek verwijderen', k.renderGesprekVerwijderCard(locale, gesprekItem)],
  ['agressie nieuw', k.renderAgressieNieuwCard(locale, incident, 'Dreigende taal')],
  ['agressie nieuw zonder toelichting', k.renderAgressieNieuwCard(locale, incident, null)],
  ['agressie bijwerken', k.renderAgressieBijwerkenCard(locale, incident)],
  [
    'wbk',
    k.renderWbkCard(locale, {
      vandaag: '2026-03-07',
      vooruitDagen: 2,
      signalen: [
        { meldingId: 'M-2026-0001', actie: 'ontvangstbevestiging', uiterlijk: '2026-02-27', dagenTot: -8, status: 'verlopen' },
        { meldingId: 'M-2026-0002', actie: 'terugkoppeling', uiterlijk: '2026-03-08', dagenTot: 1, status: 'binnenkort' },
      ],
    }),
  ],
  ['wbk leeg', k.renderWbkCard(locale, { vandaag: '2026-03-07', vooruitDagen: 2, signalen: [] })],
  [
    'wbk overzicht',
    k.renderWbkOverzichtCard(locale, {
      vandaag: '2026-12-02',
      lopend: [
        { meldingId: 'M-2026-0001', actie: 'ontvangstbevestiging', uiterlijk: '2026-12-01', dagenTot: -1, status: 'verlopen' },
        { meldingId: 'M-2026-0003', actie: 'ontvangstbevestiging', uiterlijk: '2026-12-03', dagenTot: 1, status: 'binnenkort' },
        { meldingId: 'M-2026-0001', actie: 'terugkoppeling', uiterlijk: '2027-03-01', dagenTot: 89, status: 'lopend' },
      ],
      teLaatGedaan: [
        {
          meldingId: 'M-2026-0002',
          actie: 'ontvangstbevestiging',
          uiterlijk: '2026-11-08',
          dagenTot: -2,
          gedaanOp: '2026-11-10',
          status: 'teLaatGedaan',
        },
      ],
    }),
  ],
  ['wbk overzicht leeg', k.renderWbkOverzichtCard(locale, { vandaag: '2026-12-02', lopend: [], teLaatGedaan: [] })],
  [
    'respons met volgende',
    k.renderUitvraagResponsCard(
      locale,
      { cyclus: '2026-07-01', gevraagd: 4, beantwoord: 2, percentage: 50, herinnerd: 1, nietBereikbaar: 2, items: 2 },
      '2027-01-01',
    ),
  ],
  ['bevestiging', k.renderBevestigingCard(locale, 'M-2026-0001', melding, ['ontvangenOp', 'soort', 'maatregelen', 'anoniem'])],
  [
    'respons',
    k.renderUitvraagResponsCard(locale, {
      cyclus: '2026-07-01',
      gevraagd: 4,
      beantwoord: 2,
      percentage: 50,
      herinnerd: 1,
      nietBereikbaar: 2,
      items: 2,
    }),
  ],
];

describe.each(['nl', 'en'] as const)('intake cards (%s)', (locale) => {
  test.each(cases(locale))('%s is a valid expanded Adaptive Card 1.5', (_n, card) => {
    expect(problems(card)).toEqual([]);
  });
});

describe('intake card details', () => {
  it('each writing card gets a fresh kaartId (UUID)', () => {
    const a = JSON.stringify(k.renderGesprekCard('nl', { vandaag: '2026-03-02' })).match(/"kaartId":"([^"]+)"/)![1];
    const b = JSON.stringify(k.renderGesprekCard('nl', { vandaag: '2026-03-02' })).match(/"kaartId":"([^"]+)"/)![1];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
  it('"Niets (meer) te melden" submits without inputs', () => {
    const card = k.renderGesprekCard('nl', { vandaag: '2026-07-01', uitvraag: { cyclus: '2026-07-01', sinds: '2026-01-01' } });
    const acties = card.actions as { title: string; associatedInputs?: string }[];
    expect(acties.map((a) => [a.title, a.associatedInputs])).toEqual([
      ['Toevoegen', undefined],
      ['Niets (meer) te melden', 'none'],
    ]);
  });
  it('wbk lines: overdue in red with days late, "1 dag", "vandaag"', () => {
    const s = (dagenTot: number) =>
      k.wbkRegel('nl', {
        meldingId: 'M-2026-0001',
        actie: 'terugkoppeling',
        uiterlijk: '2026-06-01',
        dagenTot,
        status: dagenTot < 0 ? 'verlopen' : 'binnenkort',
      });
    expect([s(-3), s(-1), s(0), s(1), s(2)]).toEqual([
      'M-2026-0001: terugkoppeling uiterlijk 1 juni 2026: 3 dagen te laat',
      'M-2026-0001: terugkoppeling uiterlijk 1 juni 2026: 1 dag te laat',
      'M-2026-0001: terugkoppeling uiterlijk vandaag (1 juni 2026)',
      'M-2026-0001: terugkoppeling uiterlijk 1 juni 2026: nog 1 dag',
      'M-2026-0001: terugkoppeling uiterlijk 1 juni 2026: nog 2 dagen',
    ]);
    const en = (dagenTot: number) =>
      k.wbkRegel('en', { meldingId: 'M-2026-0001', actie: 'terugkoppeling', uiterlijk: '2026-06-01', dagenTot, status: 'binnenkort' });
    expect([en(-1), en(-2), en(1), en(2)]).toEqual([
      'M-2026-0001: feedback due 1 June 2026: 1 day overdue',
      'M-2026-0001: feedback due 1 June 2026: 2 days overdue',
      'M-2026-0001: feedback due 1 June 2026: 1 day left',
      'M-2026-0001: feedback due 1 June 2026: 2 days left',
    ]);
  });
  it('dates in running text and facts read as dates, not ISO: "2 december 2026" / "2 December 2026"', () => {
    expect(k.toonWaarde('nl', '2026-12-02')).toBe('2 december 2026');
    expect(k.toonWaarde('en', '2026-12-02')).toBe('2 December 2026');
    const card = JSON.stringify(
      k.renderGesprekCard('en', { vandaag: '2026-07-01', uitvraag: { cyclus: '2026-07-01', sinds: '2026-01-01' } }),
    );
    expect(card).toContain('since 1 January 2026');
    // The form field itself keeps the ISO value Input.Date needs.
    expect(card).toContain('"value":"2026-07-01"');
  });
  it('every intake message exists in Dutch and English', () => {
    const { nl, en } = messageKeys();
    const ik = (keys: string[]) => keys.filter((x) => x.startsWith('intake.')).sort();
    expect(ik(en)).toEqual(ik(nl));
    expect(ik(nl).length).toBeGreaterThan(100);
  });
});

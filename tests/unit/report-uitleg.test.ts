import { tabelUitleg } from '@shared/report/uitleg';
import type { Tabel } from '@shared/report/tabellen';

const perOnderwerp: Tabel = {
  id: 'gesprekkenPerOnderwerp',
  titel: 'Gesprekken per onderwerp',
  kolommen: ['Onderwerp', '2023', '2024'],
  rijen: [
    ['Integriteit', 3, 5],
    ['Discriminatie', 2, 0],
    ['Arbeidsconflict', 1, 1],
    ['Totaal', 6, 6],
  ],
  totaalRij: true,
};

describe('the sentence under a table, from its figures', () => {
  test('rises, falls and zeros against the previous year (nl and en)', () => {
    expect(tabelUitleg(perOnderwerp, { jaar: 2024 })).toBe(
      'Het totaal bleef 6, net als in 2023. Gestegen ten opzichte van 2023: Integriteit (van 3 naar 5). Gedaald: Discriminatie (van 2 naar 0).',
    );
    expect(tabelUitleg(perOnderwerp, { jaar: 2024, locale: 'en' })).toBe(
      'The total stayed at 6, as in 2023. Up on 2023: Integriteit (from 3 to 5). Down: Discriminatie (from 2 to 0).',
    );
  });

  test('a total with one part row (meldingen: totaal en anoniem): a non-zero total is never "niets geregistreerd"', () => {
    const tb: Tabel = {
      id: 'meldingenTotaal',
      titel: 'Meldingen: totaal en anoniem',
      kolommen: ['Kenmerk', '2024', '2025', '2026'],
      rijen: [
        ['Totaal', 0, 0, 1],
        ['Anoniem', 0, 0, 0],
      ],
    };
    expect(tabelUitleg(tb, { jaar: 2026 })).toBe('Het totaal steeg van 0 in 2025 naar 1 in 2026. Niets geregistreerd in 2026: Anoniem.');
    const en: Tabel = {
      ...tb,
      rijen: [
        ['Total', 0, 0, 1],
        ['Anonymous', 0, 0, 0],
      ],
    };
    expect(tabelUitleg(en, { jaar: 2026, locale: 'en' })).toMatch(/^The total .*\. Nothing recorded in 2026: Anonymous\.$/);
  });

  test('one fact once: a fall to 0 is said as a fall, not again as a zero (QA, 2025 demo report)', () => {
    const tb: Tabel = {
      ...perOnderwerp,
      kolommen: ['Onderwerp', '2024', '2025'],
      rijen: [
        ['Integriteit', 2, 4],
        ['Discriminatie', 1, 0],
        ['Arbeidsconflict', 0, 0],
        ['Totaal', 3, 4],
      ],
    };
    const zin = tabelUitleg(tb, { jaar: 2025 });
    expect(zin).toBe(
      'Het totaal steeg van 3 in 2024 naar 4 in 2025. Gestegen ten opzichte van 2024: Integriteit (van 2 naar 4). Gedaald: Discriminatie (van 1 naar 0). Niets geregistreerd in 2025: Arbeidsconflict.',
    );
    expect(zin.match(/Discriminatie/g)).toHaveLength(1);
    // zero in both years, with a total row: one sentence, not "Het totaal bleef 0" and then "niets geregistreerd"
    const nulNul: Tabel = { ...tb, rijen: tb.rijen.map((r) => [r[0], 0, 0]) };
    expect(tabelUitleg(nulNul, { jaar: 2025 })).toBe('Net als in 2024 is hier in 2025 niets geregistreerd.');
    expect(tabelUitleg(nulNul, { jaar: 2025, locale: 'en' })).toBe('As in 2024, nothing was recorded here in 2025.');
    // everything fell to 0: one sentence, last year's counts in it, no separate total and fall sentences
    const nul: Tabel = {
      ...tb,
      rijen: [
        ['Integriteit', 2, 0],
        ['Discriminatie', 1, 0],
        ['Arbeidsconflict', 0, 0],
        ['Totaal', 3, 0],
      ],
    };
    expect(tabelUitleg(nul, { jaar: 2025 })).toBe('In 2025 is hier niets geregistreerd; in 2024: Integriteit (2) en Discriminatie (1).');
    expect(tabelUitleg(nul, { jaar: 2025, locale: 'en' })).toBe(
      'Nothing was recorded here in 2025; in 2024: Integriteit (2) and Discriminatie (1).',
    );
  });

  test('a rising total, the largest change named first, lists joined with "en"', () => {
    const tb: Tabel = {
      ...perOnderwerp,
      rijen: [
        ['A', 1, 2],
        ['B', 0, 9],
        ['C', 4, 4],
        ['Totaal', 5, 15],
      ],
    };
    expect(tabelUitleg(tb, { jaar: 2024 })).toBe(
      'Het totaal steeg van 5 in 2023 naar 15 in 2024. Gestegen ten opzichte van 2023: B (van 0 naar 9) en A (van 1 naar 2).',
    );
  });

  test('with suppression a hidden count is never compared; zeros are still named', () => {
    expect(tabelUitleg(perOnderwerp, { jaar: 2024, onderDrempel: 5 })).toBe(
      'Het totaal bleef 6, net als in 2023. Niets geregistreerd in 2024: Discriminatie.',
    );
  });

  test('a table without year columns names the highest row and the zeros of its first count column', () => {
    const tb: Tabel = {
      id: 'dilemmaPerDoelgroep',
      titel: 'Dilemmasessies per doelgroep',
      kolommen: ['Doelgroep', 'Sessies', 'Deelnemers'],
      rijen: [
        ['Nieuwe medewerkers', 6, 100],
        ['Afdeling', 4, 70],
        ['Management', 0, 0],
        ['Totaal', 10, 170],
      ],
      totaalRij: true,
    };
    expect(tabelUitleg(tb, { jaar: 2024 })).toBe('Het hoogste aantal: Nieuwe medewerkers (6). Niets geregistreerd in 2024: Management.');
  });

  test('many zeros: four are named, the rest counted; all zero: one sentence', () => {
    const rijen = ['A', 'B', 'C', 'D', 'E', 'F'].map((l) => [l, 1, 0]);
    expect(tabelUitleg({ ...perOnderwerp, totaalRij: false, rijen: [['G', 0, 3], ...rijen] }, { jaar: 2024 })).toBe(
      'Gestegen ten opzichte van 2023: G (van 0 naar 3). Gedaald: A (van 1 naar 0), B (van 1 naar 0), C (van 1 naar 0) en D (van 1 naar 0). Niets geregistreerd in 2024: E en F.',
    );
    expect(
      tabelUitleg(
        {
          ...perOnderwerp,
          totaalRij: false,
          rijen: [
            ['A', 0, 0],
            ['B', 0, 0],
          ],
        },
        { jaar: 2024 },
      ),
    ).toBe('Net als in 2023 is hier in 2024 niets geregistreerd.');
  });

  test('Wbk: how many were late; all on time; no meldingen', () => {
    const wbk = (a: number, b: number, c: number, d: number): Tabel => ({
      id: 'wbk',
      titel: 'Termijnen Wbk',
      kolommen: ['Termijn', 'Aantal', 'Van'],
      rijen: [
        ['Ontvangstbevestiging binnen 7 dagen', a, b],
        ['Terugkoppeling binnen 3 maanden', c, d],
      ],
    });
    expect(tabelUitleg(wbk(5, 6, 4, 6), { jaar: 2024 })).toBe('Niet binnen de termijn: 1 ontvangstbevestiging en 2 terugkoppelingen.');
    expect(tabelUitleg(wbk(5, 6, 4, 6), { jaar: 2024, locale: 'en' })).toBe(
      'Not within the deadline: 1 acknowledgement and 2 feedback messages.',
    );
    expect(tabelUitleg(wbk(6, 6, 6, 6), { jaar: 2024 })).toBe(
      'Alle ontvangstbevestigingen en terugkoppelingen vielen binnen de wettelijke termijn.',
    );
    expect(tabelUitleg(wbk(0, 0, 0, 0), { jaar: 2024 })).toBe(
      'In 2024 waren er geen meldingen met een termijn uit de Wet bescherming klokkenluiders.',
    );
    // suppressed: a late count of 1 or 2 is shown as "<5"
    expect(tabelUitleg(wbk(5, 6, 4, 6), { jaar: 2024, onderDrempel: 5 })).toBe(
      'Niet binnen de termijn: <5 ontvangstbevestigingen en <5 terugkoppelingen.',
    );
  });

  test('the case table: how many cases, singular for one', () => {
    const zaken: Tabel = {
      id: 'zaken',
      titel: 'Onderzochte meldingen',
      kolommen: ['Meldpunt', 'Omschrijving', 'Bevindingen', 'Gevolg'],
      rijen: [['Leidinggevende', 'x', 'y', 'z']],
      tekstTabel: true,
    };
    expect(tabelUitleg(zaken, { jaar: 2024 })).toBe(
      'De tabel beschrijft 1 onderzochte melding in codes, zonder namen of omschrijvingen van personen.',
    );
    expect(tabelUitleg({ ...zaken, rijen: [] }, { jaar: 2024 })).toBe('');
  });
});

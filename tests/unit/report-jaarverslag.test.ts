import {
  buildJaarverslag,
  binnen3Maanden,
  binnen7Dagen,
  isLeegJaar,
  JAAR_SECTIES,
  jaarVanMoment,
  legeJaarCijfers,
  type JaarverslagBronnen,
} from '@shared/report';
import { AGRESSIE_SOORTEN, CATEGORIEEN, DOELGROEPEN, MAATREGELEN, ONDERWERPEN, SITUATIES, UITKOMSTEN } from '@shared/lists/definitions';
import type { ListItem } from '@shared/lists/schemas';
import { ontvangstbevestigdOpTijd, plusDagen, plusMaanden, terugkoppelingOpTijd } from '@shared/domain/wbk-termijnen';

/** Walk a value and collect every number that is not a non-negative integer (path → value). */
function nietGeheel(v: unknown, pad = ''): string[] {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? [] : [`${pad}=${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => nietGeheel(x, `${pad}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => nietGeheel(x, `${pad}.${k}`));
  return [];
}

const gesprek = (id: string, datum: string, o: Partial<ListItem<'Gesprekken'>> = {}): ListItem<'Gesprekken'> => ({
  gesprekId: id,
  datum,
  vertrouwenspersoon: 'intern',
  onderwerp: 'integriteit',
  isMelding: false,
  doorverwezen: 'geen',
  verwijderdOp: null,
  ...o,
});

const melding = (id: string, ontvangenOp: string, o: Partial<ListItem<'Meldingen'>> = {}): ListItem<'Meldingen'> => ({
  meldingId: id,
  ontvangenOp,
  kanaal: 'schriftelijk',
  meldpunt: 'integriteitscoordinator',
  soort: 'zakelijk',
  categorie: 'financieel',
  betrokkene: 'ambtenaar',
  anoniem: false,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['geen'],
  ontvangstbevestigdOp: null,
  terugkoppelingOp: null,
  afgeslotenOp: null,
  bewaarTot: null,
  ...o,
});

describe('buildJaarverslag', () => {
  test('an empty year has every key and every category with 0', () => {
    const r = buildJaarverslag({}, { jaar: 2024, organisatie: 'Test' });
    expect(r.jaar).toBe(2024);
    expect(r.organisatie).toBe('Test');
    expect(Object.keys(r.gesprekken.perOnderwerp).sort()).toEqual([...ONDERWERPEN].sort());
    expect(Object.keys(r.meldingen.perCategorie).sort()).toEqual([...CATEGORIEEN].sort());
    expect(Object.keys(r.meldingen.perUitkomst).sort()).toEqual([...UITKOMSTEN].sort());
    expect(Object.keys(r.meldingen.perMaatregel).sort()).toEqual([...MAATREGELEN].sort());
    expect(Object.keys(r.dilemma.perDoelgroep).sort()).toEqual([...DOELGROEPEN].sort());
    expect(Object.keys(r.agressie.perSoort).sort()).toEqual([...AGRESSIE_SOORTEN].sort());
    expect(Object.keys(r.meldwijzer.perSituatie).sort()).toEqual([...SITUATIES].sort());
    expect(r.wbk).toEqual({ ontvangstbevestigdBinnen7Dagen: { aantal: 0, van: 0 }, terugkoppelingBinnen3Maanden: { aantal: 0, van: 0 } });
    expect(r.vorigeJaren).toEqual({});
    expect(r.zaken).toEqual([]);
    expect(isLeegJaar(r)).toBe(true);
    const json = JSON.stringify(r);
    const zeros = (json.match(/:0[,}]/g) ?? []).length;
    expect(zeros).toBeGreaterThan(60);
    expect(/:[1-9]/.test(json.replace(/"jaar":2024/g, ''))).toBe(false);
  });

  test('the contract keys, in the docs/contracts.md order (the *Onbekend counts are additive, at the end of their section)', () => {
    const r = buildJaarverslag({}, { jaar: 2024, organisatie: 'X', years: 2 });
    expect(Object.keys(r)).toEqual([
      'jaar',
      'organisatie',
      'gesprekken',
      'meldingen',
      'wbk',
      'ambtseed',
      'onboarding',
      'dilemma',
      'agressie',
      'meldwijzer',
      'vog',
      'anoniemeMeldingen',
      'nevenwerk',
      'zonderGegevens', // additive: the sections without data that year (tests/unit/report-geen-gegevens.test.ts)
      'zaken',
      'vorigeJaren',
    ]);
    expect(Object.keys(r.gesprekken)).toEqual([
      'totaal',
      'meldingen',
      'perOnderwerp',
      'meldingenPerOnderwerp',
      'extern',
      'doorverwezen',
      'meldingenOnbekend',
    ]);
    expect(Object.keys(r.meldingen)).toEqual([
      'totaal',
      'perSoort',
      'perCategorie',
      'anoniem',
      'perUitkomst',
      'perMaatregel',
      'anoniemOnbekend',
    ]);
    expect(Object.keys(r.ambtseed)).toEqual(['afgelegd', 'eed', 'belofte', 'integriteitsverklaring', 'bijeenkomsten', 'vormOnbekend']);
    expect(Object.keys(r.onboarding)).toEqual(['nieuweMedewerkers', 'arbeidsovereenkomst', 'extern', 'stagiair', 'workshopDeelnemers']);
    expect(Object.keys(r.vorigeJaren)).toEqual(['2023']);
    // nothing registered: every count 0 and every section without data
    expect(r.vorigeJaren['2023']).toEqual({ ...legeJaarCijfers(2023), zonderGegevens: [...JAAR_SECTIES] });
  });

  test('a gesprek its vertrouwenspersoon removed (verwijderdOp) is not counted', () => {
    const r = buildJaarverslag(
      {
        Gesprekken: [
          gesprek('g1', '2026-03-02', { isMelding: true }),
          gesprek('g2', '2026-03-03', { isMelding: true, vertrouwenspersoon: 'extern', verwijderdOp: '2026-03-04' }),
        ],
      },
      { jaar: 2026, organisatie: 'X' },
    );
    expect([r.gesprekken.totaal, r.gesprekken.meldingen, r.gesprekken.extern]).toEqual([1, 1, 0]);
  });

  test('gesprekken: per onderwerp, meldingen (new matters), extern, doorverwezen; only the calendar year', () => {
    const g: ListItem<'Gesprekken'>[] = [
      gesprek('g1', '2019-01-01', { onderwerp: 'ongewensteOmgangsvormen', isMelding: true, vertrouwenspersoon: 'extern' }),
      gesprek('g2', '2019-12-31', { onderwerp: 'ongewensteOmgangsvormen', doorverwezen: 'mediation' }),
      gesprek('g3', '2019-06-15', { onderwerp: 'arbeidsconflict', isMelding: true, doorverwezen: 'bedrijfsarts' }),
      gesprek('g4', '2018-12-31', { onderwerp: 'arbeidsconflict', isMelding: true }),
      gesprek('g5', '2020-01-01', { onderwerp: 'arbeidsconflict' }),
    ];
    const r = buildJaarverslag({ Gesprekken: g }, { jaar: 2019, organisatie: 'X', years: 2 });
    expect(r.gesprekken).toEqual({
      totaal: 3,
      meldingen: 2,
      perOnderwerp: {
        integriteit: 0,
        ongewensteOmgangsvormen: 2,
        discriminatie: 0,
        arbeidsconflict: 1,
        onveiligheid: 0,
        adviesAlgemeen: 0,
      },
      meldingenPerOnderwerp: {
        integriteit: 0,
        ongewensteOmgangsvormen: 1,
        discriminatie: 0,
        arbeidsconflict: 1,
        onveiligheid: 0,
        adviesAlgemeen: 0,
      },
      extern: 1,
      doorverwezen: 2,
      meldingenOnbekend: 0,
    });
    expect(r.vorigeJaren['2018'].gesprekken.totaal).toBe(1);
    expect(r.vorigeJaren['2018'].gesprekken.meldingen).toBe(1);
  });

  test('meldingen: per soort, categorie, uitkomst; anoniem; a maatregel counted once per item', () => {
    const m = [
      melding('m1', '2024-02-01', {
        soort: 'sociaal',
        categorie: 'ongewensteOmgangsvormen',
        anoniem: true,
        uitkomst: 'gegrond',
        maatregelen: ['teamtraject', 'dossiernotitie'],
      }),
      melding('m2', '2024-03-01', { soort: 'vermoedenMisstand', categorie: 'misstand', uitkomst: 'lopend', maatregelen: ['geen'] }),
      melding('m3', '2024-04-01', {
        soort: 'sociaal',
        categorie: 'ongewensteOmgangsvormen',
        uitkomst: 'gegrond',
        maatregelen: ['teamtraject'],
      }),
      melding('m4', '2023-04-01', { soort: 'sociaal' }),
    ];
    const r = buildJaarverslag({ Meldingen: m }, { jaar: 2024, organisatie: 'X' });
    expect(r.meldingen.totaal).toBe(3);
    expect(r.meldingen.perSoort).toEqual({ vermoedenMisstand: 1, zakelijk: 0, sociaal: 2 });
    expect(r.meldingen.perCategorie.ongewensteOmgangsvormen).toBe(2);
    expect(r.meldingen.perCategorie.misstand).toBe(1);
    expect(r.meldingen.perCategorie.financieel).toBe(0);
    expect(r.meldingen.anoniem).toBe(1);
    expect(r.meldingen.perUitkomst).toEqual({ lopend: 1, gegrond: 2, ongegrond: 0, nietOnderzoekswaardig: 0, geenSchending: 0 });
    expect(r.meldingen.perMaatregel.teamtraject).toBe(2);
    expect(r.meldingen.perMaatregel.dossiernotitie).toBe(1);
    expect(r.meldingen.perMaatregel.geen).toBe(1);
    expect(nietGeheel(r)).toEqual([]);
  });

  test('wbk: acknowledgement within 7 days, feedback within 3 months of the acknowledgement', () => {
    const m = [
      // 7 days exactly: in time; feedback exactly 3 months later: in time
      melding('a', '2024-01-01', { ontvangstbevestigdOp: '2024-01-08', terugkoppelingOp: '2024-04-08' }),
      // 8 days: late; feedback 3 months + 1 day: late
      melding('b', '2024-01-01', { ontvangstbevestigdOp: '2024-01-09', terugkoppelingOp: '2024-04-10' }),
      // no acknowledgement, no feedback
      melding('c', '2024-05-01'),
      // no acknowledgement: 3 months count from the end of the 7-day period (8 May → 8 Aug)
      melding('e', '2024-05-01', { terugkoppelingOp: '2024-08-08' }),
      // across a year end and a short month: 30 Nov + 3 months = 28 Feb 2025 (29 Feb is late in 2025)
      melding('d', '2024-11-29', { ontvangstbevestigdOp: '2024-11-30', terugkoppelingOp: '2025-02-28' }),
    ];
    const r = buildJaarverslag({ Meldingen: m }, { jaar: 2024, organisatie: 'X' });
    expect(r.wbk.ontvangstbevestigdBinnen7Dagen).toEqual({ aantal: 2, van: 5 });
    expect(r.wbk.terugkoppelingBinnen3Maanden).toEqual({ aantal: 3, van: 5 });
    expect(binnen7Dagen('2024-02-26', '2024-03-04')).toBe(true); // leap year: 26 Feb + 7 = 4 Mar
    expect(binnen7Dagen('2024-02-26', '2024-03-05')).toBe(false);
    expect(binnen3Maanden('2023-11-29', '2023-11-30', '2024-02-29')).toBe(true); // 2024 is a leap year
    expect(binnen3Maanden('2023-11-29', '2023-11-30', '2024-03-01')).toBe(false);
    expect(binnen3Maanden('2024-05-01', null, '2024-08-09')).toBe(false);
    expect(binnen3Maanden('2024-05-01', '2024-05-02', null)).toBe(false);
  });

  test('wbk: the fast check agrees with the domain rule (shared/src/domain/wbk-termijnen.ts) around every month end of 2023 and 2024', () => {
    const afwijkingen: string[] = [];
    let dagen = 0;
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86_400_000) {
      const ontvangenOp = new Date(t).toISOString().slice(0, 10);
      const dag = Number(ontvangenOp.slice(8));
      if (dag < 20 || dag > 25) continue; // month ends matter: receipt on the 20th–25th puts the basis (+7/+8 days) on the 27th–2nd
      dagen++;
      for (const ack of [null, 7, 8]) {
        const ontvangstbevestigdOp = ack === null ? null : plusDagen(ontvangenOp, ack);
        const deadline = plusMaanden(ontvangstbevestigdOp ?? plusDagen(ontvangenOp, 7), 3);
        for (const terugkoppelingOp of [deadline, plusDagen(deadline, 1)]) {
          const m = { ontvangenOp, ontvangstbevestigdOp, terugkoppelingOp };
          const snel = [
            binnen7Dagen(ontvangenOp, ontvangstbevestigdOp),
            binnen3Maanden(ontvangenOp, ontvangstbevestigdOp, terugkoppelingOp),
          ];
          const domein = [ontvangstbevestigdOpTijd(m), terugkoppelingOpTijd(m)];
          if (snel.join() !== domein.join()) afwijkingen.push(`${JSON.stringify(m)}: ${snel} vs ${domein}`);
        }
      }
    }
    expect(afwijkingen).toEqual([]);
    expect(dagen).toBe(144);
  });

  test('ambtseed: afgelegd = eed + belofte, integriteitsverklaring apart, bijeenkomsten with an afgelegd inschrijving', () => {
    const sessie = (id: string, start: string, soort: 'ambtseed' | 'workshopIntegriteit' = 'ambtseed'): ListItem<'AmbtseedSessies'> => ({
      sessieId: id,
      start,
      eind: start,
      soort,
      locatie: null,
      online: false,
      afnemer: 'provinciesecretaris',
      capaciteit: 20,
    });
    const inschrijving = (
      id: string,
      sessieId: string,
      status: ListItem<'AmbtseedInschrijvingen'>['status'],
      vorm: ListItem<'AmbtseedInschrijvingen'>['vorm'],
      afgelegdOp: string | null,
    ): ListItem<'AmbtseedInschrijvingen'> => ({
      inschrijvingId: id,
      sessieId,
      medewerker: `obj-${id}`,
      dienstverband: 'arbeidsovereenkomst',
      indienstOp: '2024-01-01',
      status,
      vorm,
      afgelegdOp,
    });
    const bronnen: JaarverslagBronnen = {
      AmbtseedSessies: [
        sessie('s1', '2024-03-01T09:00:00.000Z'),
        sessie('s2', '2024-06-01T09:00:00.000Z'), // nobody took the oath here
        sessie('s3', '2023-12-31T23:30:00.000Z'), // 00:30 on 1 Jan 2024 in Amsterdam
        sessie('w1', '2024-03-02T09:00:00.000Z', 'workshopIntegriteit'),
      ],
      AmbtseedInschrijvingen: [
        inschrijving('i1', 's1', 'afgelegd', 'eed', '2024-03-01'),
        inschrijving('i2', 's1', 'afgelegd', 'belofte', '2024-03-01'),
        inschrijving('i3', 's1', 'afgelegd', 'integriteitsverklaring', '2024-03-01'),
        inschrijving('i4', 's2', 'afwezig', null, null),
        inschrijving('i5', 's3', 'afgelegd', 'eed', '2024-01-01'),
        inschrijving('i6', 'w1', 'afgelegd', 'eed', '2024-03-02'),
        inschrijving('i7', 's1', 'ingeschreven', null, null),
      ],
    };
    const r = buildJaarverslag(bronnen, { jaar: 2024, organisatie: 'X', years: 2 });
    expect(r.ambtseed).toEqual({ afgelegd: 4, eed: 3, belofte: 1, integriteitsverklaring: 1, bijeenkomsten: 2, vormOnbekend: 0 });
    expect(r.vorigeJaren['2023'].ambtseed.bijeenkomsten).toBe(0);
    expect(jaarVanMoment('2023-12-31T22:59:59.000Z')).toBe(2023);
    expect(jaarVanMoment('2023-12-31T23:00:00.000Z')).toBe(2024);
  });

  test('onboarding by indienstOp; workshop participants by workshopGevolgdOp', () => {
    const n = (
      id: string,
      indienstOp: string,
      dienstverband: ListItem<'NieuweMedewerkers'>['dienstverband'],
      workshopGevolgdOp: string | null = null,
    ): ListItem<'NieuweMedewerkers'> => ({
      medewerkerId: id,
      indienstOp,
      dienstverband,
      workshopGevolgdOp,
    });
    const r = buildJaarverslag(
      {
        NieuweMedewerkers: [
          n('a', '2024-01-10', 'arbeidsovereenkomst', '2024-02-01'),
          n('b', '2024-05-10', 'extern'),
          n('c', '2024-12-10', 'stagiair', '2025-01-15'),
          n('d', '2023-11-10', 'arbeidsovereenkomst', '2024-01-20'),
        ],
      },
      { jaar: 2024, organisatie: 'X' },
    );
    expect(r.onboarding).toEqual({ nieuweMedewerkers: 3, arbeidsovereenkomst: 1, extern: 1, stagiair: 1, workshopDeelnemers: 2 });
  });

  test('dilemma per doelgroep, agressie once per value, meldwijzer by ISO week-year', () => {
    const d = (
      id: string,
      datum: string,
      doelgroep: ListItem<'DilemmaSessies'>['doelgroep'],
      deelnemers: number,
    ): ListItem<'DilemmaSessies'> => ({
      sessieId: id,
      datum,
      werkvorm: 'dilemmaspel',
      doelgroep,
      deelnemers,
      dilemmaIds: null,
    });
    const r = buildJaarverslag(
      {
        DilemmaSessies: [
          d('1', '2020-03-01', 'afdeling', 7),
          d('2', '2020-04-01', 'afdeling', 8),
          d('3', '2020-05-01', 'management', 5),
          d('4', '2021-01-01', 'afdeling', 99),
        ],
        AgressieIncidenten: [
          { datum: '2020-02-02', soort: ['verbaal', 'fysiek'], maatregelen: ['waarschuwingsbrief'] },
          { datum: '2020-02-03', soort: ['verbaal'], maatregelen: [] },
        ],
        MeldwijzerGebruik: [
          { week: '2020-W53', situatie: 'dilemma', aantal: 4 }, // 28 Dec 2020 – 3 Jan 2021: week-year 2020
          { week: '2020-W01', situatie: 'zakelijk', aantal: 2 }, // starts 30 Dec 2019, still week-year 2020
          { week: '2021-W01', situatie: 'dilemma', aantal: 50 },
        ],
      },
      { jaar: 2020, organisatie: 'X' },
    );
    expect(r.dilemma.sessies).toBe(3);
    expect(r.dilemma.bereik).toBe(20);
    expect(r.dilemma.perDoelgroep.afdeling).toEqual({ sessies: 2, deelnemers: 15 });
    expect(r.dilemma.perDoelgroep.management).toEqual({ sessies: 1, deelnemers: 5 });
    expect(r.dilemma.perDoelgroep.nieuweMedewerkers).toEqual({ sessies: 0, deelnemers: 0 });
    expect(r.agressie).toEqual({
      incidenten: 2,
      perSoort: { verbaal: 2, fysiek: 1, psychisch: 0, anders: 0 },
      perMaatregel: { waarschuwingsbrief: 1, herstelgesprek: 0, contactafspraken: 0, meldingPolitie: 0, aangiftePolitie: 0 },
    });
    expect(r.meldwijzer.raadplegingen).toBe(6);
    expect(r.meldwijzer.perSituatie.dilemma).toBe(4);
    expect(r.meldwijzer.perSituatie.zakelijk).toBe(2);
  });

  test('the case table holds codes of investigated meldingen only, in order of receipt', () => {
    const r = buildJaarverslag(
      {
        Meldingen: [
          melding('m2', '2019-05-01', {
            onderzoek: 'intern',
            uitkomst: 'gegrond',
            meldpunt: 'leidinggevende',
            categorie: 'informatie',
            maatregelen: ['waarschuwing'],
          }),
          melding('m1', '2019-02-01', { onderzoek: 'lijn', uitkomst: 'geenSchending' }),
          melding('m3', '2019-06-01', { onderzoek: 'geen' }),
        ],
      },
      { jaar: 2019, organisatie: 'X' },
    );
    expect(r.zaken).toEqual([
      {
        meldpunt: 'integriteitscoordinator',
        soort: 'zakelijk',
        categorie: 'financieel',
        onderzoek: 'lijn',
        uitkomst: 'geenSchending',
        maatregelen: ['geen'],
      },
      {
        meldpunt: 'leidinggevende',
        soort: 'zakelijk',
        categorie: 'informatie',
        onderzoek: 'intern',
        uitkomst: 'gegrond',
        maatregelen: ['waarschuwing'],
      },
    ]);
    expect(JSON.stringify(r.zaken)).not.toMatch(/m[123]|2019-/);
  });

  test('bad options throw a Dutch RangeError', () => {
    expect(() => buildJaarverslag({}, { jaar: 2024.5, organisatie: 'X' })).toThrow(/Ongeldig jaar/);
    expect(() => buildJaarverslag({}, { jaar: 2024, organisatie: 'X', years: 0 })).toThrow(/aantal jaren/);
  });
});

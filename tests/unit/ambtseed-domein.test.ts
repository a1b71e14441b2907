import {
  ambtseedDeadline,
  amsterdamNaarUtc,
  BoekingFout,
  capaciteitsPrognose,
  dueHerinneringen,
  planAnnulering,
  planBoeking,
  planSessieAnnulering,
  planSessieWijziging,
  planVerzetten,
  sessieKeuze,
  toonKloktijd,
  toonTijd,
  verplichtingen,
  verplichtingenVan,
  volgendKwartaal,
  weekOverzicht,
  type Inschrijving,
  type NieuweMedewerker,
  type Sessie,
} from '@shared/domain/ambtseed';

const cfg = { termijn: { maanden: 2, dagen: 0 }, workshopVerplicht: true };

function sessie(id: string, start: string, capaciteit = 2, soort: Sessie['soort'] = 'ambtseed'): Sessie {
  return {
    sessieId: id,
    start,
    eind: new Date(Date.parse(start) + 3600_000).toISOString(),
    soort,
    locatie: 'Provinciehuis',
    online: false,
    afnemer: 'de provinciesecretaris',
    capaciteit,
  };
}
function inschr(id: string, sessieId: string, medewerker: string, status: Inschrijving['status']): Inschrijving {
  return {
    inschrijvingId: id,
    sessieId,
    medewerker,
    dienstverband: 'arbeidsovereenkomst',
    indienstOp: '2026-11-01',
    status,
    vorm: null,
    afgelegdOp: null,
  };
}
const aanvraag = (sessieId: string, medewerker: string) => ({
  sessieId,
  medewerker,
  dienstverband: 'arbeidsovereenkomst' as const,
  indienstOp: '2026-11-01',
  vorm: 'belofte' as const,
});

describe('wat een nieuwe medewerker verschuldigd is', () => {
  it('arbeidsovereenkomst: eed/belofte (+ workshop als verplicht); extern en stagiair: integriteitsverklaring', () => {
    expect(verplichtingen('arbeidsovereenkomst', { workshopVerplicht: true })).toEqual({
      ambtseed: true,
      integriteitsverklaring: false,
      workshop: true,
    });
    expect(verplichtingen('extern', { workshopVerplicht: true })).toEqual({
      ambtseed: false,
      integriteitsverklaring: true,
      workshop: true,
    });
    expect(verplichtingen('stagiair', { workshopVerplicht: false })).toEqual({
      ambtseed: false,
      integriteitsverklaring: true,
      workshop: false,
    });
  });
  it('deadline = indienstOp + termijn (maanden, dan dagen; maandeinde afgekapt)', () => {
    expect(ambtseedDeadline('2026-11-01', { maanden: 2, dagen: 0 })).toBe('2027-01-01');
    expect(ambtseedDeadline('2026-12-31', { maanden: 2, dagen: 0 })).toBe('2027-02-28');
    expect(ambtseedDeadline('2026-03-10', { maanden: 0, dagen: 30 })).toBe('2026-04-09');
    expect(ambtseedDeadline('2026-01-15', { maanden: 1, dagen: 10 })).toBe('2026-02-25');
  });
});

describe('boekingsregels', () => {
  const now = new Date('2026-11-02T09:00:00Z');
  const sessies = [
    sessie('S-LAAT', '2027-02-10T09:00:00Z'),
    sessie('S-VOL', '2026-11-20T09:00:00Z', 1),
    sessie('S-VRIJ', '2026-12-01T09:00:00Z'),
    sessie('S-OUD', '2026-10-01T09:00:00Z'),
    sessie('S-WEG', '2026-11-25T09:00:00Z', 0),
    sessie('S-WS', '2026-11-15T09:00:00Z', 10, 'workshopIntegriteit'),
  ];
  const inschrijvingen = [inschr('S-VOL#00001', 'S-VOL', 'x', 'ingeschreven')];

  it('toont eerst bijeenkomsten voor de deadline met vrije plaatsen, dan volle, dan later; geen voorbije of geannuleerde', () => {
    const k = sessieKeuze(sessies, inschrijvingen, { soort: 'ambtseed', deadline: '2027-01-01', now });
    expect(k.map((x) => x.sessie.sessieId)).toEqual(['S-VRIJ', 'S-VOL', 'S-LAAT']);
    expect(k.map((x) => [x.vrij, x.voorDeadline])).toEqual([
      [2, true],
      [0, true],
      [2, false],
    ]);
  });

  it('boekt een vrije plaats en zet op de wachtlijst als de bijeenkomst vol is', () => {
    const snap = { sessies, inschrijvingen };
    expect(planBoeking(snap, aanvraag('S-VRIJ', 'a'), now).resultaat).toMatchObject({
      inschrijvingId: 'S-VRIJ#00001',
      status: 'ingeschreven',
      vorm: 'belofte',
    });
    expect(planBoeking(snap, aanvraag('S-VOL', 'a'), now).resultaat).toMatchObject({ inschrijvingId: 'S-VOL#00002', status: 'wachtlijst' });
  });

  it('weigert een geannuleerde of voorbije bijeenkomst en een tweede inschrijving van dezelfde soort', () => {
    const snap = { sessies, inschrijvingen };
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as BoekingFout).code;
      }
      return 'geen fout';
    };
    expect(code(() => planBoeking(snap, aanvraag('S-WEG', 'a'), now))).toBe('SESSIE_GEANNULEERD');
    expect(code(() => planBoeking(snap, aanvraag('S-OUD', 'a'), now))).toBe('SESSIE_BEGONNEN');
    expect(code(() => planBoeking(snap, aanvraag('S-LAAT', 'x'), now))).toBe('AL_INGESCHREVEN');
    expect(code(() => planBoeking(snap, aanvraag('S-ONBEKEND', 'a'), now))).toBe('SESSIE_ONBEKEND');
    // a workshop is another kind: allowed next to an ambtseed booking
    expect(planBoeking(snap, aanvraag('S-WS', 'x'), now).resultaat?.vorm).toBeNull();
  });

  it('annuleren geeft de plaats aan de eerste op de wachtlijst (FIFO)', () => {
    const snap = {
      sessies,
      inschrijvingen: [
        inschr('S-VOL#00001', 'S-VOL', 'x', 'ingeschreven'),
        inschr('S-VOL#00003', 'S-VOL', 'c', 'wachtlijst'),
        inschr('S-VOL#00002', 'S-VOL', 'b', 'wachtlijst'),
      ],
    };
    const p = planAnnulering(snap, 'S-VOL#00001', now);
    expect(p.resultaat?.status).toBe('geannuleerd');
    expect(p.gepromoveerd.map((i) => [i.medewerker, i.status])).toEqual([['b', 'ingeschreven']]);
    // cancelling a waitlisted person frees no place
    expect(planAnnulering(snap, 'S-VOL#00003', now).gepromoveerd).toEqual([]);
    expect(() =>
      planAnnulering({ sessies, inschrijvingen: [inschr('S-VOL#00001', 'S-VOL', 'x', 'geannuleerd')] }, 'S-VOL#00001', now),
    ).toThrow(BoekingFout);
  });

  it('verzetten annuleert de oude en boekt de nieuwe in één plan; de wachtlijst van de oude schuift door', () => {
    const snap = {
      sessies,
      inschrijvingen: [inschr('S-VOL#00001', 'S-VOL', 'x', 'ingeschreven'), inschr('S-VOL#00002', 'S-VOL', 'b', 'wachtlijst')],
    };
    const p = planVerzetten(snap, 'S-VOL#00001', 'S-VRIJ', now);
    expect(p.geannuleerd.map((i) => i.inschrijvingId)).toEqual(['S-VOL#00001']);
    expect(p.resultaat).toMatchObject({ sessieId: 'S-VRIJ', medewerker: 'x', status: 'ingeschreven' });
    expect(p.gepromoveerd.map((i) => i.medewerker)).toEqual(['b']);
    expect(() => planVerzetten(snap, 'S-VOL#00001', 'S-WS', now)).toThrow(/dezelfde soort/);
  });

  it('HR: annuleren van een bijeenkomst annuleert alle inschrijvingen; meer capaciteit promoveert, minder dan bezet wordt geweigerd', () => {
    const snap = {
      sessies,
      inschrijvingen: [
        inschr('S-VOL#00001', 'S-VOL', 'x', 'ingeschreven'),
        inschr('S-VOL#00002', 'S-VOL', 'b', 'wachtlijst'),
        inschr('S-VOL#00003', 'S-VOL', 'c', 'wachtlijst'),
      ],
    };
    const a = planSessieAnnulering(snap, 'S-VOL');
    expect(a.sessie?.capaciteit).toBe(0);
    expect(a.geannuleerd.map((i) => i.medewerker).sort()).toEqual(['b', 'c', 'x']);
    const w = planSessieWijziging(snap, 'S-VOL', { capaciteit: 2 }, now);
    expect(w.gepromoveerd.map((i) => i.medewerker)).toEqual(['b']);
    expect(() =>
      planSessieWijziging(
        {
          sessies,
          inschrijvingen: [inschr('S-VRIJ#00001', 'S-VRIJ', 'x', 'ingeschreven'), inschr('S-VRIJ#00002', 'S-VRIJ', 'y', 'ingeschreven')],
        },
        'S-VRIJ',
        { capaciteit: 1 },
        now,
      ),
    ).toThrow(/minstens 2/);
  });
});

describe('tijdzone en zomertijd (Europe/Amsterdam)', () => {
  // Last Sunday of March 2026 = 29 March (clocks 02:00 CET → 03:00 CEST); of October 2026 = 25 October (03:00 CEST → 02:00 CET).
  it('een bijeenkomst om 10:00 op de laatste zondag van maart is 08:00 UTC (UTC+2)', () => {
    expect(amsterdamNaarUtc('2026-03-29', '10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(toonKloktijd('2026-03-29T08:00:00.000Z')).toBe('10:00');
    expect(toonTijd('2026-03-29T08:00:00.000Z', 'nl')).toBe('zo 29 mrt 2026, 10:00');
  });
  it('een bijeenkomst om 10:00 op de laatste zondag van oktober is 09:00 UTC (UTC+1)', () => {
    expect(amsterdamNaarUtc('2026-10-25', '10:00')).toBe('2026-10-25T09:00:00.000Z');
    expect(toonTijd('2026-10-25T09:00:00.000Z', 'en')).toBe('Sun 25 Oct 2026, 10:00');
  });
  it('de overgeslagen klokuur bestaat niet', () => {
    expect(() => amsterdamNaarUtc('2026-03-29', '02:30')).toThrow(/bestaat niet/);
    expect(amsterdamNaarUtc('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(amsterdamNaarUtc('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('herinneringen met een nep-klok', () => {
  const nm: NieuweMedewerker[] = [
    { medewerkerId: 'mw-a', indienstOp: '2026-11-01', dienstverband: 'arbeidsovereenkomst', workshopGevolgdOp: null },
    { medewerkerId: 'mw-b', indienstOp: '2026-11-01', dienstverband: 'extern', workshopGevolgdOp: '2026-11-10' },
  ];
  const sessies = [sessie('S-1', '2026-12-15T09:00:00Z', 20)];

  it('niet-geboekte nieuwe medewerkers krijgen er één 14 en één 3 dagen voor de deadline; geboekten de dag ervoor', () => {
    // mw-a deadline 2027-01-01: owes ambtseed (booked S-1 on 15 Dec) and workshop (open). mw-b: verklaring open.
    const inschrijvingen = [inschr('S-1#00001', 'S-1', 'mw-a', 'ingeschreven')];
    const verzonden = new Map<string, string>();
    for (let d = Date.parse('2026-11-01T07:00:00Z'); d <= Date.parse('2027-01-05T07:00:00Z'); d += 86400_000) {
      const now = new Date(d);
      for (const h of dueHerinneringen(now, nm, inschrijvingen, sessies, cfg))
        if (!verzonden.has(h.dedupeKey)) verzonden.set(h.dedupeKey, now.toISOString().slice(0, 10));
    }
    expect(Object.fromEntries(verzonden)).toEqual({
      'ambtseed:welkom:mw-a': '2026-11-01',
      'ambtseed:welkom:mw-b': '2026-11-01',
      'ambtseed:dagVoor:S-1#00001': '2026-12-14',
      'ambtseed:deadline14:workshopIntegriteit:mw-a:2027-01-01': '2026-12-18',
      'ambtseed:deadline3:workshopIntegriteit:mw-a:2027-01-01': '2026-12-29',
      'ambtseed:deadline14:integriteitsverklaring:mw-b:2027-01-01': '2026-12-18',
      'ambtseed:deadline3:integriteitsverklaring:mw-b:2027-01-01': '2026-12-29',
    });
  });

  it('een gemiste dag haalt de herinnering de volgende dag in (venster), en wie boekt krijgt er geen meer', () => {
    const r = dueHerinneringen(new Date('2026-12-20T07:00:00Z'), nm, [], sessies, cfg);
    expect(r.filter((h) => h.medewerker === 'mw-a').map((h) => [h.soort, h.onderwerp, h.dagenTotDeadline])).toEqual([
      ['welkom', 'ambtseed', 12],
      ['deadline14', 'ambtseed', 12],
      ['deadline14', 'workshopIntegriteit', 12],
    ]);
    const geboekt = [inschr('S-1#00001', 'S-1', 'mw-a', 'wachtlijst')];
    expect(
      dueHerinneringen(new Date('2026-12-20T07:00:00Z'), nm, geboekt, sessies, cfg).filter(
        (h) => h.onderwerp === 'ambtseed' && h.soort !== 'welkom',
      ),
    ).toEqual([]);
  });

  it('het weekoverzicht voor HR telt achterstallige nieuwe medewerkers per dienstverband, zonder namen', () => {
    const o = weekOverzicht(new Date('2027-01-04T07:00:00Z'), nm, [inschr('S-1#00001', 'S-1', 'mw-a', 'afgelegd')], sessies, cfg);
    // mw-a: ambtseed afgelegd but workshop open past 2027-01-01 → overdue; mw-b: verklaring open → overdue.
    expect(o).toEqual({
      week: '2027-W01',
      achterstallig: 2,
      achterstalligPerDienstverband: { arbeidsovereenkomst: 1, extern: 1, stagiair: 0 },
      binnenkortZonderBoeking: 0,
      ingeschreven: 0,
      wachtlijst: 0,
    });
    expect(JSON.stringify(o)).not.toMatch(/mw-/);
  });
});

describe('aanwezigheid telt mee in de status', () => {
  it('afgelegd maakt de verplichting voldaan; workshopGevolgdOp ook', () => {
    const m: NieuweMedewerker = {
      medewerkerId: 'mw-a',
      indienstOp: '2026-11-01',
      dienstverband: 'arbeidsovereenkomst',
      workshopGevolgdOp: '2026-11-20',
    };
    const s = [sessie('S-1', '2026-12-15T09:00:00Z', 20)];
    expect(
      verplichtingenVan(m, [{ ...inschr('S-1#00001', 'S-1', 'mw-a', 'afgelegd'), vorm: 'eed', afgelegdOp: '2026-12-15' }], s, cfg).map(
        (v) => [v.soort, v.status],
      ),
    ).toEqual([
      ['ambtseed', 'voldaan'],
      ['workshopIntegriteit', 'voldaan'],
    ]);
    expect(verplichtingenVan(m, [inschr('S-1#00001', 'S-1', 'mw-a', 'afwezig')], s, cfg)[0].status).toBe('open');
  });
});

describe('capaciteitsprognose', () => {
  it('vergelijkt de gemiddelde kwartaalinstroom plus achterstand met de vrije plaatsen van volgend kwartaal', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(volgendKwartaal('2026-11-29')).toEqual({ kwartaal: '2027-Q1', van: '2027-01-01', tot: '2027-03-31' });
    // 90 arbeidsovereenkomst hires over the last 12 months (2025-12-15 .. 2026-11-20), of which 10 without booking:
    const nm: NieuweMedewerker[] = [];
    for (let i = 0; i < 90; i++)
      nm.push({
        medewerkerId: `m${i}`,
        indienstOp: i < 80 ? '2026-01-15' : '2026-11-20',
        dienstverband: 'arbeidsovereenkomst',
        workshopGevolgdOp: null,
      });
    nm.push({ medewerkerId: 'oud', indienstOp: '2025-11-29', dienstverband: 'arbeidsovereenkomst', workshopGevolgdOp: null }); // exactly 12 months ago: outside
    const inschrijvingen: Inschrijving[] = nm
      .slice(0, 80)
      .map((m, i) => ({ ...inschr(`OUD#${i}`, 'OUD', m.medewerkerId, 'afgelegd'), vorm: 'eed' }));
    inschrijvingen.push({ ...inschr('OUD#x', 'OUD', 'oud', 'afgelegd'), vorm: 'eed' });
    const sessies = [
      sessie('OUD', '2026-02-10T09:00:00Z', 25),
      sessie('Q1-a', '2027-01-20T09:00:00Z', 25),
      sessie('Q1-b', '2027-03-10T09:00:00Z', 20),
      sessie('Q2', '2027-04-10T09:00:00Z', 25),
    ];
    const [p] = capaciteitsPrognose(now, nm, sessies, inschrijvingen, { termijn: cfg.termijn, workshopVerplicht: false });
    // inflow 90 → ceil(90/4) = 23 per quarter; backlog 10; demand 33; supply 25 + 20 = 45 → enough.
    expect(p).toMatchObject({
      soort: 'ambtseed',
      kwartaal: '2027-Q1',
      instroom12Maanden: 90,
      verwachteInstroom: 23,
      achterstand: 10,
      vraag: 33,
      aanbod: 45,
      sessiesGepland: 2,
      tekort: 0,
      toereikend: true,
      extraSessies: 0,
    });
    // Without Q1-b: supply 25, shortfall 8; typical capacity = median(20? no: 25,25,25) = 25 → 1 extra session.
    const [q] = capaciteitsPrognose(
      now,
      nm,
      sessies.filter((s) => s.sessieId !== 'Q1-b'),
      inschrijvingen,
      { termijn: cfg.termijn, workshopVerplicht: false },
    );
    expect(q).toMatchObject({ aanbod: 25, tekort: 8, toereikend: false, standaardCapaciteit: 25, extraSessies: 1 });
  });
});

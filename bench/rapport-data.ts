/**
 * The data and the baseline of the report benchmarks (bench/report on SQLite, bench/scale on PostgreSQL):
 * `vulRapportLijsten` writes ~N items over the report's lists, `telBaseline` turns raw SQL `GROUP BY` rows
 * (named queries, the same columns in both dialects) into the report's counts, so the report's figures can
 * be checked against an independent computation.
 */
import { legeJaarCijfers, type JaarCijfers } from '@shared/report';
import type { ListStore } from '@shared/store/list-store';
import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DIENSTVERBANDEN,
  DOELGROEPEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  ONDERWERPEN,
  SITUATIES,
  UITKOMSTEN,
  VP_SOORTEN,
  DOORVERWIJZINGEN,
  ONDERZOEKEN,
  type ListName,
} from '@shared/lists/definitions';
import { prng } from '@shared/cli/seed';

/** The report year of the benchmarks; data covers `years` years up to it. */
export const JAAR = 2024;

/**
 * Build ~`n` items over the report lists and `years` years (up to JAAR = 2024) and write them with
 * `store.addMany` (any ListStore: SQLite for bench/report, PostgreSQL for bench/scale).
 * @returns the number of items per list.
 */
export async function vulRapportLijsten(store: ListStore, n: number, years: number): Promise<Record<string, number>> {
  const N = n;
  const YEARS = years;
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const jaar = (i: number) => JAAR - YEARS + 1 + (i % YEARS);
  // Days 1–16 plus at most 12 days stay ≤ 28: SQLite's '+3 months' overflows at month ends (30 Nov → 1 Mar)
  // where the Wbk rule clamps (→ 28/29 Feb), so the baseline would differ only there.
  const dag = (y: number) =>
    `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 16)).padStart(2, '0')}`;
  const plusDagen = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const aantallen: Record<string, number> = {};
  const zet = async (list: ListName, items: Record<string, unknown>[]) => {
    await store.addMany(list, items as never);
    aantallen[list] = items.length;
  };
  // MeldwijzerGebruik is keyed (week, situatie): at most 5 × 52 × 7 = 1,820 items.
  const meldwijzer: Record<string, unknown>[] = [];
  for (let y = JAAR - YEARS + 1; y <= JAAR; y++)
    for (let w = 1; w <= 52; w++)
      for (const situatie of SITUATIES)
        meldwijzer.push({ week: `${y}-W${String(w).padStart(2, '0')}`, situatie, aantal: 1 + Math.floor(rnd() * 20) });
  const sessies: Record<string, unknown>[] = [];
  const nSessies = Math.round(N * 0.005);
  for (let i = 0; i < nSessies; i++) {
    const d = dag(jaar(i));
    sessies.push({
      sessieId: `S-${i}`,
      start: `${d}T12:00:00.000Z`,
      eind: `${d}T13:00:00.000Z`,
      soort: i % 4 ? 'ambtseed' : 'workshopIntegriteit',
      locatie: 'Zaal',
      online: false,
      afnemer: 'secretaris',
      capaciteit: 30,
    });
  }
  const rest = N - meldwijzer.length - sessies.length;
  const deel = {
    Gesprekken: 0.3,
    Meldingen: 0.15,
    AmbtseedInschrijvingen: 0.2,
    NieuweMedewerkers: 0.15,
    DilemmaSessies: 0.05,
    AgressieIncidenten: 0.15,
  };
  const deelVan = (f: number) => Math.round(rest * f);
  await zet('MeldwijzerGebruik', meldwijzer);
  await zet('AmbtseedSessies', sessies);
  await zet(
    'Gesprekken',
    Array.from({ length: deelVan(deel.Gesprekken) }, (_, i) => ({
      gesprekId: `G-${i}`,
      datum: dag(jaar(i)),
      vertrouwenspersoon: pick(VP_SOORTEN),
      onderwerp: pick(ONDERWERPEN),
      isMelding: rnd() < 0.5,
      doorverwezen: rnd() < 0.6 ? 'geen' : pick(DOORVERWIJZINGEN),
    })),
  );
  await zet(
    'Meldingen',
    Array.from({ length: deelVan(deel.Meldingen) }, (_, i) => {
      const ontvangenOp = dag(jaar(i));
      const bevestigd = rnd() < 0.9 ? plusDagen(ontvangenOp, Math.floor(rnd() * 12)) : null;
      return {
        meldingId: `M-${i}`,
        ontvangenOp,
        kanaal: 'teams',
        meldpunt: pick(MELDPUNT_SOORTEN),
        soort: pick(MELDING_SOORTEN),
        categorie: pick(CATEGORIEEN),
        betrokkene: 'ambtenaar',
        anoniem: rnd() < 0.2,
        onderzoek: pick(ONDERZOEKEN),
        uitkomst: pick(UITKOMSTEN),
        maatregelen: [...new Set([pick(MAATREGELEN), pick(MAATREGELEN)])],
        ontvangstbevestigdOp: bevestigd,
        terugkoppelingOp: bevestigd && rnd() < 0.8 ? plusDagen(bevestigd, Math.floor(rnd() * 120)) : null,
        afgeslotenOp: null,
        bewaarTot: null,
      };
    }),
  );
  await zet(
    'AmbtseedInschrijvingen',
    Array.from({ length: deelVan(deel.AmbtseedInschrijvingen) }, (_, i) => {
      const s = i % nSessies;
      const afgelegd = rnd() < 0.8;
      const start = String(sessies[s].start).slice(0, 10);
      return {
        inschrijvingId: `I-${i}`,
        sessieId: `S-${s}`,
        medewerker: `obj-${i}`,
        dienstverband: pick(DIENSTVERBANDEN),
        indienstOp: start,
        status: afgelegd ? 'afgelegd' : 'geannuleerd',
        vorm: afgelegd ? pick(['eed', 'belofte', 'integriteitsverklaring'] as const) : null,
        afgelegdOp: afgelegd ? start : null,
      };
    }),
  );
  await zet(
    'NieuweMedewerkers',
    Array.from({ length: deelVan(deel.NieuweMedewerkers) }, (_, i) => {
      const indienstOp = dag(jaar(i));
      return {
        medewerkerId: `mw-${i}`,
        indienstOp,
        dienstverband: pick(DIENSTVERBANDEN),
        workshopGevolgdOp: rnd() < 0.7 ? plusDagen(indienstOp, Math.floor(rnd() * 90)) : null,
      };
    }),
  );
  await zet(
    'DilemmaSessies',
    Array.from({ length: deelVan(deel.DilemmaSessies) }, (_, i) => ({
      sessieId: `D-${i}`,
      datum: dag(jaar(i)),
      werkvorm: 'dilemmaspel',
      doelgroep: pick(DOELGROEPEN),
      deelnemers: 3 + Math.floor(rnd() * 20),
      dilemmaIds: null,
    })),
  );
  await zet(
    'AgressieIncidenten',
    Array.from({ length: deelVan(deel.AgressieIncidenten) }, (_, i) => ({
      incidentId: `A-${i}`,
      datum: dag(jaar(i)),
      soort: [...new Set([pick(AGRESSIE_SOORTEN), pick(AGRESSIE_SOORTEN)])],
      maatregelen: rnd() < 0.5 ? [pick(AGRESSIE_MAATREGELEN)] : [],
    })),
  );
  return aantallen;
}

/** The named baseline queries (one `GROUP BY` each); both dialects return the same column names. */
export type BaselineNaam =
  | 'gesprekken'
  | 'meldingen'
  | 'meldingMaatregelen'
  | 'ambtseed'
  | 'bijeenkomsten'
  | 'indienst'
  | 'workshop'
  | 'dilemma'
  | 'agressie'
  | 'agressieSoort'
  | 'agressieMaatregelen'
  | 'meldwijzer';
/** One row of a baseline query. */
export type BaselineRij = Record<string, string | number | boolean | null>;
/** The queries of one SQL dialect with their parameters. */
export type BaselineQueries = Record<BaselineNaam, { sql: string; params: unknown[] }>;

/** The SQLite baseline over the tables of SqliteListStore (`?` parameters; dates as text, multichoice as JSON). */
export function sqliteBaseline(years: number): BaselineQueries {
  const eerste = JAAR - years + 1;
  const van = `${eerste}-01-01`;
  const tot = `${JAAR}-12-31`;
  return {
    gesprekken: {
      sql: `SELECT substr(datum,1,4) j, onderwerp o, isMelding m, vertrouwenspersoon v, doorverwezen <> 'geen' d, count(*) n FROM list_Gesprekken WHERE datum BETWEEN ? AND ? GROUP BY 1,2,3,4,5`,
      params: [van, tot],
    },
    meldingen: {
      sql: `SELECT substr(ontvangenOp,1,4) j, soort s, categorie k, anoniem a, uitkomst u, count(*) n,
       sum(ontvangstbevestigdOp IS NOT NULL AND ontvangstbevestigdOp <= date(ontvangenOp, '+7 days')) b7,
       sum(terugkoppelingOp IS NOT NULL AND ontvangstbevestigdOp IS NOT NULL AND terugkoppelingOp <= date(ontvangstbevestigdOp, '+3 months')) t3
     FROM list_Meldingen WHERE ontvangenOp BETWEEN ? AND ? GROUP BY 1,2,3,4,5`,
      params: [van, tot],
    },
    meldingMaatregelen: {
      sql: `SELECT substr(ontvangenOp,1,4) j, e.value v, count(DISTINCT _key) n FROM list_Meldingen, json_each(maatregelen) e WHERE ontvangenOp BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    ambtseed: {
      sql: `SELECT substr(afgelegdOp,1,4) j, vorm v, count(*) n FROM list_AmbtseedInschrijvingen WHERE status = 'afgelegd' AND afgelegdOp BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    bijeenkomsten: {
      sql: `SELECT substr(start,1,4) j, count(*) n FROM list_AmbtseedSessies s WHERE soort = 'ambtseed' AND start BETWEEN ? AND ?
       AND EXISTS (SELECT 1 FROM list_AmbtseedInschrijvingen i WHERE i.sessieId = s.sessieId AND i.status = 'afgelegd') GROUP BY 1`,
      params: [van, `${tot}T23:59:59.999Z`],
    },
    indienst: {
      sql: `SELECT substr(indienstOp,1,4) j, dienstverband d, count(*) n FROM list_NieuweMedewerkers WHERE indienstOp BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    workshop: {
      sql: `SELECT substr(workshopGevolgdOp,1,4) j, count(*) n FROM list_NieuweMedewerkers WHERE workshopGevolgdOp BETWEEN ? AND ? GROUP BY 1`,
      params: [van, tot],
    },
    dilemma: {
      sql: `SELECT substr(datum,1,4) j, doelgroep g, count(*) n, sum(deelnemers) d FROM list_DilemmaSessies WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    agressie: {
      sql: `SELECT substr(datum,1,4) j, count(*) n FROM list_AgressieIncidenten WHERE datum BETWEEN ? AND ? GROUP BY 1`,
      params: [van, tot],
    },
    agressieSoort: {
      sql: `SELECT substr(datum,1,4) j, e.value v, count(DISTINCT _key) n FROM list_AgressieIncidenten, json_each(soort) e WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    agressieMaatregelen: {
      sql: `SELECT substr(datum,1,4) j, e.value v, count(DISTINCT _key) n FROM list_AgressieIncidenten, json_each(maatregelen) e WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
      params: [van, tot],
    },
    meldwijzer: {
      sql: `SELECT substr(week,1,4) j, situatie s, sum(aantal) n FROM list_MeldwijzerGebruik WHERE week BETWEEN ? AND ? GROUP BY 1,2`,
      params: [`${eerste}-W00`, `${JAAR}-W99`],
    },
  };
}

/** The report's counts per year from the baseline rows (the same arithmetic for every dialect). */
export function telBaseline(rijen: Record<BaselineNaam, BaselineRij[]>, years: number): Record<string, JaarCijfers> {
  const cijfers: Record<string, JaarCijfers> = {};
  for (let j = JAAR - years + 1; j <= JAAR; j++) cijfers[String(j)] = legeJaarCijfers(j);
  const c = (j: unknown) => cijfers[String(j)];
  for (const r of rijen.gesprekken) {
    const g = c(r.j).gesprekken;
    const n = r.n as number;
    g.totaal += n;
    g.perOnderwerp[r.o as 'integriteit'] += n;
    if (r.m) {
      g.meldingen += n;
      g.meldingenPerOnderwerp[r.o as 'integriteit'] += n;
    }
    if (r.v === 'extern') g.extern += n;
    if (r.d) g.doorverwezen += n;
  }
  for (const r of rijen.meldingen) {
    const m = c(r.j).meldingen;
    const w = c(r.j).wbk;
    const n = r.n as number;
    m.totaal += n;
    m.perSoort[r.s as 'zakelijk'] += n;
    m.perCategorie[r.k as 'informatie'] += n;
    if (r.a) {
      m.anoniem += n;
      const a = c(r.j).anoniemeMeldingen;
      a.ontvangen += n;
      a.perSoort[r.s as 'zakelijk'] += n;
      a.perUitkomst[r.u as 'gegrond'] += n;
    }
    m.perUitkomst[r.u as 'gegrond'] += n;
    w.ontvangstbevestigdBinnen7Dagen.van += n;
    w.terugkoppelingBinnen3Maanden.van += n;
    w.ontvangstbevestigdBinnen7Dagen.aantal += r.b7 as number;
    w.terugkoppelingBinnen3Maanden.aantal += r.t3 as number;
  }
  for (const r of rijen.meldingMaatregelen) {
    c(r.j).meldingen.perMaatregel[r.v as 'geen'] += r.n as number;
  }
  for (const r of rijen.ambtseed) {
    const a = c(r.j).ambtseed;
    if (r.v === 'eed' || r.v === 'belofte' || r.v === 'integriteitsverklaring') a[r.v] += r.n as number;
    a.afgelegd = a.eed + a.belofte;
  }
  for (const r of rijen.bijeenkomsten) {
    c(r.j).ambtseed.bijeenkomsten += r.n as number;
  }
  for (const r of rijen.indienst) {
    const o = c(r.j).onboarding;
    o.nieuweMedewerkers += r.n as number;
    o[r.d as 'extern'] += r.n as number;
  }
  for (const r of rijen.workshop) {
    c(r.j).onboarding.workshopDeelnemers += r.n as number;
  }
  for (const r of rijen.dilemma) {
    const d = c(r.j).dilemma;
    d.sessies += r.n as number;
    d.bereik += r.d as number;
    d.perDoelgroep[r.g as 'afdeling'] = { sessies: r.n as number, deelnemers: r.d as number };
  }
  for (const r of rijen.agressie) {
    c(r.j).agressie.incidenten += r.n as number;
  }
  for (const r of rijen.agressieSoort) {
    c(r.j).agressie.perSoort[r.v as 'verbaal'] += r.n as number;
  }
  for (const r of rijen.agressieMaatregelen) {
    c(r.j).agressie.perMaatregel[r.v as 'herstelgesprek'] += r.n as number;
  }
  for (const r of rijen.meldwijzer) {
    const m = c(r.j).meldwijzer;
    m.raadplegingen += r.n as number;
    m.perSituatie[r.s as 'dilemma'] += r.n as number;
  }
  return cijfers;
}

/** Paths where two count trees differ (`2023.meldingen.perMaatregel.geen: 12 vs 13`). */
export function verschillen(a: unknown, b: unknown, pad = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      verschillen((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], pad ? `${pad}.${k}` : k),
    );
  }
  return a === b ? [] : [`${pad}: sql ${JSON.stringify(a)} vs report ${JSON.stringify(b)}`];
}

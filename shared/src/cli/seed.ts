/**
 * Synthetic demo data for `npm start` (and `npm run seed`): three calendar years of list items in realistic
 * volumes for an organisation of ~2,000 employees, the registers included (`seed-registers.ts`). Deterministic (seeded PRNG), no real names anywhere;
 * employee ids are opaque (`demo-mw-…`).
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import { loadOrgConfig } from '../config';
import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DOELGROEPEN,
  DOORVERWIJZINGEN,
  MAATREGELEN,
  ONDERWERPEN,
  SITUATIES,
  type ListName,
} from '../lists/definitions';
import type { ListItemInput } from '../lists/schemas';
import { gebruikersMetRol } from '../domain/rollen';
import { isoWeek, plusDagen, vandaag } from '../domain/tijd';
import { LokaleStaat } from '../store/lokaal';
import { SqliteListStore } from '../store/sqlite-list-store';
import type { ListStore } from '../store/list-store';
import { beeindig, standaardUitvoer } from './uitvoer';
import { buildRegisterDemo, DEMO_REGISTER_INSTELLINGEN, type RegisterInstellingen } from './seed-registers';

/** Deterministic PRNG (mulberry32): same seed, same demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Items = { [L in ListName]: ListItemInput<L>[] };

/** A session start at 14:00 Europe/Amsterdam on `day`, moved to the Tuesday after when it falls on a weekend. */
function sessieStart(day: Date): Date {
  const dow = day.getUTCDay();
  const d = dow === 6 ? addDays(day, 3) : dow === 0 ? addDays(day, 2) : day;
  return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 14, 0, 0, 'Europe/Amsterdam').getTime());
}

/**
 * Build the demo items for the years `until.year - 2 … until.year`, up to `until` (a `YYYY-MM-DD` date), including
 * the registers (nevenwerkzaamheden, financiële belangen, VOG, extra anonymous meldingen: `seed-registers.ts`,
 * following `registers`, the organisation's function settings).
 * @returns items per list; pure (no I/O).
 */
export function buildDemoData(
  until: string,
  dilemmaIds: string[] = ['D-001', 'D-002', 'D-003'],
  seed = 2026,
  registers: RegisterInstellingen = DEMO_REGISTER_INSTELLINGEN,
): Items {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lastYear = Number(until.slice(0, 4));
  const out: Items = {
    Meldingen: [],
    Gesprekken: [],
    AmbtseedSessies: [],
    AmbtseedInschrijvingen: [],
    Dilemmas: [],
    DilemmaStemmen: [],
    DilemmaSessies: [],
    AgressieIncidenten: [],
    NieuweMedewerkers: [],
    MeldwijzerGebruik: [],
    // The registers come from buildRegisterDemo below.
    VogFunctiehouders: [],
    VogAanvragen: [],
    Functiebezetting: [],
    Nevenwerkzaamheden: [],
    NevenwerkHerbevestigingen: [],
  };
  const fmt = (d: Date) => format(d, 'yyyy-MM-dd');
  const dayIn = (year: number) => {
    const start = new Date(Date.UTC(year, 0, 1, 12));
    const d = addDays(start, int(0, 364));
    return fmt(d) > until ? undefined : fmt(d);
  };
  const weighted = <T extends string>(entries: [T, number][]): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries[0][0];
  };

  for (let year = lastYear - 2; year <= lastYear; year++) {
    // Gesprekken met vertrouwenspersonen: ~25-40 a year.
    for (let i = 1, n = int(25, 40); i <= n; i++) {
      const datum = dayIn(year);
      if (!datum) continue;
      out.Gesprekken.push({
        gesprekId: `G-${year}-${String(i).padStart(4, '0')}`,
        datum,
        vertrouwenspersoon: rnd() < 0.25 ? 'extern' : 'intern',
        onderwerp: weighted(ONDERWERPEN.map((o, k) => [o, [3, 9, 1, 5, 4, 5][k]] as [typeof o, number])),
        isMelding: rnd() < 0.7,
        doorverwezen: rnd() < 0.6 ? 'geen' : pick(DOORVERWIJZINGEN.slice(1)),
      });
    }
    // Meldingen: ~8-15 a year.
    for (let i = 1, n = int(8, 15); i <= n; i++) {
      const ontvangenOp = dayIn(year);
      if (!ontvangenOp) continue;
      const soort = weighted([
        ['zakelijk', 5],
        ['sociaal', 5],
        ['vermoedenMisstand', 1],
      ] as const);
      const categorie =
        soort === 'sociaal'
          ? 'ongewensteOmgangsvormen'
          : soort === 'vermoedenMisstand'
            ? 'misstand'
            : pick(CATEGORIEEN.filter((c) => c !== 'ongewensteOmgangsvormen' && c !== 'misstand'));
      const ontvangen = new Date(`${ontvangenOp}T12:00:00Z`);
      const bevestigd = addDays(ontvangen, int(1, 10));
      const teruggekoppeld = addDays(addMonths(bevestigd, 2), int(0, 45));
      const afgesloten = fmt(teruggekoppeld) <= until && rnd() < 0.85 ? fmt(teruggekoppeld) : null;
      const uitkomst = afgesloten
        ? weighted([
            ['gegrond', 5],
            ['ongegrond', 3],
            ['nietOnderzoekswaardig', 1],
            ['geenSchending', 2],
          ] as const)
        : 'lopend';
      out.Meldingen.push({
        meldingId: `M-${year}-${String(i).padStart(4, '0')}`,
        ontvangenOp,
        kanaal: pick(['schriftelijk', 'telefonisch', 'gesprek', 'teams'] as const),
        meldpunt: weighted([
          ['leidinggevende', 5],
          ['vertrouwenspersoon', 3],
          ['integriteitscoordinator', 3],
          ['secretaris', 1],
          ['extern', 1],
        ] as const),
        soort,
        categorie,
        betrokkene: rnd() < 0.9 ? 'ambtenaar' : pick(['politiekAmbtsdrager', 'onbekend'] as const),
        anoniem: rnd() < 0.15,
        onderzoek: !afgesloten
          ? pick(['geen', 'vooronderzoek'] as const)
          : uitkomst === 'nietOnderzoekswaardig'
            ? 'vooronderzoek'
            : uitkomst === 'geenSchending'
              ? pick(['vooronderzoek', 'lijn'] as const)
              : pick(['lijn', 'intern', 'extern'] as const),
        uitkomst,
        maatregelen: uitkomst === 'gegrond' ? [pick(MAATREGELEN.slice(1))] : ['geen'],
        ontvangstbevestigdOp: fmt(bevestigd) <= until ? fmt(bevestigd) : null,
        terugkoppelingOp: fmt(teruggekoppeld) <= until ? fmt(teruggekoppeld) : null,
        afgeslotenOp: afgesloten,
        bewaarTot: afgesloten ? fmt(addMonths(teruggekoppeld, 12)) : null,
      });
    }
    // Ambtseed sessions: 10 a year (8 ambtseed, 2 workshops), capacity 20-25.
    const sessies: { id: string; start: string; soort: 'ambtseed' | 'workshopIntegriteit'; capaciteit: number }[] = [];
    for (let i = 1; i <= 10; i++) {
      const month = Math.min(11, Math.floor(((i - 1) * 12) / 10) + 0);
      const day = addDays(new Date(Date.UTC(year, month, 10, 12)), int(0, 14));
      const soort = i % 5 === 0 ? 'workshopIntegriteit' : 'ambtseed';
      const start = sessieStart(day);
      const id = `S-${year}-${String(i).padStart(2, '0')}`;
      const capaciteit = soort === 'ambtseed' ? 25 : 20;
      out.AmbtseedSessies.push({
        sessieId: id,
        start: start.toISOString(),
        eind: new Date(start.getTime() + 90 * 60_000).toISOString(),
        soort,
        ...(rnd() < 0.3 ? { locatie: 'Online (Teams)', online: true } : { locatie: 'Provinciehuis, Statenzaal', online: false }),
        afnemer: 'provinciesecretaris',
        capaciteit,
      });
      sessies.push({ id, start: fmt(start), soort, capaciteit });
    }
    // New hires: ~150 a year, each booked into the first ambtseed session after start with room.
    const taken = new Map<string, number>();
    for (let i = 1, n = int(140, 160); i <= n; i++) {
      const indienstOp = dayIn(year);
      if (!indienstOp) continue;
      const dienstverband = weighted([
        ['arbeidsovereenkomst', 80],
        ['extern', 12],
        ['stagiair', 8],
      ] as const);
      const medewerkerId = `demo-mw-${year}-${String(i).padStart(4, '0')}`;
      const workshop = sessies.find(
        (s) => s.soort === 'workshopIntegriteit' && s.start >= indienstOp && s.start <= until && (taken.get(s.id) ?? 0) < s.capaciteit,
      );
      const workshopGevolgdOp = workshop && rnd() < 0.7 ? workshop.start : null;
      if (workshop && workshopGevolgdOp) taken.set(workshop.id, (taken.get(workshop.id) ?? 0) + 1);
      out.NieuweMedewerkers.push({ medewerkerId, indienstOp, dienstverband, workshopGevolgdOp });
      const sessie = sessies.find((s) => s.soort === 'ambtseed' && s.start >= indienstOp && (taken.get(s.id) ?? 0) < s.capaciteit);
      if (!sessie) continue;
      taken.set(sessie.id, (taken.get(sessie.id) ?? 0) + 1);
      const past = sessie.start <= until;
      const absent = past && rnd() < 0.05;
      out.AmbtseedInschrijvingen.push({
        inschrijvingId: `I-${medewerkerId}`,
        sessieId: sessie.id,
        medewerker: `00000000-0000-4000-8000-${String(year).slice(2)}${String(i).padStart(10, '0')}`,
        dienstverband,
        indienstOp,
        status: !past ? 'ingeschreven' : absent ? 'afwezig' : 'afgelegd',
        vorm:
          !past || absent ? null : dienstverband === 'arbeidsovereenkomst' ? (rnd() < 0.55 ? 'belofte' : 'eed') : 'integriteitsverklaring',
        afgelegdOp: past && !absent ? sessie.start : null,
      });
    }
    // Dilemma sessions: ~15 a year.
    for (let i = 1, n = int(12, 18); i <= n; i++) {
      const datum = dayIn(year);
      if (!datum) continue;
      const werkvorm = weighted([
        ['dilemmaspel', 6],
        ['moreelBeraad', 2],
        ['moreelBeraadLight', 3],
        ['workshop', 2],
      ] as const);
      out.DilemmaSessies.push({
        sessieId: `DS-${year}-${String(i).padStart(3, '0')}`,
        datum,
        werkvorm,
        doelgroep: pick(DOELGROEPEN),
        deelnemers: int(6, 30),
        dilemmaIds: [pick(dilemmaIds), pick(dilemmaIds)].filter((v, k, a) => a.indexOf(v) === k).join(','),
      });
    }
    // Agressie-incidenten: ~15-25 a year.
    for (let i = 1, n = int(15, 25); i <= n; i++) {
      const datum = dayIn(year);
      if (!datum) continue;
      const soort =
        rnd() < 0.2
          ? ['verbaal', pick(AGRESSIE_SOORTEN.slice(1))]
          : [
              weighted([
                ['verbaal', 8],
                ['fysiek', 1],
                ['psychisch', 2],
                ['anders', 1],
              ] as const),
            ];
      const maatregelen = rnd() < 0.6 ? [pick(AGRESSIE_MAATREGELEN)] : [];
      out.AgressieIncidenten.push({
        incidentId: `A-${year}-${String(i).padStart(4, '0')}`,
        datum,
        soort: [...new Set(soort)] as never,
        maatregelen: maatregelen,
      });
    }
    // Meldwijzer use: a few consultations per week per situation.
    for (let w = 0; w < 52; w++) {
      const day = fmt(addDays(new Date(Date.UTC(year, 0, 4, 12)), w * 7));
      if (day > until) break;
      const week = isoWeek(day);
      for (const situatie of SITUATIES) {
        const aantal = Math.max(
          0,
          Math.round(rnd() * ({ ongewenstGedrag: 4, dilemma: 3, zakelijk: 2 } as Record<string, number>)[situatie] || rnd() * 1.5),
        );
        if (aantal > 0) out.MeldwijzerGebruik.push({ week, situatie, aantal });
      }
    }
  }
  // The registers, from a PRNG of their own so the lists above stay as they were.
  const reg = buildRegisterDemo(until, prng(seed + 18), out.Meldingen, registers);
  out.Meldingen.push(...reg.Meldingen);
  out.Functiebezetting = reg.Functiebezetting;
  out.Nevenwerkzaamheden = reg.Nevenwerkzaamheden;
  out.NevenwerkHerbevestigingen = reg.NevenwerkHerbevestigingen;
  out.VogFunctiehouders = reg.VogFunctiehouders;
  out.VogAanvragen = reg.VogAanvragen;
  // Planned sessions in the next three months, so booking and the portal have something to show.
  const base = new Date(`${until}T12:00:00Z`);
  for (let i = 1; i <= 6; i++) {
    const d = addDays(base, i * 14);
    const start = sessieStart(d);
    const soort = i % 3 === 0 ? 'workshopIntegriteit' : 'ambtseed';
    out.AmbtseedSessies.push({
      sessieId: `S-${fmt(start)}-${soort === 'ambtseed' ? 'E' : 'W'}`,
      start: start.toISOString(),
      eind: new Date(start.getTime() + 90 * 60_000).toISOString(),
      soort,
      ...(i % 2 ? { locatie: 'Provinciehuis, Statenzaal', online: false } : { locatie: 'Online (Teams)', online: true }),
      afnemer: soort === 'ambtseed' ? 'provinciesecretaris' : 'integriteitscoördinator',
      capaciteit: soort === 'ambtseed' ? 25 : 20,
    });
  }
  return out;
}

/**
 * Write the organisation's dilemmas (config) and demo items for the last three years into `store`.
 * Idempotent (keys), so running it twice adds nothing.
 * @returns the number of new items per list.
 */
export async function seedDemo(store: ListStore, org = 'demo', until: string = vandaag()): Promise<Record<string, number>> {
  const config = loadOrgConfig(org);
  const created: Record<string, number> = {};
  const dilemmas = config.dilemmas.map((d) => ({
    dilemmaId: d.id,
    titel: d.titel,
    tekst: d.tekst,
    opties: JSON.stringify(d.opties),
    thema: d.thema,
    bron: d.bron,
  }));
  created.Dilemmas = (await store.addMany('Dilemmas', dilemmas)).created;
  const data = buildDemoData(until, dilemmas.map((d) => d.dilemmaId).concat(dilemmas.length ? [] : ['D-001']), 2026, {
    nevenwerkFuncties: config.nevenwerk.functies,
    herbevestigingDatum: config.nevenwerk.herbevestigingDatum,
    vogFuncties: config.vog.functies.map((f) => f.id),
    geldigheidJaren: config.vog.geldigheidJaren,
  });
  for (const [list, items] of Object.entries(data) as [ListName, ListItemInput<ListName>[]][]) {
    if (list === 'Dilemmas') continue;
    created[list] = (await store.addMany(list, items)).created;
  }
  return created;
}

/**
 * The last half-yearly uitvraag round before `until` in the local state (table `intake_uitvraag`, owned by the intake
 * feature's `IntakeStaat`), so "uitvraag status" shows a past round's response and the next date. The round is the
 * latest configured uitvraag date (`intake.uitvraagDatums`, `MM-DD`) at least 21 days before `until` (so its
 * reminder, after 7 days, and its response card, after 14, are past and the daily job does not treat it as running).
 * Everyone configured as vertrouwenspersoon or manager was asked and reached; by position (vertrouwenspersonen
 * first, then managers, each in config order) they answered on day 2 with 2 items, after the reminder (day 7) on
 * day 9 with "niets te melden", on day 1 with 1 item, or not at all after the reminder. Ids and dates only.
 * Idempotent (`ON CONFLICT DO NOTHING`).
 * @returns the cycle (`YYYY-MM-DD`) and the number of rows added, or undefined when no date is configured.
 */
export async function seedUitvraag(
  lokaal: LokaleStaat,
  org = 'demo',
  until: string = vandaag(),
): Promise<{ cyclus: string; rijen: number } | undefined> {
  const config = loadOrgConfig(org);
  const grens = plusDagen(until, -21);
  const jaar = Number(grens.slice(0, 4));
  const cyclus = [jaar, jaar - 1]
    .flatMap((y) => config.intake.uitvraagDatums.map((d) => `${y}-${d}`))
    .filter((d) => d <= grens)
    .sort()
    .pop();
  if (!cyclus) return undefined;
  const mensen = [
    ...gebruikersMetRol(config.rollen, 'vertrouwenspersoon').map((oid) => ({ oid, rol: 'vertrouwenspersoon' })),
    ...gebruikersMetRol(config.rollen, 'manager').map((oid) => ({ oid, rol: 'manager' })),
  ];
  const patronen: { herinnerd: number | null; beantwoord: number | null; aantal: number }[] = [
    { herinnerd: null, beantwoord: 2, aantal: 2 },
    { herinnerd: 7, beantwoord: 9, aantal: 0 },
    { herinnerd: null, beantwoord: 1, aantal: 1 },
    { herinnerd: 7, beantwoord: null, aantal: 0 },
  ];
  let rijen = 0;
  for (const [i, m] of mensen.entries()) {
    const p = patronen[i % patronen.length];
    rijen += await lokaal.voerUit(
      `INSERT INTO intake_uitvraag (cyclus, aad_object_id, rol, gevraagd_op, bereikbaar, herinnerd_op, beantwoord_op, aantal)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (cyclus, aad_object_id) DO NOTHING`,
      [
        cyclus,
        m.oid.trim().toLowerCase(),
        m.rol,
        cyclus,
        p.herinnerd === null ? null : plusDagen(cyclus, p.herinnerd),
        p.beantwoord === null ? null : plusDagen(cyclus, p.beantwoord),
        p.aantal,
      ],
    );
  }
  return { cyclus, rijen };
}

/**
 * Seed the SQLite file `dbPath` with demo data (lists up to `until`, and the last uitvraag round in the local state
 * of the same file) when it holds no items at all.
 * @returns true when it seeded, false when the database already had data.
 */
export async function seedDemoIfEmpty(dbPath: string, org = 'demo', until: string = vandaag()): Promise<boolean> {
  const store = new SqliteListStore(dbPath);
  try {
    const any = await store.query('Meldingen', { pageSize: 1 });
    const anyG = await store.query('Gesprekken', { pageSize: 1 });
    if (any.items.length || anyG.items.length) return false;
    await seedDemo(store, org, until);
  } finally {
    await store.close();
  }
  const lokaal = LokaleStaat.open(dbPath);
  try {
    await seedUitvraag(lokaal, org, until);
  } finally {
    lokaal.close();
  }
  return true;
}

if (require.main === module) {
  (async () => {
    const { databasePathFromEnv } = await import('../store/database');
    const { orgNameFromEnv } = await import('../config');
    const store = new SqliteListStore(databasePathFromEnv());
    const result: Record<string, number> = await seedDemo(store, orgNameFromEnv());
    await store.close();
    const lokaal = LokaleStaat.open(databasePathFromEnv());
    result.uitvraag = (await seedUitvraag(lokaal, orgNameFromEnv()))?.rijen ?? 0;
    lokaal.close();
    standaardUitvoer.out(`Demodata geschreven naar ${databasePathFromEnv()}: ${JSON.stringify(result)}\n`);
    return 0;
  })().then(
    (code) => beeindig(code),
    (err: unknown) => {
      standaardUitvoer.err(`Demodata laden mislukt: ${(err as Error).message}\n`);
      return beeindig(1);
    },
  );
}

import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DIENSTVERBANDEN,
  DOELGROEPEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  FINANCIEEL_BELANG_SOORTEN,
  NEVENWERK_BEOORDELINGEN,
  NEVENWERK_SOORTEN,
  NEVENWERK_VOORWAARDEN,
  ONDERWERPEN,
  ONDERZOEKEN,
  SITUATIES,
  UITKOMSTEN,
  VOG_AANLEIDINGEN,
} from '../lists/definitions';
import type { ListItem } from '../lists/schemas';

/*
 * The jaarverslag integriteit as data: pure functions over list items that compute exactly the JSON contract
 * of docs/contracts.md ("The annual report (jaarverslag) JSON"). No I/O here; the CLI (shared/src/cli/report.ts)
 * reads the lists and the renderers (docx, xlsx, html) only render the result.
 */

/** The lists the report reads. */
export const JAARVERSLAG_LIJSTEN = [
  'Gesprekken',
  'Meldingen',
  'AmbtseedInschrijvingen',
  'AmbtseedSessies',
  'NieuweMedewerkers',
  'DilemmaSessies',
  'AgressieIncidenten',
  'MeldwijzerGebruik',
  'VogAanvragen',

  // Nevenwerkzaamheden en financiële belangen
  'Nevenwerkzaamheden',
  'NevenwerkHerbevestigingen',
] as const;
export type JaarverslagLijst = (typeof JAARVERSLAG_LIJSTEN)[number];

/**
 * The columns of each list that the report reads (whole list items have them all, so callers may pass full
 * items). Readers that can project columns (the SQLite fast path in `bronnen.ts`) read only these.
 */
export const JAARVERSLAG_KOLOMMEN = {
  Gesprekken: ['datum', 'vertrouwenspersoon', 'onderwerp', 'isMelding', 'doorverwezen', 'verwijderdOp'],
  Meldingen: [
    'meldingId',
    'ontvangenOp',
    'meldpunt',
    'soort',
    'categorie',
    'anoniem',
    'onderzoek',
    'uitkomst',
    'maatregelen',
    'ontvangstbevestigdOp',
    'terugkoppelingOp',
  ],
  AmbtseedInschrijvingen: ['sessieId', 'status', 'vorm', 'afgelegdOp'],
  AmbtseedSessies: ['sessieId', 'start', 'soort'],
  NieuweMedewerkers: ['medewerkerId', 'indienstOp', 'dienstverband', 'workshopGevolgdOp'],
  DilemmaSessies: ['datum', 'doelgroep', 'deelnemers'],
  AgressieIncidenten: ['datum', 'soort', 'maatregelen'],
  MeldwijzerGebruik: ['week', 'situatie', 'aantal'],
  VogAanvragen: ['gevraagdOp', 'aanleiding', 'status'],

  Nevenwerkzaamheden: [
    'register',
    'soortNevenwerk',
    'soortBelang',
    'gemeldOp',
    'beoordeling',
    'voorwaarden',
    'beoordeeldOp',
    'beeindigdOp',
  ],
  NevenwerkHerbevestigingen: ['gevraagdOp', 'antwoord'],
} as const satisfies { [L in JaarverslagLijst]: readonly (keyof ListItem<L>)[] };

/** The part of an item of list `L` that the report reads. */
export type BronItem<L extends JaarverslagLijst> = Pick<ListItem<L>, Extract<(typeof JAARVERSLAG_KOLOMMEN)[L][number], keyof ListItem<L>>>;

/**
 * An item that stands for `gewicht` items (default 1) which the rules cannot tell apart: a reader that groups in
 * the database (`bronnen-postgres.ts`) hands on one item per group with the group's `count(*)`. Every count of
 * the report adds `gewicht` instead of 1. The case table (`zaken`) lists Meldingen one by one and ignores the
 * weight: a grouping reader hands on the report year's investigated meldingen again as items of weight 0
 * (listed in the case table, counted only in their group).
 */
export type Gewogen = { readonly gewicht?: number };

/** Items per list; a missing list counts as empty. Items may span any years: the report picks by date. */
export type JaarverslagBronnen = { readonly [L in JaarverslagLijst]?: readonly (BronItem<L> & Gewogen)[] };

/** Count per value of a choice column; every choice is present (0 when no records). */
export type Telling<K extends string> = Record<K, number>;

/** The counts of one year (every key of the contract except `organisatie` and `vorigeJaren`). */
export interface JaarCijfers {
  jaar: number;
  gesprekken: {
    totaal: number;
    meldingen: number;
    perOnderwerp: Telling<(typeof ONDERWERPEN)[number]>;
    meldingenPerOnderwerp: Telling<(typeof ONDERWERPEN)[number]>;
    extern: number;
    doorverwezen: number;
    /** Gesprekken whose `isMelding` is unknown (absent in SharePoint): neither melding nor not (additive key). */
    meldingenOnbekend: number;
  };
  meldingen: {
    totaal: number;
    perSoort: Telling<(typeof MELDING_SOORTEN)[number]>;
    perCategorie: Telling<(typeof CATEGORIEEN)[number]>;
    anoniem: number;
    perUitkomst: Telling<(typeof UITKOMSTEN)[number]>;
    perMaatregel: Telling<(typeof MAATREGELEN)[number]>;
    /** Meldingen whose `anoniem` is unknown (absent in SharePoint), not counted as "nee" (additive key). */
    anoniemOnbekend: number;
  };
  wbk: {
    ontvangstbevestigdBinnen7Dagen: { aantal: number; van: number };
    terugkoppelingBinnen3Maanden: { aantal: number; van: number };
  };
  /** `vormOnbekend`: afgelegd inschrijvingen of ambtseed sessions without a `vorm` (additive key; in neither eed, belofte nor verklaring). */
  ambtseed: { afgelegd: number; eed: number; belofte: number; integriteitsverklaring: number; bijeenkomsten: number; vormOnbekend: number };
  onboarding: { nieuweMedewerkers: number; arbeidsovereenkomst: number; extern: number; stagiair: number; workshopDeelnemers: number };
  dilemma: { sessies: number; bereik: number; perDoelgroep: Record<(typeof DOELGROEPEN)[number], { sessies: number; deelnemers: number }> };
  agressie: {
    incidenten: number;
    perSoort: Telling<(typeof AGRESSIE_SOORTEN)[number]>;
    perMaatregel: Telling<(typeof AGRESSIE_MAATREGELEN)[number]>;
  };
  meldwijzer: { raadplegingen: number; perSituatie: Telling<(typeof SITUATIES)[number]> };
  /**
   * VOG renewal in kwetsbare functies (additive section): the requests the bot opened in the year (`gevraagd`,
   * by `VogAanvragen.gevraagdOp`), per aanleiding, and where those requests stand now: `ontvangen`,
   * `nietOntvangen` (both recorded by HR), `openstaand` (status openstaand or aangevraagd). The three add up
   * to `gevraagd`.
   */
  vog: {
    gevraagd: number;
    perAanleiding: Telling<(typeof VOG_AANLEIDINGEN)[number]>;
    ontvangen: number;
    nietOntvangen: number;
    openstaand: number;
  };
  /**
   * Anonymous meldingen (additive section, the yearly account the draft decree on anonymous reporting asks
   * for): `Meldingen` with `anoniem = true`, by `ontvangenOp`; `ontvangen`, per soort and per uitkomst.
   */
  anoniemeMeldingen: {
    ontvangen: number;
    perSoort: Telling<(typeof MELDING_SOORTEN)[number]>;
    perUitkomst: Telling<(typeof UITKOMSTEN)[number]>;
  };

  /** Register of nevenwerkzaamheden and financiële belangen (Ambtenarenwet art. 8; additive key). */
  nevenwerk: NevenwerkCijfers;
  /**
   * The sections that have no data for this year (additive key; see `zonderGegevensVan`): their counts are 0
   * because nothing was registered yet, not because 0 was measured. Renderers show "geen gegevens" / "no data".
   * Always set by `buildJaarverslag`; absent (older JSON, hand-made fixtures) means every section has data.
   */
  zonderGegevens?: JaarSectie[];
}

/** The count sections of a year, in contract order (the values of `JaarCijfers.zonderGegevens`). */
export const JAAR_SECTIES = [
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
] as const;
export type JaarSectie = (typeof JAAR_SECTIES)[number];

/**
 * Whether section `s` of year `c` counted any record: the lists behind it hold something for that year (`wbk` and
 * `anoniemeMeldingen` are parts of `meldingen`, so they follow it).
 */
function heeftRegistraties(c: JaarCijfers, s: JaarSectie): boolean {
  switch (s) {
    case 'gesprekken':
      return c.gesprekken.totaal > 0;
    case 'meldingen':
    case 'wbk':
    case 'anoniemeMeldingen':
      return c.meldingen.totaal > 0;
    case 'ambtseed':
      return c.ambtseed.afgelegd + c.ambtseed.integriteitsverklaring + c.ambtseed.bijeenkomsten + c.ambtseed.vormOnbekend > 0;
    case 'onboarding':
      return c.onboarding.nieuweMedewerkers + c.onboarding.workshopDeelnemers > 0;
    case 'dilemma':
      return c.dilemma.sessies > 0;
    case 'agressie':
      return c.agressie.incidenten > 0;
    case 'meldwijzer':
      return c.meldwijzer.raadplegingen > 0;
    case 'vog':
      return c.vog.gevraagd > 0;
    case 'nevenwerk':
      return c.nevenwerk.geregistreerd + c.nevenwerk.financieleBelangen + c.nevenwerk.beeindigd + c.nevenwerk.herbevestiging.gevraagd > 0;
  }
}

/**
 * "No data" versus "a measured 0", per section and year (docs/contracts.md, `zonderGegevens`): a section has no
 * data in a year when its lists hold no record of that year nor of any earlier covered year, i.e. the
 * registration had not started yet. Once a section has a record, a later year with none is a measured 0 (the
 * registration was running and nothing happened). Years before the first covered one are not known to the
 * report (readers read the covered years only).
 * @param jaren the covered years' counts, any order.
 * @returns year → the sections without data, in `JAAR_SECTIES` order.
 */
export function zonderGegevensVan(jaren: readonly JaarCijfers[]): Map<number, JaarSectie[]> {
  const begonnen = new Set<JaarSectie>();
  const uit = new Map<number, JaarSectie[]>();
  for (const c of [...jaren].sort((a, b) => a.jaar - b.jaar)) {
    for (const s of JAAR_SECTIES) if (heeftRegistraties(c, s)) begonnen.add(s);
    uit.set(
      c.jaar,
      JAAR_SECTIES.filter((s) => !begonnen.has(s)),
    );
  }
  return uit;
}

/**
 * The nevenwerkzaamheden section (docs/contracts.md, "nevenwerk"): the register as it stood during the year and
 * the yearly refresh round. A registration is *in force* in a year when `gemeldOp` ≤ 31 December and it was not
 * ended before 1 January (`beeindigdOp` empty or in/after the year). Assessment counts use the item's (latest)
 * assessment when it was given by the end of the year.
 */
export interface NevenwerkCijfers {
  /** Nevenwerkzaamheden in force during the year. */
  geregistreerd: number;
  /** Of those, reported (`gemeldOp`) in the year. */
  nieuw: number;
  /** Registrations of either register ended (`beeindigdOp`) in the year. */
  beeindigd: number;
  perSoort: Telling<(typeof NEVENWERK_SOORTEN)[number]>;
  /** Financial interests in force during the year (designated functions only). */
  financieleBelangen: number;
  perSoortBelang: Telling<(typeof FINANCIEEL_BELANG_SOORTEN)[number]>;
  /** Registrations of both registers in force with an assessment given by 31 December. */
  beoordeeld: number;
  /** In force but not (yet) assessed at the end of the year. */
  nietBeoordeeld: number;
  perUitkomst: Telling<(typeof NEVENWERK_BEOORDELINGEN)[number]>;
  /** Conditions of "toegestaan met voorwaarden", an item once per condition. */
  perVoorwaarde: Telling<(typeof NEVENWERK_VOORWAARDEN)[number]>;
  /** The refresh round(s) asked in the year (`NevenwerkHerbevestigingen` by `gevraagdOp`), by answer. */
  herbevestiging: { gevraagd: number; bevestigd: number; beeindigd: number; openstaand: number };
}

/**
 * One row of the anonymised case table (published reports: opdrachtgever / omschrijving / bevindingen /
 * gevolg). Only codes from the Meldingen list, never free text, ids or dates: renderers turn the codes into
 * Dutch labels (column "Meldpunt" ← meldpunt, omschrijving ← soort + categorie, bevindingen ← onderzoek +
 * uitkomst, gevolg ← maatregelen).
 */
export interface Zaak {
  meldpunt: (typeof MELDPUNT_SOORTEN)[number];
  soort: (typeof MELDING_SOORTEN)[number];
  categorie: (typeof CATEGORIEEN)[number];
  onderzoek: (typeof ONDERZOEKEN)[number];
  uitkomst: (typeof UITKOMSTEN)[number];
  maatregelen: (typeof MAATREGELEN)[number][];
}

/**
 * The whole jaarverslag (docs/contracts.md contract): the year's counts, the organisation, `vorigeJaren` keyed by
 * year (`"2023"`: the same counts for that year) and `zaken`, the anonymised case table of the year
 * (meldingen that were investigated, i.e. `onderzoek` ≠ `geen`, in order of receipt).
 */
export interface Jaarverslag extends JaarCijfers {
  organisatie: string;
  zaken: Zaak[];
  vorigeJaren: Record<string, JaarCijfers>;
}

/** Options of `buildJaarverslag`. */
export interface JaarverslagOpties {
  /** Report year (calendar year, Europe/Amsterdam). */
  jaar: number;
  /** Organisation name shown in the report. */
  organisatie: string;
  /**
   * Number of years covered, the report year included (default 1): `years: 3` for 2020 fills
   * `vorigeJaren` with 2018 and 2019. Must be an integer from 1 to 20.
   */
  years?: number;
}

const zero = <K extends string>(keys: readonly K[]): Telling<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Telling<K>;

/** Empty counts of `jaar`: every key and every category present with 0. */
export function legeJaarCijfers(jaar: number): JaarCijfers {
  return {
    jaar,
    gesprekken: {
      totaal: 0,
      meldingen: 0,
      perOnderwerp: zero(ONDERWERPEN),
      meldingenPerOnderwerp: zero(ONDERWERPEN),
      extern: 0,
      doorverwezen: 0,
      meldingenOnbekend: 0,
    },
    meldingen: {
      totaal: 0,
      perSoort: zero(MELDING_SOORTEN),
      perCategorie: zero(CATEGORIEEN),
      anoniem: 0,
      perUitkomst: zero(UITKOMSTEN),
      perMaatregel: zero(MAATREGELEN),
      anoniemOnbekend: 0,
    },
    wbk: { ontvangstbevestigdBinnen7Dagen: { aantal: 0, van: 0 }, terugkoppelingBinnen3Maanden: { aantal: 0, van: 0 } },
    ambtseed: { afgelegd: 0, eed: 0, belofte: 0, integriteitsverklaring: 0, bijeenkomsten: 0, vormOnbekend: 0 },
    onboarding: { nieuweMedewerkers: 0, arbeidsovereenkomst: 0, extern: 0, stagiair: 0, workshopDeelnemers: 0 },
    dilemma: {
      sessies: 0,
      bereik: 0,
      perDoelgroep: Object.fromEntries(
        DOELGROEPEN.map((d) => [d, { sessies: 0, deelnemers: 0 }]),
      ) as JaarCijfers['dilemma']['perDoelgroep'],
    },
    agressie: { incidenten: 0, perSoort: zero(AGRESSIE_SOORTEN), perMaatregel: zero(AGRESSIE_MAATREGELEN) },
    meldwijzer: { raadplegingen: 0, perSituatie: zero(SITUATIES) },
    vog: { gevraagd: 0, perAanleiding: zero(VOG_AANLEIDINGEN), ontvangen: 0, nietOntvangen: 0, openstaand: 0 },
    anoniemeMeldingen: { ontvangen: 0, perSoort: zero(MELDING_SOORTEN), perUitkomst: zero(UITKOMSTEN) },

    nevenwerk: {
      geregistreerd: 0,
      nieuw: 0,
      beeindigd: 0,
      perSoort: zero(NEVENWERK_SOORTEN),
      financieleBelangen: 0,
      perSoortBelang: zero(FINANCIEEL_BELANG_SOORTEN),
      beoordeeld: 0,
      nietBeoordeeld: 0,
      perUitkomst: zero(NEVENWERK_BEOORDELINGEN),
      perVoorwaarde: zero(NEVENWERK_VOORWAARDEN),
      herbevestiging: { gevraagd: 0, bevestigd: 0, beeindigd: 0, openstaand: 0 },
    },
  };
}

/* ---------- placing items in a year ---------- */

/** Year of a `YYYY-MM-DD` calendar date (already Europe/Amsterdam), or NaN when absent or malformed. */
export function jaarVanDatum(datum: string | null | undefined): number {
  if (!datum || datum.length < 4) return NaN;
  // Four digit characters to a number without allocating a substring (this runs for every item).
  const a = datum.charCodeAt(0) - 48;
  const b = datum.charCodeAt(1) - 48;
  const c = datum.charCodeAt(2) - 48;
  const d = datum.charCodeAt(3) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9 || d < 0 || d > 9) return NaN;
  return a * 1000 + b * 100 + c * 10 + d;
}

const amsterdamJaar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' });
/** Europe/Amsterdam calendar year of an ISO 8601 instant (`2019-12-31T23:30:00Z` → 2020), NaN when invalid. */
export function jaarVanMoment(moment: string | null | undefined): number {
  if (!moment) return NaN;
  const ms = Date.parse(moment);
  return Number.isNaN(ms) ? NaN : Number(amsterdamJaar.format(ms));
}

/** ISO week-year of a week string `2026-W48` (first four digits), NaN when malformed. */
export function jaarVanWeek(week: string | null | undefined): number {
  return week && week.length === 8 && week.charCodeAt(5) === 87 /* W */ ? jaarVanDatum(week) : NaN;
}

/* ---------- Wbk-termijnen ---------- */

/*
 * The rule is the one of shared/src/domain/wbk-termijnen.ts (Wbk art. 2 lid 2; Richtlijn (EU) 2019/1937
 * art. 9; periods counted as in Verordening 1182/71 art. 3: a month period ending on a day the month lacks
 * ends on its last day). The report evaluates it for every melding of several years, so it runs here on
 * integers instead of TZDate objects; tests/unit/report-jaarverslag.test.ts checks that both agree on every
 * day of a leap and a common year.
 */

const DAG_MS = 86_400_000;
/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date (no time zone involved: it is a calendar date). */
function dagNummer(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAG_MS;
}
/** Day number of `d` plus `n` calendar months, clamped to the last day of the target month. */
function plusMaandenDag(dagnr: number, n: number): number {
  const d = new Date(dagnr * DAG_MS);
  const maand = d.getUTCMonth() + n;
  const laatste = new Date(Date.UTC(d.getUTCFullYear(), maand + 1, 0)).getUTCDate();
  return Date.UTC(d.getUTCFullYear(), maand, Math.min(d.getUTCDate(), laatste)) / DAG_MS;
}

/**
 * Acknowledgement in time (Wbk art. 2 lid 2; docs/contracts.md `ontvangstbevestigdBinnen7Dagen`): true when
 * `ontvangstbevestigdOp` is set and at most 7 calendar days after `ontvangenOp` (receipt 1 March → by 8 March).
 */
export function binnen7Dagen(ontvangenOp: string, ontvangstbevestigdOp: string | null | undefined): boolean {
  if (!ontvangstbevestigdOp) return false;
  return dagNummer(ontvangstbevestigdOp) <= dagNummer(ontvangenOp) + 7;
}

/**
 * Feedback in time (Wbk art. 2 lid 2; docs/contracts.md `terugkoppelingBinnen3Maanden`): true when `terugkoppelingOp`
 * is set and at most 3 calendar months after `ontvangstbevestigdOp` (30 Nov → 28/29 Feb). Without an
 * acknowledgement the law counts 3 months from the end of the 7-day acknowledgement period
 * (`ontvangenOp` + 7 days + 3 months), as `terugkoppelingOpTijd` in shared/src/domain/wbk-termijnen.ts does.
 */
export function binnen3Maanden(
  ontvangenOp: string,
  ontvangstbevestigdOp: string | null | undefined,
  terugkoppelingOp: string | null | undefined,
): boolean {
  if (!terugkoppelingOp) return false;
  const basis = ontvangstbevestigdOp ? dagNummer(ontvangstbevestigdOp) : dagNummer(ontvangenOp) + 7;
  return dagNummer(terugkoppelingOp) <= plusMaandenDag(basis, 3);
}

/* ---------- the aggregation ---------- */

/**
 * Add 1 to `rec[v]` for each distinct value `v` of a multichoice (the rule "count an item once per value").
 * List items are already duplicate-free (schema); the check only guards hand-made input, without a Set.
 */
function plusElk<K extends string>(rec: Record<K, number>, waarden: readonly (K | null)[] | null | undefined, by = 1): void {
  if (!waarden) return;
  for (let i = 0; i < waarden.length; i++) if (waarden.indexOf(waarden[i]) === i) plus(rec, waarden[i], by);
}

/** Add `by` to `rec[key]` when `key` is one of its categories (a missing or unknown value is skipped). */
function plus<K extends string>(rec: Record<K, number>, key: K | null | undefined, by = 1): void {
  if (key !== null && key !== undefined && key in rec) rec[key] += by;
}

function cijfersVoor(jaren: Map<number, JaarCijfers>, jaar: number): JaarCijfers | undefined {
  return jaren.get(jaar);
}

/**
 * Count every list into the years of `jaren` (a map year → counts, mutated in place), one pass per list.
 * Counting rules: docs/contracts.md "The annual report (jaarverslag) JSON".
 */
function tel(bronnen: JaarverslagBronnen, jaren: Map<number, JaarCijfers>): void {
  for (const g of bronnen.Gesprekken ?? []) {
    // A gesprek its vertrouwenspersoon removed (`verwijderdOp`) is not counted.
    if (g.verwijderdOp) continue;
    const c = cijfersVoor(jaren, jaarVanDatum(g.datum));
    if (!c) continue;
    const n = g.gewicht ?? 1;
    const s = c.gesprekken;
    s.totaal += n;
    plus(s.perOnderwerp, g.onderwerp, n);
    if (g.isMelding === null || g.isMelding === undefined) s.meldingenOnbekend += n;
    else if (g.isMelding) {
      s.meldingen += n;
      plus(s.meldingenPerOnderwerp, g.onderwerp, n);
    }
    if (g.vertrouwenspersoon === 'extern') s.extern += n;
    if (g.doorverwezen && g.doorverwezen !== 'geen') s.doorverwezen += n;
  }

  for (const m of bronnen.Meldingen ?? []) {
    const n = m.gewicht ?? 1;
    if (n === 0) continue; // only a row of the case table (see Gewogen)
    const c = cijfersVoor(jaren, jaarVanDatum(m.ontvangenOp));
    if (!c) continue;
    const s = c.meldingen;
    s.totaal += n;
    plus(s.perSoort, m.soort, n);
    plus(s.perCategorie, m.categorie, n);
    if (m.anoniem === null || m.anoniem === undefined) s.anoniemOnbekend += n;
    else if (m.anoniem) {
      s.anoniem += n;
      const a = c.anoniemeMeldingen;
      a.ontvangen += n;
      plus(a.perSoort, m.soort, n);
      plus(a.perUitkomst, m.uitkomst, n);
    }
    plus(s.perUitkomst, m.uitkomst, n);
    plusElk(s.perMaatregel, m.maatregelen, n);
    const w = c.wbk;
    w.ontvangstbevestigdBinnen7Dagen.van += n;
    w.terugkoppelingBinnen3Maanden.van += n;
    if (m.ontvangenOp && binnen7Dagen(m.ontvangenOp, m.ontvangstbevestigdOp)) w.ontvangstbevestigdBinnen7Dagen.aantal += n;
    if (m.ontvangenOp && binnen3Maanden(m.ontvangenOp, m.ontvangstbevestigdOp, m.terugkoppelingOp))
      w.terugkoppelingBinnen3Maanden.aantal += n;
  }

  const sessiesMetAfgelegd = new Set<string>();
  // A workshop has no vorm; an afgelegd inschrijving of an ambtseed session without one is onbekend.
  const ambtseedSessies = new Set((bronnen.AmbtseedSessies ?? []).filter((s) => s.soort === 'ambtseed').map((s) => s.sessieId));
  for (const i of bronnen.AmbtseedInschrijvingen ?? []) {
    if (i.status !== 'afgelegd') continue;
    if (i.sessieId) sessiesMetAfgelegd.add(i.sessieId);
    const c = cijfersVoor(jaren, jaarVanDatum(i.afgelegdOp));
    if (!c) continue;
    const n = i.gewicht ?? 1;
    const s = c.ambtseed;
    if (i.vorm === 'eed') s.eed += n;
    else if (i.vorm === 'belofte') s.belofte += n;
    else if (i.vorm === 'integriteitsverklaring') s.integriteitsverklaring += n;
    else if (ambtseedSessies.has(i.sessieId)) s.vormOnbekend += n;
    s.afgelegd = s.eed + s.belofte;
  }
  for (const sessie of bronnen.AmbtseedSessies ?? []) {
    if (sessie.soort !== 'ambtseed' || !sessie.sessieId || !sessiesMetAfgelegd.has(sessie.sessieId)) continue;
    const c = cijfersVoor(jaren, jaarVanMoment(sessie.start));
    if (c) c.ambtseed.bijeenkomsten += sessie.gewicht ?? 1;
  }

  for (const n of bronnen.NieuweMedewerkers ?? []) {
    const aantal = n.gewicht ?? 1;
    const c = cijfersVoor(jaren, jaarVanDatum(n.indienstOp));
    if (c) {
      c.onboarding.nieuweMedewerkers += aantal;
      if (n.dienstverband && DIENSTVERBANDEN.includes(n.dienstverband)) c.onboarding[n.dienstverband] += aantal;
    }
    const w = cijfersVoor(jaren, jaarVanDatum(n.workshopGevolgdOp));
    if (w) w.onboarding.workshopDeelnemers += aantal;
  }

  for (const d of bronnen.DilemmaSessies ?? []) {
    const c = cijfersVoor(jaren, jaarVanDatum(d.datum));
    if (!c) continue;
    const n = d.gewicht ?? 1;
    c.dilemma.sessies += n;
    const deelnemers = (d.deelnemers ?? 0) * n;
    c.dilemma.bereik += deelnemers;
    const groep = d.doelgroep ? c.dilemma.perDoelgroep[d.doelgroep] : undefined;
    if (groep) {
      groep.sessies += n;
      groep.deelnemers += deelnemers;
    }
  }

  for (const a of bronnen.AgressieIncidenten ?? []) {
    const c = cijfersVoor(jaren, jaarVanDatum(a.datum));
    if (!c) continue;
    const n = a.gewicht ?? 1;
    c.agressie.incidenten += n;
    plusElk(c.agressie.perSoort, a.soort, n);
    plusElk(c.agressie.perMaatregel, a.maatregelen, n);
  }

  for (const u of bronnen.MeldwijzerGebruik ?? []) {
    const c = cijfersVoor(jaren, jaarVanWeek(u.week));
    if (!c) continue;
    const aantal = (u.aantal ?? 0) * (u.gewicht ?? 1);
    c.meldwijzer.raadplegingen += aantal;
    plus(c.meldwijzer.perSituatie, u.situatie, aantal);
  }

  for (const v of bronnen.VogAanvragen ?? []) {
    const c = cijfersVoor(jaren, jaarVanDatum(v.gevraagdOp));
    if (!c) continue;
    const n = v.gewicht ?? 1;
    const s = c.vog;
    s.gevraagd += n;
    plus(s.perAanleiding, v.aanleiding, n);
    if (v.status === 'ontvangen') s.ontvangen += n;
    else if (v.status === 'nietOntvangen') s.nietOntvangen += n;
    else s.openstaand += n;
  }
  telNevenwerk(bronnen, jaren);
}

/** The nevenwerk counts (see `NevenwerkCijfers` for the rules): a registration counts in every year it was in force. */
function telNevenwerk(bronnen: JaarverslagBronnen, jaren: Map<number, JaarCijfers>): void {
  for (const r of bronnen.Nevenwerkzaamheden ?? []) {
    const vanaf = jaarVanDatum(r.gemeldOp);
    if (Number.isNaN(vanaf)) continue;
    const eind = jaarVanDatum(r.beeindigdOp);
    const beoordeeldIn = r.beoordeling ? (r.beoordeeldOp ? jaarVanDatum(r.beoordeeldOp) : vanaf) : NaN;
    const n = r.gewicht ?? 1;
    for (const [jaar, c] of jaren) {
      if (jaar === eind) c.nevenwerk.beeindigd += n;
      if (jaar < vanaf || (!Number.isNaN(eind) && eind < jaar)) continue;
      const s = c.nevenwerk;
      if (r.register === 'financieelBelang') {
        s.financieleBelangen += n;
        plus(s.perSoortBelang, r.soortBelang, n);
      } else {
        s.geregistreerd += n;
        if (jaar === vanaf) s.nieuw += n;
        plus(s.perSoort, r.soortNevenwerk, n);
      }
      if (beoordeeldIn <= jaar) {
        s.beoordeeld += n;
        plus(s.perUitkomst, r.beoordeling, n);
        if (r.beoordeling === 'toegestaanMetVoorwaarden') plusElk(s.perVoorwaarde, r.voorwaarden, n);
      } else s.nietBeoordeeld += n;
    }
  }
  for (const h of bronnen.NevenwerkHerbevestigingen ?? []) {
    const c = cijfersVoor(jaren, jaarVanDatum(h.gevraagdOp));
    if (!c) continue;
    const n = h.gewicht ?? 1;
    const s = c.nevenwerk.herbevestiging;
    s.gevraagd += n;
    if (h.antwoord === 'bevestigd' || h.antwoord === 'beeindigd' || h.antwoord === 'openstaand') s[h.antwoord] += n;
  }
}

const vergelijk = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The anonymised case table of `jaar`: investigated meldingen (`onderzoek` ≠ `geen`) in order of receipt. */
export function zakenVan(meldingen: readonly BronItem<'Meldingen'>[], jaar: number): Zaak[] {
  return meldingen
    .filter(
      (m) =>
        m.onderzoek && m.onderzoek !== 'geen' && jaarVanDatum(m.ontvangenOp) === jaar && m.meldpunt && m.soort && m.categorie && m.uitkomst,
    )
    .sort((a, b) => vergelijk(a.ontvangenOp ?? '', b.ontvangenOp ?? '') || vergelijk(a.meldingId ?? '', b.meldingId ?? ''))
    .map((m) => ({
      meldpunt: m.meldpunt,
      soort: m.soort,
      categorie: m.categorie,
      onderzoek: m.onderzoek,
      uitkomst: m.uitkomst,
      maatregelen: [...(m.maatregelen ?? [])],
    }));
}

/**
 * Build the jaarverslag of `opties.jaar` from list items (docs/contracts.md "The annual report (jaarverslag) JSON").
 *
 * @param bronnen items per list (any years; items outside the covered years are ignored, a missing list
 *   counts as empty).
 * @param opties `{ jaar, organisatie, years }`: `years` (default 1) is the number of years covered including
 *   `jaar`; `vorigeJaren` gets one entry per previous year (`"2023"` → counts), also when all zeros.
 * @returns the contract object: every count an integer, every category present with 0.
 * @throws RangeError when `jaar` is not an integer 1900–9999 or `years` not an integer 1–20.
 */
export function buildJaarverslag(bronnen: JaarverslagBronnen, opties: JaarverslagOpties): Jaarverslag {
  const { jaar, organisatie } = opties;
  const years = opties.years ?? 1;
  if (!Number.isInteger(jaar) || jaar < 1900 || jaar > 9999) throw new RangeError(`Ongeldig jaar ${jaar}: verwacht een jaartal als 2024.`);
  if (!Number.isInteger(years) || years < 1 || years > 20)
    throw new RangeError(`Ongeldig aantal jaren ${years}: verwacht een geheel getal van 1 tot en met 20.`);
  const jaren = new Map<number, JaarCijfers>();
  for (let j = jaar - years + 1; j <= jaar; j++) jaren.set(j, legeJaarCijfers(j));
  tel(bronnen, jaren);
  for (const [j, zonder] of zonderGegevensVan([...jaren.values()])) jaren.get(j)!.zonderGegevens = zonder;
  const vorigeJaren: Record<string, JaarCijfers> = {};
  for (let j = jaar - years + 1; j < jaar; j++) vorigeJaren[String(j)] = jaren.get(j)!;
  const c = jaren.get(jaar)!;
  return {
    jaar,
    organisatie,
    gesprekken: c.gesprekken,
    meldingen: c.meldingen,
    wbk: c.wbk,
    ambtseed: c.ambtseed,
    onboarding: c.onboarding,
    dilemma: c.dilemma,
    agressie: c.agressie,
    meldwijzer: c.meldwijzer,
    vog: c.vog,
    anoniemeMeldingen: c.anoniemeMeldingen,

    nevenwerk: c.nevenwerk,
    zonderGegevens: c.zonderGegevens,
    zaken: zakenVan(bronnen.Meldingen ?? [], jaar),
    vorigeJaren,
  };
}

/**
 * The date range (inclusive `YYYY-MM-DD` bounds) of the years a report covers, for store queries:
 * `{ van: "<jaar-years+1>-01-01", tot: "<jaar>-12-31" }`.
 */
export function jaarBereik(jaar: number, years = 1): { van: string; tot: string; eersteJaar: number } {
  const eersteJaar = jaar - years + 1;
  return { van: `${eersteJaar}-01-01`, tot: `${jaar}-12-31`, eersteJaar };
}

/** True when the year has no records at all (the CLI warns; the report still has every key with 0). */
export function isLeegJaar(c: JaarCijfers): boolean {
  return (
    c.gesprekken.totaal +
      c.meldingen.totaal +
      c.ambtseed.afgelegd +
      c.ambtseed.integriteitsverklaring +
      c.ambtseed.bijeenkomsten +
      c.onboarding.nieuweMedewerkers +
      c.onboarding.workshopDeelnemers +
      c.dilemma.sessies +
      c.agressie.incidenten +
      c.meldwijzer.raadplegingen +
      c.vog.gevraagd +
      c.nevenwerk.geregistreerd +
      c.nevenwerk.financieleBelangen +
      c.nevenwerk.herbevestiging.gevraagd ===
    0
  );
}

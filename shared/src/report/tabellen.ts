import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DOELGROEPEN,
  FINANCIEEL_BELANG_SOORTEN,
  HERBEVESTIGING_ANTWOORDEN,
  MAATREGELEN,
  NEVENWERK_BEOORDELINGEN,
  NEVENWERK_SOORTEN,
  NEVENWERK_VOORWAARDEN,
  MELDING_SOORTEN,
  ONDERWERPEN,
  SITUATIES,
  UITKOMSTEN,
} from '../lists/definitions';
import { t, type Locale } from '../i18n';
import type { JaarCijfers, JaarSectie, Jaarverslag, Zaak } from './jaarverslag';

/*
 * The jaarverslag as a document model: sections of text, tables and bar charts, built from the JSON
 * contract only. docx, xlsx and html render this model, so all three show the same tables.
 */

/** A table cell: a count (number) or a label (string). */
export type Cel = string | number;

/** One table: `id` (stable, also the xlsx sheet name), caption, column headings, rows (first cell = row heading). */
export interface Tabel {
  id: string;
  titel: string;
  kolommen: string[];
  rijen: Cel[][];
  /** The last row is a total (rendered bold). */
  totaalRij?: boolean;
  /** Cells are labels only (the case table): no number formatting, no suppression. */
  tekstTabel?: boolean;
  /**
   * The year columns (headings, e.g. `"2023"`) whose section has no data that year (`JaarCijfers.zonderGegevens`):
   * their cells hold the text "geen gegevens" / "no data" instead of counts, so a missing year never reads as a
   * measured 0. Only with `SectieOpties.geenGegevens`.
   */
  zonderGegevens?: string[];
}

/** Options of `jaarverslagSecties`. */
export interface SectieOpties {
  /** Small-number suppression (publication): counts 1..N−1 in the text are "<N" and the case table is left out. */
  onderDrempel?: number;
  /**
   * Year columns of a section without data read "geen gegevens" / "no data" (see `Tabel.zonderGegevens`) and the
   * per-year charts leave such years out. The report renderers (docx, html, xlsx) set it; without it every cell is a count.
   */
  geenGegevens?: boolean;
}

/** The section of the JSON whose data a table with year columns shows (for `zonderGegevens`). */
const TABEL_SECTIE: Record<string, JaarSectie> = {
  gesprekkenPerOnderwerp: 'gesprekken',
  gesprekkenKenmerken: 'gesprekken',
  meldingenPerOnderwerp: 'gesprekken',
  meldingenPerSoort: 'meldingen',
  meldingenPerCategorie: 'meldingen',
  meldingenKenmerken: 'meldingen',
  meldingenPerUitkomst: 'meldingen',
  meldingenPerMaatregel: 'meldingen',
  anoniemPerSoort: 'anoniemeMeldingen',
  anoniemPerUitkomst: 'anoniemeMeldingen',
  ambtseed: 'ambtseed',
  onboarding: 'onboarding',
  vog: 'vog',
  dilemmaPerJaar: 'dilemma',
  agressiePerSoort: 'agressie',
  agressiePerMaatregel: 'agressie',
  meldwijzer: 'meldwijzer',
  nevenwerk: 'nevenwerk',
  nevenwerkPerSoort: 'nevenwerk',
  belangenPerSoort: 'nevenwerk',
  nevenwerkPerUitkomst: 'nevenwerk',
  nevenwerkPerVoorwaarde: 'nevenwerk',
  nevenwerkHerbevestiging: 'nevenwerk',
};

/** One horizontal bar chart: a label and a count per bar. */
export interface Grafiek {
  id: string;
  titel: string;
  labels: string[];
  waarden: number[];
}

/** A block of a section, in reading order. */
export type Blok = { soort: 'tekst'; tekst: string } | { soort: 'tabel'; tabel: Tabel } | { soort: 'grafiek'; grafiek: Grafiek };

/** One chapter of the report. */
export interface Sectie {
  id: string;
  titel: string;
  blokken: Blok[];
}

/** The years of a report, oldest first (`vorigeJaren` keys and `jaar`). */
export function verslagJaren(r: Jaarverslag): JaarCijfers[] {
  const vorige = Object.keys(r.vorigeJaren)
    .map(Number)
    .sort((a, b) => a - b)
    .map((j) => r.vorigeJaren[String(j)]);
  return [...vorige, r];
}

/** Dutch (or English) label of a choice value, e.g. `label('nl', 'onderwerp', 'integriteit')` → "Integriteit". */
export function label(locale: Locale, groep: string, waarde: string): string {
  return t(locale, `report.${groep}.${waarde}`);
}

/**
 * One anonymised case row, from codes only: meldpunt (where the melding was made; the lists do not record
 * who commissioned an investigation, so there is no "opdrachtgever" column, see docs/decisions.md);
 * omschrijving ← soort + categorie; bevindingen ← uitkomst + onderzoek; gevolg ← maatregelen.
 */
export function zaakRij(locale: Locale, z: Zaak): [string, string, string, string] {
  return [
    label(locale, 'meldpunt', z.meldpunt),
    `${label(locale, 'soort', z.soort)}: ${label(locale, 'categorie', z.categorie)}`,
    t(locale, 'report.bevinding', { uitkomst: label(locale, 'uitkomst', z.uitkomst), onderzoek: label(locale, 'onderzoek', z.onderzoek) }),
    z.maatregelen.map((m) => label(locale, 'maatregel', m)).join(', '),
  ];
}

/** The anonymised case table (`r.zaken`, one row per investigated melding; see `zaakRij`). */
function zakenTabel(r: Jaarverslag, locale: Locale): Tabel {
  const m = (key: string) => t(locale, `report.${key}`);
  return {
    id: 'zaken',
    titel: m('tabel.zaken'),
    kolommen: [m('kolom.meldpunt'), m('kolom.omschrijving'), m('kolom.bevindingen'), m('kolom.gevolg')],
    rijen: r.zaken.map((z) => zaakRij(locale, z)),
    tekstTabel: true,
  };
}

/**
 * The report as sections of text, charts and tables (see `Sectie`). Every count comes from `r`; tables with
 * year columns show the oldest year first and the report year last. With `opties.onderDrempel` > 1
 * (publication) counts in the text are suppressed and the case table is replaced by a sentence.
 */
export function jaarverslagSecties(r: Jaarverslag, locale: Locale = 'nl', opties: SectieOpties = {}): Sectie[] {
  const jaren = verslagJaren(r);
  const jaarKoppen = jaren.map((c) => String(c.jaar));
  /** A catalogue text; counts in it are ICU plurals (`{n, plural, =0 {geen …} one {# …} other {# …}}`, see i18n/basis.ts). */
  const m = (key: string, params: Record<string, string | number> = {}) => t(locale, `report.${key}`, params);
  /**
   * Counts in running text, suppressed like table cells (years are not counts: pass them as strings). A suppressed
   * "<N" is text, so its plural takes `other`: it never reads as singular.
   */
  const n = (params: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? toonCel(v, opties.onderDrempel, locale) : v]));
  const tekst = (s: string): Blok => ({ soort: 'tekst', tekst: s });
  const tabel = (tb: Tabel): Blok => ({ soort: 'tabel', tabel: tb });
  const grafiek = (g: Grafiek): Blok => ({ soort: 'grafiek', grafiek: g });

  /** Rows "label, count per year" for every value of a choice. */
  const perKeuze = <K extends string>(groep: string, waarden: readonly K[], pick: (c: JaarCijfers) => Record<K, number>): Cel[][] =>
    waarden.map((w) => [label(locale, groep, w), ...jaren.map((c) => pick(c)[w])]);
  const rij = (rowLabel: string, pick: (c: JaarCijfers) => number): Cel[] => [rowLabel, ...jaren.map(pick)];
  /** Whether year `c` has data for `sectie` (always true without `opties.geenGegevens`). */
  const metGegevens = (c: JaarCijfers, sectie: JaarSectie | undefined) =>
    !opties.geenGegevens || !sectie || !(c.zonderGegevens ?? []).includes(sectie);
  const jaarTabel = (id: string, eersteKolom: string, rijen: Cel[][], totaalRij = false): Tabel => {
    const sectie = TABEL_SECTIE[id];
    const zonder = jaren.flatMap((c, i) => (metGegevens(c, sectie) ? [] : [i]));
    const geen = m('geenGegevensCel');
    return {
      id,
      titel: m(`tabel.${id}`),
      kolommen: [m(`kolom.${eersteKolom}`), ...jaarKoppen],
      rijen: zonder.length ? rijen.map((rr) => rr.map((c, i) => (zonder.includes(i - 1) ? geen : c))) : rijen,
      totaalRij,
      ...(zonder.length ? { zonderGegevens: zonder.map((i) => jaarKoppen[i]) } : {}),
    };
  };
  /** The years of a per-year chart of `sectie`: those with data (all without `opties.geenGegevens`). */
  const grafiekJaren = (sectie: JaarSectie) => jaren.filter((c) => metGegevens(c, sectie));
  const totaal = m('rij.totaal');
  const meerdereJaren = jaren.length > 1;

  const inleiding: Sectie = {
    id: 'inleiding',
    titel: m('inleiding.titel'),
    blokken: [
      tekst(m('inleiding.tekst', { organisatie: r.organisatie, jaar: String(r.jaar) })),
      tekst(
        meerdereJaren
          ? m('scope.tekst', { jaar: r.jaar, vanaf: jaren[0].jaar, totEnMet: jaren[jaren.length - 2].jaar })
          : m('scope.eenJaar', { jaar: r.jaar }),
      ),
      tekst(m('gegenereerd', { jaar: r.jaar })),
    ],
  };

  const g = r.gesprekken;
  const vertrouwenspersonen: Sectie = {
    id: 'vertrouwenspersonen',
    titel: m('vp.titel'),
    blokken: [
      tekst(
        m(
          'vp.tekst',
          n({ jaar: String(r.jaar), totaal: g.totaal, meldingen: g.meldingen, extern: g.extern, doorverwezen: g.doorverwezen }),
        ),
      ),
      grafiek({
        id: 'gesprekkenPerOnderwerp',
        titel: m('grafiek.gesprekkenPerOnderwerp', { jaar: r.jaar }),
        labels: ONDERWERPEN.map((o) => label(locale, 'onderwerp', o)),
        waarden: ONDERWERPEN.map((o) => g.perOnderwerp[o]),
      }),
      tabel(
        jaarTabel(
          'gesprekkenPerOnderwerp',
          'onderwerp',
          [...perKeuze('onderwerp', ONDERWERPEN, (c) => c.gesprekken.perOnderwerp), rij(totaal, (c) => c.gesprekken.totaal)],
          true,
        ),
      ),
      ...(meerdereJaren
        ? [
            grafiek({
              id: 'gesprekkenPerJaar',
              titel: m('grafiek.gesprekkenPerJaar'),
              labels: grafiekJaren('gesprekken').map((c) => String(c.jaar)),
              waarden: grafiekJaren('gesprekken').map((c) => c.gesprekken.totaal),
            }),
          ]
        : []),
      tabel(
        jaarTabel('gesprekkenKenmerken', 'kenmerk', [
          rij(totaal, (c) => c.gesprekken.totaal),
          rij(m('rij.nieuweKwesties'), (c) => c.gesprekken.meldingen),
          rij(m('rij.intern'), (c) => c.gesprekken.totaal - c.gesprekken.extern),
          rij(m('rij.extern'), (c) => c.gesprekken.extern),
          rij(m('rij.doorverwezen'), (c) => c.gesprekken.doorverwezen),
        ]),
      ),
      tabel(
        jaarTabel(
          'meldingenPerOnderwerp',
          'onderwerp',
          [...perKeuze('onderwerp', ONDERWERPEN, (c) => c.gesprekken.meldingenPerOnderwerp), rij(totaal, (c) => c.gesprekken.meldingen)],
          true,
        ),
      ),
    ],
  };

  const md = r.meldingen;
  const meldingen: Sectie = {
    id: 'meldingen',
    titel: m('meldingen.titel'),
    blokken: [
      tekst(m('meldingen.tekst', n({ jaar: String(r.jaar), totaal: md.totaal, anoniem: md.anoniem }))),
      tabel(
        jaarTabel(
          'meldingenPerSoort',
          'soort',
          [...perKeuze('soort', MELDING_SOORTEN, (c) => c.meldingen.perSoort), rij(totaal, (c) => c.meldingen.totaal)],
          true,
        ),
      ),
      grafiek({
        id: 'meldingenPerCategorie',
        titel: m('grafiek.meldingenPerCategorie', { jaar: r.jaar }),
        labels: CATEGORIEEN.map((c) => label(locale, 'categorie', c)),
        waarden: CATEGORIEEN.map((c) => md.perCategorie[c]),
      }),
      tabel(
        jaarTabel(
          'meldingenPerCategorie',
          'categorie',
          [...perKeuze('categorie', CATEGORIEEN, (c) => c.meldingen.perCategorie), rij(totaal, (c) => c.meldingen.totaal)],
          true,
        ),
      ),
      ...(meerdereJaren
        ? [
            grafiek({
              id: 'meldingenPerJaar',
              titel: m('grafiek.meldingenPerJaar'),
              labels: grafiekJaren('meldingen').map((c) => String(c.jaar)),
              waarden: grafiekJaren('meldingen').map((c) => c.meldingen.totaal),
            }),
          ]
        : []),
      tabel(
        jaarTabel('meldingenKenmerken', 'kenmerk', [
          rij(totaal, (c) => c.meldingen.totaal),
          rij(m('rij.anoniem'), (c) => c.meldingen.anoniem),
        ]),
      ),
      tabel(
        jaarTabel(
          'meldingenPerUitkomst',
          'uitkomst',
          [...perKeuze('uitkomst', UITKOMSTEN, (c) => c.meldingen.perUitkomst), rij(totaal, (c) => c.meldingen.totaal)],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'meldingenPerMaatregel',
          'maatregel',
          perKeuze('maatregel', MAATREGELEN, (c) => c.meldingen.perMaatregel),
        ),
      ),
    ],
  };

  // Anonymous meldingen in their own section: the yearly account to the highest authority and the works council
  // that the draft decree on anonymous reporting asks for (received, per soort, per uitkomst).
  const an = r.anoniemeMeldingen;
  const anoniemeMeldingen: Sectie = {
    id: 'anoniemeMeldingen',
    titel: m('anoniem.titel'),
    blokken: [
      tekst(m('anoniem.tekst', n({ jaar: String(r.jaar), ontvangen: an.ontvangen }))),
      tabel(
        jaarTabel(
          'anoniemPerSoort',
          'soort',
          [...perKeuze('soort', MELDING_SOORTEN, (c) => c.anoniemeMeldingen.perSoort), rij(totaal, (c) => c.anoniemeMeldingen.ontvangen)],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'anoniemPerUitkomst',
          'uitkomst',
          [...perKeuze('uitkomst', UITKOMSTEN, (c) => c.anoniemeMeldingen.perUitkomst), rij(totaal, (c) => c.anoniemeMeldingen.ontvangen)],
          true,
        ),
      ),
    ],
  };

  // With small-number suppression (publication) the case table is left out: one row per case with soort,
  // uitkomst and maatregel (e.g. a single "Ontslag") identifies people in a small organisation, whatever the
  // counts elsewhere. The json and xlsx (for HR, rendered without `onderDrempel`) keep the full table.
  const zakenOnderdrukt = Boolean(opties.onderDrempel && opties.onderDrempel > 1);
  const zaken: Sectie = {
    id: 'zaken',
    titel: m('zaken.titel'),
    blokken: !r.zaken.length
      ? [tekst(m('zaken.geen', { jaar: r.jaar })), ...(zakenOnderdrukt ? [] : [tabel(zakenTabel(r, locale))])]
      : zakenOnderdrukt
        ? [tekst(m('zaken.weggelaten', { jaar: r.jaar }))]
        : [tekst(m('zaken.tekst', { jaar: r.jaar })), tabel(zakenTabel(r, locale))],
  };

  const w = r.wbk;
  const wbk: Sectie = {
    id: 'wbk',
    titel: m('wbk.titel'),
    blokken: [
      tekst(m('wbk.tekst')),
      tabel({
        id: 'wbk',
        titel: m('tabel.wbk'),
        kolommen: [m('kolom.termijn'), m('kolom.aantal'), m('kolom.van')],
        rijen: [
          [m('rij.ontvangstbevestigd'), w.ontvangstbevestigdBinnen7Dagen.aantal, w.ontvangstbevestigdBinnen7Dagen.van],
          [m('rij.terugkoppeling'), w.terugkoppelingBinnen3Maanden.aantal, w.terugkoppelingBinnen3Maanden.van],
        ],
      }),
    ],
  };

  const a = r.ambtseed;
  const o = r.onboarding;
  const ambtseed: Sectie = {
    id: 'ambtseed',
    titel: m('ambtseed.titel'),
    blokken: [
      tekst(m('ambtseed.tekst', n({ jaar: String(r.jaar), ...a }))),
      tabel(
        jaarTabel('ambtseed', 'kenmerk', [
          rij(m('rij.afgelegd'), (c) => c.ambtseed.afgelegd),
          rij(m('rij.eed'), (c) => c.ambtseed.eed),
          rij(m('rij.belofte'), (c) => c.ambtseed.belofte),
          rij(m('rij.integriteitsverklaring'), (c) => c.ambtseed.integriteitsverklaring),
          rij(m('rij.bijeenkomsten'), (c) => c.ambtseed.bijeenkomsten),
        ]),
      ),
      tekst(m('onboarding.tekst', n({ ...o }))),
      tabel(
        jaarTabel('onboarding', 'kenmerk', [
          rij(m('rij.nieuweMedewerkers'), (c) => c.onboarding.nieuweMedewerkers),
          rij(m('rij.arbeidsovereenkomst'), (c) => c.onboarding.arbeidsovereenkomst),
          rij(m('rij.externDienstverband'), (c) => c.onboarding.extern),
          rij(m('rij.stagiair'), (c) => c.onboarding.stagiair),
          rij(m('rij.workshopDeelnemers'), (c) => c.onboarding.workshopDeelnemers),
        ]),
      ),
    ],
  };

  const v = r.vog;
  const vog: Sectie = {
    id: 'vog',
    titel: m('vog.titel'),
    blokken: [
      tekst(
        m(
          'vog.tekst',
          n({
            jaar: String(r.jaar),
            gevraagd: v.gevraagd,
            ontvangen: v.ontvangen,
            nietOntvangen: v.nietOntvangen,
            openstaand: v.openstaand,
          }),
        ),
      ),
      tabel(
        jaarTabel('vog', 'kenmerk', [
          rij(m('rij.vogGevraagd'), (c) => c.vog.gevraagd),
          rij(m('rij.vogStart'), (c) => c.vog.perAanleiding.start),
          rij(m('rij.vogHernieuwing'), (c) => c.vog.perAanleiding.hernieuwing),
          rij(m('rij.vogOntvangen'), (c) => c.vog.ontvangen),
          rij(m('rij.vogNietOntvangen'), (c) => c.vog.nietOntvangen),
          rij(m('rij.vogOpenstaand'), (c) => c.vog.openstaand),
        ]),
      ),
    ],
  };

  const d = r.dilemma;
  const dilemma: Sectie = {
    id: 'dilemma',
    titel: m('dilemma.titel'),
    blokken: [
      tekst(m('dilemma.tekst', n({ sessies: d.sessies, bereik: d.bereik }))),
      tabel({
        id: 'dilemmaPerDoelgroep',
        titel: m('tabel.dilemmaPerDoelgroep'),
        kolommen: [m('kolom.doelgroep'), m('kolom.sessies'), m('kolom.deelnemers')],
        rijen: [
          ...DOELGROEPEN.map((dg) => [label(locale, 'doelgroep', dg), d.perDoelgroep[dg].sessies, d.perDoelgroep[dg].deelnemers]),
          [totaal, d.sessies, d.bereik],
        ],
        totaalRij: true,
      }),
      tabel(
        jaarTabel('dilemmaPerJaar', 'kenmerk', [
          rij(m('rij.sessies'), (c) => c.dilemma.sessies),
          rij(m('rij.bereik'), (c) => c.dilemma.bereik),
        ]),
      ),
    ],
  };

  const agressie: Sectie = {
    id: 'agressie',
    titel: m('agressie.titel'),
    blokken: [
      tekst(m('agressie.tekst', n({ incidenten: r.agressie.incidenten }))),
      tabel(
        jaarTabel(
          'agressiePerSoort',
          'soort',
          [
            ...perKeuze('agressieSoort', AGRESSIE_SOORTEN, (c) => c.agressie.perSoort),
            rij(m('rij.incidenten'), (c) => c.agressie.incidenten),
          ],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'agressiePerMaatregel',
          'maatregel',
          perKeuze('agressieMaatregel', AGRESSIE_MAATREGELEN, (c) => c.agressie.perMaatregel),
        ),
      ),
    ],
  };

  const meldwijzer: Sectie = {
    id: 'meldwijzer',
    titel: m('meldwijzer.titel'),
    blokken: [
      tekst(m('meldwijzer.tekst', n({ raadplegingen: r.meldwijzer.raadplegingen }))),
      tabel(
        jaarTabel(
          'meldwijzer',
          'situatie',
          [...perKeuze('situatie', SITUATIES, (c) => c.meldwijzer.perSituatie), rij(totaal, (c) => c.meldwijzer.raadplegingen)],
          true,
        ),
      ),
    ],
  };

  // Nevenwerkzaamheden and financiële belangen: the figures, then the "samenvattend overzicht" (Huizen 2020's annex).
  const nw = r.nevenwerk;
  const nevenwerk: Sectie = {
    id: 'nevenwerk',
    titel: m('nevenwerk.titel'),
    blokken: [
      // What the register is, the law article and who is in it (Ambtenarenwet art. 8), before its figures.
      tekst(m('nevenwerk.intro')),
      tekst(
        m(
          'nevenwerk.tekst',
          n({
            jaar: String(r.jaar),
            geregistreerd: nw.geregistreerd,
            financieleBelangen: nw.financieleBelangen,
            beoordeeld: nw.beoordeeld,
            ...nw.herbevestiging,
          }),
        ),
      ),
      tabel(
        jaarTabel('nevenwerk', 'kenmerk', [
          rij(m('rij.nevenwerkGeregistreerd'), (c) => c.nevenwerk.geregistreerd),
          rij(m('rij.nevenwerkNieuw'), (c) => c.nevenwerk.nieuw),
          rij(m('rij.financieleBelangen'), (c) => c.nevenwerk.financieleBelangen),
          rij(m('rij.nevenwerkBeoordeeld'), (c) => c.nevenwerk.beoordeeld),
          rij(m('rij.nevenwerkNietBeoordeeld'), (c) => c.nevenwerk.nietBeoordeeld),
          rij(m('rij.nevenwerkBeeindigd'), (c) => c.nevenwerk.beeindigd),
        ]),
      ),
      tekst(m('nevenwerk.overzicht')),
      tabel(
        jaarTabel(
          'nevenwerkPerSoort',
          'soort',
          [...perKeuze('nevenwerkSoort', NEVENWERK_SOORTEN, (c) => c.nevenwerk.perSoort), rij(totaal, (c) => c.nevenwerk.geregistreerd)],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'belangenPerSoort',
          'soort',
          [
            ...perKeuze('belangSoort', FINANCIEEL_BELANG_SOORTEN, (c) => c.nevenwerk.perSoortBelang),
            rij(totaal, (c) => c.nevenwerk.financieleBelangen),
          ],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'nevenwerkPerUitkomst',
          'beoordeling',
          [
            ...perKeuze('nevenwerkBeoordeling', NEVENWERK_BEOORDELINGEN, (c) => c.nevenwerk.perUitkomst),
            rij(m('rij.nevenwerkNietBeoordeeld'), (c) => c.nevenwerk.nietBeoordeeld),
            rij(totaal, (c) => c.nevenwerk.beoordeeld + c.nevenwerk.nietBeoordeeld),
          ],
          true,
        ),
      ),
      tabel(
        jaarTabel(
          'nevenwerkPerVoorwaarde',
          'voorwaarde',
          perKeuze('nevenwerkVoorwaarde', NEVENWERK_VOORWAARDEN, (c) => c.nevenwerk.perVoorwaarde),
        ),
      ),
      tabel(
        jaarTabel(
          'nevenwerkHerbevestiging',
          'antwoord',
          [
            ...perKeuze(
              'herbevestiging',
              HERBEVESTIGING_ANTWOORDEN.filter((a) => a !== 'openstaand'),
              (c) => c.nevenwerk.herbevestiging,
            ),
            rij(label(locale, 'herbevestiging', 'openstaand'), (c) => c.nevenwerk.herbevestiging.openstaand),
            rij(m('rij.herbevestigingGevraagd'), (c) => c.nevenwerk.herbevestiging.gevraagd),
          ],
          true,
        ),
      ),
    ],
  };

  const vooruitblik: Sectie = { id: 'vooruitblik', titel: m('vooruitblik.titel'), blokken: [tekst(m('vooruitblik.tekst'))] };

  return [
    inleiding,
    vertrouwenspersonen,
    meldingen,
    anoniemeMeldingen,
    zaken,
    wbk,
    ambtseed,
    vog,
    dilemma,
    agressie,
    meldwijzer,
    nevenwerk,
    vooruitblik,
  ];
}

/** Every table of the report, in order (for xlsx and tests). */
export function jaarverslagTabellen(r: Jaarverslag, locale: Locale = 'nl', opties: SectieOpties = {}): Tabel[] {
  return jaarverslagSecties(r, locale, opties).flatMap((s) => s.blokken.flatMap((b) => (b.soort === 'tabel' ? [b.tabel] : [])));
}

/**
 * Small-number suppression for publication (docs/contracts.md "The annual report (jaarverslag) JSON"): a count from 1 to `onderDrempel − 1` becomes the
 * string `"<N"`; 0 and counts ≥ N stay numbers. `onderDrempel` undefined or ≤ 1: nothing is suppressed.
 */
export function onderdruk(n: number, onderDrempel?: number): number | string {
  if (!onderDrempel || onderDrempel <= 1) return n;
  return n >= 1 && n < onderDrempel ? `<${onderDrempel}` : n;
}

/** A cell as shown in docx/html: counts formatted nl-NL (1.234) after suppression, labels unchanged. */
export function toonCel(c: Cel, onderDrempel?: number, locale: Locale = 'nl'): string {
  if (typeof c === 'string') return c;
  const v = onderdruk(c, onderDrempel);
  return typeof v === 'string' ? v : v.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
}

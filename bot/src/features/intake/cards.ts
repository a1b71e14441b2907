import { randomUUID } from 'node:crypto';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  BETROKKENEN,
  CATEGORIEEN,
  DOORVERWIJZINGEN,
  KANALEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  ONDERWERPEN,
  ONDERZOEKEN,
  UITKOMSTEN,
  VP_SOORTEN,
} from '@shared/lists/definitions';
import type { ListItem } from '@shared/lists/schemas';
import type { WbkSignaal, WbkTermijnStand } from '@shared/domain/wbk-termijnen';
import type { UitvraagRespons } from './staat';
import type { IntakeAction } from './payload';

/**
 * Typed render functions for the intake card templates `bot/cards/intake-*.json` (Adaptive Cards 1.5).
 * Every text comes from the `intake.*` catalogue; choice values are the list columns' choices with translated
 * titles. Cards that write carry a fresh `kaartId` (UUID) so a second submit of the same card is recognised.
 */

type Keuze = { title: string; value: string };
/** Choices for a ChoiceSet: the column values with `intake.keuze.<value>` titles. */
export function keuzes(locale: Locale, waarden: readonly string[]): Keuze[] {
  return waarden.map((value) => ({ title: t(locale, `intake.keuze.${value}`), value }));
}

/** A value (or list of values) as display text; a calendar date `YYYY-MM-DD` as `2 december 2026` (formaat.ts). */
export function toonWaarde(locale: Locale, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t(locale, 'intake.leeg');
  if (typeof v === 'boolean') return t(locale, v ? 'intake.ja' : 'intake.nee');
  if (Array.isArray(v)) return v.map((x) => toonWaarde(locale, x)).join(', ');
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return datumTekst(locale, s);
  const key = `intake.keuze.${s}`;
  const label = t(locale, key);
  return label === key ? s : label;
}

function labels(locale: Locale, extra: Record<string, string> = {}): Record<string, string> {
  const velden = [
    'datum',
    'vertrouwenspersoon',
    'onderwerp',
    'isMelding',
    'isMeldingVraag',
    'doorverwezen',
    'ontvangenOp',
    'kanaal',
    'meldpunt',
    'soort',
    'categorie',
    'betrokkene',
    'anoniem',
    'anoniemVraag',
    'contact',
    'onderzoek',
    'uitkomst',
    'maatregelen',
    'ontvangstbevestigdOp',
    'terugkoppelingOp',
    'afgeslotenOp',
    'bewaarTot',
    'agressieSoort',
    'toelichting',
  ];
  const out: Record<string, string> = Object.fromEntries(velden.map((v) => [v, t(locale, `intake.veld.${v}`)]));
  out.verplicht = t(locale, 'intake.verplicht');
  out.opslaan = t(locale, 'intake.knop.opslaan');
  out.toelichtingUitleg = t(locale, 'intake.agressie.toelichtingUitleg');
  out.contactVraag = t(locale, 'intake.agressie.contactVraag');
  return { ...out, ...extra };
}

/** One button of a card that writes. */
interface KaartActie {
  titel: string;
  action: Extract<IntakeAction, 'intake.gesprek.opslaan' | 'intake.melding.opslaan' | `intake.uitvraag.${'gesprek' | 'melding' | 'geen'}`>;
  kaartId: string;
  cyclus: string;
}

/** The intake menu: one button per action the caller may perform; `metRol` false explains that the caller has no register role. */
export function renderIntakeMenuCard(
  locale: Locale,
  acties: { titel: string; action: IntakeAction }[],
  metRol = acties.length > 0,
): AdaptiveCardJson {
  return renderCard('intake-menu', {
    titel: t(locale, 'intake.menu.titel'),
    uitleg: metRol ? t(locale, 'intake.menu.uitleg') : t(locale, 'intake.menu.geenActies'),
    acties,
  });
}

/** Values entered on a gesprek form earlier (carried by "Nee, datum aanpassen"), to pre-fill the form with. */
export interface GesprekWaarden {
  datum?: string;
  vertrouwenspersoon?: string;
  onderwerp?: string;
  isMelding?: boolean;
  doorverwezen?: string;
}

/**
 * "Gesprek vastleggen" (list `Gesprekken`). Date defaults to `vandaag`. In uitvraag mode (`uitvraag` given) the
 * card explains the uitvraag and has "Toevoegen" and "Niets (meer) te melden". With `correctie` (one of the
 * caller's own gesprekken, "Mijn registraties") the card is pre-filled with its values and saves a correction of
 * that gesprek (`intake.gesprek.corrigeer`, same id). `waarden` (what was entered before the year question) go over
 * the defaults and the stored values; `kaartId` keeps the id of that earlier form (default: a fresh UUID), so the
 * form and the question's "Ja" save once between them.
 */
export function renderGesprekCard(
  locale: Locale,
  opts: {
    vandaag: string;
    uitvraag?: { cyclus: string; sinds: string };
    correctie?: ListItem<'Gesprekken'>;
    waarden?: GesprekWaarden;
    kaartId?: string;
  },
): AdaptiveCardJson {
  const kaartId = opts.kaartId ?? randomUUID();
  const c = opts.correctie;
  const w = opts.waarden ?? {};
  const standaard = c
    ? {
        vertrouwenspersoon: c.vertrouwenspersoon,
        onderwerp: c.onderwerp,
        doorverwezen: c.doorverwezen ?? 'geen',
        isMelding: c.isMelding ?? true,
      }
    : { vertrouwenspersoon: 'intern', onderwerp: '', doorverwezen: 'geen', isMelding: true };
  const acties: { titel: string; data: Record<string, string> }[] = c
    ? [{ titel: t(locale, 'intake.knop.opslaan'), data: { action: 'intake.gesprek.corrigeer', kaartId, gesprekId: c.gesprekId } }]
    : opts.uitvraag
      ? [
          { titel: t(locale, 'intake.knop.toevoegen'), data: { action: 'intake.uitvraag.gesprek', kaartId, cyclus: opts.uitvraag.cyclus } },
          {
            titel: t(locale, 'intake.knop.nietsTeMelden'),
            data: { action: 'intake.uitvraag.geen', kaartId, cyclus: opts.uitvraag.cyclus },
          },
        ]
      : [{ titel: t(locale, 'intake.knop.opslaan'), data: { action: 'intake.gesprek.opslaan', kaartId, cyclus: '' } }];
  const card = renderCard('intake-gesprek', {
    titel: c
      ? t(locale, 'intake.mijn.corrigeerTitel', { gesprekId: c.gesprekId })
      : opts.uitvraag
        ? t(locale, 'intake.uitvraag.titel')
        : t(locale, 'intake.gesprek.titel'),
    intro: opts.uitvraag && !c ? t(locale, 'intake.uitvraag.uitlegGesprek', { sinds: datumTekst(locale, opts.uitvraag.sinds) }) : '',
    privacy: t(locale, 'intake.privacy'),
    labels: labels(locale),
    datum: w.datum ?? (c ? c.datum : opts.vandaag),
    standaard: {
      vertrouwenspersoon: w.vertrouwenspersoon ?? standaard.vertrouwenspersoon,
      onderwerp: w.onderwerp ?? standaard.onderwerp,
      doorverwezen: w.doorverwezen ?? standaard.doorverwezen,
      isMelding: String(w.isMelding ?? standaard.isMelding),
    },
    keuzes: {
      vertrouwenspersoon: keuzes(locale, VP_SOORTEN),
      onderwerp: keuzes(locale, ONDERWERPEN),
      doorverwezen: keuzes(locale, DOORVERWIJZINGEN),
    },
    acties,
  });
  return metNietsTeMeldenZonderInvoer(card);
}

/**
 * One line about a gesprek for "Mijn registraties": `G-2026-0001 · 2 maart 2026 · Discriminatie · Extern → Klachtencommissie`
 * (without the id when `gesprekId` is empty: a gesprek not saved yet).
 */
export function gesprekRegel(locale: Locale, g: ListItem<'Gesprekken'>): string {
  const delen = [g.gesprekId, toonWaarde(locale, g.datum), toonWaarde(locale, g.onderwerp), toonWaarde(locale, g.vertrouwenspersoon)];
  const regel = delen.filter(Boolean).join(' · ');
  return g.doorverwezen && g.doorverwezen !== 'geen' ? `${regel} → ${toonWaarde(locale, g.doorverwezen)}` : regel;
}

/**
 * "Mijn registraties": the caller's own gesprekken of the open years `jaar` (a number, or "2025 en 2026"; codes only),
 * each with "Corrigeren" and "Verwijderen" (which asks first); `extra` is appended to the explanation (until when
 * last year's can still be corrected).
 */
export function renderMijnRegistratiesCard(
  locale: Locale,
  jaar: number | string,
  gesprekken: ListItem<'Gesprekken'>[],
  extra?: string,
): AdaptiveCardJson {
  const uitleg = gesprekken.length
    ? t(locale, 'intake.mijn.uitleg', { n: gesprekken.length, jaar })
    : t(locale, 'intake.mijn.geen', { jaar });
  return renderCard('intake-mijn', {
    titel: t(locale, 'intake.mijn.titel', { jaar }),
    uitleg: extra ? `${uitleg} ${extra}` : uitleg,
    gesprekken: gesprekken.map((g) => ({
      regel: gesprekRegel(locale, g),
      corrigeer: { titel: t(locale, 'intake.knop.corrigeren'), data: { action: 'intake.gesprek.corrigeerStart', gesprekId: g.gesprekId } },
      verwijder: { titel: t(locale, 'intake.knop.verwijderen'), data: { action: 'intake.gesprek.verwijderStart', gesprekId: g.gesprekId } },
    })),
  });
}

/**
 * A confirmation card: a title, the line about the item and an explanation, with buttons (`stijl`: Adaptive Cards
 * action style, `destructive` for the one that removes or changes last year's figures, `default` otherwise).
 */
export function renderBevestigVraagCard(
  titel: string,
  regel: string,
  uitleg: string,
  knoppen: { titel: string; stijl: 'default' | 'positive' | 'destructive'; data: Record<string, unknown> }[],
): AdaptiveCardJson {
  return renderCard('intake-bevestig', { titel, regel, uitleg, knoppen });
}

/**
 * The confirmation before removing one of the caller's gesprekken: what will be removed, "Ja, verwijderen"
 * (`intake.gesprek.verwijder`, a fresh `kaartId`) and "Nee, behouden" (`intake.gesprek.behouden`: nothing changes).
 */
export function renderGesprekVerwijderCard(locale: Locale, g: ListItem<'Gesprekken'>): AdaptiveCardJson {
  return renderBevestigVraagCard(
    t(locale, 'intake.mijn.verwijderTitel', { gesprekId: g.gesprekId }),
    gesprekRegel(locale, g),
    t(locale, 'intake.mijn.verwijderUitleg'),
    [
      {
        titel: t(locale, 'intake.knop.jaVerwijderen'),
        stijl: 'destructive',
        data: { action: 'intake.gesprek.verwijder', kaartId: randomUUID(), gesprekId: g.gesprekId },
      },
      {
        titel: t(locale, 'intake.knop.neeBehouden'),
        stijl: 'default',
        data: { action: 'intake.gesprek.behouden', gesprekId: g.gesprekId },
      },
    ],
  );
}

/**
 * "Melding registreren" (list `Meldingen`), also used for the managers' uitvraag. `meldpunt` is preselected
 * (integriteitscoordinator when the coordinator registers, leidinggevende in the uitvraag).
 */
export function renderMeldingCard(
  locale: Locale,
  opts: { vandaag: string; meldpunt: (typeof MELDPUNT_SOORTEN)[number]; uitvraag?: { cyclus: string; sinds: string } },
): AdaptiveCardJson {
  const kaartId = randomUUID();
  const acties: KaartActie[] = opts.uitvraag
    ? [
        { titel: t(locale, 'intake.knop.toevoegen'), action: 'intake.uitvraag.melding', kaartId, cyclus: opts.uitvraag.cyclus },
        { titel: t(locale, 'intake.knop.nietsTeMelden'), action: 'intake.uitvraag.geen', kaartId, cyclus: opts.uitvraag.cyclus },
      ]
    : [{ titel: t(locale, 'intake.knop.opslaan'), action: 'intake.melding.opslaan', kaartId, cyclus: '' }];
  const card = renderCard('intake-melding', {
    titel: opts.uitvraag ? t(locale, 'intake.uitvraag.titel') : t(locale, 'intake.melding.titel'),
    intro: opts.uitvraag ? t(locale, 'intake.uitvraag.uitlegMelding', { sinds: datumTekst(locale, opts.uitvraag.sinds) }) : '',
    privacy: t(locale, 'intake.privacy'),
    labels: labels(locale),
    datum: opts.vandaag,
    standaard: {
      kanaal: 'gesprek',
      meldpunt: opts.meldpunt,
      betrokkene: 'ambtenaar',
      onderzoek: 'geen',
      uitkomst: 'lopend',
      maatregelen: 'geen',
    },
    keuzes: {
      kanaal: keuzes(locale, KANALEN),
      meldpunt: keuzes(locale, MELDPUNT_SOORTEN),
      soort: keuzes(locale, MELDING_SOORTEN),
      categorie: keuzes(locale, CATEGORIEEN),
      betrokkene: keuzes(locale, BETROKKENEN),
      onderzoek: keuzes(locale, ONDERZOEKEN),
      uitkomst: keuzes(locale, UITKOMSTEN),
      maatregelen: keuzes(locale, MAATREGELEN),
    },
    acties,
  });
  return metNietsTeMeldenZonderInvoer(card);
}

/** "Niets (meer) te melden" must submit without the (required) inputs: `associatedInputs: none`. */
function metNietsTeMeldenZonderInvoer(card: AdaptiveCardJson): AdaptiveCardJson {
  const acties = (card.actions ?? []) as { data?: { action?: string }; associatedInputs?: string }[];
  for (const a of acties) if (a.data?.action === 'intake.uitvraag.geen') a.associatedInputs = 'none';
  return card;
}

/** "Melding bijwerken": the melding's fixed facts and its editable columns, pre-filled. */
export function renderMeldingBijwerkenCard(locale: Locale, melding: ListItem<'Meldingen'>, bewaartermijnMaanden: number): AdaptiveCardJson {
  const vast = ['ontvangenOp', 'soort', 'categorie', 'meldpunt', 'anoniem'] as const;
  return renderCard('intake-melding-bijwerken', {
    titel: t(locale, 'intake.melding.bijwerkenTitel', { meldingId: melding.meldingId }),
    meldingId: melding.meldingId,
    feiten: vast.map((k) => ({ title: t(locale, `intake.veld.${k}`), value: toonWaarde(locale, melding[k]) })),
    labels: labels(locale, { bewaarTotUitleg: t(locale, 'intake.melding.bewaarTotUitleg', { maanden: bewaartermijnMaanden }) }),
    waarden: {
      ontvangstbevestigdOp: melding.ontvangstbevestigdOp ?? '',
      terugkoppelingOp: melding.terugkoppelingOp ?? '',
      onderzoek: melding.onderzoek,
      uitkomst: melding.uitkomst,
      maatregelen: melding.maatregelen.join(','),
      afgeslotenOp: melding.afgeslotenOp ?? '',
      bewaarTot: melding.bewaarTot ?? '',
    },
    keuzes: { onderzoek: keuzes(locale, ONDERZOEKEN), uitkomst: keuzes(locale, UITKOMSTEN), maatregelen: keuzes(locale, MAATREGELEN) },
  });
}

/** A chooser: one ChoiceSet (`veld`) and a button that submits `action`. */
export function renderKiesCard(
  locale: Locale,
  opts: { titel: string; veld: 'meldingId' | 'incidentId'; action: Extract<IntakeAction, `${string}.kies`>; keuzes: Keuze[] },
): AdaptiveCardJson {
  return renderCard('intake-kies', {
    titel: opts.titel,
    veld: opts.veld,
    label: t(locale, `intake.veld.${opts.veld}`),
    verplicht: t(locale, 'intake.verplicht'),
    keuzes: opts.keuzes,
    knop: t(locale, 'intake.knop.kiezen'),
    action: opts.action,
  });
}

/** "Agressie-incident registreren" (list `AgressieIncidenten`): date and soort, an optional note for the VPT adviser. */
export function renderAgressieCard(locale: Locale, opts: { vandaag: string }): AdaptiveCardJson {
  return renderCard('intake-agressie', {
    titel: t(locale, 'intake.agressie.titel'),
    uitleg: t(locale, 'intake.agressie.uitleg'),
    labels: labels(locale),
    datum: opts.vandaag,
    keuzes: { soort: keuzes(locale, AGRESSIE_SOORTEN) },
    kaartId: randomUUID(),
  });
}

/** The facts of an incident on the VPT adviser's cards: its date and soort. */
const agressieFeiten = (locale: Locale, incident: ListItem<'AgressieIncidenten'>) => [
  { title: t(locale, 'intake.veld.datum'), value: toonWaarde(locale, incident.datum) },
  { title: t(locale, 'intake.veld.agressieSoort'), value: toonWaarde(locale, incident.soort) },
];

/**
 * The proactive card to the adviseur VPT about a new incident, with a button to record maatregelen. `contact`: the
 * reporter's display name when they asked to be contacted (looked up at run time, never stored), `null` when they
 * asked but no name was found, `undefined` when they did not ask; the card says which.
 */
export function renderAgressieNieuwCard(
  locale: Locale,
  incident: ListItem<'AgressieIncidenten'>,
  toelichting: string | null,
  contact?: string | null,
): AdaptiveCardJson {
  return renderCard('intake-agressie-nieuw', {
    titel: t(locale, 'intake.agressie.nieuwTitel', { incidentId: incident.incidentId }),
    uitleg: t(locale, 'intake.agressie.nieuwUitleg'),
    feiten: agressieFeiten(locale, incident),
    toelichting: toelichting ?? '',
    contact:
      contact === undefined
        ? t(locale, 'intake.agressie.geenContact')
        : contact === null
          ? t(locale, 'intake.agressie.contactZonderNaam')
          : t(locale, 'intake.agressie.contactMet', { naam: contact }),
    knop: t(locale, 'intake.knop.maatregelen'),
    incidentId: incident.incidentId,
  });
}

/** The adviseur VPT's card to record maatregelen of one incident (pre-filled). */
export function renderAgressieBijwerkenCard(locale: Locale, incident: ListItem<'AgressieIncidenten'>): AdaptiveCardJson {
  return renderCard('intake-agressie-bijwerken', {
    titel: t(locale, 'intake.agressie.bijwerkenTitel', { incidentId: incident.incidentId }),
    incidentId: incident.incidentId,
    feiten: agressieFeiten(locale, incident),
    labels: labels(locale),
    waarde: (incident.maatregelen ?? []).join(','),
    keuzes: { maatregelen: keuzes(locale, AGRESSIE_MAATREGELEN) },
  });
}

/**
 * One line about one Wbk deadline, e.g. "M-2026-0003: ontvangstbevestiging uiterlijk 9 maart 2026: 2 dagen te laat",
 * "…: nog 89 dagen", "…: uiterlijk vandaag (…)"; for a done action "…: ontvangstbevestiging op 2 december 2026,
 * 1 dag te laat (uiterlijk 1 december 2026)" or "…, op tijd (…)". Dates as in running text (formaat.ts).
 */
export function wbkRegel(locale: Locale, s: WbkSignaal | WbkTermijnStand): string {
  const p = {
    meldingId: s.meldingId,
    actie: t(locale, `intake.wbk.${s.actie}`),
    uiterlijk: datumTekst(locale, s.uiterlijk),
    dagen: Math.abs(s.dagenTot),
    gedaanOp: 'gedaanOp' in s && s.gedaanOp ? datumTekst(locale, s.gedaanOp) : '',
  };
  if ('gedaanOp' in s && s.gedaanOp) return t(locale, s.dagenTot < 0 ? 'intake.wbk.teLaatGedaan' : 'intake.wbk.opTijd', p);
  if (s.dagenTot < 0) return t(locale, 'intake.wbk.teLaat', p);
  if (s.dagenTot === 0) return t(locale, 'intake.wbk.vandaag', p);
  return t(locale, 'intake.wbk.nogDagen', p);
}

/**
 * The coordinator's overview ("termijnen"): every running deadline by due date with the days left or late
 * (overdue in red, within `vooruitDagen` in amber), then the actions done late (they stay visible: the report
 * counts them as not in time).
 */
export function renderWbkOverzichtCard(
  locale: Locale,
  opts: { vandaag: string; lopend: WbkTermijnStand[]; teLaatGedaan: WbkTermijnStand[] },
): AdaptiveCardJson {
  return renderCard('intake-wbk-overzicht', {
    titel: t(locale, 'intake.wbk.titel'),
    uitleg: opts.lopend.length
      ? t(locale, 'intake.wbk.overzichtUitleg', { vandaag: datumTekst(locale, opts.vandaag) })
      : t(locale, 'intake.wbk.geenLopend', { vandaag: datumTekst(locale, opts.vandaag) }),
    lopend: opts.lopend.map((s) => ({
      regel: wbkRegel(locale, s),
      verlopen: s.status === 'verlopen',
      binnenkort: s.status === 'binnenkort',
    })),
    metTeLaat: opts.teLaatGedaan.length > 0,
    teLaatKop: t(locale, 'intake.wbk.teLaatGedaanKop'),
    teLaat: opts.teLaatGedaan.map((s) => ({ regel: wbkRegel(locale, s) })),
    wet: t(locale, 'intake.wbk.wet'),
    knop: t(locale, 'intake.actie.meldingBijwerken'),
  });
}

/** The Wbk deadline card (daily reminder and the "termijnen" command): overdue lines in red with the days late. */
export function renderWbkCard(locale: Locale, opts: { vandaag: string; vooruitDagen: number; signalen: WbkSignaal[] }): AdaptiveCardJson {
  return renderCard('intake-wbk', {
    titel: t(locale, 'intake.wbk.titel'),
    uitleg: opts.signalen.length
      ? t(locale, 'intake.wbk.uitleg', { dagen: opts.vooruitDagen, vandaag: datumTekst(locale, opts.vandaag) })
      : t(locale, 'intake.wbk.geen', { dagen: opts.vooruitDagen }),
    signalen: opts.signalen.map((s) => ({ regel: wbkRegel(locale, s), verlopen: s.status === 'verlopen' })),
    wet: t(locale, 'intake.wbk.wet'),
    knop: t(locale, 'intake.actie.meldingBijwerken'),
  });
}

/** A summary card: a title, facts and optional lines (confirmation after saving, uitvraag response). */
export function renderSamenvattingCard(titel: string, feiten: { title: string; value: string }[], regels: string[] = []): AdaptiveCardJson {
  return renderCard('intake-samenvatting', { titel, feiten, regels });
}

/** The confirmation after saving or updating an item: every saved column with its translated value. */
export function renderBevestigingCard(
  locale: Locale,
  titel: string,
  item: Record<string, unknown>,
  kolommen: readonly string[],
  regels: string[] = [],
): AdaptiveCardJson {
  return renderSamenvattingCard(
    titel,
    kolommen.map((k) => ({
      title: t(locale, `intake.veld.${k === 'soort' && 'incidentId' in item ? 'agressieSoort' : k}`),
      value: toonWaarde(locale, item[k]),
    })),
    regels,
  );
}

/** The uitvraag response for the integriteitscoördinator, with the next uitvraag date (`YYYY-MM-DD`) when known. */
export function renderUitvraagResponsCard(locale: Locale, r: UitvraagRespons, volgende?: string): AdaptiveCardJson {
  const regels = volgende ? [t(locale, 'intake.uitvraag.volgende', { datum: datumTekst(locale, volgende) })] : [];
  return renderSamenvattingCard(
    t(locale, 'intake.uitvraag.statusTitel', { cyclus: datumTekst(locale, r.cyclus) }),
    [
      { title: t(locale, 'intake.uitvraag.gevraagd'), value: String(r.gevraagd) },
      { title: t(locale, 'intake.uitvraag.beantwoord'), value: String(r.beantwoord) },
      { title: t(locale, 'intake.uitvraag.respons'), value: `${r.percentage}%` },
      { title: t(locale, 'intake.uitvraag.herinnerd'), value: String(r.herinnerd) },
      { title: t(locale, 'intake.uitvraag.nietBereikbaar'), value: String(r.nietBereikbaar) },
      { title: t(locale, 'intake.uitvraag.vastgelegd'), value: String(r.items) },
    ],
    regels,
  );
}

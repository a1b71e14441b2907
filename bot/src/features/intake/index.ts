import { z } from 'zod';
import { controleerPii, vindNaam } from '@shared/domain/pii-guard';
import { gebruikersMetRol } from '@shared/domain/rollen';
import { vandaag as vandaagVan } from '@shared/domain/tijd';
import { dagenTussen, standaardBewaarTot, wbkOverzicht as wbkOverzichtVan, wbkStanden } from '@shared/domain/wbk-termijnen';
import { MELDING_ID } from '@shared/domain/melding-id';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { LIST_DEFINITIONS } from '@shared/lists/definitions';
import { formatIssues, type ListItem } from '@shared/lists/schemas';
import { InvalidItemError, queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { verstuurInEigenTaal } from '../../proactive';
import { actie, defineFeature, issuePaden, kaart as card, magGebruiken, tekst as text, type Actie, type FeatureDefinitie } from '../kit';
import { huidigeCyclus, uitvraagKaart, volgendeUitvraag } from './uitvraag-job';
import {
  agressieBijwerkenInvoer,
  agressieBijwerkenStartInvoer,
  agressieInvoer,
  agressieKiesInvoer,
  agressieStartInvoer,
  gesprekCorrigeerInvoer,
  gesprekCorrigeerStartInvoer,
  gesprekInvoer,
  gesprekStartInvoer,
  gesprekBehoudenInvoer,
  gesprekVerwijderInvoer,
  gesprekVerwijderStartInvoer,
  mijnRegistratiesInvoer,
  meldingBijwerkenInvoer,
  meldingBijwerkenStartInvoer,
  meldingInvoer,
  meldingKiesInvoer,
  meldingStartInvoer,
  menuInvoer,
  uitvraagGeenInvoer,
  uitvraagStatusInvoer,
  wbkOverzichtInvoer,
  type AgressieInvoer,
  type GesprekCorrigeerInvoer,
  type GesprekCorrigeerStartInvoer,
  type GesprekStartInvoer,
  type GesprekInvoer,
  type IntakeAction,
  type MeldingBijwerkenInvoer,
  type MeldingInvoer,
} from './payload';
import {
  renderAgressieBijwerkenCard,
  renderAgressieCard,
  renderAgressieNieuwCard,
  renderBevestigingCard,
  renderGesprekCard,
  renderBevestigVraagCard,
  renderGesprekVerwijderCard,
  renderSamenvattingCard,
  gesprekRegel,
  renderMijnRegistratiesCard,
  renderIntakeMenuCard,
  renderKiesCard,
  renderMeldingBijwerkenCard,
  renderMeldingCard,
  renderUitvraagResponsCard,
  renderWbkOverzichtCard,
  toonWaarde,
  wbkRegel,
} from './cards';
import { laatsteDagVoor, openJaren } from './jaargrens';
import { voegToeMetVolgnummer } from './opslag';
import { intakeStaat } from './staat';
import { nietToegestaanTekst, toegang, type IntakeActie } from './toegang';

/**
 * The intake feature: vertrouwenspersonen log gesprekken, the integriteitscoördinator (and the roles in
 * `intake.meldingRollen`) registers and updates meldingen, everyone can register an agressie-incident (the
 * adviseur VPT is notified and adds maatregelen), managers and vertrouwenspersonen answer the half-yearly
 * uitvraag, and the coordinator sees Wbk deadlines and the uitvraag response.
 *
 * Every command and every submit is checked against the caller's roles on the server first (`toegang.ts`);
 * a denied action answers "Niet toegestaan" and writes nothing. Every submit is parsed with a strict zod schema
 * (`invoer.ts`); ids are generated here. Lists receive metadata only; logs hold action names and item ids,
 * never user ids next to melding ids, never text.
 *
 * Submit actions (`data.action`): intake.menu · intake.gesprek.start|opslaan · intake.melding.start|opslaan|
 * bijwerkenStart|kies|bijwerken · intake.wbk.overzicht · intake.uitvraag.status|gesprek|melding|geen ·
 * intake.agressie.start|opslaan|bijwerkenStart|kies|bijwerken. The meldwijzer's "agressie van buiten" result can
 * offer a button with `{ action: 'intake.agressie.start' }`.
 */

/** Commands (lower case, Dutch and English) → action. */
export const INTAKE_COMMANDS: Record<string, IntakeAction> = {
  intake: 'intake.menu',
  registratie: 'intake.menu',
  register: 'intake.menu',
  'gesprek vastleggen': 'intake.gesprek.start',
  'log conversation': 'intake.gesprek.start',
  'mijn registraties': 'intake.gesprek.mijn',
  'my records': 'intake.gesprek.mijn',
  'my registrations': 'intake.gesprek.mijn',
  'melding registreren': 'intake.melding.start',
  'register report': 'intake.melding.start',
  'melding bijwerken': 'intake.melding.bijwerkenStart',
  'update report': 'intake.melding.bijwerkenStart',
  termijnen: 'intake.wbk.overzicht',
  'wbk termijnen': 'intake.wbk.overzicht',
  deadlines: 'intake.wbk.overzicht',
  'uitvraag status': 'intake.uitvraag.status',
  uitvraag: 'intake.uitvraag.status',
  'survey status': 'intake.uitvraag.status',
  'agressie registreren': 'intake.agressie.start',
  'agressie-incident registreren': 'intake.agressie.start',
  'register aggression incident': 'intake.agressie.start',
  'report aggression': 'intake.agressie.start',
  'agressie bijwerken': 'intake.agressie.bijwerkenStart',
  'update aggression incident': 'intake.agressie.bijwerkenStart',
  // Intent synonyms: also typed commands, and the words bot/src/features/commando-herkenning.ts recognises in free text.
  'intake menu': 'intake.menu',
  'record conversation': 'intake.gesprek.start',
  'gesprek registreren': 'intake.gesprek.start',
  'mijn gesprekken': 'intake.gesprek.mijn',
  'my conversations': 'intake.gesprek.mijn',
  'melding vastleggen': 'intake.melding.start',
  'log report': 'intake.melding.start',
  'melding aanpassen': 'intake.melding.bijwerkenStart',
  'melding wijzigen': 'intake.melding.bijwerkenStart',
  'lopende termijnen': 'intake.wbk.overzicht',
  'openstaande termijnen': 'intake.wbk.overzicht',
  'verlopende termijnen': 'intake.wbk.overzicht',
  'welke termijnen lopen': 'intake.wbk.overzicht',
  'running deadlines': 'intake.wbk.overzicht',
  'agressie melden': 'intake.agressie.start',
  'register aggression': 'intake.agressie.start',
  'update aggression': 'intake.agressie.bijwerkenStart',
};

/** i18n key of the readable name of an action, for "niet toegestaan". */
const ACTIE_NAAM: Record<IntakeActie, string> = {
  menu: 'intake.menu.titel',
  gesprek: 'intake.actie.gesprek',
  mijnRegistraties: 'intake.actie.mijnRegistraties',
  melding: 'intake.actie.melding',
  meldingBijwerken: 'intake.actie.meldingBijwerken',
  wbk: 'intake.actie.wbk',
  uitvraagStatus: 'intake.actie.uitvraagStatus',
  uitvraagGesprek: 'intake.uitvraag.titel',
  uitvraagMelding: 'intake.uitvraag.titel',
  uitvraagGeen: 'intake.uitvraag.titel',
  agressie: 'intake.actie.agressie',
  agressieBijwerken: 'intake.actie.agressieBijwerken',
};

/** zod issues as one Dutch line, with field labels instead of column names; logs get the paths only. */
function ongeldig(input: TurnInput, services: BotServices, error: z.ZodError, action: string): Reply[] {
  const actie = action.replace(/^intake\./, '');
  services.log.warn({ feature: 'intake', actie, issues: issuePaden(error) }, 'ongeldige invoer');
  const details = formatIssues(error)
    .map((line) => {
      const [veld, ...rest] = line.split(': ');
      const kolom = veld.split('.')[0];
      const key = `intake.veld.${kolom === 'soort' && actie.startsWith('agressie') ? 'agressieSoort' : kolom}`;
      const label = t(input.locale, key);
      return `${label === key ? veld : label}: ${rest.join(': ')}`;
    })
    .join('; ');
  return [text(t(input.locale, 'intake.ongeldig', { details }))];
}

function regelFout(input: TurnInput, details: string[]): Reply[] {
  return [text(t(input.locale, 'intake.ongeldig', { details: details.join('; ') }))];
}

/** Checks that a date is not in the future and not before `minimum`. @returns Dutch/English problem lines. */
function datumRegels(
  locale: Locale,
  vandaag: string,
  velden: Record<string, string | null | undefined>,
  minimum?: string,
  toekomstToegestaan: string[] = [],
): string[] {
  const out: string[] = [];
  for (const [veld, waarde] of Object.entries(velden)) {
    if (!waarde) continue;
    const label = t(locale, `intake.veld.${veld}`);
    if (!toekomstToegestaan.includes(veld) && dagenTussen(vandaag, waarde) > 0)
      out.push(t(locale, 'intake.fout.toekomst', { veld: label }));
    if (minimum && dagenTussen(minimum, waarde) < 0) out.push(t(locale, 'intake.fout.voorOntvangst', { veld: label }));
  }
  return out;
}

/** `geen` excludes other maatregelen. */
function maatregelRegels(locale: Locale, maatregelen: readonly string[]): string[] {
  return maatregelen.includes('geen') && maatregelen.length > 1 ? [t(locale, 'intake.fout.maatregelenGeen')] : [];
}

/**
 * The Wbk deadlines of a melding just saved or updated: lines for its confirmation card (heading first, both
 * deadlines with days left or late, done ones with their date) and a warning per deadline that has passed without
 * the action (only while the melding is open). Rule: `wbkStanden` (Wbk art. 2 lid 2).
 */
function wbkVanMelding(
  locale: Locale,
  m: ListItem<'Meldingen'>,
  vandaag: string,
  vooruitDagen: number,
): { regels: string[]; waarschuwingen: Reply[] } {
  const standen = wbkStanden(m, vandaag, vooruitDagen);
  return {
    regels: [t(locale, 'intake.wbk.kop'), ...standen.map((s) => wbkRegel(locale, s))],
    waarschuwingen: m.afgeslotenOp
      ? []
      : standen
          .filter((s) => s.status === 'verlopen')
          .map((s) => text(t(locale, 'intake.wbk.waarschuwing', { regel: wbkRegel(locale, s) }))),
  };
}

/**
 * Write once per card: claim the card's `kaartId`, write, record the id. A second submit of the same card answers
 * "al opgeslagen" and writes nothing. Store validation errors release the claim and answer with the issues.
 */
async function eenmaalPerKaart(
  input: TurnInput,
  services: BotServices,
  kaartId: string,
  schrijf: () => Promise<{ id: string; replies: Reply[] }>,
): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  const al = await staat.claimKaart(kaartId, input.now);
  if (al !== undefined) return [text(t(input.locale, 'intake.alOpgeslagen', { id: al || '…' }))];
  try {
    const { id, replies } = await schrijf();
    await staat.kaartVerwerkt(kaartId, id);
    return replies;
  } catch (err) {
    await staat.kaartVrijgeven(kaartId);
    if (err instanceof InvalidItemError) {
      services.log.warn({ feature: 'intake', lijst: err.list, issues: err.issues.map((i) => i.split(':')[0]) }, 'item ongeldig voor lijst');
      return regelFout(input, err.issues);
    }
    throw err;
  }
}

const GESPREK_KOLOMMEN = LIST_DEFINITIONS.Gesprekken.columns.map((c) => c.name).filter((k) => k !== 'verwijderdOp');
const MELDING_KOLOMMEN = LIST_DEFINITIONS.Meldingen.columns.map((c) => c.name);
const AGRESSIE_KOLOMMEN = LIST_DEFINITIONS.AgressieIncidenten.columns.map((c) => c.name);

/* ---------------- handlers ---------------- */

/** The intake menu card for the caller: a button per action their roles allow, and "agressie registreren" for everyone. */
function menuKaart(input: TurnInput, services: BotServices): Reply {
  const kandidaten: [IntakeActie, IntakeAction, string][] = [
    ['gesprek', 'intake.gesprek.start', 'intake.actie.gesprek'],
    ['mijnRegistraties', 'intake.gesprek.mijn', 'intake.actie.mijnRegistraties'],
    ['melding', 'intake.melding.start', 'intake.actie.melding'],
    ['meldingBijwerken', 'intake.melding.bijwerkenStart', 'intake.actie.meldingBijwerken'],
    ['wbk', 'intake.wbk.overzicht', 'intake.actie.wbk'],
    ['uitvraagStatus', 'intake.uitvraag.status', 'intake.actie.uitvraagStatus'],
    ['agressieBijwerken', 'intake.agressie.bijwerkenStart', 'intake.actie.agressieBijwerken'],
  ];
  const acties = kandidaten
    .filter(([, action]) => magGebruiken(INTAKE_ACTIONS[action].rol, input.user.rollen, services.config))
    .map(([, action, key]) => ({ titel: t(input.locale, key), action }));
  const metRol = acties.length > 0;
  // Everyone may register an agressie-incident (the meldwijzer's "agressie van buiten" result leads here too).
  acties.push({ titel: t(input.locale, 'intake.actie.agressie'), action: 'intake.agressie.start' });
  return card(renderIntakeMenuCard(input.locale, acties, metRol));
}

async function menu(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  return [menuKaart(input, services)];
}

/** The period an uitvraag cycle asks about (`sinds`: the uitvraag date before it), for its card. */
function uitvraagPeriode(input: TurnInput, services: BotServices, cyclus: string): { cyclus: string; sinds: string } {
  const c = huidigeCyclus(vandaagVan(input.now), services.config.intake.uitvraagDatums);
  return { cyclus, sinds: c && c.cyclus === cyclus ? c.sinds : cyclus };
}

/**
 * The gesprek form: empty from the menu or a command; after "Nee, datum aanpassen" on the year question with what was
 * entered (`waarden`), the same `kaartId` and, for an uitvraag answer, the uitvraag again.
 */
async function gesprekStart(d: GesprekStartInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const { action: _action, kaartId, cyclus, ...waarden } = d;
  return [
    card(
      renderGesprekCard(input.locale, {
        vandaag: vandaagVan(input.now),
        kaartId,
        waarden,
        uitvraag: cyclus ? uitvraagPeriode(input, services, cyclus) : undefined,
      }),
    ),
  ];
}

/** The years of `jaren` as one phrase: "2025 en 2026" / "2025 and 2026" (Intl.ListFormat). */
function jarenTekst(locale: Locale, jaren: number[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(jaren.map(String));
}

/**
 * The date rules of a gesprek saved with `datum`: not in the future, not in a closed year (`jaargrens.ts`), as
 * problem lines; and the earliest earlier year whose figures the save changes (`raakt`, also the year of the
 * gesprek being corrected), which needs a confirmation.
 */
function jaarRegel(input: TurnInput, datum: string, huidigeDatum?: string): { fouten: string[]; raakt?: number } {
  const vandaag = vandaagVan(input.now);
  const fouten = datumRegels(input.locale, vandaag, { datum });
  const jaar = Number(datum.slice(0, 4));
  if (!openJaren(vandaag).includes(jaar))
    fouten.push(
      t(input.locale, 'intake.fout.jaarGesloten', {
        veld: t(input.locale, 'intake.veld.datum'),
        jaar,
        tot: datumTekst(input.locale, laatsteDagVoor(jaar)),
      }),
    );
  const raakt = Math.min(jaar, huidigeDatum ? Number(huidigeDatum.slice(0, 4)) : jaar);
  return { fouten, raakt: fouten.length === 0 && raakt < ditJaar(input) ? raakt : undefined };
}

/**
 * Saving a gesprek dated in an earlier (still open) year changes that year's figures: ask first. "Ja, de datum klopt"
 * sends the same data (same `kaartId`, so still saved once) with `bevestigJaar`; "Nee, datum aanpassen" opens the form
 * again with everything entered and the same `kaartId` (`nee` carries them), so only the date needs changing and the
 * form and "Ja" together still save once.
 */
function jaarVraag(
  input: TurnInput,
  raakt: number,
  regel: string,
  ja: Record<string, unknown>,
  nee: Record<string, unknown>,
  gesprekId?: string,
): Reply[] {
  const l = input.locale;
  return [
    card(
      renderBevestigVraagCard(
        gesprekId ? t(l, 'intake.jaar.correctieTitel', { gesprekId, jaar: raakt }) : t(l, 'intake.jaar.vraagTitel', { jaar: raakt }),
        regel,
        gesprekId
          ? t(l, 'intake.jaar.correctieUitleg', { jaar: raakt })
          : t(l, 'intake.jaar.vraagUitleg', { jaar: raakt, ditJaar: ditJaar(input) }),
        [
          { titel: t(l, 'intake.knop.jaDatumKlopt'), stijl: 'destructive', data: { ...ja, bevestigJaar: String(raakt) } },
          { titel: t(l, 'intake.knop.neeDatumAanpassen'), stijl: 'default', data: nee },
        ],
      ),
    ),
  ];
}

/** The fields of a gesprek as card data (Teams' string form), for the year question's buttons. */
const gesprekVelden = (v: GesprekInvoer | GesprekCorrigeerInvoer) => ({
  datum: v.datum,
  vertrouwenspersoon: v.vertrouwenspersoon,
  onderwerp: v.onderwerp,
  isMelding: String(v.isMelding),
  doorverwezen: v.doorverwezen,
});

async function gesprekOpslaan(v: GesprekInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const al = await intakeStaat(services.lokaal).verwerktAls(v.kaartId);
  if (al) return [text(t(input.locale, 'intake.alOpgeslagen', { id: al }))];
  const jr = jaarRegel(input, v.datum);
  if (jr.fouten.length) return regelFout(input, jr.fouten);
  if (jr.raakt && v.bevestigJaar !== String(jr.raakt))
    return jaarVraag(
      input,
      jr.raakt,
      gesprekRegel(input.locale, { gesprekId: '', ...v, verwijderdOp: null }),
      { action: v.action, kaartId: v.kaartId, cyclus: v.cyclus ?? '', ...gesprekVelden(v) },
      { action: 'intake.gesprek.start', kaartId: v.kaartId, cyclus: v.cyclus ?? '', ...gesprekVelden(v) },
    );
  return eenmaalPerKaart(input, services, v.kaartId, async () => {
    const item = await voegToeMetVolgnummer(services.store, 'Gesprekken', v.datum, (gesprekId) => ({
      gesprekId,
      datum: v.datum,
      vertrouwenspersoon: v.vertrouwenspersoon,
      onderwerp: v.onderwerp,
      isMelding: v.isMelding,
      doorverwezen: v.doorverwezen,
    }));
    services.log.info({ feature: 'intake', actie: 'gesprek.opslaan', id: item.gesprekId }, 'gesprek vastgelegd');
    if (input.user.aadObjectId) await intakeStaat(services.lokaal).gesprekEigenaarZetten(item.gesprekId, input.user.aadObjectId, input.now);
    const replies: Reply[] = [
      text(t(input.locale, 'intake.opgeslagen', { id: item.gesprekId })),
      card(renderBevestigingCard(input.locale, item.gesprekId, item, GESPREK_KOLOMMEN.slice(1))),
    ];
    if (v.cyclus && input.user.aadObjectId) replies.push(...(await uitvraagVervolg(input, services, v.cyclus, 'vertrouwenspersoon')));
    return { id: item.gesprekId, replies };
  });
}

/* ---- "Mijn registraties": a vertrouwenspersoon's own gesprekken of the open years ---- */

/** This year (Europe/Amsterdam). */
const ditJaar = (input: TurnInput) => Number(vandaagVan(input.now).slice(0, 4));
/** The years whose gesprekken can still be corrected and removed (`jaargrens.ts`): this year, and last year until 1 March. */
const open = (input: TurnInput) => openJaren(vandaagVan(input.now));

/**
 * The caller's own gesprek `gesprekId` of an open year, not removed; undefined otherwise (another's, a closed year's,
 * unknown or removed: all answered alike, so the answer tells nothing about other people's registrations).
 */
async function eigenGesprek(input: TurnInput, services: BotServices, gesprekId: string): Promise<ListItem<'Gesprekken'> | undefined> {
  const oid = input.user.aadObjectId;
  const jaar = Number(gesprekId.slice(2, 6));
  if (!oid || !open(input).includes(jaar) || !(await intakeStaat(services.lokaal).isEigenaar(gesprekId, oid))) return undefined;
  const g = await services.store.get('Gesprekken', gesprekId);
  return g && !g.verwijderdOp ? g : undefined;
}

const nietGevonden = (input: TurnInput, gesprekId: string): Reply[] => [
  text(t(input.locale, 'intake.mijn.nietGevonden', { gesprekId, jaar: jarenTekst(input.locale, open(input)) })),
];

async function mijnRegistraties(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const jaren = open(input);
  const staat = intakeStaat(services.lokaal);
  const gesprekken: ListItem<'Gesprekken'>[] = [];
  for (const jaar of jaren) {
    const ids = input.user.aadObjectId ? await staat.gesprekkenVan(input.user.aadObjectId, jaar) : [];
    for (const id of ids) {
      const g = await services.store.get('Gesprekken', id);
      if (g && !g.verwijderdOp) gesprekken.push(g);
    }
  }
  const vorig = jaren.length > 1 ? jaren[0] : undefined;
  return [
    card(
      renderMijnRegistratiesCard(
        input.locale,
        jarenTekst(input.locale, jaren),
        gesprekken,
        vorig
          ? t(input.locale, 'intake.mijn.vorigJaarOpen', { jaar: vorig, tot: datumTekst(input.locale, laatsteDagVoor(vorig)) })
          : undefined,
      ),
    ),
  ];
}

async function gesprekCorrigeerStart(d: GesprekCorrigeerStartInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const { action: _action, gesprekId, kaartId, ...waarden } = d;
  const g = await eigenGesprek(input, services, gesprekId);
  if (!g) return nietGevonden(input, gesprekId);
  return [card(renderGesprekCard(input.locale, { vandaag: vandaagVan(input.now), correctie: g, kaartId, waarden }))];
}

/**
 * A correction of one of the caller's own gesprekken. Within an open year (`jaargrens.ts`); one that touches an earlier
 * year's figures asks first (`jaarVraag`). A new date in another year moves the gesprek: it gets the next id of that
 * year (ids carry the year the report counts it in), the old id is marked removed (`verwijderdOp`) and the caller
 * owns the new one. Once per card: a second submit answers "al verwerkt als <id>".
 */
async function gesprekCorrigeer(v: GesprekCorrigeerInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  const al = await staat.verwerktAls(v.kaartId);
  if (al) return [text(t(input.locale, 'intake.alOpgeslagen', { id: al }))];
  const g = await eigenGesprek(input, services, v.gesprekId);
  if (!g) return nietGevonden(input, v.gesprekId);
  const jr = jaarRegel(input, v.datum, g.datum);
  if (jr.fouten.length) return regelFout(input, jr.fouten);
  if (jr.raakt && v.bevestigJaar !== String(jr.raakt))
    return jaarVraag(
      input,
      jr.raakt,
      gesprekRegel(input.locale, { ...g, ...v, gesprekId: g.gesprekId, verwijderdOp: null }),
      { action: v.action, kaartId: v.kaartId, gesprekId: g.gesprekId, ...gesprekVelden(v) },
      { action: 'intake.gesprek.corrigeerStart', gesprekId: g.gesprekId, kaartId: v.kaartId, ...gesprekVelden(v) },
      g.gesprekId,
    );
  const velden = {
    datum: v.datum,
    vertrouwenspersoon: v.vertrouwenspersoon,
    onderwerp: v.onderwerp,
    isMelding: v.isMelding,
    doorverwezen: v.doorverwezen,
  };
  return eenmaalPerKaart(input, services, v.kaartId, async () => {
    const nieuwJaar = v.datum.slice(0, 4);
    if (nieuwJaar === g.gesprekId.slice(2, 6)) {
      const item = await services.store.update('Gesprekken', g.gesprekId, velden);
      services.log.info({ feature: 'intake', actie: 'gesprek.corrigeer', id: item.gesprekId }, 'gesprek gecorrigeerd');
      return {
        id: item.gesprekId,
        replies: [
          text(t(input.locale, 'intake.bijgewerkt', { id: item.gesprekId })),
          card(renderBevestigingCard(input.locale, item.gesprekId, item, GESPREK_KOLOMMEN.slice(1))),
        ],
      };
    }
    // Another year: the new item and the old id out of the figures in one transaction (never both counted, never
    // neither), then the owner (a crash before that leaves the new gesprek in the figures, only not correctable here).
    const item = await services.store.atomically(
      async (tx) => {
        const nieuw = await voegToeMetVolgnummer(tx, 'Gesprekken', v.datum, (gesprekId) => ({ gesprekId, ...velden }));
        await tx.update('Gesprekken', g.gesprekId, { verwijderdOp: vandaagVan(input.now) });
        return nieuw;
      },
      { locks: [`Gesprekken:${g.gesprekId}`, `Gesprekken:volgnummer:${nieuwJaar}`] },
    );
    await staat.gesprekEigenaarZetten(item.gesprekId, input.user.aadObjectId!, input.now);
    services.log.info({ feature: 'intake', actie: 'gesprek.corrigeer', id: g.gesprekId, nieuw: item.gesprekId }, 'gesprek naar ander jaar');
    return {
      id: item.gesprekId,
      replies: [
        text(t(input.locale, 'intake.mijn.hernummerd', { oud: g.gesprekId, nieuw: item.gesprekId, jaar: nieuwJaar })),
        card(renderBevestigingCard(input.locale, item.gesprekId, item, GESPREK_KOLOMMEN.slice(1))),
      ],
    };
  });
}

async function gesprekVerwijderStart(d: { gesprekId: string }, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const g = await eigenGesprek(input, services, d.gesprekId);
  if (!g) return nietGevonden(input, d.gesprekId);
  return [card(renderGesprekVerwijderCard(input.locale, g))];
}

async function gesprekVerwijder(d: z.output<typeof gesprekVerwijderInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  const al = await staat.verwerktAls(d.kaartId);
  if (al) return [text(t(input.locale, 'intake.alOpgeslagen', { id: al }))];
  const g = await eigenGesprek(input, services, d.gesprekId);
  if (!g) return nietGevonden(input, d.gesprekId);
  return eenmaalPerKaart(input, services, d.kaartId, async () => {
    // Kept as an item with `verwijderdOp` (the list port has no delete; the report skips it), codes only as before.
    const item = await services.store.update('Gesprekken', g.gesprekId, { verwijderdOp: vandaagVan(input.now) });
    services.log.info({ feature: 'intake', actie: 'gesprek.verwijder', id: item.gesprekId }, 'gesprek verwijderd');
    return { id: item.gesprekId, replies: [text(t(input.locale, 'intake.mijn.verwijderd', { id: item.gesprekId }))] };
  });
}

/** "Nee, behouden": nothing changes; the confirmation card becomes a summary (and a line says so, for clients that cannot replace it). */
async function gesprekBehouden(d: z.output<typeof gesprekBehoudenInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const g = await eigenGesprek(input, services, d.gesprekId);
  if (!g) return nietGevonden(input, d.gesprekId);
  const titel = t(input.locale, 'intake.mijn.behoudenTitel', { gesprekId: g.gesprekId });
  return [
    { type: 'vervangKaart', card: renderSamenvattingCard(titel, [], [gesprekRegel(input.locale, g)]) },
    text(t(input.locale, 'intake.mijn.behouden', { id: g.gesprekId })),
  ];
}

async function meldingStart(_invoer: unknown, input: TurnInput): Promise<Reply[]> {
  return [card(renderMeldingCard(input.locale, { vandaag: vandaagVan(input.now), meldpunt: 'integriteitscoordinator' }))];
}

async function meldingOpslaan(v: MeldingInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const vandaag = vandaagVan(input.now);
  const fouten = [
    ...datumRegels(input.locale, vandaag, { ontvangenOp: v.ontvangenOp }),
    ...datumRegels(input.locale, vandaag, { ontvangstbevestigdOp: v.ontvangstbevestigdOp }, v.ontvangenOp),
    ...maatregelRegels(input.locale, v.maatregelen),
  ];
  if (fouten.length) return regelFout(input, fouten);
  return eenmaalPerKaart(input, services, v.kaartId, async () => {
    // Anonymous or not, a melding carries no reference to the reporter or to who registered it.
    const item = await voegToeMetVolgnummer(services.store, 'Meldingen', v.ontvangenOp, (meldingId) => ({
      meldingId,
      ontvangenOp: v.ontvangenOp,
      kanaal: v.kanaal,
      meldpunt: v.meldpunt,
      soort: v.soort,
      categorie: v.categorie,
      betrokkene: v.betrokkene,
      anoniem: v.anoniem,
      onderzoek: v.onderzoek,
      uitkomst: v.uitkomst,
      maatregelen: v.maatregelen,
      ontvangstbevestigdOp: v.ontvangstbevestigdOp,
      terugkoppelingOp: null,
      afgeslotenOp: null,
      bewaarTot: null,
    }));
    services.log.info({ feature: 'intake', actie: 'melding.opslaan', id: item.meldingId }, 'melding geregistreerd');
    const wbk = wbkVanMelding(input.locale, item, vandaag, services.config.intake.wbkVooruitDagen);
    const replies: Reply[] = [
      text(t(input.locale, 'intake.opgeslagen', { id: item.meldingId })),
      card(renderBevestigingCard(input.locale, item.meldingId, item, MELDING_KOLOMMEN.slice(1), wbk.regels)),
      ...wbk.waarschuwingen,
    ];
    if (v.cyclus && input.user.aadObjectId) replies.push(...(await uitvraagVervolg(input, services, v.cyclus, 'manager')));
    return { id: item.meldingId, replies };
  });
}

async function openMeldingen(services: BotServices): Promise<ListItem<'Meldingen'>[]> {
  const alle = await queryAll(services.store, 'Meldingen');
  return alle.filter((m) => !m.afgeslotenOp).sort((a, b) => b.meldingId.localeCompare(a.meldingId, 'nl', { numeric: true }));
}

async function meldingBijwerkenStart(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const id = MELDING_ID.exec((input.text ?? '').toUpperCase().match(/M-\d{4}-\d{4,}/)?.[0] ?? '')?.[0];
  if (id) return meldingKies({ action: 'intake.melding.kies', meldingId: id }, input, services);
  const open = (await openMeldingen(services)).slice(0, 100);
  if (open.length === 0) return [text(t(input.locale, 'intake.melding.geenOpen'))];
  return [
    card(
      renderKiesCard(input.locale, {
        titel: t(input.locale, 'intake.melding.kiesTitel'),
        veld: 'meldingId',
        action: 'intake.melding.kies',
        keuzes: open.map((m) => ({
          title: `${m.meldingId} · ${toonWaarde(input.locale, m.ontvangenOp)} · ${toonWaarde(input.locale, m.soort)}`,
          value: m.meldingId,
        })),
      }),
    ),
  ];
}

async function meldingKies(d: z.output<typeof meldingKiesInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const melding = await services.store.get('Meldingen', d.meldingId);
  if (!melding) return [text(t(input.locale, 'intake.melding.onbekend', { meldingId: d.meldingId }))];
  return [card(renderMeldingBijwerkenCard(input.locale, melding, services.config.intake.bewaartermijnMaanden))];
}

async function meldingBijwerken(v: MeldingBijwerkenInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const melding = await services.store.get('Meldingen', v.meldingId);
  if (!melding) {
    services.log.warn({ feature: 'intake', actie: 'melding.bijwerken', reden: 'onbekendeMelding' }, 'bijwerken van onbekende melding');
    return [text(t(input.locale, 'intake.melding.onbekend', { meldingId: v.meldingId }))];
  }
  const vandaag = vandaagVan(input.now);
  const fouten = [
    ...datumRegels(
      input.locale,
      vandaag,
      {
        ontvangstbevestigdOp: v.ontvangstbevestigdOp,
        terugkoppelingOp: v.terugkoppelingOp,
        afgeslotenOp: v.afgeslotenOp,
        bewaarTot: v.bewaarTot,
      },
      melding.ontvangenOp,
      ['bewaarTot'],
    ),
    ...maatregelRegels(input.locale, v.maatregelen),
  ];
  if (v.afgeslotenOp && v.uitkomst === 'lopend') fouten.push(t(input.locale, 'intake.fout.afgeslotenLopend'));
  if (fouten.length) return regelFout(input, fouten);
  const bewaarTot =
    v.bewaarTot ?? (v.afgeslotenOp ? standaardBewaarTot(v.afgeslotenOp, services.config.intake.bewaartermijnMaanden) : null);
  try {
    const item = await services.store.update('Meldingen', v.meldingId, {
      ontvangstbevestigdOp: v.ontvangstbevestigdOp,
      terugkoppelingOp: v.terugkoppelingOp,
      onderzoek: v.onderzoek,
      uitkomst: v.uitkomst,
      maatregelen: v.maatregelen,
      afgeslotenOp: v.afgeslotenOp,
      bewaarTot,
    });
    services.log.info({ feature: 'intake', actie: 'melding.bijwerken', id: item.meldingId }, 'melding bijgewerkt');
    const wbk = wbkVanMelding(input.locale, item, vandaag, services.config.intake.wbkVooruitDagen);
    return [
      text(t(input.locale, 'intake.bijgewerkt', { id: item.meldingId })),
      card(renderBevestigingCard(input.locale, item.meldingId, item, MELDING_KOLOMMEN.slice(1), wbk.regels)),
      ...wbk.waarschuwingen,
    ];
  } catch (err) {
    if (err instanceof InvalidItemError) return regelFout(input, err.issues);
    throw err;
  }
}

/** "termijnen": every running Wbk deadline by due date, then the ones done late (`wbkOverzicht`). */
async function wbkOverzicht(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const vandaag = vandaagVan(input.now);
  const overzicht = wbkOverzichtVan(await queryAll(services.store, 'Meldingen'), vandaag, services.config.intake.wbkVooruitDagen);
  return [card(renderWbkOverzichtCard(input.locale, { vandaag, ...overzicht }))];
}

async function uitvraagStatus(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  const cyclus = await staat.laatsteCyclus();
  const volgende = volgendeUitvraag(vandaagVan(input.now), services.config.intake.uitvraagDatums);
  if (!cyclus)
    return [
      text(
        volgende
          ? t(input.locale, 'intake.uitvraag.nogGeen', { datum: datumTekst(input.locale, volgende) })
          : t(input.locale, 'intake.uitvraag.geenCyclus'),
      ),
    ];
  return [card(renderUitvraagResponsCard(input.locale, await staat.respons(cyclus), volgende))];
}

/** After an uitvraag answer: count it and offer a fresh card for the next matter. */
async function uitvraagVervolg(
  input: TurnInput,
  services: BotServices,
  cyclus: string,
  rol: 'vertrouwenspersoon' | 'manager',
): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  await staat.uitvraagBeantwoord(cyclus, input.user.aadObjectId!, vandaagVan(input.now), 1);
  return [uitvraagKaart(rol, vandaagVan(input.now), uitvraagPeriode(input, services, cyclus), input.locale)];
}

async function uitvraagGeen(d: z.output<typeof uitvraagGeenInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const staat = intakeStaat(services.lokaal);
  if (input.user.aadObjectId) await staat.uitvraagBeantwoord(d.cyclus, input.user.aadObjectId, vandaagVan(input.now), 0);
  const rij = (await staat.uitvraagRijen(d.cyclus)).find((x) => x.aadObjectId === input.user.aadObjectId?.trim().toLowerCase());
  return [text(t(input.locale, 'intake.uitvraag.bedankt', { aantal: rij?.aantal ?? 0 }))];
}

async function agressieStart(_invoer: unknown, input: TurnInput): Promise<Reply[]> {
  return [card(renderAgressieCard(input.locale, { vandaag: vandaagVan(input.now) }))];
}

/** The adviseur VPT's contact line from the config (organisation contact data, for the fallback message). */
function vptContact(services: BotServices, locale: Locale = 'nl'): string {
  const c = services.config.contacten.find((x) => x.rol === 'adviseurVpt');
  if (!c) return t(locale, 'intake.rol.adviseurVpt');
  const naam = locale === 'en' && 'en' in c.naam && c.naam.en ? c.naam.en : c.naam.nl;
  return [naam, c.contact.telefoon, c.contact.email].filter(Boolean).join(', ');
}

/**
 * The reporter's display name for the adviseur VPT, looked up now (`services.namen`: Graph or the Playground's mock
 * users) and never stored; `null` when there is no object id, no name source or no name.
 */
async function naamVanMelder(input: TurnInput, services: BotServices): Promise<string | null> {
  const oid = input.user.aadObjectId;
  if (!oid || !services.namen) return null;
  try {
    return (await services.namen.namen([oid])).namen.get(oid) ?? null;
  } catch {
    services.log.warn({ feature: 'intake', actie: 'agressie.opslaan', reden: 'naamOpzoekenMislukt' }, 'naam niet opgezocht');
    return null;
  }
}

async function agressieOpslaan(v: AgressieInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const fouten = datumRegels(input.locale, vandaagVan(input.now), { datum: v.datum });
  if (fouten.length) return regelFout(input, fouten);
  if (v.toelichting) {
    const pii = controleerPii(v.toelichting);
    if (!pii.ok) {
      services.log.warn({ feature: 'intake', actie: 'agressie.opslaan', pii: pii.soort }, 'toelichting geweigerd door PII-controle');
      return [
        text(
          t(input.locale, 'intake.pii', {
            veld: t(input.locale, 'intake.veld.toelichting'),
            reden: input.locale === 'en' ? pii.redenEn : pii.reden,
          }),
        ),
      ];
    }
  }
  // Names cannot be refused reliably: a note that looks like it holds one asks first (soft check, the user may overrule).
  const naam = v.toelichting && !v.naamOk ? vindNaam(v.toelichting) : undefined;
  if (naam) {
    services.log.info(
      { feature: 'intake', actie: 'agressie.opslaan', reden: 'naamInToelichting' },
      'toelichting lijkt een naam te bevatten',
    );
    const l = input.locale;
    return [
      card(
        renderBevestigVraagCard(t(l, 'intake.agressie.naamTitel'), `“${naam}”`, t(l, 'intake.agressie.naamUitleg'), [
          { titel: t(l, 'intake.knop.toelichtingAanpassen'), stijl: 'positive', data: { action: 'intake.agressie.start' } },
          {
            titel: t(l, 'intake.knop.geenNaamVersturen'),
            stijl: 'default',
            data: {
              action: v.action,
              kaartId: v.kaartId,
              datum: v.datum,
              soort: v.soort.join(','),
              toelichting: v.toelichting ?? '',
              contact: String(v.contact),
              naamOk: 'true',
            },
          },
        ]),
      ),
    ];
  }
  return eenmaalPerKaart(input, services, v.kaartId, async () => {
    const item = await voegToeMetVolgnummer(services.store, 'AgressieIncidenten', v.datum, (incidentId) => ({
      incidentId,
      datum: v.datum,
      soort: v.soort,
      maatregelen: [],
    }));
    services.log.info({ feature: 'intake', actie: 'agressie.opslaan', id: item.incidentId }, 'agressie-incident geregistreerd');
    // With consent the adviser's card names the reporter (looked up now, never stored); the incident itself has no name.
    const contact = v.contact ? await naamVanMelder(input, services) : undefined;
    // Notify every configured adviseur VPT once per incident (the note travels in the card only, it is not stored).
    const sender = services.proactive;
    let bereikt = 0;
    if (sender) {
      for (const oid of gebruikersMetRol(services.config.rollen, 'adviseurVpt')) {
        const status = await verstuurInEigenTaal(
          sender,
          oid,
          (l) => [card(renderAgressieNieuwCard(l, item, v.toelichting, contact))],
          `agressie:${item.incidentId}:${oid.toLowerCase()}`,
        );
        if (status === 'verzonden' || status === 'alVerzonden') bereikt++;
      }
    }
    return {
      id: item.incidentId,
      replies: [
        text(t(input.locale, 'intake.opgeslagen', { id: item.incidentId })),
        card(renderBevestigingCard(input.locale, item.incidentId, item, ['datum', 'soort'])),
        ...(contact === null ? [text(t(input.locale, 'intake.agressie.naamOnbekend'))] : []),
        text(
          bereikt === 0
            ? t(input.locale, 'intake.agressie.vptNietBereikt', { contact: vptContact(services, input.locale) })
            : contact
              ? t(input.locale, 'intake.agressie.vptGemeld')
              : t(input.locale, 'intake.agressie.vptGemeldZonderNaam', { contact: vptContact(services, input.locale) }),
        ),
      ],
    };
  });
}

async function agressieBijwerkenStart(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const alle = await queryAll(services.store, 'AgressieIncidenten');
  const recent = alle.sort((a, b) => b.datum.localeCompare(a.datum) || b.incidentId.localeCompare(a.incidentId)).slice(0, 100);
  if (recent.length === 0) return [text(t(input.locale, 'intake.agressie.geenIncidenten'))];
  return [
    card(
      renderKiesCard(input.locale, {
        titel: t(input.locale, 'intake.agressie.kiesTitel'),
        veld: 'incidentId',
        action: 'intake.agressie.kies',
        keuzes: recent.map((i) => ({
          title: `${i.incidentId} · ${toonWaarde(input.locale, i.datum)} · ${toonWaarde(input.locale, i.soort)}`,
          value: i.incidentId,
        })),
      }),
    ),
  ];
}

async function agressieKies(d: z.output<typeof agressieKiesInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const incident = await services.store.get('AgressieIncidenten', d.incidentId);
  if (!incident) return [text(t(input.locale, 'intake.agressie.onbekend', { incidentId: d.incidentId }))];
  return [card(renderAgressieBijwerkenCard(input.locale, incident))];
}

async function agressieBijwerken(d: z.output<typeof agressieBijwerkenInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const incident = await services.store.get('AgressieIncidenten', d.incidentId);
  if (!incident) return [text(t(input.locale, 'intake.agressie.onbekend', { incidentId: d.incidentId }))];
  const item = await services.store.update('AgressieIncidenten', incident.incidentId, { maatregelen: d.maatregelen });
  services.log.info({ feature: 'intake', actie: 'agressie.bijwerken', id: item.incidentId }, 'maatregelen vastgelegd');
  return [
    text(t(input.locale, 'intake.bijgewerkt', { id: item.incidentId })),
    card(renderBevestigingCard(input.locale, item.incidentId, item, AGRESSIE_KOLOMMEN.slice(1))),
  ];
}

/** One intake route: the role rule of `actie` (`toegang.ts`), its schema and its handler. */
const route = <S extends z.ZodType>(wie: IntakeActie, invoer: S, run: Actie<S>['run']): Actie<S> =>
  actie({ rol: toegang(wie), naam: ACTIE_NAAM[wie], invoer, run });

/** Every submit action: who may use it, its schema, its handler (`features/kit.ts` checks them in that order). */
export const INTAKE_ACTIONS = {
  'intake.menu': route('menu', menuInvoer, menu),
  'intake.gesprek.start': route('gesprek', gesprekStartInvoer, gesprekStart),
  'intake.gesprek.opslaan': route('gesprek', gesprekInvoer, gesprekOpslaan),
  'intake.gesprek.mijn': route('mijnRegistraties', mijnRegistratiesInvoer, mijnRegistraties),
  'intake.gesprek.corrigeerStart': route('mijnRegistraties', gesprekCorrigeerStartInvoer, gesprekCorrigeerStart),
  'intake.gesprek.corrigeer': route('mijnRegistraties', gesprekCorrigeerInvoer, gesprekCorrigeer),
  'intake.gesprek.verwijderStart': route('mijnRegistraties', gesprekVerwijderStartInvoer, gesprekVerwijderStart),
  'intake.gesprek.verwijder': route('mijnRegistraties', gesprekVerwijderInvoer, gesprekVerwijder),
  'intake.gesprek.behouden': route('mijnRegistraties', gesprekBehoudenInvoer, gesprekBehouden),
  'intake.melding.start': route('melding', meldingStartInvoer, meldingStart),
  'intake.melding.opslaan': route('melding', meldingInvoer, meldingOpslaan),
  'intake.melding.bijwerkenStart': route('meldingBijwerken', meldingBijwerkenStartInvoer, meldingBijwerkenStart),
  'intake.melding.kies': route('meldingBijwerken', meldingKiesInvoer, meldingKies),
  'intake.melding.bijwerken': route('meldingBijwerken', meldingBijwerkenInvoer, meldingBijwerken),
  'intake.wbk.overzicht': route('wbk', wbkOverzichtInvoer, wbkOverzicht),
  'intake.uitvraag.status': route('uitvraagStatus', uitvraagStatusInvoer, uitvraagStatus),
  'intake.uitvraag.gesprek': route('uitvraagGesprek', gesprekInvoer, gesprekOpslaan),
  'intake.uitvraag.melding': route('uitvraagMelding', meldingInvoer, meldingOpslaan),
  'intake.uitvraag.geen': route('uitvraagGeen', uitvraagGeenInvoer, uitvraagGeen),
  'intake.agressie.start': route('agressie', agressieStartInvoer, agressieStart),
  'intake.agressie.opslaan': route('agressie', agressieInvoer, agressieOpslaan),
  'intake.agressie.bijwerkenStart': route('agressieBijwerken', agressieBijwerkenStartInvoer, agressieBijwerkenStart),
  'intake.agressie.kies': route('agressieBijwerken', agressieKiesInvoer, agressieKies),
  'intake.agressie.bijwerken': route('agressieBijwerken', agressieBijwerkenInvoer, agressieBijwerken),
} satisfies Record<IntakeAction, Actie>;

/** The intake feature's definition: routes, commands and its own answers for unknown, refused and bad input. */
export const INTAKE: FeatureDefinitie = {
  id: 'intake',
  routes: INTAKE_ACTIONS,
  commands: INTAKE_COMMANDS,
  antwoorden: {
    // An outdated or forged card: the friendly "kaart is verouderd" answer of the meldwijzer, and the intake menu to start again.
    onbekend: (input, services) => {
      services.log.warn({ feature: 'intake', reden: 'onbekendeActie' }, 'onbekende intake-actie');
      return [text(t(input.locale, 'intake.verouderd')), menuKaart(input, services)];
    },
    geweigerd: (input, services, nodig, r, action) => {
      services.log.warn({ feature: 'intake', actie: action.replace(/^intake\./, ''), reden: 'nietToegestaan' }, 'actie geweigerd op rol');
      return [text(nietToegestaanTekst(input.locale, t(input.locale, r.naam ?? 'intake.menu.titel'), nodig))];
    },
    ongeldig,
  },
};

/** The intake feature object registered in `bot/src/features/index.ts`. */
export const intakeFeature = defineFeature(INTAKE);

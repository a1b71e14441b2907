import type { Contact, OrgConfig, VraagId } from '@shared/config';
import { ANTWOORDEN, MAX_VRAGEN, type AdviesMeldpunt, type Meldadvies } from '@shared/domain/meldroute';
import type { Actor } from '@shared/domain/triage';
import { normaliseer } from '@shared/domain/triage-tekst';
import { t, tekstIn, type Locale } from '@shared/i18n';
import { SITUATIES, type Situatie } from '@shared/lists/definitions';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { submit, type MeldwijzerSubmit, type RouteStaat } from './payload';

/**
 * Typed render functions, one per template in `bot/cards/` that the meldwijzer owns (`welkom.json`,
 * `meldwijzer-*.json`), plus builders that turn domain results into template data. All texts come from
 * the i18n catalogue (`meldwijzer.*`) or the organisation config; nothing the employee typed ever goes in.
 */

/** A button that posts a typed meldwijzer payload. */
export interface SubmitKnop {
  titel: string;
  data: MeldwijzerSubmit;
}
/** A button that opens a URL (Teams deep link, mailto:, tel:, https:). */
export interface UrlKnop {
  titel: string;
  url: string;
}

/** A main-menu choice: a short button title (fits a Teams button) and a wrapping explanation under it. */
export interface MenuKeuze extends SubmitKnop {
  uitleg: string;
}
/** One line of a list in a card ("• Huis voor Klokkenluiders"). */
export interface LijstRegel {
  tekst: string;
}

export interface MenuData {
  menuTitel: string;
  menuTekst: string;
  situaties: MenuKeuze[];
  privacyTitel: string;
  privacy: MeldwijzerSubmit;
}
export interface WelkomData extends Omit<MenuData, 'privacy'> {
  titel: string;
  voorWie: string;
  nietAnoniem: string;
  bewaart: string;
  /** "Anoniem melden kan via:" (followed by `anoniemKanalen`), or the no-channel advice. */
  anoniem: string;
  anoniemKanalen: LijstRegel[];
}
export interface VraagData {
  situatie: string;
  stap: string;
  vraag: string;
  opties: SubmitKnop[];
  terug: SubmitKnop;
  opnieuw: SubmitKnop;
}
export interface KeuzeData {
  titel: string;
  opties: SubmitKnop[];
  anders: SubmitKnop;
}
export interface GroepData {
  tekst: string;
  knop: string;
  url: string;
}
/** A contact on the result card: its name and its buttons (chat, call, mail, phone, website). */
export interface ResultaatContact {
  naam: string;
  knoppen: UrlKnop[];
}
/**
 * A meldpunt on the result card. Its contacts are split so the card stays short: `zichtbaar` (the first
 * contact of the first meldpunt) is shown, `verborgen` sits in a collapsed container (`toggleId`) that the
 * `knop` button (Action.ToggleVisibility) opens.
 */
export interface ResultaatMeldpunt {
  naam: string;
  uitleg: string;
  zichtbaar: ResultaatContact[];
  verborgen: ResultaatContact[];
  toonKnop: boolean;
  knop: string;
  /** Unique within its section; the template prefixes `eerst-` / `ook-` to make the element id. */
  toggleId: string;
}
export interface PrivacyData {
  titel: string;
  toonFaq: boolean;
  faqVraag: string;
  faqAntwoord: string;
  nietAnoniem: string;
  bewaart: string;
  anoniem: string;
  anoniemKanalen: LijstRegel[];
  menu: SubmitKnop;
}
/** A feature the meldwijzer's answers can start with a button (so no answer about it is a dead end). */
export type StartFeature = 'ambtseed' | 'nevenwerk' | 'vog';
/**
 * The "Dit kun je hier meteen regelen" section (template `meldwijzer-start.json`, also inside the result card): one
 * button per feature the answer concerns — ambtseed → `ambtseed.plan`, nevenwerk → `nevenwerk.menu`, VOG →
 * `vog.status` (every employee may use them). As a card of its own under an FAQ answer that names no situation,
 * it ends with "Naar het menu" (`toonMenu`) instead of the whole menu.
 */
export interface StartData {
  toon: boolean;
  toonMenu: boolean;
  menu: SubmitKnop;
  kop: string;
  ambtseed: boolean;
  nevenwerk: boolean;
  vog: boolean;
  titelAmbtseed: string;
  titelNevenwerk: string;
  titelVog: string;
}
export interface ResultaatData {
  titel: string;
  situatie: string;
  /** The start button of the feature the situation concerns (nevenwerkzaamheden → "Nevenwerk melden"). */
  start: StartData;
  /** Agressie: "bel 112 bij direct gevaar" first, with the incident-registration button. */
  toonSpoed: boolean;
  spoed: string;
  incident: string;
  toonDoorverwezen: boolean;
  doorverwezen: string;
  /** The behaviour comes from the own manager, a director or a bestuurder: why they are not offered. */
  toonBetrokkene: boolean;
  betrokkene: string;
  eerstKop: string;
  eerst: ResultaatMeldpunt[];
  toonOok: boolean;
  ookKop: string;
  ook: ResultaatMeldpunt[];
  toonAnoniem: boolean;
  anoniemKop: string;
  anoniemTekst: string;
  anoniemKanalen: LijstRegel[];
  anoniemUitleg: string;
  toonStappen: boolean;
  stappenKop: string;
  stappen: { tekst: string }[];
  toonBeslisser: boolean;
  beslisser: string;
  toonWbk: boolean;
  wbk: string;
  toonRegelingen: boolean;
  regelingenKop: string;
  regelingen: UrlKnop[];
  privacy: string;
  terug: SubmitKnop;
  opnieuw: SubmitKnop;
}

// Meldwijzer cards depend only on config and catalogue, so their expansion is cached (cache: true).
export const renderWelkomCard = (d: WelkomData): AdaptiveCardJson => renderCard('welkom', d, { cache: true });
export const renderMenuCard = (d: MenuData): AdaptiveCardJson => renderCard('meldwijzer-menu', d, { cache: true });
export const renderVraagCard = (d: VraagData): AdaptiveCardJson => renderCard('meldwijzer-vraag', d, { cache: true });
export const renderKeuzeCard = (d: KeuzeData): AdaptiveCardJson => renderCard('meldwijzer-keuze', d, { cache: true });
export const renderGroepCard = (d: GroepData): AdaptiveCardJson => renderCard('meldwijzer-groep', d, { cache: true });
export const renderResultaatCard = (d: ResultaatData): AdaptiveCardJson => renderCard('meldwijzer-resultaat', d, { cache: true });
export const renderPrivacyCard = (d: PrivacyData): AdaptiveCardJson => renderCard('meldwijzer-privacy', d, { cache: true });
export const renderStartCard = (d: StartData): AdaptiveCardJson => renderCard('meldwijzer-start', { start: d }, { cache: true });

/**
 * Data of the start section for `features` (empty: the section is hidden); `metMenu`: a "Naar het menu" button
 * after it (the card stands alone under an FAQ answer).
 */
export function startData(locale: Locale, features: readonly StartFeature[], metMenu = false): StartData {
  return {
    toon: features.length > 0,
    toonMenu: metMenu,
    menu: { titel: t(locale, 'meldwijzer.knop.menu'), data: submit.menu() },
    kop: t(locale, 'meldwijzer.start.kop'),
    ambtseed: features.includes('ambtseed'),
    nevenwerk: features.includes('nevenwerk'),
    vog: features.includes('vog'),
    titelAmbtseed: t(locale, 'meldwijzer.knop.start.ambtseed'),
    titelNevenwerk: t(locale, 'meldwijzer.knop.start.nevenwerk'),
    titelVog: t(locale, 'meldwijzer.knop.start.vog'),
  };
}

/**
 * Words (normalised, matched at a word start: "nevenwerk" also matches "nevenwerkzaamheden") by which an FAQ
 * entry of the config concerns a feature; the entry's question (nl and en) and `trefwoorden` are read, never the
 * employee's text.
 */
const START_WOORDEN: Record<StartFeature, readonly string[]> = {
  ambtseed: ['ambtseed', 'ambtsbelofte', 'eed', 'eedaflegging', 'integriteitsverklaring', 'oath', 'affirmation'],
  nevenwerk: [
    'nevenwerk',
    'nevenfunctie',
    'nevenactiviteit',
    'bijbaan',
    'financieel belang',
    'financiele belangen',
    'outside activit',
    'side activit',
    'side job',
  ],
  vog: ['vog', 'verklaring omtrent', 'certificate of conduct'],
};
const faqStart = new WeakMap<object, StartFeature[]>();

/** The features an FAQ entry concerns (see `START_WOORDEN`), cached per entry. */
export function startVoorFaq(entry: OrgConfig['faq'][number]): StartFeature[] {
  let uit = faqStart.get(entry);
  if (!uit) {
    const zin = ` ${normaliseer([tekstIn('nl', entry.vraag), tekstIn('en', entry.vraag), ...entry.trefwoorden].join(' '))}`;
    uit = (Object.keys(START_WOORDEN) as StartFeature[]).filter((f) => START_WOORDEN[f].some((w) => zin.includes(` ${w}`)));
    faqStart.set(entry, uit);
  }
  return uit;
}

/** Actors a situation's heading can name ("Ongewenst gedrag door je leidinggevende"); others keep the plain label. */
const KOP_ACTOREN: Partial<Record<Situatie, readonly Actor[]>> = {
  ongewenstGedrag: ['collega', 'leidinggevende', 'hogerLeidinggevende', 'secretaris', 'bestuurder'],
  zakelijk: ['collega', 'leidinggevende', 'hogerLeidinggevende', 'secretaris', 'bestuurder', 'leverancier'],
  vermoedenMisstand: ['collega', 'leidinggevende', 'hogerLeidinggevende', 'secretaris', 'bestuurder', 'leverancier'],
  agressieExtern: ['burger', 'leverancier'],
};

/**
 * Label of a situation type in `locale`; with an `actor` the situation allows, the heading names them
 * (`meldwijzer.situatieDoor.<situatie>` with `meldwijzer.door.<actor>`): "Ongewenst gedrag door je leidinggevende".
 */
export function situatieLabel(locale: Locale, s: Situatie, actor?: Actor): string {
  if (actor && KOP_ACTOREN[s]?.includes(actor))
    return t(locale, `meldwijzer.situatieDoor.${s}`, { door: t(locale, `meldwijzer.door.${actor}`) });
  return t(locale, `meldwijzer.situatie.${s}`);
}

/** Whose behaviour a route state is about: the triage actor, else the answer to "van wie gaat het gedrag uit?". */
export function actorVan(staat: Pick<RouteStaat, 'actor' | 'antwoorden'>): Actor | undefined {
  if (staat.actor) return staat.actor;
  const wie = staat.antwoorden.wie;
  return wie === 'collega' || wie === 'leidinggevende' || wie === 'burger' ? wie : undefined;
}

/** Menu choices: short titles (Teams cuts long button titles off) plus a wrapping explanation each. */
function menuKnoppen(locale: Locale): MenuKeuze[] {
  return SITUATIES.map((s) => ({
    titel: t(locale, `meldwijzer.menuknop.${s}`),
    uitleg: t(locale, `meldwijzer.menuuitleg.${s}`),
    data: submit.situatie(s),
  }));
}

/**
 * Meldpunt names as list lines ("• Vertrouwenspersoon"). A list instead of running text: config names are
 * titles ("Vertrouwenspersoon", "Huis voor Klokkenluiders") that do not take an article or lower case safely.
 */
export const lijst = (namen: string[]): LijstRegel[] => namen.map((n) => ({ tekst: `• ${n}` }));

/** Names of the meldpunten through which the organisation lets employees report anonymously. */
export function anoniemeKanalen(config: OrgConfig, locale: Locale): string[] {
  const anoniem = config.meldpunten.filter((m) => m.anoniem);
  const lijst = anoniem.length ? anoniem : config.meldpunten.filter((m) => m.soort === 'vertrouwenspersoon');
  return lijst.map((m) => tekstIn(locale, m.naam));
}

/** "a, b of c" / "a, b or c". */
export function opsomming(locale: Locale, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const of = locale === 'en' ? 'or' : 'of';
  return `${items.slice(0, -1).join(', ')} ${of} ${items[items.length - 1]}`;
}

/** Data of the welcome card: who the bot is for, the privacy note, how to report anonymously, the menu. */
export function welkomData(config: OrgConfig, locale: Locale): WelkomData {
  const kanalen = anoniemeKanalen(config, locale);
  return {
    titel: t(locale, 'meldwijzer.welkom.titel', { organisatie: config.organisatie.naam }),
    voorWie: t(locale, 'meldwijzer.welkom.voorWie'),
    privacyTitel: t(locale, 'meldwijzer.privacy.titel'),
    nietAnoniem: t(locale, 'meldwijzer.privacy.nietAnoniem'),
    bewaart: t(locale, 'meldwijzer.privacy.bewaart'),
    anoniem: kanalen.length ? t(locale, 'meldwijzer.privacy.anoniem') : t(locale, 'meldwijzer.privacy.anoniemGeen'),
    anoniemKanalen: lijst(kanalen),
    menuTitel: t(locale, 'meldwijzer.menu.titel'),
    menuTekst: t(locale, 'meldwijzer.menu.tekst'),
    situaties: menuKnoppen(locale),
  };
}

/**
 * Data of the privacy card (the answer to "is deze chat anoniem?", the `privacy` command and button): what the
 * bot keeps, that a Teams chat is not anonymous, and the organisation's anonymous routes — the same list as
 * the welcome card and every result card. `faq`: a config FAQ entry the question matched, answered first (the
 * card then says only that the organisation can see the chat: the entry already says it is not anonymous).
 */
export function privacyData(config: OrgConfig, locale: Locale, faq?: OrgConfig['faq'][number]): PrivacyData {
  const kanalen = anoniemeKanalen(config, locale);
  return {
    titel: t(locale, 'meldwijzer.privacy.kaartTitel'),
    toonFaq: !!faq,
    faqVraag: faq ? tekstIn(locale, faq.vraag) : '',
    faqAntwoord: faq ? tekstIn(locale, faq.antwoord) : '',
    // Under the organisation's answer to "is deze chat anoniem?" the card does not say "niet anoniem" again.
    nietAnoniem: t(locale, faq ? 'meldwijzer.privacy.zichtbaar' : 'meldwijzer.privacy.nietAnoniem'),
    bewaart: t(locale, 'meldwijzer.privacy.bewaart'),
    anoniem: kanalen.length ? t(locale, 'meldwijzer.privacy.anoniem') : t(locale, 'meldwijzer.privacy.anoniemGeen'),
    anoniemKanalen: lijst(kanalen),
    menu: { titel: t(locale, 'meldwijzer.knop.menu'), data: submit.menu() },
  };
}

/** Data of the main menu card. */
export function menuData(locale: Locale): MenuData {
  return {
    menuTitel: t(locale, 'meldwijzer.menu.titel'),
    menuTekst: t(locale, 'meldwijzer.menu.tekst'),
    situaties: menuKnoppen(locale),
    privacyTitel: t(locale, 'meldwijzer.knop.privacy'),
    privacy: submit.privacy(),
  };
}

const opnieuwKnop = (locale: Locale): SubmitKnop => ({ titel: t(locale, 'meldwijzer.knop.opnieuw'), data: submit.menu() });
const terugKnop = (locale: Locale, staat: RouteStaat): SubmitKnop => ({
  titel: t(locale, 'meldwijzer.knop.terug'),
  data: submit.terug(staat),
});

/** Data of a clarifying-question card for `vraag` in route state `staat`. */
export function vraagData(locale: Locale, staat: RouteStaat, vraag: VraagId): VraagData {
  return {
    situatie: situatieLabel(locale, staat.situatie, actorVan(staat)),
    stap: t(locale, 'meldwijzer.vraag.stap', { n: staat.gevraagd.length + 1, max: MAX_VRAGEN }),
    vraag: t(locale, `meldwijzer.vraag.${vraag}`),
    opties: ANTWOORDEN[vraag].map((w) => ({
      titel: t(locale, `meldwijzer.antwoord.${vraag}.${w}`),
      data: submit.antwoord(staat, vraag, w),
    })),
    terug: terugKnop(locale, staat),
    opnieuw: opnieuwKnop(locale),
  };
}

/** Data of the "which of these two?" card after a close triage call. */
export function keuzeData(locale: Locale, opties: Situatie[], antwoorden: RouteStaat['antwoorden'], actor?: Actor): KeuzeData {
  return {
    titel: t(locale, 'meldwijzer.keuze.titel'),
    opties: opties.map((s) => ({ titel: t(locale, `meldwijzer.menuknop.${s}`), data: submit.situatie(s, antwoorden, actor) })),
    anders: { titel: t(locale, 'meldwijzer.keuze.anders'), data: submit.menu() },
  };
}

/** Contact buttons: Teams chat and call deep links, e-mail, phone, website. */
export function contactKnoppen(locale: Locale, c: Contact): UrlKnop[] {
  const k: UrlKnop[] = [];
  const { teams, email, telefoon, url } = c.contact;
  if (teams) {
    k.push({ titel: t(locale, 'meldwijzer.knop.chat'), url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(teams)}` });
    k.push({ titel: t(locale, 'meldwijzer.knop.bel'), url: `https://teams.microsoft.com/l/call/0/0?users=${encodeURIComponent(teams)}` });
  }
  if (email) k.push({ titel: t(locale, 'meldwijzer.knop.mail'), url: `mailto:${email}` });
  if (telefoon)
    k.push({ titel: t(locale, 'meldwijzer.knop.telefoon', { nummer: telefoon }), url: `tel:${telefoon.replace(/[^+0-9]/g, '')}` });
  if (url) k.push({ titel: t(locale, 'meldwijzer.knop.website'), url });
  return k;
}

/**
 * A meldpunt on the result card: `eerste` (the first meldpunt offered) shows its first contact; every other
 * contact sits behind one "Contactgegevens" toggle per meldpunt, so a card with four vertrouwenspersonen
 * does not show sixteen buttons.
 */
function resultaatMeldpunt(locale: Locale, m: AdviesMeldpunt, toggleId: string, eerste: boolean): ResultaatMeldpunt {
  const contacten = m.contacten.map((c) => ({ naam: tekstIn(locale, c.naam), knoppen: contactKnoppen(locale, c) }));
  const zichtbaar = eerste ? contacten.slice(0, 1) : [];
  const verborgen = contacten.slice(zichtbaar.length);
  return {
    naam: tekstIn(locale, m.meldpunt.naam),
    uitleg: tekstIn(locale, m.meldpunt.uitleg),
    zichtbaar,
    verborgen,
    toonKnop: verborgen.length > 0,
    knop: zichtbaar.length
      ? t(locale, 'meldwijzer.knop.meerContacten', { n: verborgen.length })
      : t(locale, 'meldwijzer.knop.contacten', { n: verborgen.length }),
    toggleId,
  };
}

/**
 * Data of the result card for `advies`, reached with route state `staat`. The anonymous routes are the
 * organisation's (`anoniemeKanalen`), the same as on the welcome and privacy cards.
 */
export function resultaatData(locale: Locale, advies: Meldadvies, staat: RouteStaat, config: OrgConfig): ResultaatData {
  const doorverwezen = advies.situatie !== advies.gekozen;
  const kanalen = anoniemeKanalen(config, locale);
  const spoed = advies.situatie === 'agressieExtern';
  return {
    titel: t(locale, 'meldwijzer.resultaat.titel'),
    situatie: t(locale, 'meldwijzer.resultaat.situatie', { situatie: situatieLabel(locale, advies.gekozen, actorVan(staat)) }),
    start: startData(locale, advies.gekozen === 'nevenwerkzaamheden' || advies.situatie === 'nevenwerkzaamheden' ? ['nevenwerk'] : []),
    toonSpoed: spoed,
    spoed: spoed ? t(locale, 'meldwijzer.resultaat.spoed') : '',
    incident: t(locale, 'meldwijzer.knop.incident'),
    toonDoorverwezen: doorverwezen,
    doorverwezen: doorverwezen ? t(locale, 'meldwijzer.resultaat.doorverwezen', { situatie: situatieLabel(locale, advies.situatie) }) : '',
    toonBetrokkene: !!advies.betrokkene,
    betrokkene: advies.betrokkene ? t(locale, `meldwijzer.resultaat.betrokkene.${advies.betrokkene}`) : '',
    eerstKop: t(locale, 'meldwijzer.resultaat.eerst'),
    eerst: advies.eerst.map((m, i) => resultaatMeldpunt(locale, m, `contact-${i}`, i === 0)),
    toonOok: advies.ook.length > 0,
    ookKop: t(locale, 'meldwijzer.resultaat.ook'),
    ook: advies.ook.map((m, i) => resultaatMeldpunt(locale, m, `contact-${i}`, false)),
    toonAnoniem: kanalen.length > 0,
    anoniemKop: t(locale, 'meldwijzer.resultaat.anoniem'),
    anoniemTekst: kanalen.length ? t(locale, 'meldwijzer.resultaat.anoniemTekst') : '',
    anoniemKanalen: lijst(kanalen),
    anoniemUitleg: kanalen.length ? t(locale, 'meldwijzer.resultaat.anoniemUitleg') : '',
    toonStappen: advies.stappen.length > 0,
    stappenKop: t(locale, 'meldwijzer.resultaat.stappen'),
    stappen: advies.stappen.map((s, i) => ({ tekst: `${i + 1}. ${tekstIn(locale, s)}` })),
    toonBeslisser: !!advies.beslisser,
    beslisser: advies.beslisser ? t(locale, 'meldwijzer.resultaat.beslisser', { tekst: tekstIn(locale, advies.beslisser) }) : '',
    toonWbk: advies.wbk,
    wbk: advies.wbk ? t(locale, 'meldwijzer.resultaat.wbk') : '',
    toonRegelingen: advies.regelingen.length > 0,
    regelingenKop: t(locale, 'meldwijzer.resultaat.regelingen'),
    regelingen: advies.regelingen.map((r) => ({ titel: tekstIn(locale, r.titel), url: r.url })),
    privacy: t(locale, 'meldwijzer.resultaat.privacy'),
    terug: terugKnop(locale, staat),
    opnieuw: opnieuwKnop(locale),
  };
}

/** Data of the group-chat refusal: an invitation to continue 1:1 (`chatUrl`: deep link to the bot). */
export function groepData(locale: Locale, chatUrl: string): GroepData {
  return { tekst: t(locale, 'meldwijzer.groep.tekst'), knop: t(locale, 'meldwijzer.groep.knop'), url: chatUrl };
}

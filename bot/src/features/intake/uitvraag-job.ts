import type { OrgConfig } from '@shared/config';
import { gebruikersMetRol } from '@shared/domain/rollen';
import { vandaag as vandaagVan } from '@shared/domain/tijd';
import { dagenTussen } from '@shared/domain/wbk-termijnen';
import { verstuurInEigenTaal, type ProactiveSender, type SendStatus } from '../../proactive';
import { renderGesprekCard, renderMeldingCard, renderUitvraagResponsCard } from './cards';
import type { IntakeStaat, UitvraagRespons } from './staat';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import type { Reply } from '../feature';

/**
 * The half-yearly uitvraag (the action point in the Zuid-Holland integrity report that matters
 * recorded by managers and vertrouwenspersonen be asked for regularly). On each configured date
 * (`intake.uitvraagDatums`, default 1 January and 1 July, Europe/Amsterdam) every configured vertrouwenspersoon
 * and manager gets a card asking for matters they have not recorded yet; each answer becomes a list item
 * (Gesprekken for vertrouwenspersonen, Meldingen for managers). Who has not answered after 7 days gets one
 * reminder. The integriteitscoördinator sees the response rate (`IntakeStaat.respons`): on request ("uitvraag
 * status") and as a proactive card 14 days after the uitvraag date.
 *
 * A cycle starts on its date or, when the bot was down then, within `INHAALDAGEN` days after it.
 */

/** Days after an uitvraag date within which a missed start is still made up. */
export const INHAALDAGEN = 14;
/** Days without an answer after which the one reminder goes out. */
export const HERINNERING_NA_DAGEN = 7;
/** Days after the uitvraag date on which the integriteitscoördinator gets the response card (after the reminders). */
export const RESPONS_NA_DAGEN = 14;

/** The configured uitvraag dates around `vandaag`, newest first (this year's and last year's). */
function datumsRond(vandaag: string, mmdd: readonly string[]): string[] {
  const jaar = Number(vandaag.slice(0, 4));
  const out: string[] = [];
  for (const y of [jaar, jaar - 1]) for (const d of mmdd) out.push(`${y}-${d}`);
  return out
    .filter((d) => d <= vandaag)
    .sort()
    .reverse();
}

/**
 * The cycle whose date is the most recent configured date on or before `vandaag`, with `sinds` = the configured
 * date before it (the period asked about), or undefined when no date is configured.
 */
export function huidigeCyclus(vandaag: string, mmdd: readonly string[]): { cyclus: string; sinds: string } | undefined {
  const d = datumsRond(vandaag, mmdd);
  if (d.length === 0) return undefined;
  const vorige = d[1] ?? `${Number(d[0].slice(0, 4)) - 1}${d[0].slice(4)}`;
  return { cyclus: d[0], sinds: vorige };
}

/**
 * The next configured uitvraag date strictly after `vandaag` (`YYYY-MM-DD`; this year's or next year's), or
 * undefined when `mmdd` is empty. On an uitvraag date itself the next one is the date after it.
 */
export function volgendeUitvraag(vandaag: string, mmdd: readonly string[]): string | undefined {
  const jaar = Number(vandaag.slice(0, 4));
  return [jaar, jaar + 1]
    .flatMap((y) => mmdd.map((d) => `${y}-${d}`))
    .filter((d) => d > vandaag)
    .sort()[0];
}

/** The cycle to start today: the current cycle when `vandaag` is at most `INHAALDAGEN` days after its date. */
export function teStartenCyclus(vandaag: string, mmdd: readonly string[]): { cyclus: string; sinds: string } | undefined {
  const c = huidigeCyclus(vandaag, mmdd);
  return c && dagenTussen(c.cyclus, vandaag) <= INHAALDAGEN ? c : undefined;
}

/** The uitvraag card for a role, in `locale` (default Dutch). */
export function uitvraagKaart(
  rol: 'vertrouwenspersoon' | 'manager',
  vandaag: string,
  c: { cyclus: string; sinds: string },
  locale: Locale = 'nl',
): Reply {
  const card =
    rol === 'vertrouwenspersoon'
      ? renderGesprekCard(locale, { vandaag, uitvraag: c })
      : renderMeldingCard(locale, { vandaag, meldpunt: 'leidinggevende', uitvraag: c });
  return { type: 'card', card };
}

/** Outcome of one uitvraag run. */
export interface UitvraagResultaat {
  vandaag: string;
  cyclus?: string;
  gestart: Record<string, SendStatus>;
  herinnerd: Record<string, SendStatus>;
  respons?: UitvraagRespons;
  /** Response card to the coordinators (on day `RESPONS_NA_DAGEN` of the cycle, or the first run after it). */
  responsVerzonden: Record<string, SendStatus>;
}

/**
 * Run the uitvraag for the day of `now`: start (or continue starting) the cycle, send due reminders.
 * Idempotent: running it twice on a day, or after a restart, sends nothing twice (dedupe keys
 * `uitvraag:<cyclus>:<oid>` and `uitvraag-herinnering:<cyclus>:<oid>`).
 */
export async function runUitvraag(
  ctx: { config: OrgConfig; proactive: ProactiveSender; staat: IntakeStaat },
  now: Date,
): Promise<UitvraagResultaat> {
  const vandaag = vandaagVan(now);
  const { config, proactive, staat } = ctx;
  const res: UitvraagResultaat = { vandaag, gestart: {}, herinnerd: {}, responsVerzonden: {} };
  const start = teStartenCyclus(vandaag, config.intake.uitvraagDatums);
  if (start) {
    const ontvangers = new Map<string, 'vertrouwenspersoon' | 'manager'>();
    for (const oid of gebruikersMetRol(config.rollen, 'vertrouwenspersoon')) ontvangers.set(oid.toLowerCase(), 'vertrouwenspersoon');
    for (const oid of gebruikersMetRol(config.rollen, 'manager'))
      if (!ontvangers.has(oid.toLowerCase())) ontvangers.set(oid.toLowerCase(), 'manager');
    for (const [oid, rol] of ontvangers) {
      await staat.uitvraagToevoegen(start.cyclus, oid, rol, vandaag);
      const status = await verstuurInEigenTaal(
        proactive,
        oid,
        (l) => [uitvraagKaart(rol, vandaag, start, l)],
        `uitvraag:${start.cyclus}:${oid}`,
      );
      if (status === 'verzonden') await staat.uitvraagBereikt(start.cyclus, oid, vandaag);
      res.gestart[oid] = status;
    }
  }
  const huidig = huidigeCyclus(vandaag, config.intake.uitvraagDatums);
  if (huidig) {
    res.cyclus = huidig.cyclus;
    for (const r of await staat.uitvraagRijen(huidig.cyclus)) {
      if (r.beantwoordOp || r.herinnerdOp || !r.bereikbaar || dagenTussen(r.gevraagdOp, vandaag) < HERINNERING_NA_DAGEN) continue;
      const status = await verstuurInEigenTaal(
        proactive,
        r.aadObjectId,
        (l) => [
          { type: 'text', text: t(l, 'intake.uitvraag.herinnering', { datum: datumTekst(l, r.gevraagdOp) }) },
          uitvraagKaart(r.rol, vandaag, huidig, l),
        ],
        `uitvraag-herinnering:${huidig.cyclus}:${r.aadObjectId}`,
      );
      if (status === 'verzonden' || status === 'alVerzonden') await staat.uitvraagHerinnerd(huidig.cyclus, r.aadObjectId, vandaag);
      res.herinnerd[r.aadObjectId] = status;
    }
    res.respons = await staat.respons(huidig.cyclus);
    // Once the reminders have had a week, the coordinator gets the response rate (once per cycle).
    const dag = dagenTussen(huidig.cyclus, vandaag);
    if (res.respons.gevraagd > 0 && dag >= RESPONS_NA_DAGEN && dag <= RESPONS_NA_DAGEN + INHAALDAGEN) {
      for (const oid of gebruikersMetRol(config.rollen, 'integriteitscoordinator')) {
        const volgende = volgendeUitvraag(vandaag, config.intake.uitvraagDatums);
        res.responsVerzonden[oid] = await verstuurInEigenTaal(
          proactive,
          oid,
          (l) => [{ type: 'card', card: renderUitvraagResponsCard(l, res.respons!, volgende) }],
          `uitvraag-respons:${huidig.cyclus}:${oid.toLowerCase()}`,
        );
      }
    }
  }
  return res;
}

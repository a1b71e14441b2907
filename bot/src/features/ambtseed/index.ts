import { z } from 'zod';
import {
  amsterdamDelen,
  amsterdamNaarUtc,
  BoekingFout,
  bezetting,
  capaciteitsPrognose,
  isGeannuleerd,
  sessieKeuze,
  toonTijd,
  verplichtingenVan,
  wachtrij,
  weekOverzicht,
  type BoekingPlan,
  type Dienstverband,
  type Inschrijving,
  type NieuweMedewerker,
  type Sessie,
  type SessieSoort,
} from '@shared/domain/ambtseed';
import { plusDagen } from '@shared/domain/ambtseed/verplichtingen';
import { amsterdamDate, vandaag } from '@shared/domain/tijd';
import { heeftRol, ROL_NAMEN } from '@shared/domain/rollen';
import { t, tekstIn, type Locale } from '@shared/i18n';
import { AmbtseedBoeking, legVerklaringVast, markeerAanwezigheid } from '@shared/store/ambtseed-booking';
import { queryAll, SqliteListStore, type ListStore } from '@shared/store';
import type { BotServices, Feature, Reply, TurnInput } from '../feature';
import { proactiveFrom } from '../../proactive';
import {
  renderAanwezigheidKaart,
  renderBevestigingKaart,
  renderHrKaart,
  renderPlanKaart,
  renderSessieFormulier,
  type BevestigingKaartData,
  type EedSectie,
  type SessieSectie,
} from './kaarten';
import { icsUrl, oorkondeUrl, publicUrlVanEnv } from './routes';
import { overzichtRegels } from './overzicht';
import { GraphAgenda, geheugenAgendaRegister, graphVanEnv, sqliteAgendaRegister } from './uitnodiging-graph';

/**
 * The ambtseed feature (issue 5): "Plan mijn ambtseed" for new hires (what they owe, eed vs belofte,
 * book / cancel / rebook / waitlist, integriteitsverklaring), and for HR (role `hr` from the config):
 * create, edit and cancel sessions by card, the capacity forecast, and attendance (afgelegd / afwezig).
 *
 * Invitations: with Graph configured (GRAPH_ACCESS_TOKEN or GRAPH_TENANT_ID/CLIENT_ID/CLIENT_SECRET, and
 * `ambtseed.organisator` in the config) a calendar event per session with a Teams meeting for online
 * sessions; otherwise an .ics download link served by `./routes.ts` (the host mounts `ambtseedRouter`).
 * People who move up from the waitlist or whose session is cancelled/changed are told proactively (via
 * `bot/src/proactive`, once per dedupe key).
 */

/** Options for {@link createAmbtseedFeature}; all optional (defaults from the environment). */
export interface AmbtseedFeatureOpties {
  /** Base URL for download links (default `BOT_PUBLIC_URL` or `http://localhost:<BOT_PORT>`). */
  publicUrl?: string;
  /** Graph calendar; `null` = never (always .ics); undefined = from the environment when configured. */
  agenda?: GraphAgenda | null;
  env?: NodeJS.ProcessEnv;
}

const boekingen = new WeakMap<ListStore, AmbtseedBoeking>();
/** One AmbtseedBoeking per store (its lock must be shared by all turns). */
export function boekingVoor(store: ListStore): AmbtseedBoeking {
  let b = boekingen.get(store);
  if (!b) boekingen.set(store, (b = new AmbtseedBoeking(store)));
  return b;
}

/* ---------- zod schemas of the card submits ---------- */
const soortSchema = z.enum(['ambtseed', 'workshopIntegriteit']);
const boekSchema = z.looseObject({ soort: soortSchema, vorm: z.enum(['eed', 'belofte']).optional(), sessieId_ambtseed: z.string().optional(), sessieId_workshop: z.string().optional() });
const annuleerSchema = z.looseObject({ inschrijvingId: z.string().min(1).max(255) });
const verzetSchema = boekSchema.extend({ inschrijvingId: z.string().min(1).max(255) });
const sessieKeuzeSchema = z.looseObject({ sessieId: z.string().min(1).max(255).optional(), nieuw: z.boolean().optional(), bevestigd: z.string().optional() });
const tijd = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'verwacht UU:MM').transform((s) => s.slice(0, 5));
const sessieFormSchema = z.looseObject({
  sessieId: z.string().max(255).optional(),
  soort: soortSchema,
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht JJJJ-MM-DD'),
  begin: tijd,
  eind: tijd,
  locatie: z.string().trim().max(255).optional().default(''),
  online: z.union([z.boolean(), z.enum(['true', 'false'])]).optional().transform((v) => v === true || v === 'true'),
  afnemer: z.string().trim().min(1, 'mag niet leeg zijn').max(255),
  capaciteit: z.coerce.number().int('verwacht een geheel getal').min(1, 'verwacht minstens 1').max(500, 'maximaal 500'),
});
const aanwezigheidSchema = z.looseObject({ sessieId: z.string().min(1).max(255) });

/** Wrong input from a card (zod paths only, never values) or a refused booking: a short Dutch/English text. */
function foutAntwoord(err: unknown, locale: Locale, services: BotServices, actie: string): Reply[] {
  if (err instanceof z.ZodError) {
    services.log.warn({ feature: 'ambtseed', actie, issues: err.issues.map((i) => i.path.join('.')) }, 'ongeldige invoer');
    return [{ type: 'text', text: t(locale, 'fout.ongeldigeInvoer', { details: err.issues.map((i) => `${i.path.join('.') || 'invoer'}: ${i.message}`).join('; ') }) }];
  }
  if (err instanceof BoekingFout) {
    services.log.info({ feature: 'ambtseed', actie, code: err.code }, 'boeking geweigerd');
    // Dutch: the domain's own message (it can be more specific); English: the translated message per code.
    return [{ type: 'text', text: locale === 'en' ? t('en', `ambtseed.boekingsfout.${err.code}`, err.params) : err.message }];
  }
  throw err;
}

/** Build the feature (tests pass their own publicUrl and agenda). */
export function createAmbtseedFeature(opties: AmbtseedFeatureOpties = {}): Feature {
  const env = opties.env ?? process.env;
  const publicUrl = opties.publicUrl ?? publicUrlVanEnv(env);
  let agendaBelofte: Promise<GraphAgenda | undefined> | undefined;

  /** The Graph calendar when configured (created once), else undefined (→ .ics). */
  function agendaVoor(services: BotServices): Promise<GraphAgenda | undefined> {
    if (opties.agenda !== undefined) return Promise.resolve(opties.agenda ?? undefined);
    agendaBelofte ??= (async () => {
      const organisator = services.config.ambtseed.organisator;
      const graph = organisator ? graphVanEnv(env) : undefined;
      if (!organisator || !graph) return undefined;
      const register = services.store instanceof SqliteListStore ? sqliteAgendaRegister(services.store.db) : geheugenAgendaRegister();
      return new GraphAgenda(graph, organisator, register);
    })();
    return agendaBelofte;
  }

  /* ---------- reading ---------- */
  async function sessiesVanaf(store: ListStore, now: Date): Promise<Sessie[]> {
    return (await queryAll(store, 'AmbtseedSessies', { range: { column: 'start', from: now.toISOString() }, orderBy: 'start' })) as unknown as Sessie[];
  }
  async function inschrijvingenVan(store: ListStore, sessieIds: string[], medewerker?: string): Promise<Inschrijving[]> {
    const rows = new Map<string, Inschrijving>();
    if (sessieIds.length) for (const r of (await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: sessieIds } })) as unknown as Inschrijving[]) rows.set(r.inschrijvingId, r);
    if (medewerker) for (const r of (await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker } })) as unknown as Inschrijving[]) rows.set(r.inschrijvingId, r);
    return [...rows.values()];
  }
  async function nieuweMedewerker(store: ListStore, me: string, now: Date): Promise<{ nm: NieuweMedewerker; geregistreerd: boolean }> {
    const nm = (await store.get('NieuweMedewerkers', me)) as unknown as NieuweMedewerker | undefined;
    return nm ? { nm, geregistreerd: true } : { nm: { medewerkerId: me, indienstOp: vandaag(now), dienstverband: 'arbeidsovereenkomst', workshopGevolgdOp: null }, geregistreerd: false };
  }

  const plaats = (s: Sessie, l: Locale) => (s.online ? t(l, 'ambtseed.sessie.online') : (s.locatie ?? ''));
  const soortNaam = (soort: string, l: Locale) => t(l, `ambtseed.soort.${soort}`);

  /* ---------- invitations and notifications ---------- */
  async function synchroniseerAgenda(services: BotServices, sessieIds: string[], locale: Locale): Promise<string | undefined> {
    const agenda = await agendaVoor(services);
    if (!agenda) return undefined;
    let joinUrl: string | undefined;
    for (const id of new Set(sessieIds)) {
      const sessie = (await services.store.get('AmbtseedSessies', id)) as unknown as Sessie | undefined;
      if (!sessie || isGeannuleerd(sessie)) continue;
      const deelnemers = ((await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: id, status: 'ingeschreven' } })) as unknown as Inschrijving[]).map((i) => i.medewerker);
      try {
        const r = await agenda.synchroniseer(sessie, deelnemers, {
          onderwerp: t(locale, 'ambtseed.ics.titel', { soort: soortNaam(sessie.soort, locale), organisatie: services.config.organisatie.naam }),
          beschrijving: t(locale, 'ambtseed.ics.beschrijving', { afnemer: sessie.afnemer }),
        });
        joinUrl = r.joinUrl ?? joinUrl;
      } catch (err) {
        services.log.warn({ feature: 'ambtseed', actie: 'agenda', status: (err as { statusCode?: number }).statusCode ?? null }, 'agenda-uitnodiging niet bijgewerkt');
      }
    }
    return joinUrl;
  }

  function bevestiging(l: Locale, titel: string, tekst: string, sessie?: Sessie, extra = '', metAgenda = true): BevestigingKaartData {
    return {
      titel,
      tekst,
      extra,
      icsUrl: sessie && metAgenda ? icsUrl(publicUrl, sessie.sessieId) : '',
      agendaTitel: t(l, 'ambtseed.actie.agenda'),
      teamsUrl: '',
      teamsTitel: t(l, 'ambtseed.actie.teams'),
      oorkondeUrl: '',
      oorkondeTitel: t(l, 'ambtseed.actie.oorkonde'),
      planTitel: t(l, 'ambtseed.actie.plan'),
    };
  }

  /** Tell people proactively (moved up, session cancelled/changed, attendance recorded), once per key. */
  async function vertel(services: BotServices, aan: { medewerker: string; dedupeKey: string; kaart: BevestigingKaartData }[]): Promise<void> {
    const sender = proactiveFrom(services);
    if (!sender) {
      if (aan.length) services.log.warn({ feature: 'ambtseed', aantal: aan.length }, 'geen proactieve verzender: mensen niet bericht');
      return;
    }
    for (const a of aan) {
      const status = await sender.send(a.medewerker, [{ type: 'card', card: renderBevestigingKaart(a.kaart) }], a.dedupeKey);
      services.log.info({ feature: 'ambtseed', dedupeKey: a.dedupeKey.split(':').slice(0, 2).join(':'), status }, 'bericht aan deelnemer');
    }
  }

  async function vertelGepromoveerd(services: BotServices, plan: BoekingPlan, l: Locale): Promise<void> {
    const aan = [];
    for (const p of plan.gepromoveerd) {
      const s = (await services.store.get('AmbtseedSessies', p.sessieId)) as unknown as Sessie;
      aan.push({ medewerker: p.medewerker, dedupeKey: `ambtseed:promotie:${p.inschrijvingId}`, kaart: bevestiging(l, soortNaam(s.soort, l), t(l, 'ambtseed.gepromoveerd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) }), s) });
    }
    await vertel(services, aan);
  }

  /* ---------- "Plan mijn ambtseed" ---------- */
  async function planKaart(input: TurnInput, services: BotServices, melding?: string): Promise<Reply[]> {
    const l = input.locale;
    const me = input.user.aadObjectId;
    if (!me) return [{ type: 'text', text: t(l, 'fout.nietToegestaan', { rol: l === 'nl' ? 'medewerkers met een Teams-account' : 'employees with a Teams account' }) }];
    const { store, config } = services;
    const now = input.now;
    const { nm, geregistreerd } = await nieuweMedewerker(store, me, now);
    const toekomst = await sessiesVanaf(store, now);
    const mijnRijen = (await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: me } })) as unknown as Inschrijving[];
    const extraIds = mijnRijen.map((i) => i.sessieId).filter((id) => !toekomst.some((s) => s.sessieId === id));
    const extra = extraIds.length ? ((await queryAll(store, 'AmbtseedSessies', { where: { sessieId: extraIds } })) as unknown as Sessie[]) : [];
    const sessies = [...toekomst, ...extra];
    const inschrijvingen = await inschrijvingenVan(store, toekomst.map((s) => s.sessieId), me);
    const vs = verplichtingenVan(nm, inschrijvingen, sessies, config.ambtseed);
    const deadline = vs[0]?.deadline ?? '';
    const sessieVan = new Map(sessies.map((s) => [s.sessieId, s]));

    const sectie = (soort: SessieSoort): SessieSectie => {
      const v = vs.find((x) => x.soort === soort);
      const keuzes = sessieKeuze(sessies, inschrijvingen, { soort, deadline, now });
      const mijn = v?.inschrijving;
      const ms = mijn ? sessieVan.get(mijn.sessieId) : undefined;
      const opties = keuzes
        .filter((k) => k.sessie.sessieId !== mijn?.sessieId)
        .map((k) => ({
          id: k.sessie.sessieId,
          label: [toonTijd(k.sessie.start, l), plaats(k.sessie, l), k.vrij > 0 ? t(l, 'ambtseed.sessie.vrij', { n: k.vrij }) : t(l, 'ambtseed.sessie.vol', { n: k.wachtlijst }), k.voorDeadline ? '' : t(l, 'ambtseed.sessie.naDeadline')].filter(Boolean).join(' · '),
        }));
      return {
        toon: !!v && v.status !== 'voldaan',
        soort,
        kopje: soortNaam(soort, l),
        heeftMijn: !!mijn,
        mijnTekst: mijn && ms ? t(l, 'ambtseed.sessie.jouw', { tijd: toonTijd(ms.start, l), plaats: plaats(ms, l), status: t(l, `ambtseed.status.${mijn.status}`) }) : '',
        inschrijvingId: mijn?.inschrijvingId ?? '',
        icsUrl: mijn && ms && mijn.status === 'ingeschreven' ? icsUrl(publicUrl, ms.sessieId) : '',
        teamsUrl: '',
        agendaTitel: t(l, 'ambtseed.actie.agenda'),
        teamsTitel: t(l, 'ambtseed.actie.teams'),
        annuleerTitel: t(l, 'ambtseed.actie.annuleer'),
        sessies: opties,
        eersteSessie: opties[0]?.id ?? '',
        geenSessies: opties.length ? '' : t(l, 'ambtseed.sessie.geen'),
        kiesSessie: t(l, 'ambtseed.kies.sessie'),
        boekTitel: t(l, 'ambtseed.actie.boek'),
        verzetTitel: t(l, 'ambtseed.actie.verzet'),
      };
    };
    const slot = (s: string) => s.trim().split(/(?<=[.!?])\s+/).pop() ?? s;
    const a = config.ambtseed;
    const ambtseedSectie: EedSectie = {
      ...sectie('ambtseed'),
      afnemerTekst: t(l, 'ambtseed.afnemer', { afnemer: tekstIn(l, a.afnemer) }),
      getuigeTekst: a.getuige ? t(l, 'ambtseed.getuige', { getuige: tekstIn(l, a.getuige) }) : '',
      verschilTitel: t(l, 'ambtseed.eedBelofte.titel'),
      verschilUitleg: t(l, 'ambtseed.eedBelofte.uitleg'),
      verschilSlot: t(l, 'ambtseed.eedBelofte.slot', { eed: slot(a.eedTekst), belofte: slot(a.belofteTekst) }),
      eedTitel: t(l, 'ambtseed.vorm.eed'),
      eedTekst: a.eedTekst,
      belofteTitel: t(l, 'ambtseed.vorm.belofte'),
      belofteTekst: a.belofteTekst,
      kiesVorm: t(l, 'ambtseed.kies.vorm'),
      gekozenVorm: vs.find((x) => x.soort === 'ambtseed')?.inschrijving?.vorm ?? 'eed',
    };
    const verklaring = vs.find((x) => x.soort === 'integriteitsverklaring');
    const open = vs.filter((v) => v.status !== 'voldaan');
    const card = renderPlanKaart({
      titel: t(l, 'ambtseed.plan.titel'),
      intro: t(l, 'ambtseed.plan.intro', { dienstverband: t(l, `ambtseed.dienstverband.${nm.dienstverband}`), indienstOp: nm.indienstOp, deadline }),
      nietGeregistreerd: geregistreerd ? '' : t(l, 'ambtseed.plan.nietGeregistreerd'),
      allesKlaar: open.length === 0 ? t(l, 'ambtseed.plan.allesKlaar') : '',
      verplichtingen: vs.map((v) => ({ wat: t(l, `ambtseed.verplichting.${v.soort}`), status: t(l, `ambtseed.status.${v.status}`) })),
      ambtseed: ambtseedSectie,
      workshop: sectie('workshopIntegriteit'),
      verklaring: {
        toon: !!verklaring && verklaring.status !== 'voldaan',
        kopje: t(l, 'ambtseed.verklaring.titel'),
        uitleg: t(l, 'ambtseed.verklaring.uitleg', { dienstverband: t(l, `ambtseed.dienstverband.${nm.dienstverband}`) }),
        tekst: a.verklaringTekst ?? '',
        verklaarTitel: t(l, 'ambtseed.actie.verklaar'),
      },
    });
    return [...(melding ? [{ type: 'text' as const, text: melding }] : []), { type: 'card', card }];
  }

  /* ---------- booking ---------- */
  async function boek(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const me = input.user.aadObjectId;
    if (!me) return planKaart(input, services);
    const d = boekSchema.parse(input.data);
    const sessieId = d.soort === 'ambtseed' ? d.sessieId_ambtseed : d.sessieId_workshop;
    if (!sessieId) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
    if (d.soort === 'ambtseed' && !d.vorm) return [{ type: 'text', text: t(l, 'ambtseed.vormOngeldig') }];
    const { nm } = await nieuweMedewerker(services.store, me, input.now);
    const plan = await boekingVoor(services.store).boek({ sessieId, medewerker: me, dienstverband: nm.dienstverband as Dienstverband, indienstOp: nm.indienstOp, vorm: d.vorm ?? null }, input.now);
    services.log.info({ feature: 'ambtseed', actie: 'boek', status: plan.resultaat?.status }, 'boeking');
    return bevestigBoeking(input, services, plan, 'ambtseed.geboekt');
  }

  async function bevestigBoeking(input: TurnInput, services: BotServices, plan: BoekingPlan, sleutel: string): Promise<Reply[]> {
    const l = input.locale;
    const r = plan.resultaat!;
    const s = (await services.store.get('AmbtseedSessies', r.sessieId)) as unknown as Sessie;
    const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) };
    await vertelGepromoveerd(services, plan, l);
    if (r.status === 'wachtlijst') {
      const rij = (await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: 'wachtlijst' } })) as unknown as Inschrijving[];
      const positie = wachtrij(s.sessieId, rij).findIndex((i) => i.inschrijvingId === r.inschrijvingId) + 1;
      return [{ type: 'card', card: renderBevestigingKaart(bevestiging(l, params.soort, t(l, 'ambtseed.wachtlijst', { ...params, positie }), s, '', false)) }];
    }
    const agenda = await agendaVoor(services);
    const joinUrl = await synchroniseerAgenda(services, [s.sessieId, ...plan.geannuleerd.map((g) => g.sessieId)], l);
    const kaart = bevestiging(l, params.soort, t(l, sleutel, params), s, agenda ? t(l, 'ambtseed.uitnodiging.graph') : '', !agenda);
    kaart.teamsUrl = joinUrl ?? '';
    return [{ type: 'card', card: renderBevestigingKaart(kaart) }];
  }

  async function eigenInschrijving(input: TurnInput, services: BotServices, inschrijvingId: string): Promise<Inschrijving> {
    const i = (await services.store.get('AmbtseedInschrijvingen', inschrijvingId)) as unknown as Inschrijving | undefined;
    if (!i) throw new BoekingFout('INSCHRIJVING_ONBEKEND', t(input.locale, 'ambtseed.fout.nietGevonden'));
    if (i.medewerker !== input.user.aadObjectId && !heeftRol(input.user.rollen, 'hr')) throw new BoekingFout('INSCHRIJVING_ONBEKEND', t(input.locale, 'ambtseed.fout.nietVanJou'));
    return i;
  }

  async function annuleer(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = annuleerSchema.parse(input.data);
    await eigenInschrijving(input, services, d.inschrijvingId);
    const plan = await boekingVoor(services.store).annuleer(d.inschrijvingId, input.now);
    const s = (await services.store.get('AmbtseedSessies', plan.resultaat!.sessieId)) as unknown as Sessie;
    await vertelGepromoveerd(services, plan, l);
    await synchroniseerAgenda(services, [s.sessieId], l);
    services.log.info({ feature: 'ambtseed', actie: 'annuleer', gepromoveerd: plan.gepromoveerd.length }, 'annulering');
    return planKaart(input, services, t(l, 'ambtseed.geannuleerd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }));
  }

  async function verzet(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = verzetSchema.parse(input.data);
    const nieuw = d.soort === 'ambtseed' ? d.sessieId_ambtseed : d.sessieId_workshop;
    if (!nieuw) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
    await eigenInschrijving(input, services, d.inschrijvingId);
    const plan = await boekingVoor(services.store).verzet(d.inschrijvingId, nieuw, input.now);
    services.log.info({ feature: 'ambtseed', actie: 'verzet', status: plan.resultaat?.status }, 'verzet');
    return bevestigBoeking(input, services, plan, 'ambtseed.verzet');
  }

  async function verklaar(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const me = input.user.aadObjectId;
    if (!me) return planKaart(input, services);
    const { nm } = await nieuweMedewerker(services.store, me, input.now);
    if (nm.dienstverband === 'arbeidsovereenkomst') return [{ type: 'text', text: t(l, 'ambtseed.verklaring.nietNodig') }];
    const r = await legVerklaringVast(services.store, { medewerker: me, dienstverband: nm.dienstverband, indienstOp: nm.indienstOp, datum: vandaag(input.now) });
    services.log.info({ feature: 'ambtseed', actie: 'verklaring', nieuw: r.created }, 'integriteitsverklaring');
    return [{ type: 'text', text: t(l, r.created ? 'ambtseed.verklaring.getekend' : 'ambtseed.verklaring.alGetekend', { datum: r.inschrijving.afgelegdOp ?? '' }) }];
  }

  /* ---------- HR ---------- */
  function alleenHr(input: TurnInput): Reply[] | undefined {
    if (heeftRol(input.user.rollen, 'hr')) return undefined;
    return [{ type: 'text', text: t(input.locale, 'fout.nietToegestaan', { rol: ROL_NAMEN.hr[input.locale] }) }];
  }

  async function hrKaart(input: TurnInput, services: BotServices, melding?: string): Promise<Reply[]> {
    const l = input.locale;
    const { store, config } = services;
    const now = input.now;
    const nms = (await queryAll(store, 'NieuweMedewerkers', { range: { column: 'indienstOp', from: plusDagen(vandaag(now), -400) } })) as unknown as NieuweMedewerker[];
    const alle = (await queryAll(store, 'AmbtseedSessies', { range: { column: 'start', from: new Date(now.getTime() - 400 * 86400_000).toISOString() } })) as unknown as Sessie[];
    const inschrijvingen = (await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: nms.map((m) => m.medewerkerId) } })) as unknown as Inschrijving[];
    const komend = alle.filter((s) => Date.parse(s.eind) > now.getTime() - 7 * 86400_000 && !isGeannuleerd(s)).sort((a, b) => a.start.localeCompare(b.start));
    const perSessie = await inschrijvingenVan(store, komend.map((s) => s.sessieId));
    const alleInschr = [...new Map([...inschrijvingen, ...perSessie].map((i) => [i.inschrijvingId, i])).values()];
    const o = weekOverzicht(now, nms, alleInschr, alle, config.ambtseed);
    const prognose = capaciteitsPrognose(now, nms, alle, alleInschr, config.ambtseed);
    const card = renderHrKaart({
      titel: t(l, 'ambtseed.hr.titel'),
      overzichtTitel: t(l, 'ambtseed.overzicht.titel', { week: o.week }),
      overzicht: overzichtRegels(o, l),
      prognoseTitel: t(l, 'ambtseed.hr.prognose', { kwartaal: prognose[0]?.kwartaal ?? '' }),
      prognose: prognose.flatMap((p) => [
        { tekst: t(l, 'ambtseed.hr.prognose.regel', { soort: soortNaam(p.soort, l), vraag: p.vraag, instroom: p.verwachteInstroom, achterstand: p.achterstand, aanbod: p.aanbod, sessies: p.sessiesGepland }), kleur: 'Default' as const },
        p.toereikend ? { tekst: t(l, 'ambtseed.hr.prognose.ok'), kleur: 'Good' as const } : { tekst: t(l, 'ambtseed.hr.prognose.tekort', { tekort: p.tekort, extra: p.extraSessies, cap: p.standaardCapaciteit }), kleur: 'Attention' as const },
      ]),
      sessiesTitel: t(l, 'ambtseed.hr.sessies'),
      geenSessies: komend.length ? '' : t(l, 'ambtseed.hr.geenSessies'),
      sessies: komend.map((s) => {
        const b = bezetting(s.sessieId, perSessie);
        return { label: t(l, 'ambtseed.hr.regel', { tijd: toonTijd(s.start, l), soort: soortNaam(s.soort, l), plaats: plaats(s, l), bezet: b.ingeschreven, capaciteit: s.capaciteit, wachtlijst: b.wachtlijst }) };
      }),
      keuzes: komend.map((s) => ({ id: s.sessieId, label: `${toonTijd(s.start, l)} · ${soortNaam(s.soort, l)}` })),
      eersteSessie: komend[0]?.sessieId ?? '',
      kiesSessie: t(l, 'ambtseed.hr.kiesSessie'),
      wijzigTitel: t(l, 'ambtseed.hr.wijzig'),
      aanwezigheidTitel: t(l, 'ambtseed.hr.aanwezigheid'),
      bevestigTitel: t(l, 'ambtseed.hr.form.bevestigAnnuleren'),
      annuleerTitel: t(l, 'ambtseed.hr.annuleerSessie'),
      nieuwTitel: t(l, 'ambtseed.hr.nieuw'),
    });
    return [...(melding ? [{ type: 'text' as const, text: melding }] : []), { type: 'card', card }];
  }

  async function sessieFormulier(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = sessieKeuzeSchema.parse(input.data ?? {});
    const bestaand = !d.nieuw && d.sessieId ? ((await services.store.get('AmbtseedSessies', d.sessieId)) as unknown as Sessie | undefined) : undefined;
    if (!d.nieuw && d.sessieId && !bestaand) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
    const start = bestaand ? amsterdamDelen(bestaand.start) : { datum: plusDagen(vandaag(input.now), 14), tijd: '10:00' };
    const eind = bestaand ? amsterdamDelen(bestaand.eind) : { datum: start.datum, tijd: '11:00' };
    const lab = (k: string) => t(l, `ambtseed.hr.form.${k}`);
    return [
      {
        type: 'card',
        card: renderSessieFormulier({
          titel: lab(bestaand ? 'wijzig' : 'nieuw'),
          l: { soort: lab('soort'), ambtseed: soortNaam('ambtseed', l), workshop: soortNaam('workshopIntegriteit', l), datum: lab('datum'), begin: lab('begin'), eind: lab('eind'), locatie: lab('locatie'), online: lab('online'), afnemer: lab('afnemer'), capaciteit: lab('capaciteit'), opslaan: lab('opslaan') },
          v: {
            sessieId: bestaand?.sessieId ?? '',
            soort: bestaand?.soort ?? 'ambtseed',
            datum: start.datum,
            begin: start.tijd,
            eind: eind.tijd,
            locatie: bestaand?.locatie ?? '',
            online: bestaand?.online ? 'true' : 'false',
            afnemer: bestaand?.afnemer ?? tekstIn(l, services.config.ambtseed.afnemer),
            capaciteit: String(bestaand?.capaciteit ?? 20),
          },
        }),
      },
    ];
  }

  async function sessieOpslaan(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = sessieFormSchema.parse(input.data);
    let start: string;
    let eind: string;
    try {
      start = amsterdamNaarUtc(d.datum, d.begin);
      eind = amsterdamNaarUtc(d.datum, d.eind);
    } catch (err) {
      return [{ type: 'text', text: (err as Error).message }];
    }
    if (eind <= start) return [{ type: 'text', text: t(l, 'ambtseed.hr.eindVoorBegin') }];
    if (!d.online && !d.locatie) return [{ type: 'text', text: t(l, 'ambtseed.hr.locatieOntbreekt') }];
    const velden = { start, eind, soort: d.soort, locatie: d.locatie || null, online: d.online, afnemer: d.afnemer, capaciteit: d.capaciteit };
    let gepromoveerd = 0;
    if (d.sessieId) {
      const oud = (await services.store.get('AmbtseedSessies', d.sessieId)) as unknown as Sessie | undefined;
      const plan = await boekingVoor(services.store).wijzigSessie(d.sessieId, velden, input.now);
      gepromoveerd = plan.gepromoveerd.length;
      await vertelGepromoveerd(services, plan, l);
      const s = plan.sessie!;
      if (oud && (oud.start !== s.start || oud.locatie !== s.locatie || oud.online !== s.online)) {
        const geboekt = (await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: 'ingeschreven' } })) as unknown as Inschrijving[];
        await vertel(
          services,
          geboekt
            .filter((i) => !plan.gepromoveerd.some((p) => p.inschrijvingId === i.inschrijvingId))
            .map((i) => ({ medewerker: i.medewerker, dedupeKey: `ambtseed:gewijzigd:${i.inschrijvingId}:${s.start}:${s.online ? 'online' : (s.locatie ?? '')}`.slice(0, 200), kaart: bevestiging(l, soortNaam(s.soort, l), t(l, 'ambtseed.sessieGewijzigd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) }), s) })),
        );
      }
      await synchroniseerAgenda(services, [s.sessieId], l);
    } else {
      const sessieId = `S-${d.datum}-${d.begin.replace(':', '')}-${d.soort === 'ambtseed' ? 'E' : 'W'}`;
      await services.store.add('AmbtseedSessies', { sessieId, ...velden });
    }
    services.log.info({ feature: 'ambtseed', actie: d.sessieId ? 'sessieGewijzigd' : 'sessieNieuw', gepromoveerd }, 'sessie opgeslagen');
    return hrKaart(input, services, t(l, 'ambtseed.hr.opgeslagen', { soort: soortNaam(d.soort, l), tijd: toonTijd(start, l), gepromoveerd }));
  }

  async function sessieAnnuleer(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = sessieKeuzeSchema.parse(input.data);
    if (!d.sessieId) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
    if (d.bevestigd !== 'ja') return [{ type: 'text', text: t(l, 'ambtseed.hr.annuleerNietBevestigd') }];
    const plan = await boekingVoor(services.store).annuleerSessie(d.sessieId);
    const s = plan.sessie!;
    const agenda = await agendaVoor(services);
    const tekst = (loc: Locale) => t(loc, 'ambtseed.sessieGeannuleerd', { soort: soortNaam(s.soort, loc), tijd: toonTijd(s.start, loc) });
    if (agenda) {
      try {
        await agenda.annuleer(s.sessieId, tekst(l));
      } catch (err) {
        services.log.warn({ feature: 'ambtseed', actie: 'agendaAnnuleren', status: (err as { statusCode?: number }).statusCode ?? null }, 'agenda-annulering mislukt');
      }
    }
    await vertel(
      services,
      plan.geannuleerd.map((i) => ({
        medewerker: i.medewerker,
        dedupeKey: `ambtseed:sessieGeannuleerd:${i.inschrijvingId}`,
        // Without Graph the .ics link now serves METHOD:CANCEL, which removes an imported invitation.
        kaart: { ...bevestiging(l, soortNaam(s.soort, l), tekst(l), s, '', !agenda), agendaTitel: t(l, 'ambtseed.actie.agendaAnnuleren') },
      })),
    );
    services.log.info({ feature: 'ambtseed', actie: 'sessieGeannuleerd', getroffen: plan.geannuleerd.length }, 'sessie geannuleerd');
    return hrKaart(input, services, t(l, 'ambtseed.hr.geannuleerd', { n: plan.geannuleerd.length }));
  }

  async function aanwezigheid(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = aanwezigheidSchema.parse(input.data);
    const s = (await services.store.get('AmbtseedSessies', d.sessieId)) as unknown as Sessie | undefined;
    if (!s) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
    if (Date.parse(s.start) > input.now.getTime()) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.nogNiet') }];
    const rijen = ((await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: ['ingeschreven', 'afgelegd', 'afwezig'] } })) as unknown as Inschrijving[]).sort((a, b) =>
      a.inschrijvingId.localeCompare(b.inschrijvingId),
    );
    if (!rijen.length) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.geen') }];
    const ambtseed = s.soort === 'ambtseed';
    const keuzes = ambtseed
      ? [
          { title: t(l, 'ambtseed.aanwezigheid.afgelegdEed'), value: 'afgelegd-eed' },
          { title: t(l, 'ambtseed.aanwezigheid.afgelegdBelofte'), value: 'afgelegd-belofte' },
          { title: t(l, 'ambtseed.aanwezigheid.afwezig'), value: 'afwezig' },
        ]
      : [
          { title: t(l, 'ambtseed.aanwezigheid.afgelegd'), value: 'afgelegd' },
          { title: t(l, 'ambtseed.aanwezigheid.afwezig'), value: 'afwezig' },
        ];
    return [
      {
        type: 'card',
        card: renderAanwezigheidKaart({
          titel: t(l, 'ambtseed.aanwezigheid.titel', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }),
          sessieId: s.sessieId,
          opslaanTitel: t(l, 'ambtseed.aanwezigheid.opslaan'),
          deelnemers: rijen.map((i, n) => ({
            veld: `a_${i.inschrijvingId}`,
            label: t(l, 'ambtseed.aanwezigheid.deelnemer', { n: n + 1, kort: i.medewerker.slice(0, 8), vorm: i.vorm ? t(l, `ambtseed.vorm.${i.vorm}`) : '—' }),
            standaard: i.status === 'afwezig' ? 'afwezig' : ambtseed ? `afgelegd-${i.vorm === 'belofte' ? 'belofte' : 'eed'}` : 'afgelegd',
            keuzes,
          })),
        }),
      },
    ];
  }

  async function aanwezigheidOpslaan(input: TurnInput, services: BotServices): Promise<Reply[]> {
    const l = input.locale;
    const d = aanwezigheidSchema.parse(input.data);
    const s = (await services.store.get('AmbtseedSessies', d.sessieId)) as unknown as Sessie | undefined;
    if (!s) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
    if (Date.parse(s.start) > input.now.getTime()) return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.nogNiet') }];
    const keuze = z.enum(['afgelegd-eed', 'afgelegd-belofte', 'afgelegd', 'afwezig']);
    const besluiten = Object.entries(input.data as Record<string, unknown>)
      .filter(([k]) => k.startsWith('a_'))
      .map(([k, v]) => ({ inschrijvingId: k.slice(2), keuze: keuze.parse(v) }))
      .filter((b) => b.inschrijvingId.startsWith(`${s.sessieId}#`));
    const datum = amsterdamDate(new Date(s.start));
    let afgelegd = 0;
    let afwezig = 0;
    const berichten = [];
    for (const b of besluiten) {
      const status = b.keuze === 'afwezig' ? 'afwezig' : 'afgelegd';
      const vorm = b.keuze === 'afgelegd-eed' ? 'eed' : b.keuze === 'afgelegd-belofte' ? 'belofte' : null;
      const i = await markeerAanwezigheid(services.store, b.inschrijvingId, { status, vorm, datum });
      if (status === 'afgelegd') {
        afgelegd++;
        const kaart = bevestiging(l, soortNaam(s.soort, l), t(l, 'ambtseed.aanwezigheid.afgerond', { wat: t(l, `ambtseed.verplichting.${s.soort}`), datum }), undefined);
        if (i.vorm === 'eed' || i.vorm === 'belofte') kaart.oorkondeUrl = oorkondeUrl(publicUrl, i.inschrijvingId, l);
        berichten.push({ medewerker: i.medewerker, dedupeKey: `ambtseed:afgelegd:${i.inschrijvingId}`, kaart });
      } else afwezig++;
    }
    await vertel(services, berichten);
    services.log.info({ feature: 'ambtseed', actie: 'aanwezigheid', afgelegd, afwezig }, 'aanwezigheid vastgelegd');
    return [{ type: 'text', text: t(l, 'ambtseed.aanwezigheid.opgeslagen', { afgelegd, afwezig }) }];
  }

  /* ---------- dispatch ---------- */
  const acties: Record<string, { hr: boolean; run: (input: TurnInput, services: BotServices) => Promise<Reply[]> }> = {
    'ambtseed.plan': { hr: false, run: (i, s) => planKaart(i, s) },
    'ambtseed.boek': { hr: false, run: boek },
    'ambtseed.annuleer': { hr: false, run: annuleer },
    'ambtseed.verzet': { hr: false, run: verzet },
    'ambtseed.verklaring': { hr: false, run: verklaar },
    'ambtseed.hr': { hr: true, run: (i, s) => hrKaart(i, s) },
    'ambtseed.sessieFormulier': { hr: true, run: sessieFormulier },
    'ambtseed.sessieOpslaan': { hr: true, run: sessieOpslaan },
    'ambtseed.sessieAnnuleer': { hr: true, run: sessieAnnuleer },
    'ambtseed.aanwezigheid': { hr: true, run: aanwezigheid },
    'ambtseed.aanwezigheidOpslaan': { hr: true, run: aanwezigheidOpslaan },
  };

  const HR_COMMANDS = ['ambtseed beheer', 'ambtseed hr', 'manage oath', 'oath admin'];

  return {
    id: 'ambtseed',
    actions: ['ambtseed.'],
    commands: ['plan mijn ambtseed', 'ambtseed', 'ambtsbelofte', 'eed afleggen', 'integriteitsverklaring', 'plan my oath', 'oath of office', 'integrity declaration', ...HR_COMMANDS],
    async onSubmit(input, services) {
      const action = z.looseObject({ action: z.string() }).safeParse(input.data);
      const handler = action.success ? acties[action.data.action] : undefined;
      if (!handler) return [{ type: 'text', text: t(input.locale, 'fout.algemeen') }];
      if (handler.hr) {
        const geweigerd = alleenHr(input);
        if (geweigerd) return geweigerd;
      }
      try {
        return await handler.run(input, services);
      } catch (err) {
        return foutAntwoord(err, input.locale, services, action.success ? action.data.action : '?');
      }
    },
    async onCommand(command, input, services) {
      if (HR_COMMANDS.includes(command)) return alleenHr(input) ?? hrKaart(input, services);
      return planKaart(input, services);
    },
  };
}

/** The feature as the registry uses it (environment defaults). */
export const ambtseedFeature: Feature = createAmbtseedFeature();

export { ambtseedRouter } from './routes';
export { runAmbtseedHerinneringen } from './herinneringen-job';


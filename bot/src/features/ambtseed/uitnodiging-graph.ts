import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { createGraphHttp, defaultRetryPolicy, graphConfigured, GraphHttp } from '@shared/graph';
import type { OrgConfig } from '@shared/config';
import type { Sessie } from '@shared/domain/ambtseed';
import type { LokaleStaat } from '@shared/store';

/**
 * Calendar invitations through Microsoft Graph: one event per session in the
 * organiser's calendar (`POST /users/{organizer}/events`), with `isOnlineMeeting: true` and
 * `onlineMeetingProvider: teamsForBusiness` for online sessions (Graph then adds the Teams meeting). The
 * booked people are the event's attendees: after every booking change the attendee list is replaced
 * (`PATCH …/events/{id}`), so Exchange sends invitations to new attendees and cancellations to removed
 * ones. Cancelling the session calls `POST …/events/{id}/cancel`, which tells every attendee.
 *
 * Attendee addresses are looked up per object id (`GET /users/{id}?$select=mail,userPrincipalName`) and
 * never stored. The event id per session is kept in the table `ambtseed_agenda` of the local state (the SQLite
 * file, or with STORE=postgres the database every instance shares) or in memory. Two instances handling the same
 * session at once create one event: the create is claimed first (`AgendaRegister.claimAanmaak`); the other waits
 * for the id and updates that event. Needs the application permission `Calendars.ReadWrite` (and `User.Read.All` for the look-up).
 *
 * Every call goes through the one Graph client (shared/src/graph): the same settings, auth (secret,
 * certificate or static token) and retry policy as the list store.
 */

/**
 * Where event ids live: sessieId → Graph event id, and who may create a session's missing event. All async: the
 * register may be the database every instance shares.
 */
export interface AgendaRegister {
  get(sessieId: string): Promise<string | undefined>;
  set(sessieId: string, eventId: string): Promise<void>;
  /**
   * Claim creating the event of `sessieId` for `leaseMs` ms: true for one caller at a time (across instances when
   * the register is shared); false while another claim lives. A claim whose holder died expires after `leaseMs`.
   */
  claimAanmaak(sessieId: string, leaseMs: number): Promise<boolean>;
  /** Give a claim back (the create failed: the next caller may try at once). */
  geefAanmaakVrij(sessieId: string): Promise<void>;
}

/** Key kind of the create claims in `lokaal_eenmalig` (`LokaleStaat.eersteKeer`). */
const AANMAAK_SOORT = 'ambtseed-agenda-aanmaak';

/**
 * `AgendaRegister` in the local state: event ids in the table `ambtseed_agenda`, create claims as keys seen once
 * (`LokaleStaat.eersteKeer`, atomic across instances). With STORE=postgres both live in PostgreSQL.
 */
export function lokaalAgendaRegister(lokaal: LokaleStaat): AgendaRegister {
  return {
    get: async (s) => (await lokaal.een<{ event_id: string }>('SELECT event_id FROM ambtseed_agenda WHERE sessie_id = ?', [s]))?.event_id,
    set: async (s, e) =>
      void (await lokaal.voerUit(
        'INSERT INTO ambtseed_agenda (sessie_id, event_id) VALUES (?, ?) ON CONFLICT (sessie_id) DO UPDATE SET event_id = excluded.event_id',
        [s, e],
      )),
    claimAanmaak: (s, leaseMs) => lokaal.eersteKeer(AANMAAK_SOORT, s, leaseMs),
    geefAanmaakVrij: (s) => lokaal.vergeet(AANMAAK_SOORT, s),
  };
}

/** In-memory `AgendaRegister` (tests, Graph store mode without SQLite). */
export function geheugenAgendaRegister(): AgendaRegister {
  const m = new Map<string, string>();
  const claims = new Map<string, number>();
  return {
    get: async (s) => m.get(s),
    set: async (s, e) => void m.set(s, e),
    claimAanmaak: async (s, leaseMs) => {
      const nu = Date.now();
      if ((claims.get(s) ?? 0) > nu) return false;
      claims.set(s, nu + leaseMs);
      return true;
    },
    geefAanmaakVrij: async (s) => void claims.delete(s),
  };
}

/** How the create of a session's event is guarded (ms). */
export interface AanmaakTiming {
  /** How long a create claim lives: a holder that died is taken over after this (default 60 s). */
  leaseMs: number;
  /** How often a waiting caller looks for the other instance's event id (default 200 ms). */
  wachtMs: number;
}

const eventResponse = z.object({ id: z.string().min(1), onlineMeeting: z.object({ joinUrl: z.string().optional() }).nullish() });
const userResponse = z.object({ mail: z.string().nullish(), userPrincipalName: z.string().nullish() });

/**
 * A Graph client for `baseUrl` (`GRAPH_BASE_URL`, e.g. `https://graph.microsoft.com/v1.0` or a local fake) with
 * the one retry policy; for tests and callers that have their own token provider (else {@link graphVanEnv}).
 */
export function graphClient(baseUrl: string, auth: AuthenticationProvider): GraphHttp {
  return new GraphHttp(baseUrl.replace(/\/+$/, ''), auth, defaultRetryPolicy());
}

/** Texts the event needs (localised by the caller). */
export interface EventTekst {
  onderwerp: string;
  beschrijving: string;
}

/** What the ambtseed feature needs of a calendar (`BotServices.agenda`): `GraphAgenda`, or a fake in tests. */
export type Agenda = Pick<GraphAgenda, 'synchroniseer' | 'annuleer'>;

/**
 * The Graph calendar when Graph is configured ({@link graphVanEnv}) and the config names `ambtseed.organisator`;
 * else undefined (the feature then offers .ics links). Event ids are kept in `lokaal` (table `ambtseed_agenda`).
 * The host calls this once at start-up.
 * @throws Error (Dutch) when Graph settings are present but invalid.
 */
export function agendaVanEnv(env: NodeJS.ProcessEnv, config: OrgConfig, lokaal: LokaleStaat): GraphAgenda | undefined {
  const organisator = config.ambtseed.organisator;
  const graph = organisator ? graphVanEnv(env) : undefined;
  if (!organisator || !graph) return undefined;
  return new GraphAgenda(graph, organisator, lokaalAgendaRegister(lokaal));
}

/** The Graph calendar of one organiser (a UPN or object id, e.g. the HR mailbox). */
export class GraphAgenda {
  constructor(
    private readonly http: GraphHttp,
    private readonly organisator: string,
    private readonly register: AgendaRegister,
    private readonly timing: AanmaakTiming = { leaseMs: 60_000, wachtMs: 200 },
  ) {}

  private pad(suffix = ''): string {
    return `/users/${encodeURIComponent(this.organisator)}/events${suffix}`;
  }

  private async adres(objectId: string): Promise<string | undefined> {
    const raw = await this.http.get(`/users/${encodeURIComponent(objectId)}?$select=mail,userPrincipalName`);
    const u = userResponse.parse(raw);
    return u.mail ?? u.userPrincipalName ?? undefined;
  }

  /**
   * Create the session's event when it has none, else update it; attendees = `deelnemers` (object ids of
   * the people with a place). Returns the event id and, for online sessions, the Teams join URL. Only the caller
   * that claimed the create POSTs; a caller meeting a live claim waits until the event id is there (at most the
   * claim's lease, then it takes over) and PATCHes that event, so its attendee list is not lost either.
   * @throws GraphError on HTTP failure (a failed create gives its claim back); ZodError when Graph answers
   *   something unexpected.
   */
  async synchroniseer(sessie: Sessie, deelnemers: readonly string[], tekst: EventTekst): Promise<{ eventId: string; joinUrl?: string }> {
    const adressen: string[] = [];
    for (const id of deelnemers) {
      const a = await this.adres(id);
      if (a) adressen.push(a);
    }
    const body = {
      subject: tekst.onderwerp,
      body: { contentType: 'text', content: tekst.beschrijving },
      start: { dateTime: sessie.start.replace(/Z$/, '').replace(/\.\d+$/, ''), timeZone: 'UTC' },
      end: { dateTime: sessie.eind.replace(/Z$/, '').replace(/\.\d+$/, ''), timeZone: 'UTC' },
      location: { displayName: sessie.online ? 'Microsoft Teams' : (sessie.locatie ?? '') },
      attendees: adressen.map((address) => ({ emailAddress: { address }, type: 'required' })),
      allowNewTimeProposals: false,
      ...(sessie.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    };
    const id = sessie.sessieId;
    for (;;) {
      let bestaand = await this.register.get(id);
      if (!bestaand && (await this.register.claimAanmaak(id, this.timing.leaseMs))) {
        // Claimed: look once more (an earlier claimer may have finished just before its claim expired).
        bestaand = await this.register.get(id);
        if (!bestaand) return this.maak(id, body);
      }
      if (bestaand) {
        const ev = eventResponse.parse(await this.http.patch(this.pad(`/${encodeURIComponent(bestaand)}`), body));
        if (ev.id !== bestaand) await this.register.set(id, ev.id);
        return { eventId: ev.id, joinUrl: ev.onlineMeeting?.joinUrl ?? undefined };
      }
      // Another instance is creating the event right now: wait for its id.
      await new Promise((r) => setTimeout(r, this.timing.wachtMs));
    }
  }

  /** POST the event of a claimed session and keep its id; a failure gives the claim back. */
  private async maak(sessieId: string, body: Record<string, unknown>): Promise<{ eventId: string; joinUrl?: string }> {
    try {
      const ev = eventResponse.parse(await this.http.post(this.pad(), { ...body, transactionId: `ambtseed-${sessieId}` }));
      await this.register.set(sessieId, ev.id);
      return { eventId: ev.id, joinUrl: ev.onlineMeeting?.joinUrl ?? undefined };
    } catch (err) {
      await this.register.geefAanmaakVrij(sessieId);
      throw err;
    }
  }

  /** Cancel the session's event (Exchange sends the cancellation to every attendee). No event: no call. */
  async annuleer(sessieId: string, opmerking: string): Promise<boolean> {
    const id = await this.register.get(sessieId);
    if (!id) return false;
    await this.http.post(this.pad(`/${encodeURIComponent(id)}/cancel`), { comment: opmerking });
    return true;
  }
}

/**
 * The Graph client from the environment (`GRAPH_BASE_URL`; `GRAPH_ACCESS_TOKEN`, or msal with
 * `GRAPH_CLIENT_SECRET` or `GRAPH_CLIENT_CERT_PATH`), or undefined when no Graph sign-in is configured (→ `.ics`).
 * @throws Error (Dutch) when settings are present but invalid.
 */
export function graphVanEnv(env: NodeJS.ProcessEnv): GraphHttp | undefined {
  return graphConfigured(env) ? createGraphHttp(env) : undefined;
}

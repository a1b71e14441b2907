import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { createGraphHttp, defaultRetryPolicy, graphConfigured, GraphHttp } from '@shared/graph';
import type { OrgConfig } from '@shared/config';
import type { Sessie } from '@shared/domain/ambtseed';
import type { LokaleStaat, SqliteDatabase } from '@shared/store';

/**
 * Calendar invitations through Microsoft Graph: one event per session in the
 * organiser's calendar (`POST /users/{organizer}/events`), with `isOnlineMeeting: true` and
 * `onlineMeetingProvider: teamsForBusiness` for online sessions (Graph then adds the Teams meeting). The
 * booked people are the event's attendees: after every booking change the attendee list is replaced
 * (`PATCH …/events/{id}`), so Exchange sends invitations to new attendees and cancellations to removed
 * ones. Cancelling the session calls `POST …/events/{id}/cancel`, which tells every attendee.
 *
 * Attendee addresses are looked up per object id (`GET /users/{id}?$select=mail,userPrincipalName`) and
 * never stored. The event id per session is kept in the table `ambtseed_agenda` (same SQLite file) or in
 * memory. Needs the application permission `Calendars.ReadWrite` (and `User.Read.All` for the look-up).
 *
 * Every call goes through the one Graph client (shared/src/graph): the same settings, auth (secret,
 * certificate or static token) and retry policy as the list store.
 */

/** Where event ids live: sessieId → Graph event id. */
export interface AgendaRegister {
  get(sessieId: string): string | undefined;
  set(sessieId: string, eventId: string): void;
}

/** `AgendaRegister` in the table `ambtseed_agenda` of the shared SQLite file. */
export function sqliteAgendaRegister(db: SqliteDatabase): AgendaRegister {
  const get = db.prepare('SELECT event_id FROM ambtseed_agenda WHERE sessie_id = ?');
  const set = db.prepare(
    'INSERT INTO ambtseed_agenda (sessie_id, event_id) VALUES (?, ?) ON CONFLICT(sessie_id) DO UPDATE SET event_id = excluded.event_id',
  );
  return { get: (s) => (get.get(s) as { event_id: string } | undefined)?.event_id, set: (s, e) => void set.run(s, e) };
}

/** In-memory `AgendaRegister` (tests, Graph store mode without SQLite). */
export function geheugenAgendaRegister(): AgendaRegister {
  const m = new Map<string, string>();
  return { get: (s) => m.get(s), set: (s, e) => void m.set(s, e) };
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
  return new GraphAgenda(graph, organisator, sqliteAgendaRegister(lokaal.db));
}

/** The Graph calendar of one organiser (a UPN or object id, e.g. the HR mailbox). */
export class GraphAgenda {
  constructor(
    private readonly http: GraphHttp,
    private readonly organisator: string,
    private readonly register: AgendaRegister,
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
   * the people with a place). Returns the event id and, for online sessions, the Teams join URL.
   * @throws GraphError on HTTP failure; ZodError when Graph answers something unexpected.
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
    const bestaand = this.register.get(sessie.sessieId);
    const raw = bestaand
      ? await this.http.patch(this.pad(`/${encodeURIComponent(bestaand)}`), body)
      : await this.http.post(this.pad(), { ...body, transactionId: `ambtseed-${sessie.sessieId}` });
    const ev = eventResponse.parse(raw);
    this.register.set(sessie.sessieId, ev.id);
    return { eventId: ev.id, joinUrl: ev.onlineMeeting?.joinUrl ?? undefined };
  }

  /** Cancel the session's event (Exchange sends the cancellation to every attendee). No event: no call. */
  async annuleer(sessieId: string, opmerking: string): Promise<boolean> {
    const id = this.register.get(sessieId);
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

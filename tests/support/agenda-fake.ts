/**
 * A Graph calendar fake (msw, in-process) for the ambtseed invitations: `POST /users/{org}/events` answers a new id
 * (`EV-1`, `EV-2`, … so a second create is visible) after `postVertragingMs`, `PATCH …/events/{id}` echoes the id,
 * `GET /users/{id}` gives a made-up address. Every call is recorded in `calls`. `faalVolgendePost` makes the next
 * create answer 503 once (no retry hides it: the test's client is given no retries).
 */
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The base URL the fake answers on (https: the Graph client sends tokens only to https hosts). */
export const AGENDA_FAKE_BASE = 'https://graph.agenda.fake/v1.0';

/** One recorded call. */
export interface AgendaCall {
  method: 'POST' | 'PATCH';
  eventId?: string;
  attendees: string[];
}

/** Start the fake (`stop` closes it). Requests to other hosts pass through untouched. */
export function startAgendaFake(opties: { postVertragingMs?: number } = {}) {
  const calls: AgendaCall[] = [];
  let volgnummer = 0;
  let faal = 0;
  const adressen = (body: unknown) =>
    ((body as { attendees?: { emailAddress: { address: string } }[] }).attendees ?? []).map((a) => a.emailAddress.address);
  const server = setupServer(
    http.get(`${AGENDA_FAKE_BASE}/users/:id`, ({ params }) =>
      HttpResponse.json({ mail: `${String(params.id)}@fake.example`, userPrincipalName: null }),
    ),
    http.post(`${AGENDA_FAKE_BASE}/users/:org/events`, async ({ request }) => {
      const body = await request.json();
      await delay(opties.postVertragingMs ?? 0);
      if (faal > 0) {
        faal--;
        return HttpResponse.json({ error: { code: 'ServiceUnavailable' } }, { status: 503 });
      }
      const id = `EV-${++volgnummer}`;
      calls.push({ method: 'POST', eventId: id, attendees: adressen(body) });
      return HttpResponse.json({ id, onlineMeeting: null }, { status: 201 });
    }),
    http.patch(`${AGENDA_FAKE_BASE}/users/:org/events/:id`, async ({ request, params }) => {
      calls.push({ method: 'PATCH', eventId: String(params.id), attendees: adressen(await request.json()) });
      return HttpResponse.json({ id: params.id, onlineMeeting: null });
    }),
  );
  server.listen({ onUnhandledRequest: 'bypass' });
  return {
    calls,
    faalVolgendePost: () => void faal++,
    stop: () => server.close(),
  };
}

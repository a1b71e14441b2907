import { createEvent, type DateArray } from 'ics';
import type { Sessie } from '@shared/domain/ambtseed';
import { isGeannuleerd } from '@shared/domain/ambtseed';

/** Stable calendar UID of a session: the same for the invitation and its cancellation (RFC 5545 §3.8.4.7). */
export function sessieUid(sessieId: string): string {
  return `ambtseed-${sessieId.replace(/[^A-Za-z0-9_-]/g, '_')}@integriteitsplein`;
}

function utcArray(iso: string): DateArray {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * The `.ics` (iCalendar, RFC 5545) invitation of a session, built with the `ics` package: times in UTC
 * (calendar apps show them in the reader's zone, so a session at 10:00 Europe/Amsterdam shows as 10:00
 * there in summer and winter alike), `METHOD:PUBLISH` + `STATUS:CONFIRMED` for a planned session,
 * `METHOD:CANCEL` + `STATUS:CANCELLED` with a higher `SEQUENCE` for a cancelled one (capaciteit 0), so an
 * imported invitation is removed when the cancellation is opened. No personal data: title, time, place and
 * the official's function only.
 * @param titel e.g. "Ambtseed of -belofte — Provincie Demoland"
 * @throws Error when `ics` rejects the event (invalid times).
 */
export function sessieIcs(sessie: Sessie, titel: string, beschrijving: string): string {
  const geannuleerd = isGeannuleerd(sessie);
  const { error, value } = createEvent({
    uid: sessieUid(sessie.sessieId),
    productId: 'integriteitsplein/ambtseed',
    method: geannuleerd ? 'CANCEL' : 'PUBLISH',
    sequence: geannuleerd ? 1 : 0,
    status: geannuleerd ? 'CANCELLED' : 'CONFIRMED',
    title: titel,
    description: beschrijving,
    location: sessie.online ? 'Microsoft Teams' : (sessie.locatie ?? undefined),
    start: utcArray(sessie.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(sessie.eind),
    endInputType: 'utc',
    endOutputType: 'utc',
  });
  if (error || !value) throw new Error(`Kan geen agenda-uitnodiging maken: ${error?.message ?? 'onbekende fout'}`);
  return value;
}

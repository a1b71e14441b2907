/**
 * Intake over /api/messages after a QA walk through the demo: an outdated or unknown intake card answers with the
 * friendly "kaart is verouderd" line and the intake menu (nothing written), not a technical error.
 */
import { loadOrgConfig } from '@shared/config';
import { queryAll } from '@shared/store';
import { botMetKlok, replyCards, submit, submitActions } from '../support/activities';

const VP = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const MEDEWERKER = { id: 'user-id-7', name: 'Gewone Medewerker', aadObjectId: '00000000-0000-0000-0000-0000000000e7' };
const van = (wie = VP, locale = 'nl-NL') => ({ from: wie, conversationId: `a:personal-${wie.id}`, locale });

describe('intake: outdated card actions', () => {
  const { bot, send } = botMetKlok(loadOrgConfig('demo'), '2026-12-02T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);

  it('an unknown intake action gets "de kaart is verouderd" and the menu, in nl and en; nothing is written', async () => {
    const r = await send(submit({ action: 'intake.gesprek.bewaar', kaartId: 'x' }, van()));
    expect(teksten(r)).toEqual(['Die knop werkte niet: de kaart is verouderd. Kies hieronder opnieuw.']);
    const [menu] = replyCards(r);
    expect(submitActions(menu).map((a) => a.data.action)).toContain('intake.gesprek.start');
    const en = await send(submit({ action: 'intake.oud' }, van(MEDEWERKER, 'en-US')));
    expect(teksten(en)).toEqual(['That button did not work: the card is outdated. Please choose again below.']);
    // Someone without an intake role gets the menu they may use: agressie only.
    expect(submitActions(replyCards(en)[0]).map((a) => a.data.action)).toEqual(['intake.agressie.start']);
    expect(await queryAll(bot().store, 'Gesprekken')).toEqual([]);
  });
});

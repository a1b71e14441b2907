/**
 * An outdated or forged card button in a feature without its own answer (VOG, nevenwerk) over /api/messages: the
 * feature kit's default says that the card is outdated or no longer valid and that nothing was saved, and names
 * "menu" and the feature's start command in the reader's language (not the generic "Er ging iets mis"). Following
 * that advice works: the named command opens the feature, "menu" the main menu. Nothing is written.
 */
import { loadOrgConfig } from '@shared/config';
import { queryAll } from '@shared/store';
import { botMetKlok, message, replyCards, submit, submitActions, USER } from '../support/activities';

const nl = { from: USER, locale: 'nl-NL' };
const en = { from: USER, locale: 'en-US' };
const NL_TEKST = (commando: string) =>
  `Die knop werkt niet meer: de kaart is verouderd of niet meer geldig. Er is niets opgeslagen. Typ "menu" of "${commando}" om opnieuw te beginnen.`;
const EN_TEKST = (commando: string) =>
  `That button no longer works: the card is outdated or no longer valid. Nothing was saved. Type "menu" or "${commando}" to start again.`;

describe('an outdated card action gets "de kaart is verouderd" from the kit, in nl and en', () => {
  const { bot, send } = botMetKlok(loadOrgConfig('demo'), '2026-12-03T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  const acties = (r: Awaited<ReturnType<typeof send>>) => replyCards(r).flatMap((k) => submitActions(k).map((a) => String(a.data.action)));

  it('VOG: a removed action names "mijn vog" / "my vog", which opens the VOG status', async () => {
    const r = await send(submit({ action: 'vog.bevestigOntvangst', aanvraagId: 'boa:x:2026-01-05' }, nl));
    expect(teksten(r)).toEqual([NL_TEKST('mijn vog')]);
    expect(replyCards(r)).toEqual([]);
    const e = await send(submit({ action: 'vog.oud' }, en));
    expect(teksten(e)).toEqual([EN_TEKST('my vog')]);
    // The advice works: the named command gives the VOG status (USER holds no VOG function in the demo).
    expect(teksten(await send(message('mijn vog', nl)))).toEqual([expect.stringMatching(/^Je staat niet geregistreerd in een functie/)]);
    expect(teksten(await send(message('my vog', en)))).toEqual([expect.stringMatching(/^You are not registered in a position/)]);
    expect(await queryAll(bot().store, 'VogAanvragen')).toEqual([]);
  });

  it('nevenwerk: a removed action names "nevenwerk" / "side activities", which open the nevenwerk menu', async () => {
    const r = await send(submit({ action: 'nevenwerk.intrekken', registratieId: 'NW-2026-0001' }, nl));
    expect(teksten(r)).toEqual([NL_TEKST('nevenwerk')]);
    const e = await send(submit({ action: 'nevenwerk.bestaatNiet' }, en));
    expect(teksten(e)).toEqual([EN_TEKST('side activities')]);
    for (const [commando, o] of [
      ['nevenwerk', nl],
      ['side activities', en],
    ] as const)
      expect(acties(await send(message(commando, o)))).toContain('nevenwerk.mijn');
    expect(await queryAll(bot().store, 'Nevenwerkzaamheden')).toEqual([]);
  });

  it('"menu", the other advice, gives the main menu', async () => {
    expect(acties(await send(message('menu', en))).some((a) => a.startsWith('meldwijzer.'))).toBe(true);
  });
});

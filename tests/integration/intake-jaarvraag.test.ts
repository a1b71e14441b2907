/**
 * The year question over /api/messages: a gesprek dated in last year asks "Klopt de datum?". "Nee, datum aanpassen"
 * opens the form again with everything the vertrouwenspersoon entered (Adaptive Card input values), so only the date
 * needs changing, in Dutch and English, for a new gesprek, an uitvraag answer and a correction. The re-opened form
 * keeps the card's `kaartId`: the form and the question's "Ja" together save the gesprek once.
 */
import { loadOrgConfig } from '@shared/config';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { queryAll } from '@shared/store';
import { botMetKlok, message, replyCards, submit, submitActions } from '../support/activities';

const VP = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const van = (locale: string) => ({ from: VP, conversationId: `a:personal-${VP.id}`, locale });
type Kaart = Record<string, unknown>;

/** The inputs of a card as [id, value] pairs, in order. */
const invoer = (kaart: Kaart) => (kaart.body as { id?: string; value?: string }[]).filter((b) => b.id).map((b) => [b.id, b.value]);
const titel = (kaart: Kaart) => (kaart.body as { text?: string }[])[0].text;

describe('intake: "Nee, datum aanpassen" keeps what was entered', () => {
  const { bot, send } = botMetKlok(loadOrgConfig('demo'), '2026-02-10T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  const totaal = async (jaar: number) =>
    buildJaarverslag(await leesJaarverslagBronnen(bot().store, { jaar }), { jaar, organisatie: 'X' }).gesprekken.totaal;
  // Everything different from the form's defaults (intern, no onderwerp, isMelding on, geen).
  const velden = { vertrouwenspersoon: 'extern', onderwerp: 'discriminatie', isMelding: 'false', doorverwezen: 'klachtencommissie' };

  /** Fill a form in `locale` with `velden` and a date in 2025; answer "Nee". @returns the form's data, the question, the new form. */
  async function neeOpVraag(locale: string) {
    const [form] = replyCards(await send(message('gesprek vastleggen', van(locale))));
    const opslaan = submitActions(form).find((a) => a.data.action === 'intake.gesprek.opslaan')!.data;
    const [vraag] = replyCards(await send(submit({ ...opslaan, ...velden, datum: '2025-12-15' }, van(locale))));
    const [, nee] = submitActions(vraag);
    const [opnieuw] = replyCards(await send(submit(nee.data, van(locale))));
    return { opslaan, vraag, nee, opnieuw };
  }

  it.each([
    [
      'nl-NL',
      'Nee, datum aanpassen',
      'Gesprek vastleggen',
      'Opslaan',
      'G-2026-0001 is opgeslagen.',
      'Deze kaart is al verwerkt als G-2026-0001; er is niets dubbel opgeslagen.',
    ],
    [
      'en-US',
      'No, change the date',
      'Log a conversation',
      'Save',
      'G-2026-0002 has been saved.',
      'This card was already processed as G-2026-0002; nothing was saved twice.',
    ],
  ])(
    '%s: the form opens again with every entered value and the same card id; saved once',
    async (locale, neeTitel, formTitel, knop, opgeslagen, al) => {
      const voor = (await queryAll(bot().store, 'Gesprekken')).length;
      const { opslaan, vraag, nee, opnieuw } = await neeOpVraag(locale);
      expect(nee.title).toBe(neeTitel);
      expect(titel(opnieuw)).toBe(formTitel);
      expect(invoer(opnieuw)).toEqual([
        ['datum', '2025-12-15'],
        ['vertrouwenspersoon', 'extern'],
        ['onderwerp', 'discriminatie'],
        ['isMelding', 'false'],
        ['doorverwezen', 'klachtencommissie'],
      ]);
      const [bewaar] = submitActions(opnieuw);
      expect(bewaar.title).toBe(knop);
      expect(bewaar.data).toEqual({ action: 'intake.gesprek.opslaan', kaartId: opslaan.kaartId, cyclus: '' });
      // Nothing saved by "Nee".
      expect((await queryAll(bot().store, 'Gesprekken')).length).toBe(voor);

      // Only the date changes; Teams sends the card's inputs with the button's data.
      expect(teksten(await send(submit({ ...bewaar.data, ...velden, datum: '2026-01-12' }, van(locale))))).toEqual([opgeslagen]);
      const id = opgeslagen.slice(0, 11);
      expect(await bot().store.get('Gesprekken', id)).toEqual({
        gesprekId: id,
        datum: '2026-01-12',
        vertrouwenspersoon: 'extern',
        onderwerp: 'discriminatie',
        isMelding: false,
        doorverwezen: 'klachtencommissie',
        verwijderdOp: null,
      });
      // "Ja" on the old question, or the re-opened form again: nothing saved twice.
      const [ja] = submitActions(vraag);
      expect(teksten(await send(submit(ja.data, van(locale))))).toEqual([al]);
      expect(teksten(await send(submit({ ...bewaar.data, ...velden, datum: '2026-01-13' }, van(locale))))).toEqual([al]);
      expect((await queryAll(bot().store, 'Gesprekken')).length).toBe(voor + 1);
    },
  );

  it('the figures: nothing in 2025, the two gesprekken in 2026', async () => {
    expect(await totaal(2025)).toBe(0);
    expect(await totaal(2026)).toBe(2);
  });

  it('an uitvraag answer opens as an uitvraag form again, with its values', async () => {
    const kaartId = '6a1f0c3e-2b7d-4e59-9c1a-8d2e4f6b0a13';
    const data = { action: 'intake.uitvraag.gesprek', kaartId, cyclus: '2026-01-01', ...velden, datum: '2025-12-30' };
    const [vraag] = replyCards(await send(submit(data, van('nl-NL'))));
    const [opnieuw] = replyCards(await send(submit(submitActions(vraag)[1].data, van('nl-NL'))));
    expect(titel(opnieuw)).toBe('Halfjaarlijkse uitvraag integriteit');
    expect(invoer(opnieuw)).toEqual([
      ['datum', '2025-12-30'],
      ['vertrouwenspersoon', 'extern'],
      ['onderwerp', 'discriminatie'],
      ['isMelding', 'false'],
      ['doorverwezen', 'klachtencommissie'],
    ]);
    expect(submitActions(opnieuw).map((a) => a.data)).toEqual([
      { action: 'intake.uitvraag.gesprek', kaartId, cyclus: '2026-01-01' },
      { action: 'intake.uitvraag.geen', kaartId, cyclus: '2026-01-01' },
    ]);
  });

  it.each([
    [
      'nl-NL',
      'Gesprek G-2026-0001 corrigeren',
      'G-2026-0001 is bijgewerkt.',
      'Deze kaart is al verwerkt als G-2026-0001; er is niets dubbel opgeslagen.',
    ],
    [
      'en-US',
      'Correct conversation G-2026-0001',
      'G-2026-0001 has been updated.',
      'This card was already processed as G-2026-0001; nothing was saved twice.',
    ],
  ])('%s: a correction opens again with the corrected values, not the stored ones', async (locale, formTitel, bijgewerkt, al) => {
    const [lijst] = replyCards(await send(message('mijn registraties', van(locale))));
    const start = submitActions(lijst).find(
      (a) => a.data.action === 'intake.gesprek.corrigeerStart' && a.data.gesprekId === 'G-2026-0001',
    )!;
    const corrigeer = submitActions(replyCards(await send(submit(start.data, van(locale))))[0])[0].data;
    const nieuw = { vertrouwenspersoon: 'intern', onderwerp: 'onveiligheid', isMelding: 'true', doorverwezen: 'bedrijfsarts' };
    const [vraag] = replyCards(await send(submit({ ...corrigeer, ...nieuw, datum: '2025-12-20' }, van(locale))));
    const [opnieuw] = replyCards(await send(submit(submitActions(vraag)[1].data, van(locale))));
    expect(titel(opnieuw)).toBe(formTitel);
    expect(invoer(opnieuw)).toEqual([
      ['datum', '2025-12-20'],
      ['vertrouwenspersoon', 'intern'],
      ['onderwerp', 'onveiligheid'],
      ['isMelding', 'true'],
      ['doorverwezen', 'bedrijfsarts'],
    ]);
    const [bewaar] = submitActions(opnieuw);
    expect(bewaar.data).toEqual({ action: 'intake.gesprek.corrigeer', kaartId: corrigeer.kaartId, gesprekId: 'G-2026-0001' });
    expect(teksten(await send(submit({ ...bewaar.data, ...nieuw, datum: '2026-01-20' }, van(locale))))).toEqual([bijgewerkt]);
    expect(teksten(await send(submit(submitActions(vraag)[0].data, van(locale))))).toEqual([al]);
    expect(await bot().store.get('Gesprekken', 'G-2026-0001')).toMatchObject({
      datum: '2026-01-20',
      onderwerp: 'onveiligheid',
      verwijderdOp: null,
    });
  });
});

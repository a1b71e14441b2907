/**
 * "Mijn registraties" over /api/messages with a fake clock: a vertrouwenspersoon sees the gesprekken they recorded
 * this year (codes only), corrects and removes them; every change is done once per card (a repeated click changes
 * nothing); another vertrouwenspersoon can neither see nor change them; a removed gesprek no longer counts in
 * the annual report; last year's gesprekken are no longer listed or changeable.
 */
import { loadOrgConfig } from '@shared/config';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { botMetKlok, message, replyCards, submit, submitActions } from '../support/activities';

const VP = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const VP2 = { id: 'user-id-9', name: 'Tweede Vertrouwenspersoon', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const van = (wie = VP, locale = 'nl-NL') => ({ from: wie, conversationId: `a:personal-${wie.id}`, locale });

describe('Mijn registraties (vertrouwenspersoon, fake clock)', () => {
  const { bot, send, zetKlok } = botMetKlok(loadOrgConfig('demo'), '2026-12-02T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  const blokken = (kaart: Record<string, unknown>) =>
    (kaart.body as { type: string; text?: string; items?: { type: string; text?: string }[] }[]).flatMap((b) =>
      b.type === 'Container' ? (b.items ?? []).filter((i) => i.type === 'TextBlock').map((i) => i.text) : [b.text],
    );
  async function legVast(wie: typeof VP, velden: Record<string, string>) {
    const [kaart] = replyCards(await send(message('gesprek vastleggen', van(wie))));
    const opslaan = submitActions(kaart).find((a) => a.data.action === 'intake.gesprek.opslaan')!;
    return send(
      submit(
        { ...opslaan.data, vertrouwenspersoon: 'intern', isMelding: 'true', doorverwezen: 'geen', onderwerp: 'integriteit', ...velden },
        van(wie),
      ),
    );
  }

  it("lists only the caller's own gesprekken of this year, with codes", async () => {
    expect(
      teksten(
        await legVast(VP, {
          datum: '2026-03-02',
          onderwerp: 'discriminatie',
          vertrouwenspersoon: 'extern',
          doorverwezen: 'klachtencommissie',
        }),
      ),
    ).toEqual(['G-2026-0001 is opgeslagen.']);
    expect(teksten(await legVast(VP2, { datum: '2026-04-01' }))).toEqual(['G-2026-0002 is opgeslagen.']);
    expect(teksten(await legVast(VP, { datum: '2026-11-30', onderwerp: 'arbeidsconflict', isMelding: 'false' }))).toEqual([
      'G-2026-0003 is opgeslagen.',
    ]);

    const [kaart] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(kaart)).toEqual([
      'Mijn registraties 2026',
      '2 gesprekken die jij in 2026 hebt vastgelegd (alleen kenmerken). Corrigeren en verwijderen kan tot het eind van het jaar.',
      'G-2026-0001 · 2 maart 2026 · Discriminatie · Extern → Klachtencommissie',
      'G-2026-0003 · 30 november 2026 · Arbeidsconflict · Intern',
    ]);
    // No names anywhere in what the card shows.
    expect(JSON.stringify(kaart)).not.toMatch(/Megan|Bowen/);
  });

  it('corrects a gesprek once per card; the date must stay in this year and not be in the future', async () => {
    const [lijst] = replyCards(await send(message('mijn registraties', van())));
    const corrigeer = submitActions(lijst).find(
      (a) => a.data.action === 'intake.gesprek.corrigeerStart' && a.data.gesprekId === 'G-2026-0003',
    )!;
    const [kaart] = replyCards(await send(submit(corrigeer.data, van())));
    const inputs = (kaart.body as { id?: string; value?: string }[]).filter((b) => b.id).map((b) => [b.id, b.value]);
    expect(inputs).toEqual([
      ['datum', '2026-11-30'],
      ['vertrouwenspersoon', 'intern'],
      ['onderwerp', 'arbeidsconflict'],
      ['isMelding', 'false'],
      ['doorverwezen', 'geen'],
    ]);
    const opslaan = submitActions(kaart)[0];
    const velden = { vertrouwenspersoon: 'intern', onderwerp: 'onveiligheid', isMelding: 'false', doorverwezen: 'bedrijfsarts' };

    expect(teksten(await send(submit({ ...opslaan.data, ...velden, datum: '2025-12-30' }, van())))).toEqual([
      'Dat kon ik niet opslaan: Datum ligt in 2025; de cijfers over 2025 zijn afgesloten (vastleggen en corrigeren kon tot en met 28 februari 2026). Er is niets opgeslagen.',
    ]);
    expect(teksten(await send(submit({ ...opslaan.data, ...velden, datum: '2026-12-03' }, van())))).toEqual([
      'Dat kon ik niet opslaan: Datum ligt in de toekomst. Er is niets opgeslagen.',
    ]);
    expect(teksten(await send(submit({ ...opslaan.data, ...velden, datum: '2026-11-29' }, van())))).toEqual(['G-2026-0003 is bijgewerkt.']);
    expect(await bot().store.get('Gesprekken', 'G-2026-0003')).toEqual({
      gesprekId: 'G-2026-0003',
      datum: '2026-11-29',
      vertrouwenspersoon: 'intern',
      onderwerp: 'onveiligheid',
      isMelding: false,
      doorverwezen: 'bedrijfsarts',
      verwijderdOp: null,
    });
    // The same card again (a double click, a retried submit): nothing changes.
    expect(teksten(await send(submit({ ...opslaan.data, ...velden, onderwerp: 'integriteit', datum: '2026-11-28' }, van())))).toEqual([
      'Deze kaart is al verwerkt als G-2026-0003; er is niets dubbel opgeslagen.',
    ]);
    expect(await bot().store.get('Gesprekken', 'G-2026-0003')).toMatchObject({ datum: '2026-11-29', onderwerp: 'onveiligheid' });
  });

  it("another vertrouwenspersoon can neither open nor change someone else's gesprek", async () => {
    const [kaart] = replyCards(await send(message('mijn registraties', van(VP2))));
    expect(blokken(kaart).slice(2)).toEqual(['G-2026-0002 · 1 april 2026 · Integriteit · Intern']);
    const voor = await bot().store.get('Gesprekken', 'G-2026-0001');
    expect(teksten(await send(submit({ action: 'intake.gesprek.corrigeerStart', gesprekId: 'G-2026-0001' }, van(VP2))))).toEqual([
      'Gesprek G-2026-0001 staat niet in jouw registraties van 2026. Er is niets gewijzigd.',
    ]);
    expect(
      teksten(
        await send(
          submit(
            {
              action: 'intake.gesprek.corrigeer',
              kaartId: '3f0c1a52-8b0e-4a57-9a55-0c1f5a3d2b11',
              gesprekId: 'G-2026-0001',
              datum: '2026-03-02',
              vertrouwenspersoon: 'intern',
              onderwerp: 'integriteit',
              isMelding: 'true',
              doorverwezen: 'geen',
            },
            van(VP2),
          ),
        ),
      ),
    ).toEqual(['Gesprek G-2026-0001 staat niet in jouw registraties van 2026. Er is niets gewijzigd.']);
    expect(
      teksten(
        await send(
          submit(
            { action: 'intake.gesprek.verwijder', kaartId: '3f0c1a52-8b0e-4a57-9a55-0c1f5a3d2b12', gesprekId: 'G-2026-0001' },
            van(VP2),
          ),
        ),
      ),
    ).toEqual(['Gesprek G-2026-0001 staat niet in jouw registraties van 2026. Er is niets gewijzigd.']);
    expect(await bot().store.get('Gesprekken', 'G-2026-0001')).toEqual(voor);
  });

  it('removes a gesprek after a confirmation, once; it no longer counts in the report', async () => {
    const voorRapport = buildJaarverslag(await leesJaarverslagBronnen(bot().store, { jaar: 2026 }), { jaar: 2026, organisatie: 'X' });
    expect(voorRapport.gesprekken.totaal).toBe(3);
    const [lijst] = replyCards(await send(message('mijn registraties', van())));
    const verwijder = submitActions(lijst).find(
      (a) => a.data.action === 'intake.gesprek.verwijderStart' && a.data.gesprekId === 'G-2026-0001',
    )!;
    const [bevestig] = replyCards(await send(submit(verwijder.data, van())));
    expect(blokken(bevestig)).toEqual([
      'Gesprek G-2026-0001 verwijderen?',
      'G-2026-0001 · 2 maart 2026 · Discriminatie · Extern → Klachtencommissie',
      'Het gesprek telt daarna niet meer mee in het jaarverslag. Dit kun je niet ongedaan maken.',
    ]);
    // Asking is not removing.
    expect(await bot().store.get('Gesprekken', 'G-2026-0001')).toMatchObject({ verwijderdOp: null });
    const [ja, nee] = submitActions(bevestig);
    expect(ja.title).toBe('Ja, verwijderen');
    expect(nee.title).toBe('Nee, behouden');
    // "Nee, behouden": nothing changes, the confirmation card becomes a summary of what stays.
    const voorNee = await bot().store.get('Gesprekken', 'G-2026-0001');
    const neeAntwoord = await bot().send(submit(nee.data, { ...van(), replyToId: 'bevestig-kaart-1' }));
    expect(neeAntwoord.status).toBe(200);
    expect(teksten(neeAntwoord.replies)).toEqual(['G-2026-0001 is niet verwijderd; er is niets gewijzigd.']);
    const vervangen = bot().updates.filter((u) => u.activityId === 'bevestig-kaart-1');
    expect(vervangen).toHaveLength(1);
    const samenvatting = vervangen[0].activity.attachments![0].content;
    expect(blokken(samenvatting)).toEqual([
      'Gesprek G-2026-0001 blijft staan',
      undefined,
      'G-2026-0001 · 2 maart 2026 · Discriminatie · Extern → Klachtencommissie',
    ]);
    expect(submitActions(samenvatting)).toEqual([]);
    expect(await bot().store.get('Gesprekken', 'G-2026-0001')).toEqual(voorNee);
    // The "Ja" button of the same card still works afterwards (keeping is not a choice that locks the card).
    expect(teksten(await send(submit(ja.data, van())))).toEqual(['G-2026-0001 is verwijderd; het telt niet meer mee in het jaarverslag.']);
    expect(teksten(await send(submit(ja.data, van())))).toEqual([
      'Deze kaart is al verwerkt als G-2026-0001; er is niets dubbel opgeslagen.',
    ]);
    expect(await bot().store.get('Gesprekken', 'G-2026-0001')).toMatchObject({ verwijderdOp: '2026-12-02' });
    const naRapport = buildJaarverslag(await leesJaarverslagBronnen(bot().store, { jaar: 2026 }), { jaar: 2026, organisatie: 'X' });
    expect(naRapport.gesprekken.totaal).toBe(2);
    expect(naRapport.gesprekken.extern).toBe(0);
    const [na] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(na).slice(1)).toEqual([
      '1 gesprek dat jij in 2026 hebt vastgelegd (alleen kenmerken). Corrigeren en verwijderen kan tot het eind van het jaar.',
      'G-2026-0003 · 29 november 2026 · Onveiligheid · Intern → Bedrijfsarts',
    ]);
  });

  it("in English; in the new year last year's gesprekken stay open until 1 March, then they are closed", async () => {
    const [en] = replyCards(await send(message('my records', van(VP, 'en-US'))));
    expect(blokken(en).slice(0, 3)).toEqual([
      'My records 2026',
      '1 conversation you recorded in 2026 (characteristics only). You can correct or remove them until the end of the year.',
      'G-2026-0003 · 29 November 2026 · Feeling unsafe · Internal → Company doctor',
    ]);
    zetKlok('2027-01-04T09:00:00Z');
    const [januari] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(januari)).toEqual([
      'Mijn registraties 2026 en 2027',
      '1 gesprek dat jij in 2026 en 2027 hebt vastgelegd (alleen kenmerken). Corrigeren en verwijderen kan tot het eind van het jaar. Gesprekken van 2026 kun je nog corrigeren tot en met 28 februari 2027.',
      'G-2026-0003 · 29 november 2026 · Onveiligheid · Intern → Bedrijfsarts',
    ]);
    zetKlok('2027-02-28T22:59:00Z'); // 23:59 on 28 February in Amsterdam: still open
    expect(replyCards(await send(submit({ action: 'intake.gesprek.corrigeerStart', gesprekId: 'G-2026-0003' }, van())))).toHaveLength(1);
    zetKlok('2027-02-28T23:00:00Z'); // 00:00 on 1 March in Amsterdam: closed
    const [kaart] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(kaart)).toEqual([
      'Mijn registraties 2027',
      'Je hebt in 2027 nog geen gesprekken vastgelegd (of ze zijn vastgelegd voordat deze functie bestond).',
    ]);
    expect(teksten(await send(submit({ action: 'intake.gesprek.corrigeerStart', gesprekId: 'G-2026-0003' }, van())))).toEqual([
      'Gesprek G-2026-0003 staat niet in jouw registraties van 2027. Er is niets gewijzigd.',
    ]);
  });
});

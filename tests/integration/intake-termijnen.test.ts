/**
 * The coordinator's Wbk deadlines over /api/messages (as the Agents Playground drives the bot), with a fake clock.
 * Expected dates are worked out by hand from Wbk art. 2 lid 2 (acknowledgement within 7 days of receipt,
 * feedback within 3 months of the acknowledgement, or of day 7 when none was sent) and Verordening 1182/71
 * art. 3 (the day of receipt is not counted):
 * - received Tuesday 24 November 2026 → acknowledge by 1 December; on 2 December that is 1 day late;
 *   feedback without acknowledgement by 1 March 2027 (89 days after 2 December: 29 + 31 + 28 + 1);
 * - acknowledged on 2 December → feedback by 2 March 2027 (90 days after 2 December; 59 days after 2 January);
 * - received 1 December, acknowledged 2 December → in time (by 8 December), feedback by 2 March 2027.
 */
import { loadOrgConfig } from '@shared/config';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { botMetKlok, message, replyCards, replyText, submit, submitActions } from '../support/activities';

const IC = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const van = (locale = 'nl-NL') => ({ from: IC, conversationId: 'a:personal-ic', locale });

describe('Wbk deadlines as an overview (coordinator, fake clock)', () => {
  const config = loadOrgConfig('demo');
  const { bot, send, zetKlok } = botMetKlok(config, '2026-12-02T09:00:00Z');
  /** Open "melding registreren", fill the card's inputs as Teams would and press Opslaan. */
  async function registreer(velden: Record<string, string>) {
    const [kaart] = replyCards(await send(message('melding registreren', van())));
    const opslaan = submitActions(kaart).find((a) => a.data.action === 'intake.melding.opslaan')!;
    return send(
      submit(
        {
          ...opslaan.data,
          kanaal: 'schriftelijk',
          meldpunt: 'integriteitscoordinator',
          soort: 'vermoedenMisstand',
          categorie: 'financieel',
          betrokkene: 'ambtenaar',
          anoniem: 'false',
          onderzoek: 'geen',
          uitkomst: 'lopend',
          maatregelen: 'geen',
          ontvangstbevestigdOp: '',
          ...velden,
        },
        van(),
      ),
    );
  }
  const regelsVan = (kaart: Record<string, unknown>) => {
    const out: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      for (const v of Object.values(o)) walk(v);
    };
    walk(kaart.body);
    return out;
  };

  it('before any uitvraag, "uitvraag status" names the next date', async () => {
    expect(replyText(await send(message('uitvraag status', van())))).toBe(
      'Er is nog geen uitvraag geweest. De volgende uitvraag is op 1 januari 2027.',
    );
  });

  it('registering a melding received 8 days ago without acknowledgement shows its deadlines and warns', async () => {
    const r = await registreer({ ontvangenOp: '2026-11-24' });
    const tekst = r.map((x) => x.activity.text ?? '').filter(Boolean);
    expect(tekst).toEqual([
      'M-2026-0001 is opgeslagen.',
      'Let op, termijn verlopen: M-2026-0001: ontvangstbevestiging uiterlijk 1 december 2026: 1 dag te laat.',
    ]);
    const regels = regelsVan(replyCards(r)[0]);
    expect(regels).toEqual(
      expect.arrayContaining([
        'Termijnen Wbk:',
        'M-2026-0001: ontvangstbevestiging uiterlijk 1 december 2026: 1 dag te laat',
        'M-2026-0001: terugkoppeling uiterlijk 1 maart 2027: nog 89 dagen',
      ]),
    );
  });

  it('a melding acknowledged in time gives no warning', async () => {
    const r = await registreer({ ontvangenOp: '2026-12-01', ontvangstbevestigdOp: '2026-12-02' });
    expect(r.map((x) => x.activity.text ?? '').filter(Boolean)).toEqual(['M-2026-0002 is opgeslagen.']);
    expect(regelsVan(replyCards(r)[0])).toEqual(
      expect.arrayContaining([
        'M-2026-0002: ontvangstbevestiging op 2 december 2026, op tijd (uiterlijk 8 december 2026)',
        'M-2026-0002: terugkoppeling uiterlijk 2 maart 2027: nog 90 dagen',
      ]),
    );
  });

  it('"termijnen" lists every running deadline by due date, not only those within 2 days', async () => {
    const [kaart] = replyCards(await send(message('termijnen', van())));
    const regels = regelsVan(kaart);
    const lopend = regels.filter((x) => x.startsWith('M-'));
    expect(lopend).toEqual([
      'M-2026-0001: ontvangstbevestiging uiterlijk 1 december 2026: 1 dag te laat',
      'M-2026-0001: terugkoppeling uiterlijk 1 maart 2027: nog 89 dagen',
      'M-2026-0002: terugkoppeling uiterlijk 2 maart 2027: nog 90 dagen',
    ]);
    expect(regels).toContain('Alle lopende termijnen van open meldingen, op datum (peildatum 2 december 2026).');
  });

  it('after the late acknowledgement the new feedback date is shown, and the lateness stays visible and counts in the report', async () => {
    const [kies] = replyCards(await send(message('melding bijwerken', van())));
    const kiezen = submitActions(kies).find((a) => a.data.action === 'intake.melding.kies')!;
    const [kaart] = replyCards(await send(submit({ ...kiezen.data, meldingId: 'M-2026-0001' }, van())));
    const bijwerken = submitActions(kaart).find((a) => a.data.action === 'intake.melding.bijwerken')!;
    const r = await send(
      submit(
        {
          ...bijwerken.data,
          ontvangstbevestigdOp: '2026-12-02',
          terugkoppelingOp: '',
          onderzoek: 'geen',
          uitkomst: 'lopend',
          maatregelen: 'geen',
          afgeslotenOp: '',
          bewaarTot: '',
        },
        van(),
      ),
    );
    expect(r.map((x) => x.activity.text ?? '').filter(Boolean)).toEqual(['M-2026-0001 is bijgewerkt.']);
    expect(regelsVan(replyCards(r)[0])).toEqual(
      expect.arrayContaining([
        'M-2026-0001: ontvangstbevestiging op 2 december 2026, 1 dag te laat (uiterlijk 1 december 2026)',
        'M-2026-0001: terugkoppeling uiterlijk 2 maart 2027: nog 90 dagen',
      ]),
    );

    const overzicht = regelsVan(replyCards(await send(message('termijnen', van())))[0]);
    expect(overzicht.slice(overzicht.indexOf('Te laat afgehandeld (telt in het jaarverslag als niet op tijd)'))).toEqual([
      'Te laat afgehandeld (telt in het jaarverslag als niet op tijd)',
      'M-2026-0001: ontvangstbevestiging op 2 december 2026, 1 dag te laat (uiterlijk 1 december 2026)',
      'Wbk: ontvangstbevestiging binnen 7 dagen; terugkoppeling binnen 3 maanden na de ontvangstbevestiging.',
    ]);

    // The report's compliance figure: of the two meldingen of 2026 one was acknowledged in time.
    const rapport = buildJaarverslag(await leesJaarverslagBronnen(bot().store, { jaar: 2026 }), {
      jaar: 2026,
      organisatie: config.organisatie.naam,
    });
    expect(rapport.wbk.ontvangstbevestigdBinnen7Dagen).toEqual({ aantal: 1, van: 2 });
  });

  it('a month later an English-speaking coordinator sees days left in English', async () => {
    zetKlok('2027-01-02T09:00:00Z');
    const [kaart] = replyCards(await send(message('deadlines', van('en-US'))));
    expect(regelsVan(kaart).filter((x) => x.startsWith('M-'))).toEqual([
      'M-2026-0001: feedback due 2 March 2027: 59 days left',
      'M-2026-0002: feedback due 2 March 2027: 59 days left',
      'M-2026-0001: acknowledgement on 2 December 2026, 1 day late (due 1 December 2026)',
    ]);
  });
});

import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { message, replyCards, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

/**
 * Accessibility of the intake and ambtseed forms (over /api/messages, nl-NL and en-US): every input has a label a
 * screen reader announces (Adaptive Cards 1.3+ `label`), and a toggle also the text beside it (`title`); Dutch and
 * English differ. Cards: "gesprek vastleggen" (vertrouwenspersoon), "melding registreren" and the update of a
 * melding (integriteitscoördinator), "agressie registreren" (anyone), HR's new-session form.
 */
type Json = Record<string, unknown>;

/** Every input of a card (body, actions and ShowCards, nested). */
function invoer(n: unknown): Json[] {
  if (Array.isArray(n)) return n.flatMap(invoer);
  if (!n || typeof n !== 'object') return [];
  const o = n as Json;
  const hier = typeof o.type === 'string' && o.type.startsWith('Input.') ? [o] : [];
  return [...hier, ...Object.values(o).flatMap(invoer)];
}

describe('kaarten: elk invoerveld heeft een label (nl en en)', () => {
  const config = loadOrgConfig('demo');
  const als = (rol: 'vertrouwenspersoon' | 'integriteitscoordinator' | 'hr', locale: string) => ({
    from: { id: `29:${rol}`, aadObjectId: config.rollen[rol].gebruikers[0] },
    conversationId: `a:conv-${rol}`,
    locale,
  });
  let bot: BotHarness;
  let store: SqliteListStore;
  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await store.add('Meldingen', {
      meldingId: 'M-2026-0001',
      ontvangenOp: '2026-11-24',
      kanaal: 'schriftelijk',
      meldpunt: 'integriteitscoordinator',
      soort: 'vermoedenMisstand',
      categorie: 'financieel',
      betrokkene: 'ambtenaar',
      anoniem: false,
      onderzoek: 'geen',
      uitkomst: 'lopend',
      maatregelen: ['geen'],
    });
    bot = await startBotHarness(config, { store, clock: () => new Date('2026-12-02T09:00:00Z') });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  /** The forms in `locale`, by name. */
  async function formulieren(locale: string): Promise<Record<string, Json>> {
    const kaart = async (activity: Json) => replyCards((await bot.send(activity)).replies)[0];
    const kies = await kaart(message('melding bijwerken', als('integriteitscoordinator', locale)));
    const kiesKnop = submitActions(kies)[0];
    return {
      gesprek: await kaart(message('gesprek vastleggen', als('vertrouwenspersoon', locale))),
      melding: await kaart(message('melding registreren', als('integriteitscoordinator', locale))),
      meldingBijwerken: await kaart(submit({ ...kiesKnop.data, meldingId: 'M-2026-0001' }, als('integriteitscoordinator', locale))),
      agressie: await kaart(message('agressie registreren', als('vertrouwenspersoon', locale))),
      sessie: await kaart(submit({ action: 'ambtseed.sessieFormulier', nieuw: true }, als('hr', locale))),
    };
  }

  it('elk veld een niet-leeg label, elke schakelaar ook een titel; Nederlands en Engels verschillen', async () => {
    const nl = await formulieren('nl-NL');
    const en = await formulieren('en-US');
    for (const [naam, kaart] of Object.entries(nl)) {
      const velden = invoer(kaart);
      expect({ naam, aantal: velden.length > 0 }).toEqual({ naam, aantal: true });
      for (const v of velden) {
        expect({ naam, id: v.id, label: typeof v.label === 'string' && v.label.trim() !== '' }).toEqual({ naam, id: v.id, label: true });
        if (v.type === 'Input.Toggle')
          expect({ naam, id: v.id, title: String(v.title ?? '').trim() !== '' }).toEqual({ naam, id: v.id, title: true });
      }
      const engels = new Map(invoer(en[naam]).map((v) => [v.id, v]));
      for (const v of velden.filter((x) => x.type === 'Input.Toggle')) {
        expect(engels.get(v.id)?.label).not.toBe(v.label);
        expect(engels.get(v.id)?.title).not.toBe(v.title);
      }
    }
    const toggle = (kaart: Json, id: string) => invoer(kaart).find((v) => v.id === id)!;
    expect(toggle(nl.melding, 'anoniem')).toMatchObject({ label: 'Anonimiteit', title: 'Anonieme melding (geen gegevens van de melder)' });
    expect(toggle(en.melding, 'anoniem')).toMatchObject({ label: 'Anonymity', title: 'Anonymous report (no details of the reporter)' });
    expect(toggle(nl.gesprek, 'isMelding')).toMatchObject({ label: 'Soort gesprek', title: 'Nieuwe kwestie (geen vervolggesprek)' });
    expect(toggle(en.gesprek, 'isMelding')).toMatchObject({ label: 'Kind of conversation' });
    expect(toggle(nl.sessie, 'online')).toMatchObject({ label: 'Vorm van de bijeenkomst', title: 'Online via Teams' });
  });
});

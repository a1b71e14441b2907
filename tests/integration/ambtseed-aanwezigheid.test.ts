import { queryAll, type SqliteListStore } from '@shared/store';
import { alsHr, kaartElementen, startAmbtseedBot } from '../support/ambtseed-demo';
import { kaartFouten } from '../support/adaptive-kaart';
import { message, replyCards, replyText, submit, submitActions, type BotHarness } from '../support/activities';

/**
 * HR records attendance over /api/messages (fake clock: 2 December 2026), as the QA walk-through did with the demo
 * data (`npm run seed`: bookings keyed `I-demo-mw-…`, not `<sessieId>#…`). Requirement: every booking of the session
 * can be recorded whatever its key; the options follow the person's chosen vorm (eed, belofte, integriteitsverklaring
 * → "Verklaring getekend"); nothing is preselected for someone not yet recorded, so pressing Opslaan right away changes
 * nothing; only rows HR set are recorded, and the reply counts per outcome what changed (or says nothing did).
 */
type Json = Record<string, unknown>;
/** The ChoiceSets of an attendance card: id → { value, choice values, label }. */
function keuzeVelden(kaart: Json): Map<string, { value: string; keuzes: string[]; label: string }> {
  const sets = kaartElementen<Json>(kaart, (o) => o.type === 'Input.ChoiceSet' && typeof o.id === 'string' && o.id.startsWith('a_'));
  return new Map(
    sets.map((o) => [
      o.id as string,
      {
        value: (o.value as string | undefined) ?? '',
        keuzes: (o.choices as { value: string }[]).map((c) => c.value),
        label: o.label as string,
      },
    ]),
  );
}
/** What Teams sends on Opslaan: every ChoiceSet's current value (the preselection unless HR changed it) and the button's data. */
function opslaanData(kaart: Json, wijzig: Record<string, string> = {}): Json {
  const knop = submitActions(kaart).find((a) => a.data.action === 'ambtseed.aanwezigheidOpslaan')!;
  const velden = Object.fromEntries([...keuzeVelden(kaart)].map(([id, v]) => [id, wijzig[id] ?? v.value]));
  return { ...knop.data, ...velden };
}

/** The attendance card of `sessieId`, asked for the way the HR card does (its ChoiceSet `aanwezigheidSessie`). */
async function aanwezigheidKaart(bot: BotHarness, sessieId: string): Promise<Json> {
  const beheer = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
  const knop = submitActions(beheer).find((a) => a.data.action === 'ambtseed.aanwezigheid')!;
  return replyCards((await bot.send(submit({ ...knop.data, aanwezigheidSessie: sessieId }, alsHr))).replies)[0];
}

describe('ambtseed: aanwezigheid met de demodata (sleutels I-demo-mw-…)', () => {
  let bot: BotHarness;
  let store: SqliteListStore;
  let sluit: () => Promise<void>;
  beforeAll(async () => {
    ({ bot, store, sluit } = await startAmbtseedBot());
  });
  afterAll(() => sluit());

  it('iemand op afwezig zetten en Opslaan legt dat vast; het antwoord zegt wat er veranderde', async () => {
    // S-2026-09: the demo's ambtseed of 13 October 2026, every booking already recorded by the seed.
    const kaart = await aanwezigheidKaart(bot, 'S-2026-09');
    expect(JSON.stringify(kaart)).toContain('Aanwezigheid: Ambtseed of -belofte op di 13 okt 2026, 14:00');
    const velden = keuzeVelden(kaart);
    const geboekt = await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-2026-09' } });
    expect([...velden.keys()].sort()).toEqual(geboekt.map((i) => `a_${i.inschrijvingId}`).sort());
    const eed = geboekt.find((i) => i.status === 'afgelegd' && i.vorm === 'eed')!;
    expect(eed.inschrijvingId).toMatch(/^I-demo-mw-/);
    const r = await bot.send(submit(opslaanData(kaart, { [`a_${eed.inschrijvingId}`]: 'afwezig' }), { ...alsHr, replyToId: 'aw-1' }));
    expect(replyText(r.replies)).toBe(`Vastgelegd: 1 × afwezig. ${geboekt.length - 1} personen ongewijzigd.`);
    expect(await store.get('AmbtseedInschrijvingen', eed.inschrijvingId)).toMatchObject({ status: 'afwezig', afgelegdOp: null });
    const samenvatting = JSON.stringify(bot.updates.find((u) => u.activityId === 'aw-1')!.activity);
    expect(samenvatting).toContain('"value":"Afwezig"');

    // Saving the same card again changes nothing, and says so.
    const weer = await bot.send(submit(opslaanData(await aanwezigheidKaart(bot, 'S-2026-09')), alsHr));
    expect(replyText(weer.replies)).toBe(
      `Niets gewijzigd: je hebt bij niemand een nieuwe uitkomst gekozen. ${geboekt.length} personen ongewijzigd.`,
    );
  });

  it('wie de integriteitsverklaring koos krijgt "Verklaring getekend", niet "Eed afgelegd"', async () => {
    const velden = keuzeVelden(await aanwezigheidKaart(bot, 'S-2026-09'));
    const verklaring = [...velden.values()].filter((v) => v.label.endsWith('gekozen vorm: Integriteitsverklaring'));
    expect(verklaring.length).toBeGreaterThan(0);
    for (const v of verklaring) {
      expect(v.keuzes).toEqual(['afgelegd-verklaring', 'afwezig']);
      expect(v.value).toBe('afgelegd-verklaring');
    }
  });
});

describe('ambtseed: aanwezigheid zonder voorselectie', () => {
  let bot: BotHarness;
  let store: SqliteListStore;
  let sluit: () => Promise<void>;
  const S = 'S-2026-11-26-1000-E';
  const boeking = (
    n: string,
    dienstverband: 'arbeidsovereenkomst' | 'extern' | 'stagiair',
    vorm: 'eed' | 'belofte' | 'integriteitsverklaring' | null,
  ) => ({
    inschrijvingId: `I-${n}`,
    sessieId: S,
    medewerker: `00000000-0000-4000-8000-0000000000${n}`,
    dienstverband,
    indienstOp: '2026-10-01',
    status: 'ingeschreven' as const,
    vorm,
  });
  beforeAll(async () => {
    ({ bot, store, sluit } = await startAmbtseedBot(async (st) => {
      await st.add('AmbtseedSessies', {
        sessieId: S,
        start: '2026-11-26T09:00:00.000Z',
        eind: '2026-11-26T10:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'provinciesecretaris',
        capaciteit: 10,
      });
      await st.addMany('AmbtseedInschrijvingen', [
        boeking('01', 'arbeidsovereenkomst', 'eed'),
        boeking('02', 'arbeidsovereenkomst', 'belofte'),
        boeking('03', 'extern', 'integriteitsverklaring'),
        boeking('04', 'stagiair', null),
      ]);
    }));
  });
  afterAll(() => sluit());

  it('niemand is voorgeselecteerd; meteen Opslaan verandert niets; daarna telt alleen wat HR koos, per uitkomst', async () => {
    const kaart = await aanwezigheidKaart(bot, S);
    expect(kaartFouten(kaart)).toEqual([]);
    const velden = keuzeVelden(kaart);
    expect([...velden.values()].map((v) => v.value)).toEqual(['', '', '', '']);
    expect(JSON.stringify(kaart)).toContain('"placeholder":"Nog niet vastgelegd"');
    expect(velden.get('a_I-01')!.keuzes).toEqual(['afgelegd-eed', 'afgelegd-belofte', 'afwezig']);
    expect(velden.get('a_I-02')!.keuzes).toEqual(['afgelegd-belofte', 'afgelegd-eed', 'afwezig']);
    expect(velden.get('a_I-03')!.keuzes).toEqual(['afgelegd-verklaring', 'afwezig']);
    expect(velden.get('a_I-04')!.keuzes).toEqual(['afgelegd-verklaring', 'afwezig']); // a stagiair owes the verklaring
    expect(JSON.stringify(kaart)).toContain('"title":"Verklaring getekend","value":"afgelegd-verklaring"');

    const meteen = await bot.send(submit(opslaanData(kaart), alsHr));
    expect(replyText(meteen.replies)).toBe(
      'Niets gewijzigd: je hebt bij niemand een nieuwe uitkomst gekozen. Nog niet vastgelegd: 4 personen.',
    );
    for (const n of ['01', '02', '03', '04'])
      expect(await store.get('AmbtseedInschrijvingen', `I-${n}`)).toMatchObject({ status: 'ingeschreven', afgelegdOp: null });

    const r = await bot.send(submit(opslaanData(kaart, { 'a_I-01': 'afgelegd-eed', 'a_I-04': 'afgelegd-verklaring' }), alsHr));
    expect(replyText(r.replies)).toBe('Vastgelegd: 1 × eed afgelegd, 1 × verklaring getekend. Nog niet vastgelegd: 2 personen.');
    expect(await store.get('AmbtseedInschrijvingen', 'I-01')).toMatchObject({ status: 'afgelegd', vorm: 'eed', afgelegdOp: '2026-11-26' });
    expect(await store.get('AmbtseedInschrijvingen', 'I-04')).toMatchObject({
      status: 'afgelegd',
      vorm: 'integriteitsverklaring',
      afgelegdOp: '2026-11-26',
    });
    expect(await store.get('AmbtseedInschrijvingen', 'I-02')).toMatchObject({ status: 'ingeschreven' });
  });

  it('een uitkomst die niet bij de vorm past wordt geweigerd; er wordt niets opgeslagen', async () => {
    const r = await bot.send(
      submit({ action: 'ambtseed.aanwezigheidOpslaan', sessieId: S, 'a_I-02': 'afwezig', 'a_I-03': 'afgelegd-eed' }, alsHr),
    );
    expect(replyText(r.replies)).toContain('Niets opgeslagen: "Eed afgelegd" past niet bij');
    expect(await store.get('AmbtseedInschrijvingen', 'I-02')).toMatchObject({ status: 'ingeschreven' });
    expect(await store.get('AmbtseedInschrijvingen', 'I-03')).toMatchObject({ status: 'ingeschreven' });
  });
});

import { buildDemoData } from '@shared/cli/seed';
import { isoWeek, vandaag, weekJaar } from '@shared/domain/tijd';
import { messageKeys, t, toLocale } from '@shared/i18n';
import { LIST_DEFINITIONS, LIST_NAMES } from '@shared/lists/definitions';
import { isIsoDate, itemKey, parseItem } from '@shared/lists/schemas';

describe('list schemas derived from the definitions', () => {
  test('every list has its key columns among its columns and no duplicate column', () => {
    for (const name of LIST_NAMES) {
      const def = LIST_DEFINITIONS[name];
      const names = def.columns.map((c) => c.name);
      for (const k of def.key) expect(names).toContain(k);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('no list has a column that could hold a person: no name, e-mail, phone or free-text note about people', () => {
    const forbidden = /naam|name|email|mail|telefoon|phone|omschrijving|toelichting|opmerking/i;
    for (const def of Object.values(LIST_DEFINITIONS)) for (const c of def.columns) expect(c.name).not.toMatch(forbidden);
  });

  test('dates must be real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('05-03-2024')).toBe(false);
  });

  test('a date in the wrong form and a date that does not exist get different messages', () => {
    const item = (datum: string) => ({
      gesprekId: 'G-1',
      datum,
      vertrouwenspersoon: 'intern',
      onderwerp: 'integriteit',
      isMelding: true,
      doorverwezen: 'geen',
    });
    expect(parseItem('Gesprekken', item('2024-02-31')).error!.issues[0].message).toBe(
      '2024-02-31 bestaat niet: februari 2024 heeft 29 dagen.',
    );
    expect(parseItem('Gesprekken', item('31 feb')).error!.issues[0].message).toMatch(/^verwacht een datum als JJJJ-MM-DD/);
  });

  test('unknown columns are rejected (nothing outside the schema reaches a list)', () => {
    const r = parseItem('NieuweMedewerkers', { medewerkerId: 'x', indienstOp: '2024-01-01', dienstverband: 'extern', email: 'a@b.nl' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].code).toBe('unrecognized_keys');
  });

  test('composite keys join the key columns with |', () => {
    expect(itemKey('MeldwijzerGebruik', { week: '2026-W01', situatie: 'dilemma', aantal: 3 })).toBe('2026-W01|dilemma');
  });
});

describe('Europe/Amsterdam dates and ISO weeks', () => {
  test('the Amsterdam calendar date differs from UTC around midnight', () => {
    expect(vandaag(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // CEST, UTC+2
    expect(vandaag(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // CET, UTC+1
    expect(vandaag(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
  test('ISO weeks at year boundaries, including week 53', () => {
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(weekJaar('2020-W53')).toBe(2020);
    expect(() => weekJaar('2020-53')).toThrow(/Ongeldige ISO-week/);
  });
});

describe('message catalogue', () => {
  test('every key exists in Dutch and English', () => {
    const { nl, en } = messageKeys();
    expect([...en].sort()).toEqual([...nl].sort());
  });
  test('placeholders are filled; Teams locales map to nl/en', () => {
    expect(t('nl', 'fout.nietToegestaan', { rol: 'vertrouwenspersonen' })).toBe(
      'Niet toegestaan: deze actie is alleen voor vertrouwenspersonen.',
    );
    expect(toLocale('en-GB')).toBe('en');
    expect(toLocale('nl-NL')).toBe('nl');
    expect(toLocale(undefined)).toBe('nl');
  });
});

describe('demo data', () => {
  const data = buildDemoData('2026-11-29');
  test('every item passes its list schema and keys are unique', () => {
    for (const [list, items] of Object.entries(data)) {
      const keys = new Set<string>();
      for (const item of items) {
        const r = parseItem(list as never, item);
        if (!r.success) throw new Error(`${list}: ${JSON.stringify(r.error.issues)}`);
        keys.add(itemKey(list, item));
      }
      expect(keys.size).toBe(items.length);
    }
  });
  test('three years in the volumes of an organisation of ~2,000 employees', () => {
    const perYear = (items: Record<string, unknown>[], col: string) => {
      const m: Record<string, number> = {};
      for (const it of items) {
        const y = String(it[col]).slice(0, 4);
        m[y] = (m[y] ?? 0) + 1;
      }
      return m;
    };
    const hires = perYear(data.NieuweMedewerkers, 'indienstOp');
    expect(Object.keys(hires)).toEqual(['2024', '2025', '2026']);
    expect(hires['2025']).toBeGreaterThanOrEqual(130);
    expect(hires['2025']).toBeLessThanOrEqual(170);
    const sessies = perYear(
      data.AmbtseedSessies.filter((s) => s.soort === 'ambtseed'),
      'start',
    );
    expect(sessies['2025']).toBeGreaterThanOrEqual(8);
    const ds = perYear(data.DilemmaSessies, 'datum');
    expect(ds['2025']).toBeGreaterThanOrEqual(10);
    expect(ds['2025']).toBeLessThanOrEqual(20);
    expect(perYear(data.Gesprekken, 'datum')['2025']).toBeGreaterThanOrEqual(20);
    expect(perYear(data.Meldingen, 'ontvangenOp')['2025']).toBeGreaterThanOrEqual(5);
    // Nothing after the cut-off date.
    expect(data.Gesprekken.every((g) => g.datum <= '2026-11-29')).toBe(true);
  });
  test('no real-looking names or e-mail addresses in any demo item', () => {
    expect(JSON.stringify(data)).not.toMatch(/@|\b(Jan|Piet|Klaas|Marieke|Anna)\b/);
  });
});

describe('demo sessions and meldingen look like real ones', () => {
  const data = buildDemoData('2026-11-29'); // a Sunday
  test('sessions start at 14:00 Amsterdam time on a weekday, also the planned ones after the cut-off', () => {
    const fmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', hour: '2-digit', minute: '2-digit' });
    const planned = data.AmbtseedSessies.filter((s) => s.start > '2026-11-29');
    expect(planned.length).toBeGreaterThanOrEqual(4);
    for (const s of data.AmbtseedSessies) {
      const text = fmt.format(new Date(s.start));
      expect(text).toMatch(/^(maandag|dinsdag|woensdag|donderdag|vrijdag) 14:00$/);
    }
  });
  test('outcomes fit the investigation: not worth investigating means no full investigation', () => {
    for (const m of data.Meldingen) {
      if (m.uitkomst === 'nietOnderzoekswaardig') expect(['geen', 'vooronderzoek']).toContain(m.onderzoek);
      if (m.uitkomst === 'gegrond' || m.uitkomst === 'ongegrond') expect(['lijn', 'intern', 'extern']).toContain(m.onderzoek);
    }
  });
});

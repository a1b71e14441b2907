/**
 * The demo data of the registers (shared/src/cli/seed-registers.ts): plausible for a province of ~2,000 staff,
 * codes only, and consistent with the bot's own rules, so the daily jobs on `npm start` find nothing left undone
 * and the report and the dashboard show every register section. The rules checked come from docs/contracts.md
 * (lists, counting rules) and the domain (Ambtenarenwet art. 8; the VOG cycle of shared/src/domain/vog.ts).
 */
import { buildDemoData } from '@shared/cli/seed';
import { loadOrgConfig } from '@shared/config';
import { vogDagwerk } from '@shared/domain/vog';
import { plusDagen } from '@shared/domain/tijd';
import { buildJaarverslag } from '@shared/report/jaarverslag';
import { bouwNevenwerkPublicatie, vanKrachtOp } from '@shared/report/publicatie-nevenwerk';
import type { ListItem } from '@shared/lists/schemas';
import { parseItem } from '@shared/lists/schemas';

const TOT = '2026-12-02';
const data = buildDemoData(TOT);
const config = loadOrgConfig('demo');
/** The items as stored (the seed leaves optional columns null, as the store returns them). */
const als = <L extends keyof typeof data>(list: L) => data[list].map((i) => parseItem(list as never, i).data) as unknown as ListItem<L>[];
const bezetting = new Map(data.Functiebezetting.map((b) => [b.medewerker, b]));
const functie = (code: string) => config.nevenwerk.functies.find((f) => f.code === code);

describe('demo registers', () => {
  test('every staff member of ~2,000 has a function from the config and a manager who is staff too (or the bestuur)', () => {
    expect(data.Functiebezetting.length).toBeGreaterThanOrEqual(2000);
    expect(data.Functiebezetting.length).toBeLessThanOrEqual(2010);
    for (const b of data.Functiebezetting) {
      expect(functie(b.functie)).toBeDefined();
      // GUID-shaped; the Playground's own mock users have 13 hex digits in the last group (its files, as sent).
      expect(b.medewerker).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/);
    }
    const zonderChef = data.Functiebezetting.filter((b) => !bezetting.has(b.leidinggevende));
    expect(zonderChef.map((b) => b.functie)).toEqual(['provinciesecretaris']);
  });

  test('nevenwerkzaamheden of a tenth to a sixth of staff, financial interests only in designated functions, codes only', () => {
    const regs = als('Nevenwerkzaamheden');
    const inForce = regs.filter((r) => vanKrachtOp(r, TOT));
    const nw = inForce.filter((r) => r.register === 'nevenwerkzaamheid');
    const fb = inForce.filter((r) => r.register === 'financieelBelang');
    expect(nw.length).toBeGreaterThanOrEqual(200);
    expect(nw.length).toBeLessThanOrEqual(340);
    expect(fb.length).toBeGreaterThanOrEqual(15);
    for (const r of regs) {
      // The function at the time of reporting is the holder's function (HR's Functiebezetting).
      expect(bezetting.get(r.medewerker)?.functie).toBe(r.functie);
      if (r.register === 'financieelBelang') {
        expect(functie(r.functie)?.financieleBelangen).toBe(true);
        expect(r.soortBelang).not.toBeNull();
        expect(r.soortNevenwerk).toBeNull();
      } else expect(r.soortNevenwerk).not.toBeNull();
      // No free text typed by an employee; HR's published text only for published functions.
      expect(r.organisatie).toBeNull();
      if (r.publicatieActiviteit) expect(functie(r.functie)?.publiceren).toBe(true);
      // Status follows the dates: ended ⇔ an end date; assessed ⇔ an outcome with its date.
      expect(r.status === 'beeindigd').toBe(!!r.beeindigdOp);
      if (r.status === 'beoordeeld') expect(r.beoordeling && r.beoordeeldOp).toBeTruthy();
      if (r.beoordeling === 'toegestaanMetVoorwaarden') expect(r.voorwaarden!.length).toBeGreaterThan(0);
      else expect(r.voorwaarden ?? []).toEqual([]);
      for (const d of [r.gemeldOp, r.beoordeeldOp, r.beeindigdOp]) if (d) expect(d <= TOT).toBe(true);
    }
    expect(new Set(regs.map((r) => r.registratieId)).size).toBe(regs.length);
    expect(regs.every((r) => r.registratieId.startsWith(`NW-${r.gemeldOp.slice(0, 4)}-`))).toBe(true);
  });

  test('each refresh round asks every registration in force on its start date that was reported before it, once', () => {
    const regs = als('Nevenwerkzaamheden');
    const perId = new Map(regs.map((r) => [r.registratieId, r]));
    for (const jaar of [2024, 2025, 2026]) {
      const start = `${jaar}-${config.nevenwerk.herbevestigingDatum}`;
      const ronde = data.NevenwerkHerbevestigingen.filter((h) => h.ronde === String(jaar));
      const verwacht = regs.filter((r) => r.gemeldOp < start && (!r.beeindigdOp || r.beeindigdOp > start)).map((r) => r.registratieId);
      expect(ronde.map((h) => h.registratieId).sort()).toEqual(verwacht.sort());
      for (const h of ronde) {
        expect(h.gevraagdOp).toBe(start);
        // An answer "beëindigd" ends the registration that day (or it had already ended earlier).
        if (h.antwoord === 'beeindigd') expect(perId.get(h.registratieId)!.beeindigdOp! <= h.beantwoordOp!).toBe(true);
      }
    }
  });

  test('about a hundred VOG holders; every due moment up to the cut-off has its request, so the job opens nothing new', () => {
    expect(data.VogFunctiehouders.length).toBeGreaterThanOrEqual(90);
    expect(data.VogFunctiehouders.length).toBeLessThanOrEqual(110);
    const ids = new Set(config.vog.functies.map((f) => f.id));
    expect(data.VogFunctiehouders.every((h) => ids.has(h.functie))).toBe(true);
    const werk = vogDagwerk(TOT, als('VogFunctiehouders'), als('VogAanvragen'), config.vog);
    expect(werk.nieuw).toEqual([]);
    expect(werk.onbekendeFuncties).toBe(0);
    const statussen = new Set(data.VogAanvragen.map((a) => a.status));
    expect([...statussen].sort()).toEqual(['aangevraagd', 'nietOntvangen', 'ontvangen', 'openstaand']);
    for (const a of data.VogAanvragen) {
      if (a.status === 'ontvangen') expect(a.afgifteOp! <= a.vastgelegdOp! && a.vastgelegdOp! <= TOT).toBe(true);
      expect(a.gevraagdOp >= a.peildatum).toBe(true);
    }
  });

  test('the report shows every register section for each year, and the publication lists senior staff only', () => {
    const verslag = buildJaarverslag(data as never, { jaar: 2026, organisatie: 'demo', years: 3 });
    for (const c of [verslag, verslag.vorigeJaren['2024'], verslag.vorigeJaren['2025']]) {
      expect(c.nevenwerk.geregistreerd).toBeGreaterThan(150);
      expect(c.nevenwerk.financieleBelangen).toBeGreaterThan(10);
      expect(c.nevenwerk.perUitkomst.toegestaanMetVoorwaarden).toBeGreaterThan(0);
      expect(c.nevenwerk.herbevestiging.gevraagd).toBeGreaterThan(150);
      expect(c.nevenwerk.herbevestiging.bevestigd).toBeGreaterThan(c.nevenwerk.herbevestiging.beeindigd);
      expect(c.vog.gevraagd).toBeGreaterThan(10);
      expect(c.vog.ontvangen + c.vog.nietOntvangen + c.vog.openstaand).toBe(c.vog.gevraagd);
      expect(c.anoniemeMeldingen.ontvangen).toBeGreaterThanOrEqual(2);
    }
    const pub = bouwNevenwerkPublicatie(als('Nevenwerkzaamheden'), config, TOT);
    const senior = new Set(config.nevenwerk.functies.filter((f) => f.publiceren).map((f) => f.titel.nl));
    expect(pub.rijen.length).toBeGreaterThan(5);
    expect(pub.rijen.every((r) => senior.has(r.functie))).toBe(true);
  });

  test("the Playground's manager has a team with registrations waiting, its employee one registration and an open VOG request", () => {
    // The ids the Playground sends (config/playground/manager.yml and medewerker.yml, currentUser), 13 hex digits.
    const manager = '00000000-0000-0000-0000-0000000000023';
    const medewerker = '00000000-0000-0000-0000-0000000000025';
    const team = new Set(data.Functiebezetting.filter((b) => b.leidinggevende === manager).map((b) => b.medewerker));
    expect(team.has(medewerker)).toBe(true);
    const wachtend = data.Nevenwerkzaamheden.filter((r) => team.has(r.medewerker) && r.status === 'gemeld');
    expect(wachtend.length).toBeGreaterThanOrEqual(2);
    expect(data.Nevenwerkzaamheden.filter((r) => r.medewerker === medewerker)).toHaveLength(1);
    const vog = data.VogAanvragen.filter((a) => a.medewerker === medewerker);
    expect(vog.map((a) => [a.status, a.gevraagdOp])).toEqual([['openstaand', plusDagen(TOT, -12)]]);
  });
});

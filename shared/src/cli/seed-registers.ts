/**
 * Demo data for the registers (part of `seed.ts`): nevenwerkzaamheden and financiële belangen (Ambtenarenwet art. 8)
 * with assessments and the yearly refresh rounds, VOG holders in kwetsbare functies with their requests, and extra
 * anonymous meldingen. Plausible for a province of ~2,000 staff: ~250 nevenwerkzaamheden and ~30 financial interests
 * in force, ~100 people in kwetsbare functies (a province's 2024 report: "about a hundred"). Codes and opaque ids
 * only: the `organisatie` text is left empty; `publicatieActiviteit` (entered by HR for published functions) is a
 * generic description without names.
 *
 * It draws from its own PRNG, so the other demo lists (and the figures tests read from them) stay as they were.
 * The data follows the bot's own rules, so the daily jobs on `npm start` find a consistent state: every registration
 * in force on a round's start date has that round's row (answered, or still open in the current year), an answer
 * `beeindigd` ends the registration that day, a VOG request exists for every due moment up to `until`
 * (`shared/src/domain/vog.ts`: at the start in the function, then `geldigheidJaren` after the last VOG's issue date).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FINANCIEEL_BELANG_SOORTEN, NEVENWERK_SOORTEN, NEVENWERK_VOORWAARDEN } from '../lists/definitions';
import type { ListItemInput } from '../lists/schemas';
import { dagenTussen, plusDagen, plusMaanden } from '../domain/tijd';
import { aanvraagIdVan, plusJaren } from '../domain/vog';
import { configDirFromEnv } from '../config/load';
import { playgroundGebruikers } from '../graph/gebruikers';

/** The organisation settings the register data follows (from `config/<org>.yaml`; defaults: the demo organisation). */
export interface RegisterInstellingen {
  /** `nevenwerk.functies`: code, schaal, whether financial interests are registered and whether it is published. */
  nevenwerkFuncties: { code: string; schaal?: number; financieleBelangen: boolean; publiceren: boolean }[];
  /** `nevenwerk.herbevestigingDatum` (`MM-DD`). */
  herbevestigingDatum: string;
  /** `vog.functies` ids and `vog.geldigheidJaren`. */
  vogFuncties: string[];
  geldigheidJaren: number;
  /** The Playground users; absent: read from `config/playground/` (`playgroundDemoVan`); `null`: none. */
  playground?: PlaygroundDemo | null;
}

/** The demo organisation's settings (config/demo.yaml). */
export const DEMO_REGISTER_INSTELLINGEN: RegisterInstellingen = {
  nevenwerkFuncties: [
    { code: 'provinciesecretaris', schaal: 18, financieleBelangen: true, publiceren: true },
    { code: 'directeur', schaal: 16, financieleBelangen: true, publiceren: true },
    { code: 'afdelingshoofd', schaal: 14, financieleBelangen: false, publiceren: true },
    { code: 'inkoper', schaal: 11, financieleBelangen: true, publiceren: false },
    { code: 'vergunningverlener', schaal: 10, financieleBelangen: true, publiceren: false },
    { code: 'beleidsmedewerker', schaal: 11, financieleBelangen: false, publiceren: false },
  ],
  herbevestigingDatum: '01-15',
  vogFuncties: ['boa', 'betaalbevoegd', 'ictBeheer'],
  geldigheidJaren: 3,
};

/** Staff size of the demo organisation. */
const MEDEWERKERS = 2000;
/**
 * The Agents Playground's mock users the demo registers are built around (README, "Lokaal als elke rol werken"):
 * the manager heads a team, the other mock users are in it, so `nevenwerk beoordelen`, `mijn nevenwerk` and
 * `mijn vog` show something in the Playground. Object ids as the Playground sends them (`aadObjectId`).
 */
export interface PlaygroundDemo {
  /** `currentUser` of `manager.yml`. */
  manager: string;
  /** `currentUser` of `medewerker.yml` (the employee without a role): one registration and an open VOG request. */
  medewerker: string;
  /** Every other mock user (in the manager's team too). */
  overigen: string[];
}

/**
 * The Playground users from the Playground's own files, `<dir>/manager.yml` and `<dir>/medewerker.yml` (one
 * definition: the ids `config/demo.yaml` gives roles and the Playground sends are read, not repeated here).
 * @param dir default `<INTEGRITEITSPLEIN_CONFIG_DIR or ./config>/playground`.
 * @returns undefined when the files are not there (a config folder without Playground files: no Playground users).
 * @throws Error (Dutch) naming the file when one exists but is not a Playground configuration.
 */
export function playgroundDemoVan(dir: string = path.join(configDirFromEnv(), 'playground')): PlaygroundDemo | undefined {
  const manager = path.join(dir, 'manager.yml');
  const medewerker = path.join(dir, 'medewerker.yml');
  if (!fs.existsSync(manager) || !fs.existsSync(medewerker)) return undefined;
  const [m] = playgroundGebruikers(manager);
  const alle = playgroundGebruikers(medewerker).map((g) => g.aadObjectId);
  if (!m || !alle[0]) return undefined;
  return { manager: m.aadObjectId, medewerker: alle[0], overigen: alle.slice(1).filter((id) => id !== m.aadObjectId) };
}

/** An opaque, GUID-shaped demo object id for staff member `i` (never a real tenant's id). */
export const demoOid = (i: number): string => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;

type RegisterItems = {
  Functiebezetting: ListItemInput<'Functiebezetting'>[];
  Nevenwerkzaamheden: ListItemInput<'Nevenwerkzaamheden'>[];
  NevenwerkHerbevestigingen: ListItemInput<'NevenwerkHerbevestigingen'>[];
  VogFunctiehouders: ListItemInput<'VogFunctiehouders'>[];
  VogAanvragen: ListItemInput<'VogAanvragen'>[];
  Meldingen: ListItemInput<'Meldingen'>[];
};

/** Published activity descriptions per kind (HR's wording for senior functions; no names of people). */
const ACTIVITEIT: Record<(typeof NEVENWERK_SOORTEN)[number], string[]> = {
  bestuurslid: ['Bestuurslid van een stichting voor cultureel erfgoed', 'Penningmeester van een sportvereniging'],
  toezichthouder: ['Lid raad van toezicht van een woningcorporatie', 'Lid raad van commissarissen van een regionaal waterbedrijf'],
  adviseur: ['Lid adviesraad van een kennisinstituut voor bestuurskunde', 'Adviseur van een landelijk netwerk van provincies'],
  docent: ['Gastdocent bestuurskunde aan een hogeschool', 'Examinator bij een opleiding openbaar bestuur'],
  eigenOnderneming: ['Eigen adviespraktijk (niet voor overheden in de provincie)'],
  loondienst: ['Docent in deeltijd bij een mbo-instelling'],
  politiekeFunctie: ['Lid van de gemeenteraad in een gemeente buiten de provincie'],
  vrijwilligerswerk: ['Vrijwilliger bij de voedselbank', 'Voorzitter van een ouderraad'],
  overig: ['Redactielid van een vakblad'],
};

/**
 * The register items for the years `lastYear - 2 … lastYear`, up to `until` (`YYYY-MM-DD`), plus the stock of
 * registrations from before that window. Pure.
 * @param rnd a PRNG of its own (see the module comment); `meldingen` the demo meldingen built so far (for the
 *   next free `M-<jaar>-<nnnn>` numbers of the extra anonymous ones).
 */
export function buildRegisterDemo(
  until: string,
  rnd: () => number,
  meldingen: readonly ListItemInput<'Meldingen'>[],
  inst: RegisterInstellingen = DEMO_REGISTER_INSTELLINGEN,
): RegisterItems {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let r = rnd() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries[0][0];
  };
  const lastYear = Number(until.slice(0, 4));
  const firstYear = lastYear - 2;
  const playground = inst.playground === undefined ? playgroundDemoVan() : (inst.playground ?? undefined);
  const dagTussen = (van: string, tot: string) => {
    return plusDagen(van, int(0, Math.max(0, dagenTussen(van, tot))));
  };
  const out: RegisterItems = {
    Functiebezetting: [],
    Nevenwerkzaamheden: [],
    NevenwerkHerbevestigingen: [],
    VogFunctiehouders: [],
    VogAanvragen: [],
    Meldingen: [],
  };

  // --- Functiebezetting: every staff member, in levels by schaal; each level is managed by the one above. ---
  const functies = [...inst.nevenwerkFuncties].sort((a, b) => (b.schaal ?? 0) - (a.schaal ?? 0));
  const vast = (f: (typeof functies)[number]) =>
    (f.schaal ?? 0) >= 17 ? 1 : (f.schaal ?? 0) >= 15 ? 4 : (f.schaal ?? 0) >= 14 ? 28 : f.financieleBelangen ? 40 : 0;
  const rest = functies.filter((f) => vast(f) === 0);
  const overig = MEDEWERKERS - functies.reduce((s, f) => s + vast(f), 0);
  const personen: { oid: string; functie: (typeof functies)[number]; niveau: number }[] = [];
  for (const f of functies) {
    const n = vast(f) || Math.floor(overig / Math.max(1, rest.length));
    const niveau = (f.schaal ?? 0) >= 17 ? 0 : (f.schaal ?? 0) >= 15 ? 1 : (f.schaal ?? 0) >= 14 ? 2 : 3;
    for (let k = 0; k < n; k++) personen.push({ oid: demoOid(personen.length + 1), functie: f, niveau });
  }
  // The Playground's manager heads the first team of the lowest management level.
  const hoofden = (niveau: number) => personen.filter((p) => p.niveau === niveau);
  const managerVan = (p: (typeof personen)[number], k: number): string => {
    for (let n = p.niveau - 1; n >= 0; n--) {
      const boven = hoofden(n);
      if (boven.length) return boven[k % boven.length].oid;
    }
    return demoOid(0); // the top official answers to the bestuur (an id outside the staff)
  };
  const laagsteLeiding = Math.max(0, ...personen.filter((p) => p.niveau < 3).map((p) => p.niveau));
  const eersteHoofd = hoofden(laagsteLeiding)[0];
  if (eersteHoofd && playground) eersteHoofd.oid = playground.manager;
  const leidinggevende = new Map<string, string>();
  personen.forEach((p, k) => {
    const m = managerVan(p, k);
    leidinggevende.set(p.oid, m);
    out.Functiebezetting.push({ medewerker: p.oid, functie: p.functie.code, leidinggevende: m });
  });
  const basis = rest[0] ?? functies.at(-1);
  for (const oid of playground ? [...playground.overigen, playground.medewerker] : []) {
    if (!basis || !eersteHoofd || !playground) break;
    out.Functiebezetting.push({ medewerker: oid, functie: basis.code, leidinggevende: playground.manager });
    leidinggevende.set(oid, playground.manager);
  }

  // --- Nevenwerkzaamheden and financiële belangen ---
  type Reg = ListItemInput<'Nevenwerkzaamheden'> & { jaar: number };
  const regs: Reg[] = [];
  const registreer = (p: { oid: string; functie: (typeof functies)[number] }, gemeldOp: string, belang: boolean): Reg => {
    const soortNevenwerk = belang
      ? null
      : weighted<(typeof NEVENWERK_SOORTEN)[number]>([
          ['vrijwilligerswerk', 30],
          ['bestuurslid', 20],
          ['docent', 10],
          ['eigenOnderneming', 10],
          ['adviseur', 8],
          ['loondienst', 8],
          ['toezichthouder', p.functie.publiceren ? 15 : 3],
          ['politiekeFunctie', 4],
          ['overig', 5],
        ]);
    const soortBelang = belang
      ? weighted<(typeof FINANCIEEL_BELANG_SOORTEN)[number]>([
          ['aandelen', 40],
          ['vastgoed', 20],
          ['obligaties', 10],
          ['deelneming', 10],
          ['opties', 5],
          ['vordering', 5],
          ['overigBelang', 10],
        ])
      : null;
    const betaald =
      soortNevenwerk === null
        ? null
        : soortNevenwerk === 'vrijwilligerswerk'
          ? false
          : ['eigenOnderneming', 'loondienst', 'toezichthouder'].includes(soortNevenwerk)
            ? true
            : rnd() < 0.5;
    const mogelijkConflict = rnd() < (belang ? 0.2 : 0.12);
    const r: Reg = {
      jaar: Number(gemeldOp.slice(0, 4)),
      registratieId: '',
      medewerker: p.oid,
      functie: p.functie.code,
      register: belang ? 'financieelBelang' : 'nevenwerkzaamheid',
      soortNevenwerk,
      soortBelang,
      organisatie: null,
      betaald,
      urenPerMaand: belang ? null : soortNevenwerk === 'loondienst' ? int(16, 40) : int(2, 16),
      mogelijkConflict,
      gemeldOp,
      status: 'gemeld',
      publicatieActiviteit: !belang && p.functie.publiceren && soortNevenwerk ? pick(ACTIVITEIT[soortNevenwerk]) : null,
    };
    // The manager's assessment, 5–40 days later (not yet for the latest ones).
    const beoordeeldOp = plusDagen(gemeldOp, int(5, 40));
    if (beoordeeldOp <= until) {
      const beoordeling = mogelijkConflict
        ? weighted([
            ['toegestaanMetVoorwaarden', 60],
            ['nietToegestaan', 20],
            ['toegestaan', 20],
          ] as const)
        : weighted([
            ['toegestaan', 85],
            ['toegestaanMetVoorwaarden', 15],
          ] as const);
      r.status = 'beoordeeld';
      r.beoordeling = beoordeling;
      r.beoordeeldOp = beoordeeldOp;
      r.voorwaarden =
        beoordeling === 'toegestaanMetVoorwaarden'
          ? [...new Set(Array.from({ length: int(1, 3) }, () => pick(NEVENWERK_VOORWAARDEN)))].sort(
              (a, b) => NEVENWERK_VOORWAARDEN.indexOf(a) - NEVENWERK_VOORWAARDEN.indexOf(b),
            )
          : [];
      // Not allowed: the employee stops within a month.
      if (beoordeling === 'nietToegestaan') {
        const eind = plusDagen(beoordeeldOp, int(7, 30));
        if (eind <= until) r.beeindigdOp = eind;
      }
    }
    // Some end of their own accord (the employee reports the end in the bot).
    if (!r.beeindigdOp && rnd() < 0.12) {
      const eind = dagTussen(plusDagen(gemeldOp, 60), until);
      if (eind > plusDagen(gemeldOp, 59) && eind <= until) r.beeindigdOp = eind;
    }
    regs.push(r);
    return r;
  };
  const dagIn = (jaar: number) => {
    const d = plusDagen(`${jaar}-01-01`, int(0, 364));
    return d <= until ? d : undefined;
  };
  const staf = personen.filter((p) => p.niveau === 3 || rnd() < 0.6); // everyone may have one; seniors more often
  // The stock from before the window (the first inventory), then new ones each year.
  for (let i = 0; i < 200; i++) registreer(pick(staf), dagIn(firstYear - int(1, 6))!, false);
  const belangHouders = personen.filter((p) => p.functie.financieleBelangen);
  for (let i = 0; belangHouders.length && i < 22; i++) registreer(pick(belangHouders), dagIn(firstYear - int(1, 6))!, true);
  for (const p of personen.filter((q) => q.functie.publiceren && rnd() < 0.5)) registreer(p, dagIn(firstYear - int(1, 6))!, false);
  for (let jaar = firstYear; jaar <= lastYear; jaar++) {
    for (let i = 0, n = int(40, 55); i < n; i++) {
      const d = dagIn(jaar);
      if (d) registreer(pick(staf), d, false);
    }
    for (let i = 0, n = int(3, 6); belangHouders.length && i < n; i++) {
      const d = dagIn(jaar);
      if (d) registreer(pick(belangHouders), d, true);
    }
  }
  // The Playground: the employee has one assessed registration; two in the manager's team still wait.
  const team = personen.filter((p) => playground && leidinggevende.get(p.oid) === playground.manager);
  if (basis && eersteHoofd && playground) {
    const eigen = registreer({ oid: playground.medewerker, functie: basis }, plusDagen(until, -200), false);
    Object.assign(eigen, { soortNevenwerk: 'docent', betaald: true, urenPerMaand: 4, mogelijkConflict: false, beeindigdOp: null });
    Object.assign(eigen, { status: 'beoordeeld', beoordeling: 'toegestaan', beoordeeldOp: plusDagen(until, -190), voorwaarden: [] });
    for (const [k, dagen] of [
      [0, 6],
      [1, 2],
    ] as const) {
      const p = team[k];
      if (!p) continue;
      const r = registreer(p, plusDagen(until, -dagen), false);
      Object.assign(r, { status: 'gemeld', beoordeling: null, beoordeeldOp: null, voorwaarden: null, beeindigdOp: null });
    }
  }

  // The yearly refresh rounds: everyone with a registration in force on the start date, reported before it.
  regs.sort((a, b) => (a.gemeldOp < b.gemeldOp ? -1 : a.gemeldOp > b.gemeldOp ? 1 : 0));
  const perJaar = new Map<number, number>();
  for (const r of regs) {
    const n = (perJaar.get(r.jaar) ?? 0) + 1;
    perJaar.set(r.jaar, n);
    r.registratieId = `NW-${r.jaar}-${String(n).padStart(4, '0')}`;
  }
  for (let jaar = firstYear; jaar <= lastYear; jaar++) {
    const start = `${jaar}-${inst.herbevestigingDatum}`;
    if (start > until) break;
    for (const r of regs) {
      if (r.gemeldOp >= start || (r.beeindigdOp && r.beeindigdOp <= start)) continue;
      const antwoordOp = plusDagen(start, int(1, 40));
      const keuze = rnd();
      const antwoord = antwoordOp > until ? 'openstaand' : keuze < 0.08 ? 'beeindigd' : keuze < 0.95 ? 'bevestigd' : 'openstaand';
      out.NevenwerkHerbevestigingen.push({
        ronde: String(jaar),
        registratieId: r.registratieId,
        gevraagdOp: start,
        antwoord,
        beantwoordOp: antwoord === 'openstaand' ? null : antwoordOp,
      });
      if (antwoord === 'beeindigd' && (!r.beeindigdOp || r.beeindigdOp > antwoordOp)) r.beeindigdOp = antwoordOp;
    }
  }
  for (const { jaar: _jaar, ...r } of regs) {
    const beeindigd = !!r.beeindigdOp && r.beeindigdOp <= until;
    out.Nevenwerkzaamheden.push({ ...r, beeindigdOp: beeindigd ? r.beeindigdOp : null, status: beeindigd ? 'beeindigd' : r.status });
  }

  // --- VOG in kwetsbare functies: ~100 holders; HR imported the register at the start of the first year. ---
  const registerStart = `${firstYear}-01-01`;
  const vogFuncties = inst.vogFuncties;
  const aantallen = [40, 35, 25];
  let volgnummer = 1500;
  const houders: ListItemInput<'VogFunctiehouders'>[] = [];
  vogFuncties.forEach((functie, f) => {
    for (let k = 0; k < (aantallen[f] ?? 20); k++) {
      const nieuw = rnd() < 0.25;
      const startOp = nieuw ? dagTussen(registerStart, until) : dagIn(firstYear - int(1, 12))!;
      const eindOp = rnd() < 0.08 ? dagTussen(plusDagen(startOp > registerStart ? startOp : registerStart, 30), until) : null;
      houders.push({
        medewerker: demoOid(volgnummer++),
        functie,
        startOp,
        eindOp: eindOp && eindOp <= until ? eindOp : null,
        // Before the register: the last VOG's issue date, up to three years back.
        laatsteVogOp:
          startOp < registerStart
            ? dagTussen(startOp > plusMaanden(registerStart, -36) ? startOp : plusMaanden(registerStart, -36), plusDagen(registerStart, -1))
            : null,
      });
    }
  });
  if (vogFuncties[0] && playground)
    houders.push({
      medewerker: playground.medewerker,
      functie: vogFuncties[0],
      startOp: `${firstYear - 4}-03-01`,
      eindOp: null,
      laatsteVogOp: plusDagen(plusJaren(until, -inst.geldigheidJaren), -12),
    });
  for (const h of houders) {
    let laatste = h.laatsteVogOp ?? undefined;
    let peildatum = laatste ? plusJaren(laatste, inst.geldigheidJaren) : h.startOp;
    let aanleiding: 'start' | 'hernieuwing' = laatste ? 'hernieuwing' : 'start';
    for (;;) {
      // The job opens a request on the due day (or on its first run after the import, for one already due then).
      const gevraagdOp = peildatum < registerStart ? registerStart : peildatum;
      if (gevraagdOp > until || (h.eindOp && h.eindOp < gevraagdOp)) break;
      const aangevraagdOp = plusDagen(gevraagdOp, int(2, 20));
      const afgifteOp = plusDagen(aangevraagdOp, int(7, 28));
      const vastgelegdOp = plusDagen(afgifteOp, int(1, 10));
      const nietOntvangen = rnd() < 0.06 && plusDagen(gevraagdOp, 70) <= until;
      const a: ListItemInput<'VogAanvragen'> = {
        aanvraagId: aanvraagIdVan(h.functie, h.medewerker, peildatum),
        medewerker: h.medewerker,
        functie: h.functie,
        aanleiding,
        peildatum,
        gevraagdOp,
        status: 'openstaand',
        aangevraagdOp: null,
        vastgelegdOp: null,
        afgifteOp: null,
      };
      if (h.medewerker === playground?.medewerker) {
        out.VogAanvragen.push(a); // the Playground employee's request is still open: "mijn vog" shows it
        break;
      }
      if (nietOntvangen) {
        out.VogAanvragen.push({ ...a, status: 'nietOntvangen', vastgelegdOp: plusDagen(gevraagdOp, int(56, 70)) });
        break; // HR follows up; no new automatic request
      }
      if (vastgelegdOp <= until) {
        out.VogAanvragen.push({ ...a, status: 'ontvangen', aangevraagdOp, afgifteOp, vastgelegdOp });
        laatste = afgifteOp;
        peildatum = plusJaren(laatste, inst.geldigheidJaren);
        aanleiding = 'hernieuwing';
        continue;
      }
      out.VogAanvragen.push(aangevraagdOp <= until && rnd() < 0.7 ? { ...a, status: 'aangevraagd', aangevraagdOp } : a);
      break;
    }
  }
  out.VogFunctiehouders.push(...houders);

  // --- Extra anonymous meldingen: 2–4 a year (a yearly account to the highest authority and the works council). ---
  const laatsteNummer = new Map<number, number>();
  for (const m of meldingen) {
    const j = Number(m.meldingId.slice(2, 6));
    laatsteNummer.set(j, Math.max(laatsteNummer.get(j) ?? 0, Number(m.meldingId.slice(7))));
  }
  for (let jaar = firstYear; jaar <= lastYear; jaar++) {
    for (let i = 0, n = int(2, 4); i < n; i++) {
      const ontvangenOp = dagIn(jaar);
      if (!ontvangenOp) continue;
      const nr = (laatsteNummer.get(jaar) ?? 0) + 1;
      laatsteNummer.set(jaar, nr);
      const soort = weighted([
        ['sociaal', 4],
        ['zakelijk', 4],
        ['vermoedenMisstand', 2],
      ] as const);
      const bevestigd = plusDagen(ontvangenOp, int(1, 6));
      const terugkoppeling = plusDagen(plusMaanden(bevestigd, 2), int(0, 30));
      const afgesloten = terugkoppeling <= until ? terugkoppeling : null;
      // Anonymous: often too little to go on (nothing to ask back), else an investigation by the line or internally.
      const uitkomst = !afgesloten
        ? 'lopend'
        : weighted([
            ['nietOnderzoekswaardig', 4],
            ['ongegrond', 3],
            ['gegrond', 2],
            ['geenSchending', 1],
          ] as const);
      out.Meldingen.push({
        meldingId: `M-${jaar}-${String(nr).padStart(4, '0')}`,
        ontvangenOp,
        kanaal: pick(['schriftelijk', 'telefonisch'] as const),
        meldpunt: weighted([
          ['vertrouwenspersoon', 3],
          ['integriteitscoordinator', 3],
          ['extern', 2],
        ] as const),
        soort,
        categorie:
          soort === 'sociaal'
            ? 'ongewensteOmgangsvormen'
            : soort === 'vermoedenMisstand'
              ? 'misstand'
              : pick(['financieel', 'misbruikPositie', 'informatie', 'dienstmiddelenInterneRegels'] as const),
        betrokkene: rnd() < 0.8 ? 'ambtenaar' : 'onbekend',
        anoniem: true,
        onderzoek:
          uitkomst === 'lopend' || uitkomst === 'nietOnderzoekswaardig'
            ? 'vooronderzoek'
            : uitkomst === 'geenSchending'
              ? 'lijn'
              : pick(['lijn', 'intern'] as const),
        uitkomst,
        maatregelen: uitkomst === 'gegrond' ? [pick(['waarschuwing', 'teamtraject', 'dossiernotitie'] as const)] : ['geen'],
        ontvangstbevestigdOp: bevestigd <= until ? bevestigd : null,
        terugkoppelingOp: afgesloten,
        afgeslotenOp: afgesloten,
        bewaarTot: afgesloten ? plusMaanden(afgesloten, 12) : null,
      });
    }
  }
  return out;
}

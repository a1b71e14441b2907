/** meldroute (variants, questions, preferences) and triage (rules, privacy) on the real configs. */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import {
  betrokkeneVan,
  meldroute,
  meldpuntIds,
  situatieVoorPerspectief,
  volgendeVraag,
  MAX_VRAGEN,
  geldigeAntwoorden,
} from '@shared/domain/meldroute';
import { triage, normaliseer, bewerkingsafstand } from '@shared/domain/triage';
import { SITUATIES } from '@shared/lists/definitions';

const dir = path.resolve(__dirname, '../../config');
const demo = loadOrgConfig('demo', dir);
const zh = loadOrgConfig('zuid-holland', dir);
const huizen = loadOrgConfig('huizen', dir);

describe('meldroute', () => {
  it('gives every situation of every org at least one meldpunt, in config order', () => {
    for (const cfg of [demo, zh, huizen]) {
      for (const s of SITUATIES) {
        const a = meldroute(cfg, s);
        expect(a.eerst.map((m) => m.meldpunt.id)).toEqual(cfg.routes[s].meldpunten);
        expect(a.situatie).toBe(s);
      }
    }
  });

  it('redirects a dilemma with maatschappelijk belang to the vermoedenMisstand route (Wbk)', () => {
    const a = meldroute(zh, 'dilemma', { maatschappelijkBelang: 'ja' });
    expect(a.gekozen).toBe('dilemma');
    expect(a.situatie).toBe('vermoedenMisstand');
    expect(a.wbk).toBe(true);
    expect(meldpuntIds(a).ook).toEqual(['secretaris', 'huisVoorKlokkenluiders']);
  });

  it('sends ongewenst gedrag by a burger to agressieExtern', () => {
    expect(meldroute(demo, 'ongewenstGedrag', { wie: 'burger' }).situatie).toBe('agressieExtern');
    expect(meldroute(demo, 'ongewenstGedrag', { wie: 'collega' }).situatie).toBe('ongewenstGedrag');
  });

  it('puts the anonymous meldpunt first when the employee wants anonymity (ZH zakelijk)', () => {
    expect(meldpuntIds(meldroute(zh, 'zakelijk', { anoniem: 'ja' }))).toEqual({
      eerst: ['vertrouwenspersoon'],
      ook: ['leidinggevende', 'secretaris'],
      anoniem: ['vertrouwenspersoon'],
    });
  });

  it('filters vertrouwenspersonen by preference, and shows all when none fits', () => {
    const vp = (v: string) => meldroute(demo, 'ongewenstGedrag', { voorkeurVertrouwenspersoon: v }).eerst[0].contacten.map((c) => c.id);
    expect(vp('vrouw')).toEqual(['vp-intern-a']);
    expect(vp('man')).toEqual(['vp-intern-b']);
    expect(vp('extern')).toEqual(['vp-extern']);
    expect(vp('intern')).toEqual(['vp-intern-a', 'vp-intern-b']);
    expect(vp('geen')).toEqual(['vp-intern-a', 'vp-intern-b', 'vp-extern']);
    // Huizen has only external BING counsellors: asking for "intern" keeps them rather than showing nobody.
    const bing = meldroute(huizen, 'ongewenstGedrag', { voorkeurVertrouwenspersoon: 'intern' }).eerst[1];
    expect(bing.contacten.map((c) => c.id)).toEqual(['bing-vp', 'bing-helpdesk']);
  });

  it('ignores unknown questions and values', () => {
    expect(geldigeAntwoorden({ anoniem: 'misschien', wie: 'burger', foo: 'x' })).toEqual({ wie: 'burger' });
  });

  it('asks the route questions in order, then the new route after a redirect, at most three', () => {
    expect(volgendeVraag(demo, 'ongewenstGedrag', {})).toBe('wie');
    expect(volgendeVraag(demo, 'ongewenstGedrag', { wie: 'collega' })).toBe('voorkeurVertrouwenspersoon');
    expect(volgendeVraag(demo, 'ongewenstGedrag', { wie: 'collega', voorkeurVertrouwenspersoon: 'geen' })).toBeUndefined();
    expect(volgendeVraag(demo, 'ongewenstGedrag', { wie: 'burger' })).toBeUndefined();
    expect(volgendeVraag(demo, 'dilemma', {})).toBe('maatschappelijkBelang');
    expect(volgendeVraag(demo, 'dilemma', { maatschappelijkBelang: 'ja' })).toBe('anoniem');
    expect(volgendeVraag(demo, 'dilemma', { maatschappelijkBelang: 'nee' })).toBeUndefined();
    expect(volgendeVraag(demo, 'agressieExtern', {})).toBeUndefined();
    const drie = { maatschappelijkBelang: 'nee', wie: 'collega', voorkeurVertrouwenspersoon: 'geen' };
    expect(Object.keys(drie)).toHaveLength(MAX_VRAGEN);
    expect(volgendeVraag(demo, 'zakelijk', drie)).toBeUndefined();
  });

  it('reports Wbk deadlines only for vermoedenMisstand in these configs', () => {
    for (const cfg of [demo, zh, huizen]) for (const s of SITUATIES) expect(meldroute(cfg, s).wbk).toBe(s === 'vermoedenMisstand');
  });
});

describe('meldroute when someone in the line above is involved', () => {
  it('maps the triage actor (or the answer wie: leidinggevende) to the betrokkene', () => {
    expect(betrokkeneVan('leidinggevende')).toBe('leidinggevende');
    expect(betrokkeneVan('hogerLeidinggevende')).toBe('directie');
    expect(betrokkeneVan('bestuurder')).toBe('bestuurder');
    expect(betrokkeneVan(undefined, { wie: 'leidinggevende' })).toBe('leidinggevende');
    expect(betrokkeneVan('collega', { wie: 'leidinggevende' })).toBeUndefined();
    for (const a of ['ik', 'collega', 'burger', 'leverancier'] as const) expect(betrokkeneVan(a)).toBeUndefined();
  });

  it('takes the route field of the config (demo zakelijk.bijLeidinggevende / bijDirectie / bijBestuurder)', () => {
    const a = meldroute(demo, 'zakelijk', {}, { actor: 'leidinggevende' });
    expect(meldpuntIds(a)).toMatchObject({ eerst: ['hogerLeidinggevende', 'vertrouwenspersoon'], ook: ['secretaris'] });
    expect(a.betrokkene).toBe('leidinggevende');
    expect(a.stappen[0].nl).toContain('niet bij je eigen leidinggevende');
    expect(meldpuntIds(meldroute(demo, 'zakelijk', {}, { actor: 'hogerLeidinggevende' }))).toMatchObject({
      eerst: ['secretaris', 'vertrouwenspersoon'],
      ook: ['integriteitscoordinator'],
    });
    expect(meldpuntIds(meldroute(demo, 'zakelijk', {}, { actor: 'bestuurder' })).eerst).toEqual([
      'integriteitscoordinator',
      'vertrouwenspersoon',
    ]);
    // Nobody above involved: the route as configured, no betrokkene.
    expect(meldroute(demo, 'zakelijk', {}, { actor: 'collega' }).betrokkene).toBeUndefined();
    expect(meldpuntIds(meldroute(demo, 'zakelijk', {}, { actor: 'collega' })).eerst).toEqual(['leidinggevende']);
  });

  it('routes a matter about the secretaris around the secretaris and the line (bijSecretaris, else neither)', () => {
    expect(betrokkeneVan('secretaris')).toBe('secretaris');
    // demo zakelijk.bijSecretaris: [integriteitscoordinator, vertrouwenspersoon].
    const a = meldroute(demo, 'zakelijk', {}, { actor: 'secretaris' });
    expect(meldpuntIds(a)).toMatchObject({ eerst: ['integriteitscoordinator', 'vertrouwenspersoon'], ook: [] });
    expect(a.betrokkene).toBe('secretaris');
    // The anonymous variant chose [vertrouwenspersoon], ook [leidinggevende, secretaris]: both drop out; the
    // field's [integriteitscoordinator, vertrouwenspersoon] follow, the vertrouwenspersoon already first.
    expect(meldpuntIds(meldroute(demo, 'zakelijk', { anoniem: 'ja' }, { actor: 'secretaris' }))).toMatchObject({
      eerst: ['vertrouwenspersoon'],
      ook: ['integriteitscoordinator'],
    });
    // Without the field (demo vermoedenMisstand without bijSecretaris): [leidinggevende, vertrouwenspersoon],
    // ook [secretaris, huisVoorKlokkenluiders] → the vertrouwenspersoon first, the Huis voor Klokkenluiders also.
    const zonder = {
      ...demo,
      routes: { ...demo.routes, vermoedenMisstand: { ...demo.routes.vermoedenMisstand, bijSecretaris: undefined } },
    };
    expect(meldpuntIds(meldroute(zonder, 'vermoedenMisstand', {}, { actor: 'secretaris' }))).toMatchObject({
      eerst: ['vertrouwenspersoon'],
      ook: ['huisVoorKlokkenluiders'],
    });
    // A director is not the secretaris: bijDirectie still sends to the secretaris.
    expect(meldpuntIds(meldroute(demo, 'zakelijk', {}, { actor: 'hogerLeidinggevende' })).eerst).toContain('secretaris');
  });

  it('keeps a variant the answers chose, without any manager, and the field around the manager (demo zakelijk, anoniem: ja)', () => {
    // The variant: meldpunten [vertrouwenspersoon], ook [leidinggevende, secretaris]; the own manager drops out.
    // bijLeidinggevende [hogerLeidinggevende, vertrouwenspersoon], ook [secretaris] follows: the higher manager
    // first among "ook", and the field's steps and beslisser, not the route's ("De leidinggevende … beslist").
    const a = meldroute(demo, 'zakelijk', { anoniem: 'ja' }, { actor: 'leidinggevende' });
    expect(meldpuntIds(a)).toMatchObject({ eerst: ['vertrouwenspersoon'], ook: ['hogerLeidinggevende', 'secretaris'] });
    expect(a.stappen[0].nl).toContain('niet bij je eigen leidinggevende');
    expect(a.beslisser?.nl).toBe('Een hogere leidinggevende of de provinciesecretaris beslist over onderzoek.');
    // A gedeputeerde, anonymously: the vertrouwenspersoon first, the integriteitscoördinator also, and the
    // commissaris van de Koning decides (Provinciewet art. 175), not "de leidinggevende of de provinciesecretaris".
    const b = meldroute(demo, 'zakelijk', { anoniem: 'ja' }, { actor: 'bestuurder' });
    expect(meldpuntIds(b)).toMatchObject({ eerst: ['vertrouwenspersoon'], ook: ['integriteitscoordinator', 'secretaris'] });
    expect(b.stappen[0].nl).toContain('integriteitscoördinator');
    expect(b.beslisser?.nl).toContain('commissaris van de Koning');
  });

  it('names who decides without the person reported (beslisser of the route field)', () => {
    const antwoorden = [{}, { anoniem: 'ja' }, { anoniem: 'nee', maatschappelijkBelang: 'ja' }];
    for (const cfg of [demo, zh, huizen])
      for (const s of SITUATIES)
        for (const a of antwoorden) {
          for (const actor of ['leidinggevende', 'hogerLeidinggevende', 'bestuurder'] as const) {
            const b = meldroute(cfg, s, a, { actor }).beslisser?.nl ?? '';
            expect(b).not.toMatch(/^De leidinggevende/);
            if (actor === 'bestuurder') expect(b === '' || /commissaris van de Koning|burgemeester/.test(b)).toBe(true);
          }
          const sec = meldroute(cfg, s, a, { actor: 'secretaris' }).beslisser?.nl ?? '';
          expect(sec).not.toMatch(/^De (gemeente|provincie)secretaris/);
        }
  });

  it('without a route field: the route without managers, else the first "ook", else the vertrouwenspersonen', () => {
    // demo nevenwerkzaamheden: meldpunten [leidinggevende], ook [integriteitscoordinator], no bij… fields.
    const a = meldroute(demo, 'nevenwerkzaamheden', {}, { actor: 'leidinggevende' });
    expect(meldpuntIds(a)).toMatchObject({ eerst: ['integriteitscoordinator'], ook: [] });
    // huizen agressieExtern: meldpunten [leidinggevende], ook [politie, bing] → politie first, bing also.
    expect(meldpuntIds(meldroute(huizen, 'agressieExtern', {}, { actor: 'bestuurder' }))).toMatchObject({
      eerst: ['politie'],
      ook: ['bing'],
    });
    // huizen nevenwerkzaamheden: ook [po] (soort extern) is left; a config without any: the vertrouwenspersonen.
    const zonderOok = {
      ...huizen,
      routes: { ...huizen.routes, algemeen: { ...huizen.routes.algemeen, meldpunten: ['leidinggevende'], ook: [] } },
    };
    expect(meldpuntIds(meldroute(zonderOok, 'algemeen', {}, { actor: 'hogerLeidinggevende' })).eerst).toEqual(['bing']);
  });

  it('never offers a manager of soort leidinggevende that the route field does not list', () => {
    for (const cfg of [demo, zh, huizen]) {
      const leidinggevenden = cfg.meldpunten.filter((m) => m.soort === 'leidinggevende').map((m) => m.id);
      for (const s of SITUATIES)
        for (const actor of ['leidinggevende', 'hogerLeidinggevende', 'bestuurder'] as const) {
          const a = meldroute(cfg, s, {}, { actor });
          const veld = { leidinggevende: 'bijLeidinggevende', hogerLeidinggevende: 'bijDirectie', bestuurder: 'bijBestuurder' } as const;
          const toegestaan = cfg.routes[a.situatie][veld[actor]]?.meldpunten ?? [];
          const ids = meldpuntIds(a);
          for (const id of [...ids.eerst, ...ids.ook]) if (leidinggevenden.includes(id)) expect(toegestaan).toContain(id);
          expect(ids.eerst).not.toContain('leidinggevende');
          expect(ids.eerst.length).toBeGreaterThan(0);
        }
    }
  });

  it('gives steps that do not send anyone to the manager they report (misstand, zakelijk, ongewenst gedrag)', () => {
    for (const cfg of [demo, zh, huizen])
      for (const s of ['vermoedenMisstand', 'zakelijk', 'ongewenstGedrag'] as const)
        for (const actor of ['leidinggevende', 'hogerLeidinggevende', 'bestuurder'] as const)
          for (const stap of [{}, { anoniem: 'ja' }].flatMap((a) => meldroute(cfg, s, a, { actor }).stappen)) {
            // "je leidinggevende" only as "niet bij je eigen leidinggevende", "de leidinggevende van je leidinggevende" …
            if (/\bje (eigen )?leidinggevende\b/.test(stap.nl))
              expect(stap.nl).toMatch(/niet bij je eigen leidinggevende|van je leidinggevende|dan je eigen leidinggevende/);
            if (/\byour (own )?manager\b/.test(stap.en ?? ''))
              expect(stap.en).toMatch(/not to your own manager|your manager's manager|above your own manager/);
          }
  });

  it("routes someone else's conduct as a melding, one's own doubt as a dilemma", () => {
    expect(situatieVoorPerspectief({ situatie: 'dilemma', perspectief: 'ander', actor: 'collega', scores: { dilemma: 2 } })).toBe(
      'zakelijk',
    );
    expect(situatieVoorPerspectief({ situatie: 'dilemma', perspectief: 'ander', actor: 'leidinggevende' })).toBe('zakelijk');
    // The text says it is a doubt ("twijfelt of hij…", "dilemma"): kept.
    expect(situatieVoorPerspectief({ situatie: 'dilemma', perspectief: 'ander', actor: 'collega', scores: { dilemma: 4 } })).toBe(
      'dilemma',
    );
    // A supplier offering something: the employee weighs their own conduct.
    expect(situatieVoorPerspectief({ situatie: 'dilemma', perspectief: 'ander', actor: 'leverancier' })).toBe('dilemma');
    expect(situatieVoorPerspectief({ situatie: 'dilemma', perspectief: 'zelf', actor: 'ik' })).toBe('dilemma');
    expect(situatieVoorPerspectief({ situatie: 'ongewenstGedrag', perspectief: 'ander', actor: 'collega' })).toBe('ongewenstGedrag');
  });
});

describe('triage', () => {
  it('normalises diacritics, case and punctuation', () => {
    expect(normaliseer('Geïntimideerd! Financiële “belangen”?')).toBe('geintimideerd financiele belangen');
  });

  it('computes edit distances with transpositions', () => {
    expect(bewerkingsafstand('leidingevende', 'leidinggevende', 2)).toBe(1);
    expect(bewerkingsafstand('fraued', 'fraude', 1)).toBe(1);
    expect(bewerkingsafstand('abc', 'xyz', 1)).toBe(2);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(triage('').situatie).toBeUndefined();
    expect(triage('   ?!  ').situatie).toBeUndefined();
    expect(triage('het weer is mooi vandaag').situatie).toBeUndefined();
  });

  it('flags a close call between two situations', () => {
    const u = triage('twijfel over een geschenk en een declaratie'); // dilemma: twijfel 2 + geschenk 1; zakelijk: declaratie 2
    expect(u.twijfelTussen).toEqual(['dilemma', 'zakelijk']);
  });

  it('infers answers: anonymity, a burger, a colleague', () => {
    expect(triage('Ik wil anoniem melden dat er fraude is').antwoorden.anoniem).toBe('ja');
    expect(triage('Een burger bedreigt mij').antwoorden.wie).toBe('burger');
    expect(triage('Mijn collega pest mij').antwoorden.wie).toBe('collega');
  });

  test.each([
    ['Iemand op mijn afdeling neemt geld uit de kas', 'zakelijk'],
    ['Mijn leidinggevende bevoordeelt zijn neef bij een sollicitatie', 'zakelijk'],
    ['Er lekt asbest in het gebouw en niemand doet iets', 'vermoedenMisstand'],
    ["I'm being harassed by a citizen on social media", 'agressieExtern'],
    ['Someone threatened me on the phone', 'agressieExtern'],
    ['Mijn chef maakt seksueel getinte opmerkingen', 'ongewenstGedrag'],
    ['my manager keeps yelling at me', 'ongewenstGedrag'],
    ['Can I accept a bottle of wine from a client?', 'dilemma'],
    ['Hoe meld ik iets?', 'algemeen'],
  ])('triage: %s → %s', (text, situatie) => {
    const u = triage(text);
    expect(u.situatie).toBe(situatie);
    expect(u.twijfelTussen).toBeUndefined();
  });

  it('asks between misstand and zakelijk for "fraude vermoeden", without presuming a public interest', () => {
    const u = triage('wat moet ik doen als ik fraude vermoed');
    // Most likely first: the order is the classifier's (fraud reads a little more as zakelijk), the two are fixed.
    expect([...u.twijfelTussen!].sort()).toEqual(['vermoedenMisstand', 'zakelijk']);
    expect(u.antwoorden.maatschappelijkBelang).toBeUndefined();
  });

  it('answers the public-interest question with "nee" for an own question about a gift or invitation', () => {
    // One's own conduct (the fixture's dinner invitation is a dilemma too): no danger/fraud question follows.
    for (const vraag of [
      'Mag ik een cadeau van een leverancier aannemen?',
      'Mag ik een relatiegeschenk houden?',
      'Een leverancier nodigt me uit voor een diner. Mag ik daarop ingaan?',
      'May I accept a present from a supplier?',
      'Can I accept an invitation to a dinner from a contractor?',
    ]) {
      const u = triage(vraag, zh);
      expect([vraag, u.situatie]).toEqual([vraag, 'dilemma']);
      expect([vraag, u.antwoorden.maatschappelijkBelang]).toEqual([vraag, 'nee']);
      // Hence the dilemma route asks nothing more and shows the result straight away.
      expect(volgendeVraag(zh, 'dilemma', u.antwoorden)).toBeUndefined();
    }
  });

  it('still asks about the public interest for a dilemma that is not about a gift, or names a danger', () => {
    expect(triage('Ik twijfel of ik dit moet melden', demo).antwoorden.maatschappelijkBelang).toBeUndefined();
    expect(triage('Mag ik een cadeau aannemen als er gevaar voor omwonenden is?', demo).antwoorden.maatschappelijkBelang).not.toBe('nee');
    // Someone else's gifts are no own-conduct question: nothing presumed.
    expect(triage('Mijn collega neemt geschenken aan van een leverancier', demo).antwoorden.maatschappelijkBelang).toBeUndefined();
  });

  it('uses the organisation extra terms', () => {
    const cfg = { triage: { extraTermen: { nevenwerkzaamheden: ['wethouderschap'] } } };
    expect(triage('Ik overweeg het wethouderschap', cfg).situatie).toBe('nevenwerkzaamheden');
    expect(triage('Ik overweeg het wethouderschap').situatie).toBeUndefined();
  });

  it('keeps no part of the text in its result', () => {
    const text = 'Mijn collega Jansen pest mij dagelijks op kamer 12';
    const json = JSON.stringify(triage(text, demo));
    for (const w of ['Jansen', 'jansen', 'kamer', 'dagelijks', 'pest']) expect(json).not.toContain(w);
  });
});

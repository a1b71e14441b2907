/**
 * The tab's role rule per page (the navigation and the API use the same one) and the dilemma of the week in English:
 * the config's optional `dilemmas[].en`, its checks, and what the API hands the tab per language.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { dilemmaConfigSchema } from '@shared/config/schema';
import { magPagina } from '../../tab/api/pagina-rollen';
import { naarTabDilemma } from '../../tab/api/routes/dilemma';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));

describe('magPagina: sessions for managers, HR and the integriteitscoördinator; the dashboard for HR and the coördinator', () => {
  test.each([
    [['medewerker'], ['/', '/dilemma']],
    [
      ['medewerker', 'vertrouwenspersoon'],
      ['/', '/dilemma'],
    ],
    [
      ['medewerker', 'adviseurVpt'],
      ['/', '/dilemma'],
    ],
    [
      ['medewerker', 'manager'],
      ['/', '/dilemma', '/sessie'],
    ],
    [
      ['medewerker', 'hr'],
      ['/', '/dilemma', '/sessie', '/dashboard'],
    ],
    [
      ['medewerker', 'integriteitscoordinator'],
      ['/', '/dilemma', '/sessie', '/dashboard'],
    ],
  ] as const)('%j may use %j', (rollen, paginas) => {
    expect(['/', '/dilemma', '/sessie', '/dashboard', '/beheer'].filter((p) => magPagina(rollen, p))).toEqual(paginas);
  });
});

describe('dilemmas[].en in the config', () => {
  const basis = {
    id: 'D-X',
    titel: 'Het etentje',
    tekst: 'Een leverancier nodigt je uit.',
    opties: ['Ja', 'Nee'],
    thema: 'zakelijk',
    gespreksvragen: ['Waarom?'],
    toelichting: 'Omdat.',
  };
  test('a complete English version is accepted; Dutch-only dilemmas stay valid', () => {
    expect(
      dilemmaConfigSchema.safeParse({
        ...basis,
        en: {
          titel: 'The dinner',
          tekst: 'A supplier invites you.',
          opties: ['Yes', 'No'],
          gespreksvragen: ['Why?'],
          toelichting: 'Because.',
        },
      }).success,
    ).toBe(true);
    expect(dilemmaConfigSchema.safeParse(basis).success).toBe(true);
  });
  test('a different number of options or questions, or a missing explanation, is refused in Dutch', () => {
    const r = dilemmaConfigSchema.safeParse({ ...basis, en: { titel: 'The dinner', tekst: 'A supplier invites you.', opties: ['Yes'] } });
    expect(r.success).toBe(false);
    const fouten = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(fouten).toEqual([
      'en.opties: verwacht evenveel Engelse als Nederlandse opties (2), in dezelfde volgorde',
      'en.gespreksvragen: verwacht evenveel Engelse als Nederlandse gespreksvragen (1)',
      'en.toelichting: verwacht ook een Engelse toelichting',
    ]);
  });
  test('every dilemma of config/demo.yaml has its English version', () => {
    expect(config.dilemmas.filter((d) => !d.en).map((d) => d.id)).toEqual([]);
  });
});

describe('naarTabDilemma per language', () => {
  const item = {
    dilemmaId: 'D-001',
    titel: 'Het etentje van de leverancier',
    tekst: 'Een leverancier met wie je een lopende aanbesteding hebt, nodigt je uit.',
    opties: JSON.stringify(['Ik ga', 'Ik ga niet en meld de uitnodiging', 'Ik overleg eerst']),
    thema: 'zakelijk' as const,
    bron: 'dilemmaspel' as const,
  };
  test('English from config/demo.yaml for en; the list text for nl', () => {
    const en = naarTabDilemma(item, config, 'en');
    expect(en).toMatchObject({ titel: "The supplier's dinner", alleenNl: false });
    expect(en.opties[1]).toBe('I do not go and report the invitation');
    expect(en.gespreksvragen[0]).toBe('Does it matter that the tender is still running?');
    expect(en.toelichting).toMatch(/^Under the code of conduct/);
    const nl = naarTabDilemma(item, config, 'nl');
    expect(nl).toMatchObject({ titel: 'Het etentje van de leverancier', alleenNl: false });
    expect(nl.gespreksvragen[0]).toBe('Maakt het uit of de aanbesteding nog loopt?');
  });
  test('a dilemma without English (or with a different number of options in the list) is Dutch with alleenNl for en', () => {
    const eigen = { ...item, dilemmaId: 'D-EIGEN', titel: 'Het cadeau', opties: JSON.stringify(['Houden', 'Terugsturen']) };
    expect(naarTabDilemma(eigen, config, 'en')).toMatchObject({ titel: 'Het cadeau', opties: ['Houden', 'Terugsturen'], alleenNl: true });
    const ander = { ...item, opties: JSON.stringify(['Ja', 'Nee']) };
    expect(naarTabDilemma(ander, config, 'en')).toMatchObject({ titel: 'Het etentje van de leverancier', alleenNl: true });
  });
});

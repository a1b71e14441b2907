import type { OrgConfig, Rol } from '@shared/config';
import { t, type Locale } from '@shared/i18n';

/**
 * The help answer ("help", "wat kun je") lists what the asking person can do in this bot: what every employee
 * can do, then one section per role they have (`TurnUser.rollen`, computed by the dispatcher from the
 * organisation's `rollen`). Every line names typed commands that exist in a feature's command table and that
 * the role may run (the routes' `rol`; intake: `toegang.ts`, meldingen and Wbk deadlines follow
 * `config.intake.meldingRollen`). A unit test checks both against the feature registry.
 */

/** Who a section is for: every employee, or one role. */
export type HulpDoelgroep = 'iedereen' | Rol;

/** One line of the help answer: its catalogue key (`meldwijzer.hulp.<sleutel>`) and the commands it names (nl, en). */
export interface HulpRegel {
  sleutel: string;
  commandos: { nl: readonly string[]; en: readonly string[] };
}

const regel = (sleutel: string, nl: readonly string[], en: readonly string[]): HulpRegel => ({ sleutel, commandos: { nl, en } });

/** What every employee can do besides the meldwijzer itself. */
const IEDEREEN: HulpRegel[] = [
  regel('ambtseed', ['plan mijn ambtseed'], ['plan my oath']),
  regel('vog', ['mijn vog'], ['my vog']),
  regel('nevenwerk', ['nevenwerk melden', 'mijn nevenwerk'], ['outside activities', 'my side activities']),
  regel('agressie', ['agressie registreren'], ['report aggression']),
];

/** Registering and updating meldingen and the Wbk deadlines: for the roles in `intake.meldingRollen`. */
const MELDINGEN: HulpRegel[] = [
  regel('melding', ['melding registreren', 'melding bijwerken'], ['register report', 'update report']),
  regel('termijnen', ['termijnen'], ['deadlines']),
];

/** Per role, the lines that do not depend on the configuration. */
const PER_ROL: Record<Rol, HulpRegel[]> = {
  manager: [regel('nevenwerkTeam', ['nevenwerk beoordelen'], ['assess side activities']), regel('uitvraag', [], [])],
  vertrouwenspersoon: [
    regel('gesprek', ['gesprek vastleggen', 'mijn registraties'], ['log conversation', 'my records']),
    regel('uitvraag', [], []),
  ],
  hr: [
    regel('ambtseedHr', ['ambtseed beheer'], ['manage oath']),
    regel('vogHr', ['vog overzicht'], ['vog overview']),
    regel('nevenwerkHr', ['nevenwerk overzicht'], ['side activities overview']),
  ],
  integriteitscoordinator: [regel('uitvraagStatus', ['uitvraag status'], ['survey status'])],
  adviseurVpt: [regel('agressieBijwerken', ['agressie bijwerken'], ['update aggression incident'])],
};

/**
 * The sections of the help answer for someone with `rollen`, in a fixed order: `iedereen` first, then each role
 * the person has in the order of `ROLLEN`. A role's section holds its own lines and, for the roles in
 * `config.intake.meldingRollen`, registering meldingen and the Wbk deadlines (first).
 */
export function hulpSecties(rollen: readonly Rol[], config: Pick<OrgConfig, 'intake'>): { voor: HulpDoelgroep; regels: HulpRegel[] }[] {
  const secties: { voor: HulpDoelgroep; regels: HulpRegel[] }[] = [{ voor: 'iedereen', regels: IEDEREEN }];
  for (const rol of (['manager', 'vertrouwenspersoon', 'hr', 'integriteitscoordinator', 'adviseurVpt'] as const).filter((r) =>
    rollen.includes(r),
  )) {
    const meldingen = config.intake.meldingRollen.includes(rol) ? MELDINGEN : [];
    secties.push({ voor: rol, regels: [...meldingen, ...PER_ROL[rol]] });
  }
  return secties;
}

/**
 * The role part of the help answer as Markdown text: per section a bold heading ("Wat je hier kunt als
 * leidinggevende") and one bullet per line ("**nevenwerk beoordelen**: …"), in `locale`.
 */
export function hulpPerRol(locale: Locale, rollen: readonly Rol[], config: Pick<OrgConfig, 'intake'>): string {
  return hulpSecties(rollen, config)
    .map(({ voor, regels }) => {
      const kop = t(locale, `meldwijzer.hulp.kop.${voor}`);
      const lijst = regels.map((r) => {
        const commandos = r.commandos[locale].map((c) => `"${c}"`).join(t(locale, 'meldwijzer.hulp.of'));
        const uitleg = t(locale, `meldwijzer.hulp.${r.sleutel}`);
        return commandos ? `- **${commandos}**: ${uitleg}` : `- ${uitleg}`;
      });
      return `**${kop}**\n\n${lijst.join('\n')}`;
    })
    .join('\n\n');
}

import { z } from 'zod';
import '../lists/zod-nl';
import { DILEMMA_BRONNEN, DILEMMA_THEMAS, MELDPUNT_SOORTEN, SITUATIES } from '../lists/definitions';

/**
 * The organisation configuration (`config/<org>.yaml`, docs/contracts.md "Organisation configuration"): who is a
 * meldpunt for what, contacts, routes per situation, ambtseed rules, regelingen, FAQ, dilemmas and roles.
 * The bot, tab and report read only this. Validated with zod when the process starts.
 */

/** A text in Dutch, optionally in English (falls back to Dutch). */
export const tekstSchema = z.object({
  nl: z.string().min(1, 'verwacht een Nederlandse tekst'),
  en: z.string().min(1).optional(),
});
export type Tekst = z.infer<typeof tekstSchema>;

/** Either a plain Dutch string or `{ nl, en }`; normalised to `{ nl, en? }`. */
export const tekst = z.union(
  [
    z
      .string()
      .min(1, 'mag niet leeg zijn')
      .transform((nl) => ({ nl })),
    tekstSchema,
  ],
  {
    error: 'verwacht een tekst of { nl, en }',
  },
);

const email = z.email({ error: 'verwacht een e-mailadres' });
const telefoon = z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'verwacht een telefoonnummer, bv. 070 441 66 11');
const url = z.url({ error: 'verwacht een volledige URL (https://…)' });
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'verwacht een id van letters, cijfers, - of _ (begint met een letter)');

/** How to reach a contact; at least one channel. Organisation contact data, never stored in lists. */
export const contactgegevensSchema = z
  .object({
    email: email.optional(),
    telefoon: telefoon.optional(),
    /** UPN or e-mail used for Teams chat/call deep links. */
    teams: email.optional(),
    url: url.optional(),
  })
  .refine((c) => c.email || c.telefoon || c.teams || c.url, 'geef minstens één van email, telefoon, teams of url');

/** A person or body to contact: a vertrouwenspersoon, BING, LKOG, Huis voor Klokkenluiders, adviseur VPT… */
export const contactSchema = z.object({
  id,
  rol: z.enum(
    [
      'vertrouwenspersoon',
      'integriteitscoordinator',
      'secretaris',
      'adviseurVpt',
      'personeelsadviseur',
      'bedrijfsmaatschappelijkWerk',
      'bing',
      'lkog',
      'huisVoorKlokkenluiders',
      'politie',
      'hr',
      'overig',
    ],
    {
      error:
        'verwacht een rol zoals vertrouwenspersoon, integriteitscoordinator, secretaris, adviseurVpt, bing, lkog, huisVoorKlokkenluiders',
    },
  ),
  naam: tekst,
  /** For vertrouwenspersonen where the organisation offers a choice. */
  geslacht: z.enum(['vrouw', 'man', 'anders']).optional(),
  intern: z.boolean().default(true),
  contact: contactgegevensSchema,
  omschrijving: tekst.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/** A meldpunt: where a matter can be raised, with who is behind it. */
export const meldpuntSchema = z.object({
  id,
  /** Value for the `Meldingen.meldpunt` column when a melding comes in here. */
  soort: z.enum(MELDPUNT_SOORTEN, { error: `verwacht een van: ${MELDPUNT_SOORTEN.join(', ')}` }),
  naam: tekst,
  /** What happens when you go here (one short paragraph). */
  uitleg: tekst,
  /** Contact ids (from `contacten`) behind this meldpunt; empty for "your own manager". */
  contacten: z.array(id).default([]),
  /** Whether this meldpunt can take a matter onward without naming the reporter. */
  anoniem: z.boolean().default(false),
  extern: z.boolean().default(false),
});
export type Meldpunt = z.infer<typeof meldpuntSchema>;

/** Clarifying questions the meldwijzer may ask where a procedure branches. */
export const VRAGEN = ['maatschappelijkBelang', 'wie', 'anoniem', 'voorkeurVertrouwenspersoon'] as const;
export type VraagId = (typeof VRAGEN)[number];

/** A branch of a route: when the answers match `als`, these meldpunten replace the route's. */
export const routeVariantSchema = z.object({
  als: z.partialRecord(z.enum(VRAGEN), z.string()),
  meldpunten: z.array(id).optional(),
  ook: z.array(id).optional(),
  /** Send the employee to another situation's route instead (e.g. dilemma → vermoedenMisstand). */
  situatie: z.enum(SITUATIES).optional(),
});

/**
 * Who to go to instead when the behaviour comes from someone in the line above the employee: their own manager
 * (`bijLeidinggevende`), a director or higher manager (`bijDirectie`), the gemeente- or provinciesecretaris
 * (`bijSecretaris`) or a bestuurder such as a wethouder or gedeputeerde (`bijBestuurder`). Replaces the route's `meldpunten` (and `ook` / `stappen` when given); the
 * result never offers a meldpunt of soort `leidinggevende` that is not listed here (shared/src/domain/meldroute.ts).
 */
export const routeBetrokkeneSchema = z.object({
  meldpunten: z.array(id).min(1, 'geef minstens één meldpunt'),
  ook: z.array(id).optional(),
  stappen: z.array(tekst).optional(),
  /** Who decides on an investigation in this case (the route's `beslisser` often names the manager or the secretaris). */
  beslisser: tekst.optional(),
});
export type RouteBetrokkene = z.infer<typeof routeBetrokkeneSchema>;

/** The route for one situation type: meldpunten in the organisation's order, steps, deadlines, regeling. */
export const routeSchema = z.object({
  /** Meldpunten offered first, in this order. */
  meldpunten: z.array(id).min(1, 'geef minstens één meldpunt'),
  /** Also mentioned on the result (external bodies, other options). */
  ook: z.array(id).default([]),
  /** Meldpunten that can take the matter anonymously (shown when the employee wants anonymity). */
  anoniem: z.array(id).default([]),
  vragen: z.array(z.enum(VRAGEN)).max(3, 'maximaal drie verduidelijkende vragen').default([]),
  varianten: z.array(routeVariantSchema).default([]),
  /** What happens next, step by step. */
  stappen: z.array(tekst).default([]),
  /** Who decides (e.g. "de provinciesecretaris beslist over onderzoek"). */
  beslisser: tekst.optional(),
  /** Wet bescherming klokkenluiders deadlines apply (7 days, 3 months). */
  wbk: z.boolean().default(false),
  /** Regeling ids from `regelingen`. */
  regelingen: z.array(id).default([]),
  /** When the employee's own manager is involved (see `routeBetrokkeneSchema`); default: the route without the manager. */
  bijLeidinggevende: routeBetrokkeneSchema.optional(),
  /** When a director or higher manager is involved; default: the route without any manager. */
  bijDirectie: routeBetrokkeneSchema.optional(),
  /** When a bestuurder (wethouder, gedeputeerde, burgemeester) is involved; default: the route without any manager. */
  bijBestuurder: routeBetrokkeneSchema.optional(),
  /** When the gemeente- or provinciesecretaris is involved; default: the route without any manager and without the secretaris. */
  bijSecretaris: routeBetrokkeneSchema.optional(),
});
export type Route = z.infer<typeof routeSchema>;

export const regelingSchema = z.object({
  id,
  soort: z.enum([
    'gedragscode',
    'klokkenluidersregeling',
    'klachtenregeling',
    'nevenwerkzaamheden',
    'integriteitsbeleid',
    'agressie',
    'overig',
  ]),
  titel: tekst,
  url,
});
export type Regeling = z.infer<typeof regelingSchema>;

export const faqSchema = z.object({ vraag: tekst, antwoord: tekst, trefwoorden: z.array(z.string()).default([]) });

/**
 * The English version of a dilemma (`dilemmas[].en`, optional, added in 2026-12): the tab shows it when the user's
 * language is English; without it the Dutch texts are shown with a note. The same options in the same order (votes are
 * stored by option number), as many discussion questions, and an explanation exactly when the Dutch one has one.
 */
export const dilemmaEngelsSchema = z.object({
  titel: z.string().min(1).max(255),
  tekst: z.string().min(1),
  opties: z.array(z.string().min(1)),
  gespreksvragen: z.array(z.string()).default([]),
  toelichting: z.string().min(1).max(2000).optional(),
});
export type DilemmaEngels = z.infer<typeof dilemmaEngelsSchema>;

export const dilemmaConfigSchema = z
  .object({
    id,
    titel: z.string().min(1).max(255),
    tekst: z.string().min(1),
    opties: z.array(z.string().min(1)).min(2, 'een dilemma heeft minstens twee opties'),
    thema: z.enum(DILEMMA_THEMAS),
    bron: z.enum(DILEMMA_BRONNEN).default('eigen'),
    gespreksvragen: z.array(z.string()).default([]),
    /** Shown after a vote on the dilemma of the week: why the organisation's rules point one way (optional). */
    toelichting: z.string().min(1).max(2000).optional(),
    /** The same dilemma in English (optional, see `dilemmaEngelsSchema`). */
    en: dilemmaEngelsSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.en) return;
    if (d.en.opties.length !== d.opties.length)
      ctx.addIssue({
        code: 'custom',
        path: ['en', 'opties'],
        message: `verwacht evenveel Engelse als Nederlandse opties (${d.opties.length}), in dezelfde volgorde`,
      });
    if (d.en.gespreksvragen.length !== d.gespreksvragen.length)
      ctx.addIssue({
        code: 'custom',
        path: ['en', 'gespreksvragen'],
        message: `verwacht evenveel Engelse als Nederlandse gespreksvragen (${d.gespreksvragen.length})`,
      });
    if (!d.en.toelichting !== !d.toelichting)
      ctx.addIssue({
        code: 'custom',
        path: ['en', 'toelichting'],
        message: d.toelichting ? 'verwacht ook een Engelse toelichting' : 'er is geen Nederlandse toelichting: laat de Engelse weg',
      });
  });
export type DilemmaConfig = z.infer<typeof dilemmaConfigSchema>;

/** Ambtseed rules: deadline after start, texts of the eed/belofte/integriteitsverklaring, ceremony official. */
export const ambtseedSchema = z.object({
  /** Deadline after indienstOp, in whole months and/or days (e.g. `{ maanden: 2 }`). */
  termijn: z
    .object({ maanden: z.number().int().min(0).default(0), dagen: z.number().int().min(0).default(0) })
    .refine((t) => t.maanden + t.dagen > 0, 'termijn moet groter dan 0 zijn'),
  /** Function before whom the oath is taken (Commissaris van de Koning, provinciesecretaris, burgemeester…). */
  afnemer: tekst,
  eedTekst: z.string().min(1),
  belofteTekst: z.string().min(1),
  verklaringTekst: z.string().min(1).optional(),
  workshopVerplicht: z.boolean().default(false),
  /** Who owes what, by dienstverband (defaults: arbeidsovereenkomst eed/belofte, others a verklaring). */
  getuige: tekst.optional(),
  /** Mailbox (UPN) whose calendar holds the session events when Graph is configured; without it: .ics. */
  organisator: z.string().min(3).optional(),
});

/** A kwetsbare functie: a function for which the employer asks a Verklaring Omtrent Gedrag (VOG). */
export const vogFunctieSchema = z.object({
  /** Code used in the `VogFunctiehouders` and `VogAanvragen` lists (HR's import names it). */
  id,
  /** Shown to the employee and HR; a function title, never a person. */
  titel: tekst,
});
export type VogFunctie = z.infer<typeof vogFunctieSchema>;

/**
 * VOG renewal for kwetsbare functies: which functions, how long a VOG counts and when the bot reminds. The rule
 * "a new VOG every three years" is the organisation's own (a province's 2024 integrity report); it is config,
 * not code. Without `functies` the VOG feature asks nobody.
 */
export const vogSchema = z
  .object({
    functies: z.array(vogFunctieSchema).default([]),
    /** Whole years after the issue date of the last VOG at which a new one is asked (default 3). */
    geldigheidJaren: z.number().int().min(1).max(10).default(3),
    /** Days after the request on which the employee is reminded while HR has recorded nothing (default 14 and 28). */
    herinneringNaDagen: z.array(z.number().int().min(1).max(365)).max(5).default([14, 28]),
  })
  .default({ functies: [], geldigheidJaren: 3, herinneringNaDagen: [14, 28] });

/** Object ids and group ids (Entra) per role; in local mode the Playground's mock user ids. */
const principals = z
  .object({ gebruikers: z.array(z.string().min(1)).default([]), groepen: z.array(z.string().min(1)).default([]) })
  .default({ gebruikers: [], groepen: [] });
export const ROLLEN = ['vertrouwenspersoon', 'integriteitscoordinator', 'hr', 'manager', 'adviseurVpt'] as const;
export type Rol = (typeof ROLLEN)[number];
export const rollenSchema = z.object({
  vertrouwenspersoon: principals,
  integriteitscoordinator: principals,
  hr: principals,
  manager: principals,
  adviseurVpt: principals,
});

/** Settings for meldingen intake and the Wbk (issue: intake). */
export const intakeSchema = z
  .object({
    /** bewaarTot = afgeslotenOp + this many months (default 12). */
    bewaartermijnMaanden: z.number().int().min(1).default(12),
    /** Half-yearly uitvraag dates as `MM-DD` (Europe/Amsterdam). */
    uitvraagDatums: z.array(z.string().regex(/^\d{2}-\d{2}$/, 'verwacht MM-DD')).default(['01-01', '07-01']),
    /** Local time (HH:mm, Europe/Amsterdam) at which daily jobs run. */
    dagelijksOm: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'verwacht UU:MM')
      .default('08:00'),
    /** Roles that may register and update meldingen (the integriteitscoördinator and the meldpunten the organisation names). */
    meldingRollen: z.array(z.enum(ROLLEN)).min(1, 'noem minstens één rol').default(['integriteitscoordinator']),
    /** Look-ahead of the daily Wbk reminder in days (deadlines within this many days, and overdue ones). */
    wbkVooruitDagen: z.number().int().min(0).max(30).default(2),
  })
  .default({
    bewaartermijnMaanden: 12,
    uitvraagDatums: ['01-01', '07-01'],
    dagelijksOm: '08:00',
    meldingRollen: ['integriteitscoordinator'],
    wbkVooruitDagen: 2,
  });

/** Extra words the triage should recognise, per situation (lower case, diacritics optional). */
export const triageSchema = z
  .object({ extraTermen: z.partialRecord(z.enum(SITUATIES), z.array(z.string().min(2))).default({}) })
  .default({ extraTermen: {} });

/**
 * Nevenwerkzaamheden and financiële belangen (Ambtenarenwet art. 8): the organisation's functions as codes, which
 * of them must also register financial interests (art. 8 lid 2: functions the employer designates) and whose
 * nevenwerkzaamheden are published (art. 8 lid 3: senior staff, e.g. Zuid-Holland schaal 14 and higher). `titel` is
 * the published function title (entered by HR here, never a name). `Functiebezetting` (HR import) says who holds which
 * function; the yearly refresh round starts on `herbevestigingDatum` (`MM-DD`, Europe/Amsterdam) and reminds once
 * after `herinneringNaDagen` days.
 */
export const nevenwerkFunctieSchema = z.object({
  code: id,
  titel: tekst,
  schaal: z.number().int().min(1).max(25).optional(),
  financieleBelangen: z.boolean().default(false),
  publiceren: z.boolean().default(false),
});
export type NevenwerkFunctie = z.infer<typeof nevenwerkFunctieSchema>;
export const nevenwerkSchema = z
  .object({
    functies: z.array(nevenwerkFunctieSchema).default([]),
    herbevestigingDatum: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'verwacht MM-DD')
      .default('01-15'),
    herinneringNaDagen: z.number().int().min(1).max(90).default(21),
  })
  .superRefine((n, ctx) => {
    const seen = new Set<string>();
    n.functies.forEach((f, i) => {
      if (seen.has(f.code)) ctx.addIssue({ code: 'custom', path: ['functies', i, 'code'], message: `code "${f.code}" komt dubbel voor` });
      seen.add(f.code);
    });
  })
  .default({ functies: [], herbevestigingDatum: '01-15', herinneringNaDagen: 21 });

/** The whole organisation configuration. Cross-references are checked (route → meldpunt → contact). */
export const orgConfigSchema = z
  .object({
    organisatie: z.object({
      id,
      naam: z.string().min(1),
      soort: z.enum(['provincie', 'gemeente', 'waterschap', 'rijk', 'overig']),
      medewerkers: z.number().int().positive().optional(),
    }),
    contacten: z.array(contactSchema).default([]),
    meldpunten: z.array(meldpuntSchema).min(1, 'geef minstens één meldpunt'),
    /** One route per situation type; every situation needs one. */
    routes: z.record(z.enum(SITUATIES), routeSchema),
    regelingen: z.array(regelingSchema).default([]),
    faq: z.array(faqSchema).default([]),
    dilemmas: z.array(dilemmaConfigSchema).default([]),
    ambtseed: ambtseedSchema,
    rollen: rollenSchema,
    intake: intakeSchema,
    triage: triageSchema,
    vog: vogSchema,

    nevenwerk: nevenwerkSchema,
  })
  .superRefine((cfg, ctx) => {
    const unique = (items: { id: string }[], where: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: [where, i, 'id'], message: `id "${it.id}" komt dubbel voor` });
        seen.add(it.id);
      });
    };
    unique(cfg.contacten, 'contacten');
    unique(cfg.meldpunten, 'meldpunten');
    unique(cfg.regelingen, 'regelingen');
    unique(cfg.dilemmas, 'dilemmas');
    unique(cfg.vog.functies, 'vog.functies');
    const contactIds = new Set(cfg.contacten.map((c) => c.id));
    const meldpuntIds = new Set(cfg.meldpunten.map((m) => m.id));
    const regelingIds = new Set(cfg.regelingen.map((r) => r.id));
    cfg.meldpunten.forEach((m, i) =>
      m.contacten.forEach((c, j) => {
        if (!contactIds.has(c))
          ctx.addIssue({ code: 'custom', path: ['meldpunten', i, 'contacten', j], message: `verwacht een id uit contacten, niet "${c}"` });
      }),
    );
    for (const [situatie, route] of Object.entries(cfg.routes)) {
      const check = (ids: string[] | undefined, field: (string | number)[]) =>
        (ids ?? []).forEach((m, j) => {
          if (!meldpuntIds.has(m))
            ctx.addIssue({
              code: 'custom',
              path: ['routes', situatie, ...field, j],
              message: `verwacht een id uit meldpunten, niet "${m}"`,
            });
        });
      check(route.meldpunten, ['meldpunten']);
      check(route.ook, ['ook']);
      check(route.anoniem, ['anoniem']);
      route.varianten.forEach((v, k) => {
        check(v.meldpunten, ['varianten', k, 'meldpunten']);
        check(v.ook, ['varianten', k, 'ook']);
      });
      for (const veld of ['bijLeidinggevende', 'bijDirectie', 'bijSecretaris', 'bijBestuurder'] as const) {
        check(route[veld]?.meldpunten, [veld, 'meldpunten']);
        check(route[veld]?.ook, [veld, 'ook']);
      }
      route.regelingen.forEach((r, j) => {
        if (!regelingIds.has(r))
          ctx.addIssue({
            code: 'custom',
            path: ['routes', situatie, 'regelingen', j],
            message: `verwacht een id uit regelingen, niet "${r}"`,
          });
      });
    }
  });

/** A validated organisation configuration. */
export type OrgConfig = z.infer<typeof orgConfigSchema>;

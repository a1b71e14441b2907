/**
 * The one list of the bot process's HTTP routes. The bot server checks at start-up that what it mounts is
 * exactly this list (`controleerBotRoutes`), and the one-web-app host (`infra/webapp-host.ts`) forwards
 * every path on it to the bot, so a route added to the bot is reachable through the host as well — or the
 * bot does not start. Pure data and string matching: no express or botbuilder import, so the host stays light.
 */

/** One route of the bot process. */
export interface BotRoute {
  /** Stable name (tests and logs). */
  naam: string;
  methode: 'GET' | 'POST';
  /** express path: literal segments and `:param` segments (one non-empty segment each), no wildcards. */
  pad: string;
  /** What it is for (one line). */
  doel: string;
}

/**
 * Every route the bot answers. `/healthz` is answered by the host itself on the public port (it checks the
 * bot's and the tab's own `/healthz`); every other path here is forwarded to the bot unchanged.
 */
export const BOT_ROUTES = [
  { naam: 'berichten', methode: 'POST', pad: '/api/messages', doel: 'Bot Framework-activiteiten (Teams, Agents Playground)' },
  { naam: 'gezondheid', methode: 'GET', pad: '/healthz', doel: 'gezondheid van het botproces' },
  { naam: 'ambtseedAgenda', methode: 'GET', pad: '/ambtseed/agenda/:bestand', doel: 'uitnodiging van een ambtseedbijeenkomst (.ics)' },
  {
    naam: 'ambtseedOorkonde',
    methode: 'GET',
    pad: '/ambtseed/oorkonde/:bestand',
    doel: 'ondertekende oorkonde van een afgelegde eed of belofte (.docx)',
  },
  {
    naam: 'ambtseedOpenstaand',
    methode: 'GET',
    pad: '/ambtseed/openstaand/:bestand',
    doel: 'ondertekende export voor HR van de openstaande verplichtingen over de deadline (.csv, alleen op de dag zelf)',
  },
] as const satisfies readonly BotRoute[];

export type BotRouteNaam = (typeof BOT_ROUTES)[number]['naam'];

/** True when `pattern` (express `pad`) matches the path of `url` (query string ignored). */
export function padPast(pattern: string, url: string): boolean {
  const pad = url.split(/[?#]/)[0];
  const verwacht = pattern.split('/');
  const echt = pad.split('/');
  if (verwacht.length !== echt.length) return false;
  return verwacht.every((seg, i) => (seg.startsWith(':') ? echt[i] !== '' : seg === echt[i]));
}

/** The bot route whose path matches `url`, if any. */
export function botRouteVoor(url: string | undefined): BotRoute | undefined {
  return BOT_ROUTES.find((r) => padPast(r.pad, url ?? '/'));
}

/** What an express app mounts: `METHOD path` strings of its routes, also inside routers mounted at the root. */
export function gemonteerdeRoutes(app: { _router?: { stack: ExpressLayer[] } }): string[] {
  const uit: string[] = [];
  const bezoek = (stack: ExpressLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) uit.push(`${m.toUpperCase()} ${layer.route.path}`);
      } else if (layer.name === 'router' && layer.handle?.stack) {
        // Only root mounts (`app.use(router)`): a prefixed mount would change the paths; none exists.
        if (!layer.regexp?.fast_slash)
          throw new Error('controleerBotRoutes: een router op een voorvoegsel wordt niet ondersteund; monteer op de root.');
        bezoek(layer.handle.stack);
      }
    }
  };
  bezoek(app._router?.stack ?? []);
  return uit;
}

/** The part of express 4's internal layer that `gemonteerdeRoutes` reads. */
interface ExpressLayer {
  name?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: ExpressLayer[] };
  regexp?: { fast_slash?: boolean };
}

/**
 * Start-up check of the bot server: the app mounts exactly `BOT_ROUTES` (method and path).
 * @throws Error (Dutch, one line) naming the routes that are mounted but not listed, or listed but not mounted.
 */
export function controleerBotRoutes(app: Parameters<typeof gemonteerdeRoutes>[0]): void {
  const gemonteerd = new Set(gemonteerdeRoutes(app));
  const lijst = new Set(BOT_ROUTES.map((r) => `${r.methode} ${r.pad}`));
  const nietInLijst = [...gemonteerd].filter((r) => !lijst.has(r));
  const nietGemonteerd = [...lijst].filter((r) => !gemonteerd.has(r));
  if (nietInLijst.length || nietGemonteerd.length) {
    const delen = [
      nietInLijst.length ? `niet in bot/src/host/routes.ts: ${nietInLijst.join(', ')}` : '',
      nietGemonteerd.length ? `in de lijst maar niet gemonteerd: ${nietGemonteerd.join(', ')}` : '',
    ].filter(Boolean);
    throw new Error(`Botroutes kloppen niet met BOT_ROUTES (${delen.join('; ')}).`);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { createGraphHttp, graphConfigured } from './index';
import type { GraphHttp } from './http';

/**
 * People's names at run time, never stored (docs/contracts.md, "Privacy"): the lists hold Entra object ids only,
 * and whoever needs a name (HR's participant and attendance cards, the oorkonde) asks a `NaamBron` when the card is
 * built. Sources:
 * - Microsoft Graph: `GET /users/{id}?$select=displayName`, sent as `$batch` in groups of 20 through the one Graph
 *   client (its auth, retry policy and batching). Needs the application permission `User.ReadBasic.All` beside
 *   `Sites.Selected`; without it Graph answers 403 and the caller shows codes with a notice.
 * - Local mode (Agents Playground): the Playground's mock users (`currentUser` and `users` of its configuration file,
 *   `M365_AGENTS_PLAYGROUND_CONFIG_PATH`, else `.m365agentsplayground.yml`, else the built-in default users, which
 *   `config/playground/integriteitscoordinator.yml` repeats).
 * Nothing is cached beyond one `namen` call; the caller builds one call per turn.
 */

/** Why some names are missing: no permission (403), Graph not reachable (no answer, 5xx, throttled to the end). */
export type NaamProbleem = 'geenToestemming' | 'onbereikbaar';

/** The names that were found (object id → display name) and, when some lookups failed, why. */
export interface NamenUitslag {
  namen: ReadonlyMap<string, string>;
  probleem?: NaamProbleem;
}

/** A source of display names by Entra object id. Unknown ids (404) are simply absent from `namen`. */
export interface NaamBron {
  namen(ids: readonly string[]): Promise<NamenUitslag>;
}

const gebruikerAntwoord = z.object({ displayName: z.string().nullish() });

/**
 * Names from Microsoft Graph (`GET /users/{id}?$select=displayName` in `$batch` requests of at most 20).
 * Sub-requests answered 403 give `geenToestemming` (the app lacks `User.ReadBasic.All`), 404 means the id is no
 * user (absent), anything else without a name `onbereikbaar`. Never throws for a Graph failure.
 */
export class GraphNaamBron implements NaamBron {
  constructor(private readonly http: GraphHttp) {}

  async namen(ids: readonly string[]): Promise<NamenUitslag> {
    const uniek = [...new Set(ids)].filter((id) => id.length > 0 && id.length <= 255);
    const namen = new Map<string, string>();
    let probleem: NaamProbleem | undefined;
    if (!uniek.length) return { namen };
    let antwoorden;
    try {
      antwoorden = await this.http.batch(
        uniek.map((id, n) => ({ id: String(n), method: 'GET' as const, url: `/users/${encodeURIComponent(id)}?$select=displayName` })),
      );
    } catch {
      return { namen, probleem: 'onbereikbaar' };
    }
    uniek.forEach((id, n) => {
      const a = antwoorden.get(String(n));
      if (a?.status === 200) {
        const naam = gebruikerAntwoord.safeParse(a.body);
        if (naam.success && naam.data.displayName?.trim()) namen.set(id, naam.data.displayName.trim());
      } else if (a?.status === 403 || a?.status === 401) probleem = 'geenToestemming';
      else if (a?.status !== 404) probleem ??= 'onbereikbaar';
    });
    return { namen, probleem };
  }
}

/** Names from a fixed list (the Playground's mock users, tests). */
export function vasteNaamBron(gebruikers: readonly { aadObjectId: string; naam: string }[]): NaamBron {
  const m = new Map(gebruikers.map((g) => [g.aadObjectId, g.naam]));
  return {
    namen: (ids) => Promise.resolve({ namen: new Map(ids.flatMap((id) => (m.has(id) ? [[id, m.get(id)!] as const] : []))) }),
  };
}

const playgroundGebruiker = z.looseObject({ aadObjectId: z.string().min(1), name: z.string().min(1) });
const playgroundConfig = z.looseObject({ currentUser: playgroundGebruiker.optional(), users: z.array(playgroundGebruiker).optional() });

/**
 * The mock users of an Agents Playground configuration file (`currentUser` and `users`: `aadObjectId`, `name`).
 * @throws Error (Dutch) naming the file when it cannot be read or has no users.
 */
export function playgroundGebruikers(bestand: string): { aadObjectId: string; naam: string }[] {
  const r = playgroundConfig.safeParse(parseYaml(fs.readFileSync(bestand, 'utf8')));
  if (!r.success) throw new Error(`${bestand}: geen geldige Playground-configuratie (currentUser/users met aadObjectId en name).`);
  const alle = [...(r.data.currentUser ? [r.data.currentUser] : []), ...(r.data.users ?? [])];
  return alle.map((g) => ({ aadObjectId: g.aadObjectId, naam: g.name }));
}

/**
 * The name source the environment allows: Graph when it is configured (`GRAPH_*`, see `graphConfigured`); in local
 * mode (`lokaal`: no `MicrosoftAppId`) the Playground's mock users; else none (the caller then shows codes with a
 * notice). `cwd` is where `.m365agentsplayground.yml` and `config/playground/` are looked for.
 * @throws Error (Dutch) when Graph settings are present but invalid, or a named Playground file cannot be read.
 */
export function naamBronVanEnv(env: NodeJS.ProcessEnv, opties: { lokaal: boolean; cwd?: string }): NaamBron | undefined {
  if (graphConfigured(env)) return new GraphNaamBron(createGraphHttp(env));
  if (!opties.lokaal) return undefined;
  const cwd = opties.cwd ?? process.cwd();
  const kandidaten = [
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH?.trim(),
    '.m365agentsplayground.yml',
    path.join('config', 'playground', 'integriteitscoordinator.yml'),
  ].filter((p): p is string => !!p);
  const bestand = kandidaten.map((p) => path.resolve(cwd, p)).find((p) => fs.existsSync(p));
  return bestand ? vasteNaamBron(playgroundGebruikers(bestand)) : undefined;
}

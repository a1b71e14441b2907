/**
 * Start-up rules of the bot and the tab (issue 14, items 1–3): local mode and the local dev identity only
 * where it is safe, the settings production needs, and one list of bot routes that the bot must mount exactly.
 */
import path from 'node:path';
import express from 'express';
import { loadOrgConfig } from '@shared/config';
import { productieKenmerk, StartWeigering } from '@shared/config/hosting';
import { SqliteListStore, LokaleStaat } from '@shared/store';
import { controleerBotInstellingen } from '../../bot/src/host/instellingen';
import { BOT_ROUTES, controleerBotRoutes, gemonteerdeRoutes, padPast } from '../../bot/src/host/routes';
import { createBotHost } from '../../bot/src/host/app';
import { createLogger } from '../../bot/src/host/logger';
import { ambtseedRouter } from '../../bot/src/features/ambtseed/routes';
import { controleerTabInstellingen } from '../../tab/api/auth';
import { aanmeldInfoVanEnv } from '../../tab/api/app';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
const GEHEIM = 'x'.repeat(32);
const GOED = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  BOT_PUBLIC_URL: 'https://ip.azurewebsites.net',
  AMBTSEED_LINK_SECRET: GEHEIM,
};

/** The refusal message, or undefined when the settings are accepted. */
function weigering(f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(StartWeigering);
    return (err as Error).message;
  }
}

describe('production is recognised', () => {
  it.each([
    [{ NODE_ENV: 'production' }, 'NODE_ENV=production'],
    [{ WEBSITE_SITE_NAME: 'ip-demo' }, 'WEBSITE_SITE_NAME'],
    [{ WEBSITE_INSTANCE_ID: 'abc123' }, 'WEBSITE_INSTANCE_ID'],
    [{ NODE_ENV: 'test' }, undefined],
    [{ WEBSITE_SITE_NAME: '  ' }, undefined],
    [{}, undefined],
  ])('%j → %s', (env, kenmerk) => expect(productieKenmerk(env)).toBe(kenmerk));
});

describe('bot start-up (controleerBotInstellingen, also run by createBotHost)', () => {
  it('refuses local mode in production with one line that says what to do', () => {
    for (const marker of [{ NODE_ENV: 'production' }, { WEBSITE_SITE_NAME: 'ip-demo' }, { WEBSITE_INSTANCE_ID: 'i-1' }]) {
      const m = weigering(() => controleerBotInstellingen({ ...GOED, MicrosoftAppId: '', ...marker }));
      expect(m).toMatch(/^De bot start niet: MicrosoftAppId is leeg.*geweigerd omdat dit productie is.*zet MicrosoftAppId/);
      expect(m).not.toContain('\n');
    }
  });

  it('refuses a missing, short or unresolved AMBTSEED_LINK_SECRET and a missing or non-https BOT_PUBLIC_URL in production', () => {
    const prod = { ...GOED, WEBSITE_SITE_NAME: 'ip-demo' };
    expect(weigering(() => controleerBotInstellingen({ ...prod, AMBTSEED_LINK_SECRET: '' }))).toMatch(/AMBTSEED_LINK_SECRET ontbreekt/);
    expect(weigering(() => controleerBotInstellingen({ ...prod, AMBTSEED_LINK_SECRET: 'kort' }))).toMatch(
      /AMBTSEED_LINK_SECRET is korter dan 32 tekens/,
    );
    expect(
      weigering(() =>
        controleerBotInstellingen({
          ...prod,
          AMBTSEED_LINK_SECRET: '@Microsoft.KeyVault(VaultName=ip-kv;SecretName=ambtseed-link-secret)',
        }),
      ),
    ).toMatch(/Key Vault-verwijzing die App Service niet kon oplossen/);
    expect(weigering(() => controleerBotInstellingen({ ...prod, BOT_PUBLIC_URL: undefined }))).toMatch(/BOT_PUBLIC_URL ontbreekt/);
    expect(weigering(() => controleerBotInstellingen({ ...prod, BOT_PUBLIC_URL: 'http://ip.azurewebsites.net' }))).toMatch(
      /BOT_PUBLIC_URL moet met https/,
    );
    // Several problems: still one line, all named.
    const m = weigering(() => controleerBotInstellingen({ WEBSITE_INSTANCE_ID: 'i-1' }))!;
    expect(m.split('; ')).toHaveLength(3);
    expect(m).not.toContain('\n');
  });

  it('accepts complete production settings, and anything outside production (laptop, CI, tests)', () => {
    expect(weigering(() => controleerBotInstellingen({ ...GOED, WEBSITE_SITE_NAME: 'ip-demo', NODE_ENV: 'production' }))).toBeUndefined();
    expect(weigering(() => controleerBotInstellingen({ MicrosoftAppId: '' }))).toBeUndefined();
    expect(weigering(() => controleerBotInstellingen({ NODE_ENV: 'development' }))).toBeUndefined();
  });

  it('createBotHost itself refuses local mode in production (so no code path serves tokenless requests there)', () => {
    const lokaal = LokaleStaat.open(':memory:');
    const store = new SqliteListStore(lokaal);
    try {
      expect(() =>
        createBotHost({ config, store, lokaal, log: createLogger('silent'), env: { MicrosoftAppId: '', WEBSITE_SITE_NAME: 'ip-demo' } }),
      ).toThrow(StartWeigering);
      expect(() => createBotHost({ config, store, lokaal, log: createLogger('silent'), env: { MicrosoftAppId: '' } })).not.toThrow();
    } finally {
      void store.close();
    }
  });
});

describe('tab start-up (controleerTabInstellingen)', () => {
  it('refuses the local dev identity and a missing TAB_VOTE_SECRET in production, in one line', () => {
    const m = weigering(() => controleerTabInstellingen({ WEBSITE_SITE_NAME: 'ip-demo' }))!;
    expect(m).toMatch(
      /^De tab start niet: TAB_SSO_CLIENT_ID is leeg, dus lokale ontwikkelaarsidentiteit.*geweigerd omdat dit productie is \(WEBSITE_SITE_NAME\)/,
    );
    expect(m).toMatch(/TAB_VOTE_SECRET ontbreekt/);
    expect(m).not.toContain('\n');
    expect(
      weigering(() => controleerTabInstellingen({ NODE_ENV: 'production', TAB_SSO_CLIENT_ID: 'c', TAB_VOTE_SECRET: GEHEIM })),
    ).toBeUndefined();
    expect(weigering(() => controleerTabInstellingen({}))).toBeUndefined();
  });
});

describe('what the web app may know before sign-in (GET /api/aanmelding)', () => {
  it('SSO on: client id, the Application ID URI scope, the Teams app id; never a secret', () => {
    const info = aanmeldInfoVanEnv({
      TAB_SSO_CLIENT_ID: 'c-1',
      TAB_SSO_HOST: 'ip.azurewebsites.net',
      TEAMS_APP_ID: '8c1e7f2a-5b3d-4e6f-9a0b-1c2d3e4f5a6b',
      TAB_VOTE_SECRET: GEHEIM,
    });
    expect(info).toEqual({
      modus: 'sso',
      clientId: 'c-1',
      scope: 'api://ip.azurewebsites.net/c-1/access_as_user',
      teamsAppId: '8c1e7f2a-5b3d-4e6f-9a0b-1c2d3e4f5a6b',
    });
    expect(aanmeldInfoVanEnv({ TEAMS_APP_ID: 'geen-guid' })).toEqual({ modus: 'lokaal', teamsAppId: undefined });
  });
});

describe('the bot route list (bot/src/host/routes.ts)', () => {
  it('matches express paths segment by segment', () => {
    expect(padPast('/ambtseed/agenda/:bestand', '/ambtseed/agenda/S-1.ics?x=1')).toBe(true);
    expect(padPast('/ambtseed/agenda/:bestand', '/ambtseed/agenda/')).toBe(false);
    expect(padPast('/api/messages', '/api/messages/')).toBe(false);
  });

  it('the bot as bot/src/server.ts wires it mounts exactly the list', () => {
    const lokaal = LokaleStaat.open(':memory:');
    const store = new SqliteListStore(lokaal);
    try {
      const host = createBotHost({
        config,
        store,
        lokaal,
        log: createLogger('silent'),
        env: { MicrosoftAppId: '' },
        routes: [ambtseedRouter({ store, config })],
      });
      expect(() => controleerBotRoutes(host.app)).not.toThrow();
      expect(gemonteerdeRoutes(host.app).sort()).toEqual(BOT_ROUTES.map((r) => `${r.methode} ${r.pad}`).sort());
      // Without the ambtseed router the check names what is missing.
      const kaal = createBotHost({ config, store, lokaal, log: createLogger('silent'), env: { MicrosoftAppId: '' } });
      expect(() => controleerBotRoutes(kaal.app)).toThrow(
        /in de lijst maar niet gemonteerd: GET \/ambtseed\/agenda\/:bestand, GET \/ambtseed\/oorkonde\/:bestand/,
      );
    } finally {
      void store.close();
    }
  });

  it('a route the bot mounts but the list lacks stops start-up (the host would not forward it)', () => {
    const app = express();
    for (const r of BOT_ROUTES) (r.methode === 'GET' ? app.get.bind(app) : app.post.bind(app))(r.pad, (_req, res) => void res.end());
    expect(() => controleerBotRoutes(app)).not.toThrow();
    app.use(express.Router().get('/nieuw/:x', (_req, res) => void res.end()));
    expect(() => controleerBotRoutes(app)).toThrow(/niet in bot\/src\/host\/routes\.ts: GET \/nieuw\/:x/);
  });
});

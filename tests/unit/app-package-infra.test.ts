/**
 * Azure and Agents Toolkit files: infra/azure.bicep parses (offline tree-sitter grammar: no Bicep CLI is
 * installable from npm or Debian), its parameters file and outputs fit m365agents.yml and the env files,
 * and the one-web-app host routes bot and tab traffic.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import YAML from 'yaml';
import { checkBicep } from '../../infra/bicep-syntax';
import { createWebAppProxy, databasePathForInstance, routeFor } from '../../infra/webapp-host';
import { parseDotenv, placeholderNames } from '../../appPackage/scripts/app-package';
import { GEHEIMEN, nieuweGeheimen } from '../../infra/geheimen';

jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('infra/azure.bicep', () => {
  it('parses without syntax errors', async () => {
    const { problems } = await checkBicep(read('infra/azure.bicep'));
    expect(problems).toEqual([]);
  });

  it('the checker does find errors (a missing value, a broken resource)', async () => {
    const broken = read('infra/azure.bicep').replace("param webAppSku string = 'B1'", 'param webAppSku string =');
    const { problems } = await checkBicep(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBe(
      read('infra/azure.bicep')
        .split('\n')
        .findIndex((l) => l.startsWith('param webAppSku')) + 1,
    );
    expect((await checkBicep("resource x 'A/b@2020-01-01' = {\n  name: \n}\n")).problems.length).toBeGreaterThan(0);
  });

  it('declares the resources the product uses: identity, plan, web app, bot + Teams channel, Key Vault, App Insights', async () => {
    const { declarations } = await checkBicep(read('infra/azure.bicep'));
    expect(declarations.resources).toEqual(
      expect.arrayContaining(['identity', 'plan', 'webApp', 'bot', 'teamsChannel', 'vault', 'appInsights']),
    );
    const bicep = read('infra/azure.bicep');
    expect(bicep).toMatch(/'Microsoft\.BotService\/botServices\/channels@[\d-]+'[\s\S]*channelName: 'MsTeamsChannel'/);
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
  });

  it('azure.parameters.json sets exactly declared parameters, every required one, and secrets only from *.user', async () => {
    const { declarations } = await checkBicep(read('infra/azure.bicep'));
    const params = JSON.parse(read('infra/azure.parameters.json')).parameters as Record<string, { value: string }>;
    const declared = declarations.params.map((p) => p.name);
    for (const name of Object.keys(params)) expect(declared).toContain(name);
    for (const p of declarations.params.filter((d) => d.required)) expect(Object.keys(params)).toContain(p.name);
    for (const p of declarations.params.filter((d) => d.secure)) {
      for (const v of placeholderNames(params[p.name]?.value ?? '')) expect(v).toMatch(/^SECRET_/);
    }
    // Every non-secret placeholder is a variable listed in env/.env.dev (so nobody has to guess its name).
    const devEnv = parseDotenv(read('env/.env.dev'));
    for (const v of placeholderNames(read('infra/azure.parameters.json')).filter((n) => !n.startsWith('SECRET_'))) {
      expect(Object.keys(devEnv)).toContain(v);
    }
  });

  it('STORE=postgres: Flexible Server with Entra or a Key Vault password, DATABASE_URL for the app, scale-out to N', async () => {
    const bicep = read('infra/azure.bicep');
    const { declarations } = await checkBicep(bicep);
    expect(declarations.resources).toEqual(
      expect.arrayContaining(['postgres', 'postgresDb', 'postgresFromAzure', 'postgresEntraAdmin', 'databaseUrlSecret']),
    );
    expect(bicep).toMatch(/@allowed\(\['sqlite', 'postgres', 'graph'\]\)/);
    expect(bicep).toMatch(/'Microsoft\.DBforPostgreSQL\/flexibleServers@[\d-]+' = if \(usePostgres\)/);
    expect(bicep).toMatch(/capacity: store == 'postgres' \? instanceCount : 1/);
    // The password never becomes an app setting: only a Key Vault reference does.
    expect(bicep).toMatch(/name: 'DATABASE_URL', value: '@Microsoft\.KeyVault\(\$\{secretRef\}database-url\)'/);
    expect(bicep).not.toMatch(/name: '[A-Z_]+', value: [^\n]*postgresAdminPassword/);
    expect(declarations.params.find((p) => p.name === 'postgresAdminPassword')?.secure).toBe(true);
  });

  it('sets the settings the bot and tab refuse to start without: BOT_PUBLIC_URL from the host name, both secrets from Key Vault', async () => {
    const bicep = read('infra/azure.bicep');
    const { declarations } = await checkBicep(bicep);
    const setting = (name: string) => new RegExp(`\\{ name: '${name}', value: (.*) \\}\\s*(//.*)?$`, 'm').exec(bicep)?.[1];
    expect(bicep).toContain("var webAppHost = '${webAppName}.azurewebsites.net'");
    expect(setting('BOT_PUBLIC_URL')).toBe("'https://${webAppHost}'");
    expect(setting('AMBTSEED_LINK_SECRET')).toBe("'@Microsoft.KeyVault(${secretRef}ambtseed-link-secret)'");
    expect(setting('TAB_VOTE_SECRET')).toBe("'@Microsoft.KeyVault(${secretRef}tab-vote-secret)'");
    expect(setting('AMBTSEED_LINK_TTL_DAYS')).toBe('string(ambtseedLinkTtlDays)');
    // Both secrets are required secure parameters, always written to the vault (no "if (!empty(...))").
    for (const naam of ['ambtseedLinkSecret', 'tabVoteSecret']) {
      expect(declarations.params).toContainEqual({ name: naam, required: true, secure: true });
    }
    expect(bicep).toMatch(
      /resource linkSecret 'Microsoft\.KeyVault\/vaults\/secrets@[\d-]+' = \{\s*parent: vault\s*name: 'ambtseed-link-secret'/,
    );
    expect(bicep).toMatch(
      /resource voteSecret 'Microsoft\.KeyVault\/vaults\/secrets@[\d-]+' = \{\s*parent: vault\s*name: 'tab-vote-secret'/,
    );
    // The settings sit in the list that is always applied, not in an optional one.
    const basis = bicep.slice(bicep.indexOf('var baseSettings = ['), bicep.indexOf('var graphSettings'));
    for (const naam of ['BOT_PUBLIC_URL', 'AMBTSEED_LINK_SECRET', 'TAB_VOTE_SECRET']) expect(basis).toContain(`name: '${naam}'`);
  });

  it('infra/geheimen.ts generates each missing secret once (64 hex characters) and keeps existing ones', () => {
    let n = 0;
    const random = (k: number) => Buffer.alloc(k, ++n);
    expect(nieuweGeheimen({}, random)).toEqual([
      `::set-teamsfx-env SECRET_AMBTSEED_LINK_SECRET=${'01'.repeat(32)}`,
      `::set-teamsfx-env SECRET_TAB_VOTE_SECRET=${'02'.repeat(32)}`,
    ]);
    expect(nieuweGeheimen({ SECRET_AMBTSEED_LINK_SECRET: 'a'.repeat(64), SECRET_TAB_VOTE_SECRET: 'kort' })).toEqual([
      expect.stringMatching(/^::set-teamsfx-env SECRET_TAB_VOTE_SECRET=[0-9a-f]{64}$/),
    ]);
    expect(nieuweGeheimen({ SECRET_AMBTSEED_LINK_SECRET: 'a'.repeat(64), SECRET_TAB_VOTE_SECRET: 'b'.repeat(32) })).toEqual([]);
    // Every generated secret reaches the deployment: Bicep (dev) and the runtime env file (local).
    const params = read('infra/azure.parameters.json');
    for (const g of GEHEIMEN) {
      expect(params).toContain(`\${{${g.env}}}`);
      expect(read('m365agents.local.yml')).toContain(`${g.instelling}: \${{${g.env}}}`);
    }
  });

  it('outputs the values env/.env.dev and the manifest need', async () => {
    const { declarations } = await checkBicep(read('infra/azure.bicep'));
    expect(declarations.outputs).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'TAB_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID', 'KEY_VAULT_NAME']),
    );
    const devEnv = Object.keys(parseDotenv(read('env/.env.dev')));
    for (const o of declarations.outputs) expect(devEnv).toContain(o);
  });
});

describe('Agents Toolkit project files', () => {
  const builtIn = new Set(['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);

  /** Variables a lifecycle step may use: env file, built-ins, and what earlier steps wrote. */
  async function checkLifecycle(file: string, envFile: string): Promise<void> {
    const doc = YAML.parse(read(file));
    expect(doc.version).toBe('v1.11');
    const known = new Set([...Object.keys(parseDotenv(read(envFile))), ...builtIn]);
    if (file === 'm365agents.yml') (await checkBicep(read('infra/azure.bicep'))).declarations.outputs.forEach((o) => known.add(o));
    for (const lifecycle of ['provision', 'deploy', 'publish']) {
      for (const step of doc[lifecycle] ?? []) {
        for (const name of placeholderNames(JSON.stringify(step.with ?? {}))) {
          if (name.startsWith('SECRET_') && known.has(name)) continue;
          expect({ file, step: step.uses, name, known: known.has(name) }).toEqual({ file, step: step.uses, name, known: true });
        }
        for (const v of Object.values(step.writeToEnvironmentFile ?? {})) known.add(String(v));
        // The secrets step prints `::set-teamsfx-env` for GEHEIMEN (infra/geheimen.ts).
        if (step.uses === 'script' && String(step.with?.run).includes('infra/geheimen.ts')) GEHEIMEN.forEach((g) => known.add(g.env));
      }
    }
  }

  it('m365agents.yml: provision, deploy and publish use only known variables', async () => {
    const doc = YAML.parse(read('m365agents.yml'));
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['provision', 'deploy', 'publish']));
    expect(doc.provision.map((s: { uses: string }) => s.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'script',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    await checkLifecycle('m365agents.yml', 'env/.env.dev');
  });

  it('m365agents.local.yml: provision and deploy use only known variables', async () => {
    await checkLifecycle('m365agents.local.yml', 'env/.env.local');
  });

  // Required `with` keys per action, as the Agents Toolkit's yaml schema v1.11 demands them.
  const REQUIRED_WITH: Record<string, string[]> = {
    'teamsApp/create': ['name'],
    'aadApp/create': ['name', 'generateClientSecret', 'signInAudience'],
    'aadApp/update': ['manifestPath', 'outputFilePath'],
    'arm/deploy': ['subscriptionId', 'resourceGroupName', 'templates'],
    'botFramework/create': ['botId', 'name', 'messagingEndpoint'],
    'teamsApp/validateManifest': ['manifestPath'],
    'teamsApp/zipAppPackage': ['manifestPath', 'outputZipPath', 'outputFolder'],
    'teamsApp/validateAppPackage': ['appPackagePath'],
    'teamsApp/update': ['appPackagePath'],
    'teamsApp/publishAppPackage': ['appPackagePath'],
    'azureAppService/zipDeploy': ['artifactFolder', 'resourceId'],
    'cli/runNpmCommand': ['args'],
    'file/createOrUpdateEnvironmentFile': ['envs', 'target'],
    script: ['run'],
  };

  it.each(['m365agents.yml', 'm365agents.local.yml'])('%s: known actions with their required parameters and existing files', (file) => {
    const doc = YAML.parse(read(file));
    for (const lifecycle of ['provision', 'deploy', 'publish']) {
      for (const step of doc[lifecycle] ?? []) {
        expect(Object.keys(REQUIRED_WITH)).toContain(step.uses);
        for (const key of REQUIRED_WITH[step.uses])
          expect({ step: step.uses, key, present: key in step.with }).toEqual({ step: step.uses, key, present: true });
        if (step.uses === 'aadApp/create') {
          const out = step.writeToEnvironmentFile;
          expect(out.clientId && out.objectId).toBeTruthy();
          if (step.with.generateClientSecret) expect(out.clientSecret).toMatch(/^SECRET_/);
          else expect(out.clientSecret).toBeUndefined();
        }
        for (const key of ['manifestPath', 'path', 'parameters', 'ignoreFile']) {
          const rel = step.with?.[key] ?? step.with?.templates?.[0]?.[key];
          if (typeof rel === 'string') expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
        }
      }
    }
  });

  it('the zips land where npm run package puts them', () => {
    for (const f of ['m365agents.yml', 'm365agents.local.yml']) {
      expect(read(f)).toContain('outputZipPath: ./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    }
  });

  it('the Entra manifest for tab SSO uses the same Application ID URI as the Teams manifest', () => {
    const aad = JSON.parse(read('infra/aad.manifest.json'));
    const teams = JSON.parse(read('appPackage/manifest.json'));
    expect(aad.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(aad.appId).toBe(teams.webApplicationInfo.id);
    const scopeId = aad.api.oauth2PermissionScopes[0].id;
    // Teams desktop/mobile and Teams web (Microsoft Learn, "Enable SSO for tab app").
    expect(aad.api.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: [scopeId] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: [scopeId] },
    ]);
  });

  it('env files hold no secrets (those live in gitignored *.user files)', () => {
    for (const f of ['env/.env.local', 'env/.env.dev']) {
      const vars = parseDotenv(read(f));
      for (const [k, v] of Object.entries(vars)) {
        if (/SECRET|PASSWORD|KEY$/.test(k)) expect({ [k]: v }).toEqual({ [k]: '' });
      }
      expect(Object.keys(vars).some((k) => k.startsWith('SECRET_'))).toBe(false);
    }
  });
});

describe('infra/webapp-host: one web app for bot and tab', () => {
  it('routes the Bot Framework endpoint to the bot, health to the host, the rest to the tab', () => {
    expect(routeFor('/api/messages')).toBe('bot');
    expect(routeFor('/api/messages?x=1')).toBe('bot');
    expect(routeFor('/healthz')).toBe('health');
    expect(routeFor('/')).toBe('tab');
    expect(routeFor('/dilemma')).toBe('tab');
    expect(routeFor('/api/dilemma/stem')).toBe('tab');
    expect(routeFor('/api/messagesx')).toBe('tab');
    // Every other route on the bot's list goes to the bot too (issue 14: these got the tab's 404).
    expect(routeFor('/ambtseed/agenda/S-1.ics')).toBe('bot');
    expect(routeFor('/ambtseed/oorkonde/S-1%2300001.docx?sig=ab&verloopt=1')).toBe('bot');
    expect(routeFor('/ambtseed/agenda')).toBe('tab');
    expect(routeFor('/ambtseed/agenda/a/b')).toBe('tab');
  });

  it('keeps one SQLite file with STORE=sqlite and gives each instance its own file with STORE=graph', () => {
    const db = '/home/data/integriteitsplein.db';
    expect(databasePathForInstance({ INTEGRITEITSPLEIN_DB: db, STORE: 'sqlite', WEBSITE_INSTANCE_ID: 'abc' })).toBe(db);
    expect(databasePathForInstance({ INTEGRITEITSPLEIN_DB: db, STORE: 'graph' })).toBe(db);
    expect(
      databasePathForInstance({ INTEGRITEITSPLEIN_DB: db, STORE: 'graph', WEBSITE_INSTANCE_ID: '4f1c9e2b7a6d5c3e8f9a0b1c2d3e4f5a' }),
    ).toBe('/home/data/integriteitsplein-4f1c9e2b7a6d.db');
    expect(databasePathForInstance({ INTEGRITEITSPLEIN_DB: db, STORE: 'postgres', WEBSITE_INSTANCE_ID: 'abcdef' })).toBe(
      '/home/data/integriteitsplein-abcdef.db',
    );
  });

  it('forwards requests with body and status to the right upstream, 502 when one is down', async () => {
    const upstream = (name: string) =>
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => {
          body += d;
        });
        req.on('end', () => {
          const status = req.url === '/healthz' ? 200 : name === 'bot' ? 201 : 200;
          res.writeHead(status, { 'x-upstream': name });
          res.end(`${name} ${req.method} ${req.url} ${body}`);
        });
      });
    const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
    const bot = upstream('bot');
    const tab = upstream('tab');
    const [botPort, tabPort] = [await listen(bot), await listen(tab)];
    const proxy = createWebAppProxy({ botPort, tabPort });
    const port = await listen(proxy);
    const call = async (p: string, init?: RequestInit) => {
      const r = await fetch(`http://127.0.0.1:${port}${p}`, init);
      return { status: r.status, from: r.headers.get('x-upstream'), text: await r.text() };
    };
    try {
      expect(await call('/api/messages', { method: 'POST', body: '{"type":"message"}' })).toEqual({
        status: 201,
        from: 'bot',
        text: 'bot POST /api/messages {"type":"message"}',
      });
      expect(await call('/dashboard?lang=en')).toEqual({ status: 200, from: 'tab', text: 'tab GET /dashboard?lang=en ' });
      expect(await call('/healthz')).toEqual({ status: 200, from: null, text: '{"bot":"ok","tab":"ok"}' });
      await new Promise<void>((r) => tab.close(() => r()));
      expect(await call('/healthz')).toEqual({ status: 503, from: null, text: '{"bot":"ok","tab":"onbereikbaar"}' });
      const down = await call('/');
      expect(down.status).toBe(502);
      expect(down.text).toMatch(/De tab is \(nog\) niet bereikbaar/);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
      await new Promise<void>((r) => bot.close(() => r()));
      if (tab.listening) tab.close();
    }
  });
});

// Integriteitsplein on Azure: what the product uses and nothing more.
//
//   user-assigned managed identity ── is the bot's identity (no bot password) and reads Key Vault
//   App Service plan (Linux) + ONE web app (Node 20) ── runs infra/webapp-host.ts: the bot and the tab as
//       two processes behind one HTTPS port; /api/messages goes to the bot, everything else to the tab
//   Azure Bot (Teams channel) ── messaging endpoint https://<web app>/api/messages
//   Key Vault (RBAC) ── the Graph client secret, the download-link secret and the tab's vote secret, read
//       through Key Vault references (the last two generated once at provisioning by infra/geheimen.ts)
//   Application Insights (+ Log Analytics workspace) ── requests, failures, logs
//
// Deployed by the Microsoft 365 Agents Toolkit (`atk provision --env dev`, see m365agents.yml), which fills
// azure.parameters.json from env/.env.dev and writes the outputs below back into env/.env.dev.
// Scale-out: with STORE=sqlite keep ONE instance (the SQLite file lives on the app's /home share). For
// several instances use STORE=postgres (Azure Database for PostgreSQL Flexible Server below, instanceCount
// N; SharePoint stays HR's record through the outbox when the Graph settings are given). STORE=graph runs
// one instance too: its outbox and booking guard are per instance.

@description('Prefix of every resource name: 4-20 lower-case letters/digits, starting with a letter.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Region of the resources (the bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for one organisation; P0v3 for more instances.')
param webAppSku string = 'B1'

@description('Name of the bot in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'Integriteitsplein'

@description('Organisation: selects config/<name>.yaml.')
param organisatie string = 'demo'

@description('sqlite (one instance, file on /home), postgres (Flexible Server, scale-out) or graph (SharePoint lists).')
@allowed(['sqlite', 'postgres', 'graph'])
param store string = 'sqlite'

@description('Web app instances (App Service scale-out) with STORE=postgres; sqlite and graph run 1 (bookings need one truth). B1 allows 3, P0v3 up to 30.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('STORE=postgres: how the app signs in to PostgreSQL. password: generated admin password in Key Vault; entra: the managed identity (no secret at all).')
@allowed(['password', 'entra'])
param postgresAuth string = 'entra'

@description('STORE=postgres: compute of the Flexible Server. Standard_B1ms allows 50 connections (≤ 2 instances); Standard_B2s 429.')
param postgresSku string = 'Standard_B1ms'

@description('STORE=postgres with postgresAuth=password: admin password (stored in Key Vault as part of DATABASE_URL only).')
@secure()
param postgresAdminPassword string = ''

@description('Client id of the Entra app registration for tab SSO (created by aadApp/create).')
param tabSsoClientId string

@description('Teams app id (manifest id, from teamsApp/create): the tab links to it when opened outside Teams.')
param teamsAppId string = ''

@description('Entra tenant of the users and of the app registrations.')
param tenantId string = subscription().tenantId

@description('Client id of the Entra app registration for Microsoft Graph (STORE=graph); empty = not used.')
param graphClientId string = ''

@description('SharePoint site id for the lists (STORE=graph); empty = not used.')
param sharePointSiteId string = ''

@description('Graph client secret; stored in Key Vault only, never in an app setting. Empty = set it later.')
@secure()
param graphClientSecret string = ''

@description('Secret key for the anonymous dilemma votes (TAB_VOTE_SECRET); stored in Key Vault. Generated once by infra/geheimen.ts (m365agents.yml); the tab refuses to start without it.')
@secure()
@minLength(32)
param tabVoteSecret string

@description('Signing key of personal download links such as the oorkonde (AMBTSEED_LINK_SECRET); stored in Key Vault. Generated once by infra/geheimen.ts; the bot refuses to start without it.')
@secure()
@minLength(32)
param ambtseedLinkSecret string

@description('Days a personal download link (the oorkonde) stays valid (AMBTSEED_LINK_TTL_DAYS).')
@minValue(1)
@maxValue(3650)
param ambtseedLinkTtlDays int = 90

var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6' // built-in role "Key Vault Secrets User"

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-log'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: 'graph-client-secret'
  properties: { value: graphClientSecret }
}

resource voteSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'tab-vote-secret'
  properties: { value: tabVoteSecret }
}

resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ambtseed-link-secret'
  properties: { value: ambtseedLinkSecret }
}

// The web app's identity may read secrets (Key Vault references), nothing else.
resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: store == 'postgres' ? instanceCount : 1 }
  properties: {
    reserved: true // Linux
  }
}

// ---- STORE=postgres: Azure Database for PostgreSQL Flexible Server (one truth for every instance) ----
var usePostgres = store == 'postgres'
var postgresDatabase = 'integriteitsplein'
var postgresAdmin = 'ipadmin'

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = if (usePostgres) {
  name: '${resourceBaseName}-pg'
  location: location
  sku: { name: postgresSku, tier: startsWith(postgresSku, 'Standard_B') ? 'Burstable' : 'GeneralPurpose' }
  properties: {
    version: '15'
    administratorLogin: postgresAuth == 'password' ? postgresAdmin : null
    administratorLoginPassword: postgresAuth == 'password' ? postgresAdminPassword : null
    authConfig: {
      activeDirectoryAuth: postgresAuth == 'entra' ? 'Enabled' : 'Disabled'
      passwordAuth: postgresAuth == 'password' ? 'Enabled' : 'Disabled'
      tenantId: tenantId
    }
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: postgresDatabase
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Only Azure services (the web app's outbound addresses) may connect; TLS is enforced by the server.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

// Entra authentication: the web app's managed identity is the server's Entra administrator.
resource postgresEntraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2022-12-01' = if (usePostgres && postgresAuth == 'entra') {
  parent: postgres
  name: identity.properties.principalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: identity.name
    tenantId: tenantId
  }
  dependsOn: [postgresDb]
}

var postgresHost = '${resourceBaseName}-pg.postgres.database.azure.com'

// Password mode: the whole connection URL is a Key Vault secret; the app setting only references it.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usePostgres && postgresAuth == 'password') {
  parent: vault
  name: 'database-url'
  properties: { value: 'postgres://${postgresAdmin}:${uriComponent(postgresAdminPassword)}@${postgresHost}:5432/${postgresDatabase}?sslmode=require' }
}

var webAppName = resourceBaseName
// The site's default host name (a web app cannot read its own defaultHostName in its own siteConfig).
var webAppHost = '${webAppName}.azurewebsites.net'
var secretRef = 'VaultName=${vault.name};SecretName='

// Settings always present; the optional ones are appended below when their value is known.
var baseSettings = [
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' } // npm install + npm run build on Linux (better-sqlite3)
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'INTEGRITEITSPLEIN_ORG', value: organisatie }
  { name: 'STORE', value: store }
  { name: 'INTEGRITEITSPLEIN_DB', value: '/home/data/integriteitsplein.db' } // persistent /home share
  // Bot Framework auth with the managed identity (botbuilder: MicrosoftAppType UserAssignedMSI).
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
  // Tab SSO (tab/api/auth.ts): tokens for api://<host>/<client id>.
  { name: 'TAB_SSO_CLIENT_ID', value: tabSsoClientId }
  { name: 'TAB_SSO_TENANT_ID', value: tenantId }
  { name: 'TAB_SSO_HOST', value: webAppHost }
  { name: 'TEAMS_APP_ID', value: teamsAppId }
  // Download links (.ics, oorkonde) point at the site; the oorkonde links are signed and expire.
  { name: 'BOT_PUBLIC_URL', value: 'https://${webAppHost}' }
  { name: 'AMBTSEED_LINK_SECRET', value: '@Microsoft.KeyVault(${secretRef}ambtseed-link-secret)' }
  { name: 'AMBTSEED_LINK_TTL_DAYS', value: string(ambtseedLinkTtlDays) }
  { name: 'TAB_VOTE_SECRET', value: '@Microsoft.KeyVault(${secretRef}tab-vote-secret)' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
]
var graphSettings = empty(graphClientId) ? [] : [
  { name: 'GRAPH_TENANT_ID', value: tenantId }
  { name: 'GRAPH_CLIENT_ID', value: graphClientId }
  { name: 'SHAREPOINT_SITE_ID', value: sharePointSiteId }
  { name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(${secretRef}graph-client-secret)' }
]
var postgresSettings = !usePostgres ? [] : postgresAuth == 'entra' ? [
  { name: 'DATABASE_URL', value: 'postgres://${uriComponent(identity.name)}@${postgresHost}:5432/${postgresDatabase}?sslmode=require' }
  { name: 'DATABASE_AUTH', value: 'entra' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'PG_POOL_MAX', value: '4' }
] : [
  { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(${secretRef}database-url)' }
  { name: 'PG_POOL_MAX', value: '4' }
]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id // resolve @Microsoft.KeyVault(...) with the managed identity
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node_modules/.bin/tsx infra/webapp-host.ts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, graphSettings, postgresSettings)
    }
  }
  dependsOn: [vaultReader, voteSecret, linkSecret, postgresFromAzure, postgresEntraAdmin, databaseUrlSecret]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written into env/.env.dev by the Agents Toolkit (arm/deploy); used by the manifest and the deploy step.
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_DOMAIN string = webApp.properties.defaultHostName
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output KEY_VAULT_NAME string = vault.name
output APPLICATIONINSIGHTS_NAME string = appInsights.name
output POSTGRES_HOST string = usePostgres ? postgresHost : ''


import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import type { GraphSettings } from './settings';

/** The scope for app-only Graph tokens (client credentials flow). */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A static bearer token (`GRAPH_ACCESS_TOKEN`): for tests and for admins with a token from their own tooling. */
export class StaticTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string) {}
  async getAccessToken(): Promise<string> {
    return this.token;
  }
}

/**
 * App-only tokens through msal-node's `ConfidentialClientApplication` (client credentials), with msal's
 * in-memory token cache: a cached token is reused until shortly before it expires. The app registration
 * needs the application permission `Sites.Selected` plus a site grant by an admin (README).
 */
export class MsalTokenProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;

  /** @throws Error (Dutch) when the certificate file cannot be read or holds no private key/certificate. */
  constructor(settings: Pick<GraphSettings, 'tenantId' | 'clientId' | 'clientSecret' | 'certPath'>) {
    const auth: Configuration['auth'] = {
      clientId: settings.clientId!,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
    };
    if (settings.clientSecret) auth.clientSecret = settings.clientSecret;
    else auth.clientCertificate = readCertificate(settings.certPath!);
    this.app = new ConfidentialClientApplication({ auth });
  }

  /** @throws Error (Dutch) when Entra ID gives no token (wrong tenant, client id, secret or certificate). */
  async getAccessToken(): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!result?.accessToken)
      throw new Error('Geen Graph-token ontvangen van Entra ID. Controleer GRAPH_TENANT_ID, GRAPH_CLIENT_ID en het geheim of certificaat.');
    return result.accessToken;
  }
}

/**
 * Read a PEM file holding the private key and the certificate (as Key Vault exports it), and compute the
 * SHA-256 thumbprint msal needs.
 */
export function readCertificate(file: string): { thumbprintSha256: string; privateKey: string; x5c: string } {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Kan certificaatbestand ${file} niet lezen (GRAPH_CLIENT_CERT_PATH).`);
  }
  const certMatch = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  const keyMatch = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(pem);
  if (!certMatch || !keyMatch) throw new Error(`Certificaatbestand ${file} moet een PEM-certificaat en een privésleutel bevatten.`);
  const cert = new X509Certificate(certMatch[0]);
  const privateKey = createPrivateKey(keyMatch[0]).export({ format: 'pem', type: 'pkcs8' }).toString();
  return { thumbprintSha256: cert.fingerprint256.replace(/:/g, ''), privateKey, x5c: certMatch[0] };
}

/** The token provider the settings ask for: the static token when set, else msal. */
export function createTokenProvider(settings: GraphSettings): AuthenticationProvider {
  if (settings.accessToken) return new StaticTokenProvider(settings.accessToken);
  return new MsalTokenProvider(settings);
}

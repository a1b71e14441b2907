import { geheimProbleem, MIN_GEHEIM_LENGTE, productieKenmerk, StartWeigering } from '@shared/config/hosting';

/**
 * Start-up rules of the bot process: what must be set before it may serve traffic.
 *
 * - Local mode (empty `MicrosoftAppId`: no Bot Framework token needed) only where it is safe: never when the
 *   process counts as production (`productieKenmerk`: NODE_ENV=production or an App Service variable).
 * - In production the download links need `BOT_PUBLIC_URL` (https; else links point at localhost) and
 *   `AMBTSEED_LINK_SECRET` (at least 32 characters; else every instance would sign with its own random key
 *   and every link would die at a restart).
 */

/**
 * Check the bot's settings before start-up.
 * @param env the process environment (MicrosoftAppId, NODE_ENV, WEBSITE_*, BOT_PUBLIC_URL, AMBTSEED_LINK_SECRET)
 * @throws StartWeigering with ONE Dutch line naming every problem and what to do; nothing is thrown outside
 *   production unless local mode is asked for there.
 */
export function controleerBotInstellingen(env: NodeJS.ProcessEnv): void {
  const productie = productieKenmerk(env);
  if (!productie) return;
  const problemen: string[] = [];
  if (!(env.MicrosoftAppId ?? '').trim()) {
    problemen.push(
      `MicrosoftAppId is leeg, dus lokale modus (berichten zonder Bot Framework-token), en dat is geweigerd omdat dit productie is (${productie}): zet MicrosoftAppId en MicrosoftAppType`,
    );
  }
  const url = (env.BOT_PUBLIC_URL ?? '').trim();
  if (!url) problemen.push('BOT_PUBLIC_URL ontbreekt (downloadlinks zouden naar localhost wijzen): zet https://<hostnaam van de web app>');
  else if (!/^https:\/\/[^/\s]+/i.test(url)) problemen.push('BOT_PUBLIC_URL moet met https:// beginnen');
  const geheim = geheimProbleem('AMBTSEED_LINK_SECRET', env.AMBTSEED_LINK_SECRET);
  if (geheim)
    problemen.push(
      `${geheim}: zet een willekeurig geheim van minstens ${MIN_GEHEIM_LENGTE} tekens (Key Vault-secret ambtseed-link-secret)`,
    );
  if (problemen.length) throw new StartWeigering(`De bot start niet: ${problemen.join('; ')}.`);
}

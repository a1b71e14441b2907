/**
 * Create the SharePoint lists of Integriteitsplein from shared/src/lists/definitions.ts.
 * Same as `npm run lists -- provision --site <id> [--dry-run]`; this entry exists for infra pipelines:
 *   npx tsx infra/provision-lists.ts --site <site-id> [--dry-run]
 * Settings: GRAPH_* and SHAREPOINT_SITE_ID (README, "SharePoint via Microsoft Graph").
 */
import { runProvision } from '@shared/store/graph/cli';

export { planProvision, applyProvision, graphColumn, describeStep } from '@shared/store/graph/provisioning';

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--site');
  const site = at >= 0 ? argv[at + 1] : undefined;
  void runProvision({ site, dryRun: argv.includes('--dry-run') }).then((code) => {
    process.exitCode = code;
  });
}

/**
 * `npm run package -- --env local|dev` → `appPackage/build/appPackage.<env>.zip`.
 * Fills the manifest's `${{…}}` placeholders from env/.env.<env> (+ .user, + process environment), checks the
 * package offline against the official Teams schema and the package rules (see app-package.ts) and writes
 * the zip. Invalid → a Dutch list of problems on stderr and exit code 1; nothing is written.
 */
import path from 'node:path';
import { Command } from 'commander';
import { buildAppPackage } from './app-package';

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('npm run package --')
    .description('Bouwt en controleert het Teams-app-pakket (appPackage/build/appPackage.<env>.zip).')
    .option('--env <naam>', 'omgeving: leest env/.env.<naam> (local, dev, …)', 'local')
    .option('--out <map>', 'map voor de zip', undefined)
    .parse(argv);
  const opts = program.opts<{ env: string; out?: string }>();
  const result = await buildAppPackage({ env: opts.env, outDir: opts.out ? path.resolve(opts.out) : undefined });
  for (const notice of result.notices) console.log(notice);
  if (result.problems.length > 0) {
    console.error(
      `Het app-pakket voor "${opts.env}" is ongeldig (${result.problems.length} ${result.problems.length === 1 ? 'probleem' : 'problemen'}):`,
    );
    for (const p of result.problems) console.error(`  - ${p}`);
    return 1;
  }
  const names = [...result.files.keys()].sort().join(', ');
  console.log(`App-pakket gebouwd en gecontroleerd: ${path.relative(process.cwd(), result.zipPath!)} (${names})`);
  return 0;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Pakket bouwen mislukt: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);

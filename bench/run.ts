/**
 * `npm run bench -- <name>` runs bench/<name>.ts; `npm run bench` runs every bench/*.ts (except this file and
 * files starting with `_`) one after the other, each in its own process so they do not disturb each other.
 * Benchmarks are not tests: each prints its own figures and ratios against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const tsx = path.resolve(dir, '../node_modules/.bin/tsx');
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length) {
  console.error(`Onbekende benchmark: ${unknown.join(', ')}. Beschikbaar: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length ? asked : available) {
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(tsx, [path.join(dir, `${name}.ts`), ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

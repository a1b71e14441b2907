import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../support/fixtures';

const upstream = path.resolve(__dirname, '../../../shared/fixtures');
const present = fs.existsSync(upstream);
if (!present) console.warn(`../shared/fixtures ontbreekt naast deze clone: de vergelijking met de gedeelde fixtures wordt overgeslagen.`);

(present ? test : test.skip)('the vendored fixtures equal ../shared/fixtures', () => {
  const names = fs.readdirSync(upstream).sort();
  expect(fs.readdirSync(FIXTURES_DIR).sort()).toEqual(names);
  for (const n of names) expect(fs.readFileSync(path.join(FIXTURES_DIR, n), 'utf8')).toBe(fs.readFileSync(path.join(upstream, n), 'utf8'));
});

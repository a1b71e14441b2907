import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, loadOrgConfig, parseOrgConfig } from '@shared/config';
import { SITUATIES } from '@shared/lists/definitions';

const dir = path.resolve(__dirname, '../../config');
const orgs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

test.each(orgs)('config/%s.yaml is valid and has a route for every situation', (org) => {
  const cfg = loadOrgConfig(org, dir);
  expect(Object.keys(cfg.routes).sort()).toEqual([...SITUATIES].sort());
  expect(cfg.ambtseed.termijn.maanden + cfg.ambtseed.termijn.dagen).toBeGreaterThan(0);
});

test('the demo organisation used by npm start exists', () => {
  expect(orgs).toEqual(expect.arrayContaining(['demo']));
});

function broken(mutate: (doc: Record<string, any>) => void): string {
  const doc = YAML.parse(fs.readFileSync(path.join(dir, 'demo.yaml'), 'utf8'));
  mutate(doc);
  try {
    parseOrgConfig(YAML.stringify(doc), 'config/demo.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('an invalid file names the file, the path inside it and what was expected', () => {
  expect(broken((d) => (d.contacten[2].contact.email = 'geen-adres'))).toBe(
    'config/demo.yaml: contacten[2].contact.email: verwacht een e-mailadres',
  );
  expect(broken((d) => (d.meldpunten[1].contacten = ['vp-x']))).toBe(
    'config/demo.yaml: meldpunten[1].contacten[0]: verwacht een id uit contacten, niet "vp-x"',
  );
  expect(broken((d) => delete d.routes.algemeen)).toMatch(/^config\/demo\.yaml: routes\.algemeen: /);
  expect(broken((d) => (d.routes.dilemma.meldpunten = ['onbekend']))).toBe(
    'config/demo.yaml: routes.dilemma.meldpunten[0]: verwacht een id uit meldpunten, niet "onbekend"',
  );
  expect(broken((d) => (d.routes.zakelijk.bijDirectie.ook = ['secretaris', 'baas']))).toBe(
    'config/demo.yaml: routes.zakelijk.bijDirectie.ook[1]: verwacht een id uit meldpunten, niet "baas"',
  );
  expect(broken((d) => (d.ambtseed.termijn = { maanden: 0 }))).toMatch(/ambtseed\.termijn: termijn moet groter dan 0 zijn/);
});

test('YAML syntax errors give the line', () => {
  expect(() => parseOrgConfig('organisatie:\n  naam: "open\n', 'config/x.yaml')).toThrow(/^config\/x\.yaml: regel \d+: geen geldige YAML/);
});

test('a missing organisation lists the ones that exist', () => {
  expect(() => loadOrgConfig('bestaatniet', dir)).toThrow(/bestaat niet; INTEGRITEITSPLEIN_ORG kan zijn: .*demo/);
});

test('an empty file says it is empty', () => {
  expect(() => parseOrgConfig('# alleen commentaar\n', 'config/leeg.yaml')).toThrow('config/leeg.yaml: bestand is leeg');
});

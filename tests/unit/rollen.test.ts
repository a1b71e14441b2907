import { gebruikersMetRol, heeftRol, rollenVan } from '@shared/domain/rollen';
import { loadOrgConfig, rollenSchema } from '@shared/config';

const rollen = rollenSchema.parse({
  vertrouwenspersoon: { gebruikers: ['AAAA-1', 'aaaa-1 '], groepen: ['g-vp'] },
  integriteitscoordinator: { gebruikers: ['bbbb-2'] },
  hr: { groepen: ['g-hr'] },
  manager: { gebruikers: ['aaaa-1'], groepen: ['g-mgr'] },
  adviseurVpt: {},
});

describe('rollenVan', () => {
  it('maps an object id to every role that lists it, case-insensitively, in ROLLEN order', () => {
    expect(rollenVan(rollen, { aadObjectId: 'aaaa-1' })).toEqual(['vertrouwenspersoon', 'manager']);
    expect(rollenVan(rollen, { aadObjectId: 'BBBB-2' })).toEqual(['integriteitscoordinator']);
  });
  it('maps group ids to roles', () => {
    expect(rollenVan(rollen, { aadObjectId: 'x', groepIds: ['G-HR'] })).toEqual(['hr']);
    expect(rollenVan(rollen, { groepIds: ['g-mgr', 'g-vp'] })).toEqual(['vertrouwenspersoon', 'manager']);
  });
  it('gives an ordinary employee and an anonymous caller no roles', () => {
    expect(rollenVan(rollen, { aadObjectId: 'cccc-3' })).toEqual([]);
    expect(rollenVan(rollen, {})).toEqual([]);
    expect(rollenVan(rollen, { aadObjectId: '' })).toEqual([]);
  });
  it('heeftRol is true when one of the needed roles is present', () => {
    expect(heeftRol(['manager'], 'vertrouwenspersoon', 'manager')).toBe(true);
    expect(heeftRol([], 'hr')).toBe(false);
  });
  it('gebruikersMetRol lists configured users once (groups are not expanded)', () => {
    expect(gebruikersMetRol(rollen, 'vertrouwenspersoon')).toEqual(['AAAA-1']);
    expect(gebruikersMetRol(rollen, 'hr')).toEqual([]);
  });
  it('the demo config maps the Agents Playground mock users to roles', () => {
    const cfg = loadOrgConfig('demo');
    // Default Playground user Alex Wilber (aadObjectId ...0020) is the integriteitscoördinator in the demo.
    expect(rollenVan(cfg.rollen, { aadObjectId: '00000000-0000-0000-0000-0000000000020' })).toEqual(['integriteitscoordinator']);
    expect(rollenVan(cfg.rollen, { aadObjectId: '00000000-0000-0000-0000-0000000000021' })).toEqual(['vertrouwenspersoon']);
    expect(rollenVan(cfg.rollen, { aadObjectId: '00000000-0000-0000-0000-0000000000025' })).toEqual([]);
  });
});

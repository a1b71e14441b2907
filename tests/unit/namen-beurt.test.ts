import { loadOrgConfig } from '@shared/config';
import { vasteNaamBron } from '@shared/graph/gebruikers';
import { SqliteListStore } from '@shared/store';
import { namenVoorBeurt } from '../../bot/src/features/namen';
import { testServices } from '../support/services';

/**
 * The shared name lookup (bot/src/features/namen.ts) used by the ambtseed and nevenwerk cards: a missing name is the
 * object id's last group, a missing source is logged under the calling feature (not always "ambtseed"), never with
 * the ids or names.
 */
describe('namenVoorBeurt', () => {
  const config = loadOrgConfig('demo');
  const store = new SqliteListStore(':memory:');
  afterAll(() => store.close());
  const LYNNE = '00000000-0000-0000-0000-000000000025';
  const ONBEKEND = '00000000-0000-0000-0000-0000000000ff';

  it('without a source: codes, the notice, and a log line naming the calling feature', async () => {
    const regels: object[] = [];
    const log = { info() {}, error() {}, warn: (o: object) => regels.push(o) };
    const namen = await namenVoorBeurt(testServices({ store, config, log }), [LYNNE], 'nl', 'nevenwerk');
    expect(namen.naam(LYNNE)).toBe('code 000000000025');
    expect(namen.melding).toMatch(/^Namen zijn niet beschikbaar/);
    expect(regels).toEqual([{ feature: 'nevenwerk', event: 'namen.ontbreken', reden: 'geenBron' }]);
  });

  it('with a source: the names found, codes for the rest, nothing logged', async () => {
    const regels: object[] = [];
    const log = { info() {}, error() {}, warn: (o: object) => regels.push(o) };
    const namen = await namenVoorBeurt(
      testServices({ store, config, log, namen: vasteNaamBron([{ aadObjectId: LYNNE, naam: 'Lynne Robbins' }]) }),
      [LYNNE, ONBEKEND],
      'en',
      'ambtseed',
    );
    expect([namen.naam(LYNNE), namen.naam(ONBEKEND)]).toEqual(['Lynne Robbins', 'code 0000000000ff']);
    expect([namen.bekend(LYNNE), namen.bekend(ONBEKEND)]).toEqual([true, false]);
    expect(namen.melding).toBe('');
    expect(regels).toEqual([]);
  });
});

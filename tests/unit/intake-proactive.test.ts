import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LokaleStaat } from '@shared/store';
import { ConversationReferenceStore, createProactiveSender, verstuurInEigenTaal, type ProactiveTransport } from '../../bot/src/proactive';
import type { Reply } from '../../bot/src/features/feature';

const ref = (conv: string) => ({
  serviceUrl: 'http://localhost:56150',
  channelId: 'msteams',
  conversation: { id: conv, conversationType: 'personal', name: 'Chat met Alex' },
  user: { id: 'user-id-0', aadObjectId: 'OID-1', name: 'Alex Wilber' },
  bot: { id: 'bot', name: 'Integriteitsplein' },
  locale: 'nl-NL',
});
const hello: Reply[] = [{ type: 'text', text: 'Herinnering' }];

function fakeTransport(fail?: (n: number) => unknown) {
  const calls: { conv: string; replies: Reply[] }[] = [];
  const transport: ProactiveTransport = {
    async continueConversation(reference, replies) {
      calls.push({ conv: reference.conversation.id, replies });
      const err = fail?.(calls.length);
      if (err) throw err;
    },
  };
  return { transport, calls };
}

describe('ConversationReferenceStore', () => {
  it('stores a reference without display names, keyed case-insensitively by object id', () => {
    const db = LokaleStaat.open(':memory:').db;
    const refs = new ConversationReferenceStore(db);
    refs.save('OID-1', ref('a:1'), new Date('2026-03-01T08:00:00Z'));
    const got = refs.get('oid-1')!;
    expect(got.reference.conversation.id).toBe('a:1');
    expect(JSON.stringify(got.reference)).not.toMatch(/Alex|Integriteitsplein|Chat met/);
    expect(got.updatedAt).toBe('2026-03-01T08:00:00.000Z');
  });
  it('rejects a reference without serviceUrl or conversation id', () => {
    const refs = new ConversationReferenceStore(LokaleStaat.open(':memory:').db);
    expect(() => refs.save('x', { conversation: { id: 'c' } })).toThrow();
    expect(() => refs.save('x', { serviceUrl: 'http://x', conversation: {} })).toThrow();
  });
});

describe('verstuurInEigenTaal', () => {
  it("builds each message in the recipient's own Teams language, whoever triggered it; Dutch when unknown", async () => {
    const { transport, calls } = fakeTransport();
    const sender = createProactiveSender({ db: LokaleStaat.open(':memory:').db, transport });
    sender.refs.save('OID-NL', ref('a:nl'));
    sender.refs.save('OID-EN', { ...ref('a:en'), locale: 'en-US' });
    sender.refs.save('OID-GB', { ...ref('a:gb'), locale: 'en-GB' });
    sender.refs.save('OID-ONBEKEND', { ...ref('a:x'), locale: undefined });
    const bouw = (l: 'nl' | 'en'): Reply[] => [{ type: 'text', text: l === 'en' ? 'You moved up' : 'Je bent doorgeschoven' }];
    for (const oid of ['OID-NL', 'OID-EN', 'OID-GB', 'OID-ONBEKEND'])
      expect(await verstuurInEigenTaal(sender, oid, bouw, `t:${oid}`)).toBe('verzonden');
    expect(calls.map((c) => [c.conv, (c.replies[0] as { text: string }).text])).toEqual([
      ['a:nl', 'Je bent doorgeschoven'],
      ['a:en', 'You moved up'],
      ['a:gb', 'You moved up'],
      ['a:x', 'Je bent doorgeschoven'],
    ]);
  });
});

describe('ProactiveSender', () => {
  it('sends once per dedupe key, also after a restart (state in the database file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proactive-'));
    const file = path.join(dir, 'test.db');
    const { transport, calls } = fakeTransport();
    let db = LokaleStaat.open(file).db;
    let sender = createProactiveSender({ db, transport });
    sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('verzonden');
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('alVerzonden');
    db.close();
    // "Restart": a new process opens the same file.
    db = LokaleStaat.open(file).db;
    sender = createProactiveSender({ db, transport });
    expect(sender.canReach('oid-1')).toBe(true);
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('alVerzonden');
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-03:oid-1')).toBe('verzonden');
    expect(calls.map((c) => c.conv)).toEqual(['a:1', 'a:1']);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports geenReferentie for someone who never talked to the bot, without claiming the key', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createProactiveSender({ db: LokaleStaat.open(':memory:').db, transport });
    expect(await sender.send('OID-9', hello, 'k1')).toBe('geenReferentie');
    expect(sender.wasSent('k1')).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it.each([403, 404])('marks the reference stale on %i and stops calling Teams', async (statusCode) => {
    const { transport, calls } = fakeTransport(() => Object.assign(new Error('gone'), { statusCode }));
    const db = LokaleStaat.open(':memory:').db;
    const sender = createProactiveSender({ db, transport, clock: () => new Date('2026-03-02T07:00:00Z') });
    sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('verouderd');
    expect(sender.refs.find('OID-1')!.staleSince).toBe('2026-03-02T07:00:00.000Z');
    expect(await sender.send('OID-1', hello, 'k2')).toBe('geenReferentie');
    expect(calls).toHaveLength(1);
    // The person talks to the bot again: the reference is fresh and sends work.
    sender.refs.save('OID-1', ref('a:2'));
    const ok = createProactiveSender({ db, transport: fakeTransport().transport });
    expect(await ok.send('OID-1', hello, 'k1')).toBe('verzonden');
  });

  it('releases the key after a transient error so the next run retries', async () => {
    const { transport, calls } = fakeTransport((n) => (n === 1 ? Object.assign(new Error('busy'), { statusCode: 503 }) : undefined));
    const sender = createProactiveSender({ db: LokaleStaat.open(':memory:').db, transport });
    sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('mislukt');
    expect(sender.wasSent('k1')).toBe(false);
    expect(await sender.send('OID-1', hello, 'k1')).toBe('verzonden');
    expect(calls).toHaveLength(2);
  });

  it('without a transport sends nothing and claims nothing', async () => {
    const sender = createProactiveSender({ db: LokaleStaat.open(':memory:').db });
    sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('mislukt');
    expect(sender.wasSent('k1')).toBe(false);
  });
});

describe('recipient language', () => {
  it('remembers the Teams locale of the last message (not the name) and maps it to nl/en', () => {
    const sender = createProactiveSender({ db: LokaleStaat.open(':memory:').db });
    expect(sender.localeVan!('oid-1')).toBeUndefined();
    sender.refs.save('OID-1', { ...ref('a:1'), locale: 'en-US' });
    expect(sender.localeVan!('oid-1')).toBe('en');
    sender.refs.save('OID-1', { ...ref('a:1'), locale: 'nl-NL' });
    expect(sender.localeVan!('oid-1')).toBe('nl');
    // A reference without a locale keeps the last known one.
    const { locale: _weg, ...zonder } = ref('a:1');
    sender.refs.save('OID-1', zonder);
    expect(sender.localeVan!('oid-1')).toBe('nl');
  });
});

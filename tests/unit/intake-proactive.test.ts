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
  it('stores a reference without display names, keyed case-insensitively by object id', async () => {
    const refs = new ConversationReferenceStore(LokaleStaat.open(':memory:'));
    await refs.save('OID-1', ref('a:1'), new Date('2026-03-01T08:00:00Z'));
    const got = (await refs.get('oid-1'))!;
    expect(got.reference.conversation.id).toBe('a:1');
    expect(JSON.stringify(got.reference)).not.toMatch(/Alex|Integriteitsplein|Chat met/);
    expect(got.updatedAt).toBe('2026-03-01T08:00:00.000Z');
  });
  it('rejects a reference without serviceUrl or conversation id', async () => {
    const refs = new ConversationReferenceStore(LokaleStaat.open(':memory:'));
    await expect(refs.save('x', { conversation: { id: 'c' } })).rejects.toThrow();
    await expect(refs.save('x', { serviceUrl: 'http://x', conversation: {} })).rejects.toThrow();
    expect(await refs.list()).toEqual([]);
  });
});

describe('verstuurInEigenTaal', () => {
  it("builds each message in the recipient's own Teams language, whoever triggered it; Dutch when unknown", async () => {
    const { transport, calls } = fakeTransport();
    const sender = createProactiveSender({ lokaal: LokaleStaat.open(':memory:'), transport });
    await sender.refs.save('OID-NL', ref('a:nl'));
    await sender.refs.save('OID-EN', { ...ref('a:en'), locale: 'en-US' });
    await sender.refs.save('OID-GB', { ...ref('a:gb'), locale: 'en-GB' });
    await sender.refs.save('OID-ONBEKEND', { ...ref('a:x'), locale: undefined });
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
    let lokaal = LokaleStaat.open(file);
    let sender = createProactiveSender({ lokaal, transport });
    await sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('verzonden');
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('alVerzonden');
    lokaal.close();
    // "Restart": a new process opens the same file.
    lokaal = LokaleStaat.open(file);
    sender = createProactiveSender({ lokaal, transport });
    expect(await sender.canReach('oid-1')).toBe(true);
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-02:oid-1')).toBe('alVerzonden');
    expect(await sender.send('OID-1', hello, 'wbk:2026-03-03:oid-1')).toBe('verzonden');
    expect(calls.map((c) => c.conv)).toEqual(['a:1', 'a:1']);
    lokaal.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports geenReferentie for someone who never talked to the bot, without claiming the key', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createProactiveSender({ lokaal: LokaleStaat.open(':memory:'), transport });
    expect(await sender.send('OID-9', hello, 'k1')).toBe('geenReferentie');
    expect(await sender.wasSent('k1')).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it.each([403, 404])('marks the reference stale on %i and stops calling Teams', async (statusCode) => {
    const { transport, calls } = fakeTransport(() => Object.assign(new Error('gone'), { statusCode }));
    const lokaal = LokaleStaat.open(':memory:');
    const sender = createProactiveSender({ lokaal, transport, clock: () => new Date('2026-03-02T07:00:00Z') });
    await sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('verouderd');
    expect((await sender.refs.find('OID-1'))!.staleSince).toBe('2026-03-02T07:00:00.000Z');
    expect(await sender.send('OID-1', hello, 'k2')).toBe('geenReferentie');
    expect(calls).toHaveLength(1);
    // The person talks to the bot again: the reference is fresh and sends work.
    await sender.refs.save('OID-1', ref('a:2'));
    const ok = createProactiveSender({ lokaal, transport: fakeTransport().transport });
    expect(await ok.send('OID-1', hello, 'k1')).toBe('verzonden');
  });

  it('releases the key after a transient error so the next run retries', async () => {
    const { transport, calls } = fakeTransport((n) => (n === 1 ? Object.assign(new Error('busy'), { statusCode: 503 }) : undefined));
    const sender = createProactiveSender({ lokaal: LokaleStaat.open(':memory:'), transport });
    await sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('mislukt');
    expect(await sender.wasSent('k1')).toBe(false);
    expect(await sender.send('OID-1', hello, 'k1')).toBe('verzonden');
    expect(calls).toHaveLength(2);
  });

  it('without a transport sends nothing and claims nothing', async () => {
    const sender = createProactiveSender({ lokaal: LokaleStaat.open(':memory:') });
    await sender.refs.save('OID-1', ref('a:1'));
    expect(await sender.send('OID-1', hello, 'k1')).toBe('mislukt');
    expect(await sender.wasSent('k1')).toBe(false);
  });
});

describe('recipient language', () => {
  it('remembers the Teams locale of the last message (not the name) and maps it to nl/en', async () => {
    const sender = createProactiveSender({ lokaal: LokaleStaat.open(':memory:') });
    expect(await sender.localeVan!('oid-1')).toBeUndefined();
    await sender.refs.save('OID-1', { ...ref('a:1'), locale: 'en-US' });
    expect(await sender.localeVan!('oid-1')).toBe('en');
    await sender.refs.save('OID-1', { ...ref('a:1'), locale: 'nl-NL' });
    expect(await sender.localeVan!('oid-1')).toBe('nl');
    // A reference without a locale keeps the last known one.
    const { locale: _weg, ...zonder } = ref('a:1');
    await sender.refs.save('OID-1', zonder);
    expect(await sender.localeVan!('oid-1')).toBe('nl');
  });
});

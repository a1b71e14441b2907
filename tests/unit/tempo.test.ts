import { RollendBudget, BudgetPerSleutel, type BudgetKlok } from '@shared/tempo/rollend-budget';
import { gepastTransport } from '../../bot/src/host/bot-connector-tempo';

/** A clock that only moves when someone sleeps (deterministic pacing tests). */
function nepKlok(): BudgetKlok & { t: number } {
  const k = { t: 0, nu: () => k.t, slaap: async (ms: number) => void (k.t += ms) };
  return k;
}

/**
 * A discrete-event clock for concurrent sleepers: once every pending promise has settled (setImmediate),
 * time jumps to the earliest wake-up and those sleepers wake; nothing runs "between" two instants.
 */
function gebeurtenisKlok(): BudgetKlok & { t: number } {
  let slapers: { tot: number; wek: () => void }[] = [];
  let gepland = false;
  const stap = () => {
    gepland = false;
    if (!slapers.length) return;
    k.t = Math.max(k.t, Math.min(...slapers.map((x) => x.tot)));
    const nu = slapers.filter((x) => x.tot <= k.t);
    slapers = slapers.filter((x) => x.tot > k.t);
    for (const x of nu) x.wek();
  };
  const k = {
    t: 0,
    nu: () => k.t,
    slaap: (ms: number) =>
      new Promise<void>((wek) => {
        slapers.push({ tot: k.t + ms, wek });
        if (!gepland) {
          gepland = true;
          setImmediate(stap);
        }
      }),
  };
  return k;
}

/** The most units spent in any window of `perMs` (checks the rolling budget from the outside). */
function piek(log: [number, number][], perMs: number): number {
  let max = 0;
  for (const [t0] of log)
    max = Math.max(
      max,
      log.filter(([t]) => t >= t0 && t < t0 + perMs).reduce((s, [, u]) => s + u, 0),
    );
  return max;
}

describe('RollendBudget (rolling window)', () => {
  test('7 per second: 70 requests take ~9 s and no second-long interval holds more than 7', async () => {
    const klok = nepKlok();
    const b = new RollendBudget([{ eenheden: 7, perMs: 1000 }], klok);
    const log: [number, number][] = [];
    for (let i = 0; i < 70; i++) {
      await b.neem(1);
      log.push([klok.t, 1]);
    }
    expect(piek(log, 1000)).toBe(7);
    expect(klok.t).toBeGreaterThanOrEqual(9000);
    expect(klok.t).toBeLessThan(9100);
  });

  test('SharePoint units: batches of 40 units against 1,250 per minute drain at the budget, never above it', async () => {
    const klok = nepKlok();
    const b = new RollendBudget([{ eenheden: 1250, perMs: 60_000 }], klok);
    const log: [number, number][] = [];
    for (let i = 0; i < 100; i++) {
      await b.neem(40);
      log.push([klok.t, 40]);
    }
    expect(piek(log, 60_000)).toBeLessThanOrEqual(1250);
    // 4,000 units at 1,250/min: the first 1,240 at once, then ~1,240 per minute → just over 2 minutes.
    expect(klok.t).toBeGreaterThan(120_000);
    expect(klok.t).toBeLessThan(181_000);
  });

  test('several windows at once, arrival order kept, and an aborted wait spends nothing', async () => {
    const klok = nepKlok();
    const b = new RollendBudget(
      [
        { eenheden: 2, perMs: 1000 },
        { eenheden: 3, perMs: 10_000 },
      ],
      klok,
    );
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((i) => b.neem(1).then(() => order.push(i))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(klok.t).toBeGreaterThanOrEqual(10_000); // the 4th waits for the 10-second window
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(b.neem(1, ac.signal)).rejects.toThrow('stop');
    expect(b.stats.eenheden).toBe(4);
  });

  test('per key: one busy conversation does not slow another', async () => {
    const klok = nepKlok();
    const p = new BudgetPerSleutel([{ eenheden: 7, perMs: 1000 }], klok);
    for (let i = 0; i < 7; i++) await p.neem('a');
    const t = klok.t;
    await p.neem('b');
    expect(klok.t).toBe(t);
  });
});

describe('Bot Connector pacing and retries (gepastTransport)', () => {
  const ref = (c: string) => ({ serviceUrl: 'https://smba.example/', conversation: { id: c } });
  const fout = (status: number, retryAfter?: string) =>
    Object.assign(new Error(`HTTP ${status}`), {
      statusCode: status,
      response: { headers: retryAfter ? { 'retry-after': retryAfter } : {} },
    });

  test('429, 412, 502 and 504 are retried with jitter (Retry-After honoured); 403 is not', async () => {
    const klok = nepKlok();
    const antwoorden = [fout(429, '2'), fout(412), fout(502), fout(504)];
    let calls = 0;
    const t = gepastTransport(
      {
        continueConversation: async () => {
          calls++;
          const e = antwoorden.shift();
          if (e) throw e;
        },
      },
      { klok, random: () => 0.5 },
    );
    await t.continueConversation(ref('c1'), [{ type: 'text', text: 'x' }]);
    expect(calls).toBe(5);
    expect(t.stats.herhaald).toBe(4);
    expect(klok.t).toBeGreaterThanOrEqual(2000); // Retry-After: 2 s
    const weg = gepastTransport(
      {
        continueConversation: async () => {
          throw fout(403);
        },
      },
      { klok },
    );
    await expect(weg.continueConversation(ref('c2'), [{ type: 'text', text: 'x' }])).rejects.toMatchObject({ statusCode: 403 });
  });

  test('gives up after the attempts and rethrows the last error', async () => {
    const klok = nepKlok();
    let calls = 0;
    const t = gepastTransport(
      {
        continueConversation: async () => {
          calls++;
          throw fout(429);
        },
      },
      { klok, pogingen: 3 },
    );
    await expect(t.continueConversation(ref('c1'), [{ type: 'text', text: 'x' }])).rejects.toMatchObject({ statusCode: 429 });
    expect(calls).toBe(3);
  });

  test('a burst to 200 people stays within 50/s per app and 7/s per conversation', async () => {
    const klok = gebeurtenisKlok();
    const sends: [number, string][] = [];
    const t = gepastTransport({ continueConversation: async (r) => void sends.push([klok.t, r.conversation.id]) }, { klok });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => t.continueConversation(ref(i < 20 ? 'hr-kanaal' : `p${i}`), [{ type: 'text', text: 'x' }])),
    );
    expect(sends).toHaveLength(200);
    expect(
      piek(
        sends.map(([tt]) => [tt, 1]),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
    expect(
      piek(
        sends.filter(([, c]) => c === 'hr-kanaal').map(([tt]) => [tt, 1]),
        1000,
      ),
    ).toBeLessThanOrEqual(7);
    expect(klok.t).toBeGreaterThanOrEqual(3000); // 200 at 50/s: the last 50 go after 3 s
    // The 20 to one conversation need ≥ 3 of its seconds and compete for app slots with the rest: done within ~6 s.
    expect(klok.t).toBeLessThan(7000);
  });
});

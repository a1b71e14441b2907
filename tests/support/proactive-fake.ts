import type { Reply } from '../../bot/src/features/feature';
import type { ProactiveSender } from '../../bot/src/proactive';

/**
 * A proactive sender for job tests: records every send by dedupe key with the recipient and the test's current
 * day (`zetDag`), and answers `alVerzonden` for a key it has seen, as the real sender does.
 */
export function nepZender(): {
  sender: ProactiveSender;
  sent: Map<string, { aan: string; replies: Reply[]; dag: string }>;
  zetDag: (d: string) => string;
} {
  const sent = new Map<string, { aan: string; replies: Reply[]; dag: string }>();
  let dag = '';
  const sender: ProactiveSender = {
    async send(aan, replies, key) {
      if (sent.has(key)) return 'alVerzonden';
      sent.set(key, { aan, replies, dag });
      return 'verzonden';
    },
    canReach: async () => true,
    wasSent: async (k) => sent.has(k),
  };
  return { sender, sent, zetDag: (d: string) => (dag = d) };
}

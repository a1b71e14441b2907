import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const script = path.resolve(__dirname, '../../scripts/pg-temp.sh');
const installed =
  fs.existsSync('/usr/lib/postgresql') &&
  fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const run = installed || process.env.CI === 'true' ? describe : describe.skip;

run('scripts/pg-temp.sh (throwaway PostgreSQL cluster for tests and benchmarks)', () => {
  test('start prints a DATABASE_URL on 127.0.0.1 that accepts connections; stop removes the directory', async () => {
    const out = execFileSync(script, ['start'], { encoding: 'utf8' });
    const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
    const dir = /PG_TEMP_DIR=(\S+)/.exec(out)?.[1];
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/integriteitsplein$/);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const r = await client.query<{ addr: string; socket: string }>(
        "SELECT inet_server_addr()::text AS addr, current_setting('unix_socket_directories') AS socket",
      );
      await client.end();
      expect(r.rows[0].addr).toBe('127.0.0.1/32');
      expect(r.rows[0].socket).toBe(dir); // the socket lives in the temp directory, not /var/run
    } finally {
      execFileSync(script, ['stop', dir!]);
    }
    expect(fs.existsSync(dir!)).toBe(false);
  });
});

import { runListsCli, type CliIo } from '@shared/cli/lists';

/** What one run of the lists CLI gave: exit code, stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * The real `npm run lists` CLI against the SQLite file `db` (STORE=sqlite), with stdout and stderr captured.
 * @returns a function that runs one command line, e.g. `run('export', '--list', 'Meldingen')`.
 */
export function listsCli(db: string): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), env: { INTEGRITEITSPLEIN_DB: db, STORE: 'sqlite' } };
    const code = await runListsCli(argv, io);
    return { code, out, err };
  };
}

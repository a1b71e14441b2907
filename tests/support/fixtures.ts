import path from 'node:path';

/**
 * The published figures and routes of ../shared/fixtures, vendored in tests/fixtures/shared so the tests run
 * in any clone (a newcomer's clone has no ../shared beside it). tests/unit/fixtures-sync.test.ts checks that
 * the copy equals ../shared/fixtures wherever that folder exists.
 */
export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures/shared');

/** Absolute path of a fixture file, e.g. `fixturePath('meldwijzer-cases.json')`. */
export function fixturePath(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/**
 * Without scripts/patch-postgres-driver.mjs (run by `postinstall`), postgres.js crashes the whole
 * server when PostgreSQL stops under load (tests/integration/database-loss.test.ts). This says so
 * at once instead of as a flaky outage test.
 */
it('the installed postgres.js carries the closed-socket guard', () => {
  for (const file of ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js']) {
    expect(readFileSync(file, 'utf8'), `${file}: run node scripts/patch-postgres-driver.mjs`).toContain('/* talaka: socket may be gone */');
  }
});

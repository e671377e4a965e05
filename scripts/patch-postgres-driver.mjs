import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * postgres.js 3.4.7–3.4.9 crashes the whole process when the database goes away under load
 * (porsager/postgres#1154, #1208; fixes proposed in #1168, #1209, not released): a write queued
 * with setImmediate runs after the connection closed and calls `null.write`, an exception thrown
 * from a timer that no request can catch. Its teardown also keeps the dead connection's
 * half-written buffer and timer, so the connection never works again after a restart.
 *
 * Run after every install (`postinstall`): the guard settles such a write as CONNECTION_CLOSED
 * (the app answers 503, see server/database-outage.ts) and teardown drops the stale buffer. The
 * script refuses to guess: when the driver's code no longer matches, it stops with an error so
 * whoever upgrades the driver checks whether the fix has landed upstream.
 */

const MARK = '/* talaka: socket may be gone */';
const files = ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js'];

const replacements = [
  [
    'function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  ['    clearImmediate(nextWriteTimer)\n', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n'],
];

for (const file of files) {
  if (!existsSync(file)) continue;
  let source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  for (const [from, to] of replacements) {
    if (!source.includes(from)) throw new Error(`${file}: the postgres.js code changed; check porsager/postgres#1208 and update this script.`);
    source = source.split(from).join(to);
  }
  writeFileSync(file, source);
}

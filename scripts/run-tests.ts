import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: check the types, build the app once (integration and end-to-end tests serve the real build), run
 * every suite (unit, integration, e2e) in one Vitest run, then print a line per suite and, last,
 * the sum as `N passed, N failed`.
 */

const REPORT = '.cache/test-report.json';
const extraArgs = process.argv.slice(2);

run('npx', ['tsc', '--noEmit']);
run('npx', ['remix', 'build']);
mkdirSync('.cache', { recursive: true });
rmSync(REPORT, { force: true });
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...extraArgs], false);

type Assertion = { status: 'passed' | 'failed' | 'pending' | 'skipped' | 'todo' | 'disabled' };
type Report = { testResults: Array<{ name: string; status: string; assertionResults: Assertion[] }> };

const totals = new Map<string, { passed: number; failed: number; skipped: number }>();
let report: Report | undefined;
try {
  report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
} catch {
  report = undefined;
}
for (const file of report?.testResults ?? []) {
  const suite = suiteOf(file.name);
  const sum = totals.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const test of file.assertionResults) {
    if (test.status === 'passed') sum.passed += 1;
    else if (test.status === 'failed') sum.failed += 1;
    else sum.skipped += 1;
  }
  // A file that failed before running any test (syntax error, failed hook) counts as a failure.
  if (file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed')) sum.failed += 1;
  totals.set(suite, sum);
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('');
for (const suite of ['unit', 'integration', 'e2e']) {
  const sum = totals.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
  console.log(`${suite}: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
  passed += sum.passed;
  failed += sum.failed;
  skipped += sum.skipped;
}
if (!report) failed += 1; // Vitest did not even report: that is a failure, not a pass.
const status = vitest === 0 && failed === 0 && passed > 0 ? 0 : 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);

function suiteOf(file: string) {
  if (file.includes('/tests/e2e/')) return 'e2e';
  if (file.includes('/tests/integration/')) return 'integration';
  return 'unit';
}

function run(command: string, args: string[], mustPass = true): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (mustPass && result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return result.status ?? 1;
}

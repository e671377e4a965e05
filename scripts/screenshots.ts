import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { launchBrowser } from '../tests/support/browser';
import { startDemoApp } from './demo/demo-app';
import { captureAll } from './screenshots/capture';

/**
 * `npm run screenshots`: builds the app, serves it on a throw-away database with the demo data
 * and writes the README's pictures to docs/screenshots/ (replacing the old ones). Fails when a
 * page answers with an error, in the wrong language, or logs an error in the browser.
 * `--no-build` reuses the current build; CHROMIUM_PATH overrides /usr/bin/chromium.
 */

const OUT_DIR = 'docs/screenshots';
const log = (line: string) => console.log(`[screenshots] ${line}`);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const demo = await startDemoApp(log);
const browser = await launchBrowser();
let problems = 0;
try {
  await rm(OUT_DIR, { recursive: true, force: true });
  for (const shot of await captureAll(demo, browser, OUT_DIR)) {
    const expected = /-(be|en|pl)-/.exec(shot.file)?.[1];
    const wrong = [
      shot.status !== 200 && `answered ${shot.status}`,
      shot.lang !== expected && `is in ${shot.lang}, not ${expected}`,
      shot.consoleErrors.length > 0 && `logged ${shot.consoleErrors.join('; ')}`,
    ].filter(Boolean);
    if (wrong.length > 0) problems += 1;
    log(`${shot.file} ${new URL(shot.url).pathname}${wrong.length ? `: ${wrong.join(', ')}` : ''}`);
  }
} finally {
  await browser.close();
  await demo.stop();
}
log(problems === 0 ? 'done' : `${problems} page(s) had problems`);
process.exit(problems === 0 ? 0 : 1);

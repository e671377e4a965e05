import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type DemoApp } from '../../scripts/demo/demo-app';
import { captureAll, DARK_SHOTS, DESKTOP, DESKTOP_SHOTS, LANGUAGES, PHONE, SHOTS, type Captured } from '../../scripts/screenshots/capture';
import { launchBrowser } from '../support/browser';

/**
 * The README's screenshots come from a script, not from hand (issue 8): this runs that script
 * (`npm run screenshots` writes the same pictures to docs/screenshots/) into a temporary folder
 * and checks that every page was really shown, signed in as the right demo account, in the
 * right language, without a browser error, and that each picture has the expected size.
 */
let demo: DemoApp;
let browser: Browser;
let outDir: string;
let captured: Captured[];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'talaka-screenshots-'));
  demo = await startDemoApp();
  browser = await launchBrowser();
  captured = await captureAll(demo, browser, outDir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string) {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the screenshot script', () => {
  it('takes each main page in be, en and pl at phone width, a few at laptop width and a few in the dark theme', () => {
    expect(captured).toHaveLength(SHOTS.length * LANGUAGES.length + DESKTOP_SHOTS.length + DARK_SHOTS.length);
    expect(captured.filter((shot) => shot.file.endsWith('-phone-dark.png'))).toHaveLength(DARK_SHOTS.length);
  });

  it('shows every page itself, in its language, without an error (no bounce to sign-in)', () => {
    for (const shot of captured) {
      const expected = SHOTS.find((candidate) => path.basename(shot.file).startsWith(`${candidate.name}-`))!;
      const wanted = new URL(expected.path(demo), demo.url).pathname;
      expect({ file: path.basename(shot.file), status: shot.status, path: new URL(shot.url).pathname, errors: shot.consoleErrors }).toEqual({
        file: path.basename(shot.file),
        status: 200,
        path: wanted,
        errors: [],
      });
      expect(shot.lang, shot.file).toBe(/-(be|en|pl)-/.exec(shot.file)![1]);
    }
  });

  it('writes PNGs as wide as the viewport, at most two screens tall', async () => {
    for (const shot of captured) {
      const { width, height } = await pngSize(shot.file);
      const viewport = /-phone(-dark)?\.png$/.test(shot.file) ? PHONE : DESKTOP;
      expect(width, shot.file).toBe(viewport.width);
      expect(height, shot.file).toBeGreaterThanOrEqual(Math.min(viewport.height, 400));
      expect(height, shot.file).toBeLessThanOrEqual(viewport.height * 2);
    }
  });
});

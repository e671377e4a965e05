import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { waitForHydration } from '../../tests/support/browser';
import type { DemoApp, DemoRole } from '../demo/demo-app';

/**
 * The README's screenshots: the main pages as each actor sees them, in Belarusian, English and
 * Polish at a phone's width, plus a few at a laptop's. Demo data only (scripts/demo/demo-app.ts).
 * Used by `npm run screenshots` (into docs/screenshots/) and by tests/e2e/screenshots.test.ts
 * (into a temporary folder), so the script that makes the pictures is itself tested.
 */

export const LANGUAGES = ['be', 'en', 'pl'] as const;
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export type Shot = {
  /** File name stem: `<name>-<language>-<phone|desktop>.png`. */
  name: string;
  path: (demo: DemoApp) => string;
  as?: DemoRole;
  /** At phone width, start the picture at this element instead of the top (the form is long). */
  phoneFrom?: string;
};

export const SHOTS: Shot[] = [
  { name: 'home', path: () => '/' },
  { name: 'sign-up', path: () => '/sign-up' },
  { name: 'profile', path: () => '/account/profile', as: 'member' },
  { name: 'directory', path: () => '/directory?skill=project-management', as: 'organizer', phoneFrom: 'section.results' },
  { name: 'talent-map', path: () => '/directory/map', as: 'organizer' },
  { name: 'event', path: (demo) => `/events/${demo.eventId}`, as: 'member' },
  { name: 'admin-audit', path: () => '/admin/audit', as: 'admin' },
];

/** The pages also taken at a laptop's width, in English. */
export const DESKTOP_SHOTS = ['home', 'directory', 'event'];

/** The pages also taken in the dark theme (the system setting), at a phone's width, in Belarusian. */
export const DARK_SHOTS = ['home', 'directory', 'event'];

export type Captured = { file: string; url: string; status: number; lang: string | null; consoleErrors: string[] };

/** Takes every picture into `outDir`; returns what each page was, for the caller to check. */
export async function captureAll(demo: DemoApp, browser: Browser, outDir: string): Promise<Captured[]> {
  await mkdir(outDir, { recursive: true });
  // A TOTP code is accepted once per factor: each account signs in once, its cookie reused.
  const sessions = new Map<DemoRole, string>();
  for (const shot of SHOTS) {
    if (shot.as && !sessions.has(shot.as)) sessions.set(shot.as, await demo.signIn(shot.as));
  }
  const light = 'light' as const;
  const jobs = [
    ...LANGUAGES.flatMap((language) => SHOTS.map((shot) => ({ shot, language, viewport: PHONE, form: 'phone', scheme: light }))),
    ...SHOTS.filter((shot) => DESKTOP_SHOTS.includes(shot.name)).map((shot) => ({ shot, language: 'en' as const, viewport: DESKTOP, form: 'desktop', scheme: light })),
    ...SHOTS.filter((shot) => DARK_SHOTS.includes(shot.name)).map((shot) => ({ shot, language: 'be' as const, viewport: PHONE, form: 'phone-dark', scheme: 'dark' as const })),
  ];
  const captured: Captured[] = [];
  for (const { shot, language, viewport, form, scheme } of jobs) {
    const file = path.join(outDir, `${shot.name}-${language}-${form}.png`);
    captured.push(await captureOne(demo, browser, { shot, language, viewport, scheme, file, cookie: shot.as ? sessions.get(shot.as) : undefined }));
  }
  return captured;
}

async function captureOne(
  demo: DemoApp,
  browser: Browser,
  job: { shot: Shot; language: string; viewport: { width: number; height: number }; scheme: 'light' | 'dark'; file: string; cookie?: string },
): Promise<Captured> {
  const context = await browser.newContext({ baseURL: demo.url, locale: job.language, viewport: job.viewport, colorScheme: job.scheme });
  try {
    if (job.cookie) {
      const [name, ...value] = job.cookie.split('=');
      await context.addCookies([{ name: name!, value: value.join('='), url: demo.url }]);
    }
    await context.addInitScript({ content: MARK_HYDRATION });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text().split('\n')[0]!));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const response = await page.goto(job.shot.path(demo));
    await waitForHydration(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Two screens' worth: on a phone the first screen is mostly the header and navigation.
    const from = job.shot.phoneFrom && job.viewport.width === PHONE.width ? job.shot.phoneFrom : undefined;
    const top = from ? Math.max(0, ((await page.locator(from).first().boundingBox())?.y ?? 0) - 16) : 0;
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    const height = Math.min(pageHeight - top, job.viewport.height * 2);
    await page.screenshot({
      path: job.file,
      fullPage: true,
      clip: { x: 0, y: top, width: job.viewport.width, height },
      animations: 'disabled',
      caret: 'hide',
    });
    return {
      file: job.file,
      url: page.url(),
      status: response?.status() ?? 0,
      lang: await page.locator('html').getAttribute('lang'),
      consoleErrors,
    };
  } finally {
    await context.close();
  }
}

/**
 * The same hook as tests/support/browser.ts installs (React reports its first commit to it), as
 * plain text: tsx would wrap a function's inner closures in a helper the page does not have.
 */
const MARK_HYDRATION = `(() => {
  let hydrated = () => undefined;
  window.__talakaHydration = new Promise((resolve) => (hydrated = resolve));
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => hydrated(true),
  };
})();`;

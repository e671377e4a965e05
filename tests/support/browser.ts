import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Chromium for the end-to-end tests: one browser per test file, a fresh context (cookies,
 * locale, viewport) for every page a test opens, closed after each test. The system's Chromium
 * is used (CHROMIUM_PATH or /usr/bin/chromium); nothing is downloaded.
 */

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type PageOptions = {
  /** The app's origin; page.goto('/path') is relative to it. */
  baseURL: string;
  /** The browser's locale: navigator.language and the Accept-Language header. */
  locale: string;
  viewport?: { width: number; height: number };
  /** false: a browser with JavaScript turned off (the plain-forms path of progressive enhancement). */
  javaScriptEnabled?: boolean;
};

export type OpenedPage = {
  page: Page;
  /** Every URL the browser requested so far, documents, scripts, styles, fetches and all. */
  requests: string[];
  /** Console errors and uncaught exceptions; CSP violations land here too. */
  consoleErrors: string[];
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
}

/** Registers the hooks of a test file and returns `openPage`, valid inside its tests. */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async openPage({ baseURL, locale, viewport = { width: 1280, height: 800 }, javaScriptEnabled = true }: PageOptions): Promise<OpenedPage> {
      if (!browser) throw new Error('openPage() runs inside a test, after beforeAll launched the browser');
      const context = await browser.newContext({ baseURL, locale, viewport, javaScriptEnabled });
      contexts.push(context);
      await context.addInitScript(markHydration);
      const requests = recordRequests(context);
      const page = await context.newPage();
      // Fail with Playwright's own message well before the test's timeout.
      page.setDefaultTimeout(10_000);
      const consoleErrors = recordConsoleErrors(page);
      return { page, requests, consoleErrors };
    },
  };
}

/** Records the URL of every request any page of the context makes, in order. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // The first line says what happened; React appends a minified stack.
    if (message.type() === 'error') errors.push(`${message.text().split('\n')[0]} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/**
 * Resolves once React has hydrated the current document and run its effects: from then on the
 * page is interactive (client-side validation, client navigation). Without this, a test that
 * types before hydration would race the script. If scripts are blocked (a CSP mistake), this
 * fails after `timeout`, which is the point.
 */
export async function waitForHydration(page: Page, timeout = 10_000) {
  // Not page.waitForFunction: its polling evaluates strings, which our CSP (rightly) forbids.
  const hydrated = await page.evaluate(
    (ms) =>
      Promise.race([
        (window as unknown as { __talakaHydration: Promise<boolean> }).__talakaHydration,
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
    timeout,
  );
  if (!hydrated) throw new Error(`${page.url()} did not hydrate within ${timeout} ms`);
}

/**
 * Runs in every document before the app's scripts. React reports each finished commit, after
 * its effects, to a devtools hook if one exists; the first report is the hydration.
 */
function markHydration() {
  const scope = window as unknown as { __talakaHydration?: Promise<boolean>; __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
  let hydrated: (value: boolean) => void = () => undefined;
  scope.__talakaHydration = new Promise((resolve) => (hydrated = resolve));
  scope.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => hydrated(true),
  };
}
